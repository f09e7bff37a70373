// @ts-check
// Markdown to DOM: marked renders, DOMPurify sanitises (the only HTML the element ever parses),
// then we add what plain markdown lacks: copy buttons on code blocks, safe links, footnote
// markers for annotations and a numbered list of their sources.

import { Marked } from '../lib/marked/marked.esm.js';
import DOMPurify from '../lib/dompurify/purify.es.mjs';
import { h, copyButton } from './dom.js';

/** @typedef {import('./types.js').Annotation} Annotation */
/** @typedef {import('./types.js').Source} Source */

// A private instance: the host page may use marked too, and must not see our settings. Its
// defaults are what we want (GitHub-flavoured, no line breaks from single newlines, synchronous).
// Raw HTML in model or user text is shown as the text it is, never parsed (an `<img onerror>`
// in a reply is text, not a sanitised image); DOMPurify stays as the net for what markdown makes.
// A chatkit-link:// link fires chatkit.deeplink; DOMPurify would drop its scheme from an href.
const marked = new Marked({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      return /^chatkit-link:/i.test(href) && `<a data-deeplink="${escapeHtml(href)}">${this.parser.parseInline(tokens)}</a>`;
    },
  },
});

// Footnote markers travel through marked and DOMPurify as private-use characters around the
// source number (U+E000 n U+E001, see renderMarkdown), then become links; private-use code points
// never occur in real answers. Splitting a text on the pattern alternates text and numbers.
const MARK_PATTERN = /\uE000(\d+)\uE001/;

// Every link we show opens in a new tab, without giving the opened page a handle on ours.
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' };

/**
 * A link that opens in a new tab (see NEW_TAB).
 * @param {string} href
 * @param {Record<string, any>} props
 * @param {...import('./dom.js').Child} children
 */
export const newTabLink = (href, props, ...children) => h('a', { ...props, href, ...NEW_TAB }, ...children);

/**
 * An element showing text, set as textContent (never parsed as HTML).
 * @param {string} selector as for h()
 * @param {string | number} text
 */
export const textEl = (selector, text) => h(selector, { text });

/**
 * Where a source links to: its url when it is a url source with a safe url, else null.
 * @param {Source | undefined} source
 */
export const sourceHref = (source) => source?.type === 'url' ? safeUrl(source.url) : null;

/**
 * @typedef {object} MarkdownOptions
 * @property {Annotation[]} [annotations]
 * @property {string[] | null} [allowedImageDomains] when set, images from other hosts are dropped
 * @property {(source: Source) => void} [onEntityClick]
 * @property {(link: { name: string, data: Record<string, string> }) => void} [onDeeplink]
 */

/**
 * Renders markdown text as a sanitised element.
 * @param {string} text
 * @param {MarkdownOptions} [options]
 * @returns {HTMLElement}
 */
