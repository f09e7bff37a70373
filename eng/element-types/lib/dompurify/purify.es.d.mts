// The part of DOMPurify's API that the element uses (see ../marked/marked.esm.d.ts for why).
interface DOMPurify {
  sanitize(dirty: string, config: { RETURN_DOM_FRAGMENT: true }): DocumentFragment;
}

declare const purify: DOMPurify;
export default purify;
