// The part of marked's API that the element uses (ChatKitApp/wwwroot/chatkit/markdown.js). The
// vendored file is checked by its own authors, not here: eng/tsconfig.element.json maps
// ChatKitApp/wwwroot/lib onto this folder (rootDirs), so the element sees these types instead.
export interface RendererOverrides {
  html?: (token: { text: string }) => string;
  /** false: marked's own rendering. */
  link?: (this: { parser: { parseInline(tokens: unknown[]): string } }, token: { href: string, tokens: unknown[] }) => string | false;
}

export interface MarkedOptions {
  renderer?: RendererOverrides;
}

export class Marked {
  constructor(...options: MarkedOptions[]);
  parse(src: string): string | Promise<string>;
}