export const renderMarkdown = (text, { annotations, allowedImageDomains, onEntityClick, onDeeplink } = {}) => {
  annotations ??= [];
  // Each distinct source gets a number, in order of first appearance; sources with the same
  // url (else filename, id, title) are one.
  /** @type {Source[]} */
  const sources = [];
  /** @type {Map<string, number>} */
  const numbers = new Map();
  /** @param {Source} source */
  const keyOf = (source) => source.url ?? source.filename ?? source.id ?? source.title;
  for (const annotation of annotations) {
    const source = annotation?.source;
    if (source && !numbers.has(keyOf(source))) numbers.set(keyOf(source), sources.push(source));
  }
  // Markers at each annotation's character offset (`index`); annotations without an index
  // appear only in the source list. Every annotation with a source was numbered just above.
  /** @type {Map<number, Set<number>>} offset -> the source numbers marked there */
  const markersAt = new Map();
  for (const a of annotations) {
    if (!a?.source || typeof a.index !== 'number') continue;
    const at = markerOffset(text, Math.min(Math.max(0, a.index), text.length));
    markersAt.set(at, (markersAt.get(at) ?? new Set()).add(/** @type {number} */ (numbers.get(keyOf(a.source)))));
  }
  const withMarkers = [...markersAt]
    .sort(([a], [b]) => b - a) // right to left, so earlier offsets stay valid
    .reduce((result, [at, marked]) => {
      // Several sources at one place read in ascending order: "text 1 2", each number once.
      const run = [...marked].sort((x, y) => x - y).map((n) => `\uE000${n}\uE001`).join('');
      return result.slice(0, at) + run + result.slice(at);
    }, text);
  const html = /** @type {string} */ (marked.parse(withMarkers));
  const container = h('div.markdown', DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  /** @param {string} selector */
  const all = (selector) => container.querySelectorAll(selector);

  for (const a of all('a[href]')) Object.assign(a, NEW_TAB);
  for (const a of /** @type {NodeListOf<HTMLAnchorElement>} */ (all('a[data-deeplink]'))) {
    const url = parseUrl(a.href = a.dataset.deeplink ?? ''); // focusable, never followed
    a.onclick = (event) => {
      event.preventDefault();
      if (url) onDeeplink?.({ name: url.host + url.pathname, data: Object.fromEntries(url.searchParams) });
    };
  }
  for (const img of all('img')) if (!imageAllowed(img.getAttribute('src') ?? '', allowedImageDomains)) img.remove();
  // Each `<pre>` gets a header holding the language and a copy button.
  for (const pre of all('pre')) {
    const code = pre.querySelector('code');
    const language = code?.className.match(/(?:^|\s)language-(\S*)/)?.[1] ?? '';
    const block = h('div.code-block', h('div.code-header', textEl('span', language),
      copyButton('Copy code', 'copy-code', () => (code ?? pre).textContent ?? '')));
    pre.before(block);
    block.append(pre);
  }
  if (sources.length) {
    replaceMarkers(container, sources);
    container.append(renderSourceList(sources, onEntityClick));
  }
  return container;
};

/**
 * Where a marker for an annotation at `at` goes. Right after closing emphasis (`*text*`,
 * `**text**`, `_text_`, `~~text~~`) it would stop the delimiters from closing, as a letter after
 * them does, and the reader would see `*text*1`: there the marker goes just inside instead.
 * Delimiters after a space are not closing ones and are left alone.
 * @param {string} text
 * @param {number} at
 */
const markerOffset = (text, at) => {
  let start = at;
  while (start > 0 && '*_~'.includes(text[start - 1])) start--;
  return start < at && start > 0 && !/\s/.test(text[start - 1]) ? start : at;
};

/**
 * @param {HTMLElement} container
 * @param {Source[]} list
 */
const replaceMarkers = (container, list) => {
  const walker = document.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  /** @type {Text[]} */
  const texts = [];
  while (walker.nextNode()) texts.push(/** @type {Text} */ (walker.currentNode));
  for (const node of texts) {
    const pieces = node.data.split(MARK_PATTERN);
    if (pieces.length === 1) continue;
    // Odd pieces are the source numbers: each becomes a footnote, a link for a url source.
    // Footnotes next to each other share one unbreakable run, so "1 2" never splits over lines.
    /** @type {(string | HTMLElement)[]} */
    const replacement = [];
    /** @type {HTMLElement | null} */
    let run = null;
    pieces.forEach((piece, i) => {
      if (i % 2 === 0) {
        if (piece) {
          replacement.push(piece);
          run = null; // text between: the next footnote starts a new run
        }
        return;
      }
      if (!run) replacement.push(run = h('span.footnotes', '\u2060')); // a word joiner keeps the run by the word before it
      const source = list[Number(piece) - 1];
      const href = sourceHref(source);
      run.append(h('sup.footnote', href
        ? newTabLink(href, { title: source.title, text: piece })
        : h('span', { title: source?.title ?? '', text: piece })));
    });
    node.replaceWith(...replacement);
  }
};

/**
 * The numbered list of sources: a link for a url source, a button for an interactive entity
 * (when the host listens), plain text otherwise.
 * @param {Source[]} list
 * @param {((source: Source) => void) | undefined} onEntityClick
 */
const renderSourceList = (list, onEntityClick) => h('ol.sources', { ariaLabel: 'Sources' },
  list.map((source, i) => {
    const label = source.title || source.url || source.filename || 'Source';
    const href = sourceHref(source);
    const number = textEl('span.source-number', i + 1);
    return h('li', href
      ? newTabLink(href, { testid: 'source-link' }, number, textEl('span', label), textEl('span.source-host', hostOf(href)))
      : source.type === 'entity' && source.interactive && onEntityClick
        ? h('button', { onclick: () => onEntityClick(source) }, number, textEl('span', source.label ?? label))
        : h('span', number, textEl('span', source.filename ?? source.label ?? label)));
  }));

/**
 * Only http(s) and relative URLs become links; sources are server data, not trusted HTML.
 * @param {string | undefined} url
 */
export const safeUrl = (url) => {
  const parsed = url && parseUrl(url);
  return parsed && /^https?:$/.test(parsed.protocol) ? parsed.href : null;
};

/**
 * Whether an image may show: with a list of allowed hosts set, only from them (or subdomains).
 * @param {string} src
 * @param {string[] | null} [domains]
 */
export const imageAllowed = (src, domains) => {
  const host = hostOf(src);
  return !domains || domains.some((domain) => host === domain || host.endsWith('.' + domain));
};

/** @param {string} url */
const hostOf = (url) => parseUrl(url)?.hostname.replace(/^www\./, '') ?? '';

/** The URL, resolved against the page; null when it is not one. @param {string} url */
const parseUrl = (url) => {
  try {
    return new URL(url, document.baseURI);
  } catch {
    return null;
  }
};

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
