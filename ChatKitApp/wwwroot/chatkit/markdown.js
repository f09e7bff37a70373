// @ts-check
// Markdown to DOM: marked renders, DOMPurify sanitises (the only HTML the element ever parses),
// then we add what plain markdown lacks: copy buttons on code blocks, safe links, footnote
// markers for annotations and a numbered list of their sources.

import { Marked } from '../lib/marked/marked.esm.js';
import DOMPurify from '../lib/dompurify/purify.es.mjs';
import { h, copyButton } from './dom.js';

/** @typedef {import('./types.js').Annotation} Annotation */
/** @typedef {import('./types.js').Source} Source */

// A private instance: the host page may use marked too, and must not see our settings.
// Raw HTML in model or user text is shown as the text it is, never parsed (an `<img onerror>`
// in a reply is text, not a sanitised image); DOMPurify stays as the net for what markdown makes.
const marked = new Marked({
  gfm: true, breaks: false, async: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

// Footnote markers travel through marked and DOMPurify as private-use characters around the
// source number, then become links; private-use code points never occur in real answers.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK_PATTERN = /\uE000(\d+)\uE001/g;

/**
 * @typedef {object} MarkdownOptions
 * @property {Annotation[]} [annotations]
 * @property {string[] | null} [allowedImageDomains] when set, images from other hosts are dropped
 * @property {(source: Source) => void} [onEntityClick]
 */

/**
 * Renders markdown text as a sanitised element.
 * @param {string} text
 * @param {MarkdownOptions} [options]
 * @returns {HTMLElement}
 */
export function renderMarkdown(text, options = {}) {
  const sources = numberSources(options.annotations ?? []);
  const html = /** @type {string} */ (marked.parse(insertMarkers(text, options.annotations ?? [], sources)));
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  const container = h('div', { class: 'markdown' });
  container.append(fragment);

  secureLinks(container);
  filterImages(container, options.allowedImageDomains ?? null);
  enhanceCodeBlocks(container);
  if (sources.list.length > 0) {
    replaceMarkers(container, sources.list);
    container.append(renderSourceList(sources.list, options.onEntityClick));
  }
  return container;
}

/**
 * Gives each distinct source a number, in order of first appearance.
 * @param {Annotation[]} annotations
 */
function numberSources(annotations) {
  /** @type {Source[]} */
  const list = [];
  /** @type {Map<string, number>} */
  const numbers = new Map();
  for (const annotation of annotations) {
    const source = annotation?.source;
    if (!source) continue;
    const key = source.url ?? source.filename ?? source.id ?? source.title;
    if (!numbers.has(key)) {
      list.push(source);
      numbers.set(key, list.length);
    }
  }
  /** @param {Source} source */
  const numberOf = (source) => numbers.get(source.url ?? source.filename ?? source.id ?? source.title) ?? 0;
  return { list, numberOf };
}

/**
 * Inserts a marker at each annotation's character offset (`index`); annotations without an
 * index appear only in the source list.
 * @param {string} text
 * @param {Annotation[]} annotations
 * @param {{ numberOf: (source: Source) => number }} sources
 */
function insertMarkers(text, annotations, sources) {
  const placed = annotations
    .filter((a) => a?.source && typeof a.index === 'number')
    .map((a) => ({ at: Math.min(Math.max(0, /** @type {number} */ (a.index)), text.length), n: sources.numberOf(a.source) }))
    .sort((a, b) => b.at - a.at); // right to left, so earlier offsets stay valid
  let result = text;
  for (const { at, n } of placed) result = result.slice(0, at) + MARK_OPEN + n + MARK_CLOSE + result.slice(at);
  return result;
}

/**
 * @param {HTMLElement} container
 * @param {Source[]} list
 */
function replaceMarkers(container, list) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const hits = [];
  while (walker.nextNode()) {
    const node = /** @type {Text} */ (walker.currentNode);
    if (node.data.includes(MARK_OPEN)) hits.push(node);
  }
  for (const node of hits) {
    const pieces = [];
    let last = 0;
    for (const match of node.data.matchAll(MARK_PATTERN)) {
      pieces.push(node.data.slice(last, match.index));
      const n = Number(match[1]);
      const source = list[n - 1];
      const href = source?.type === 'url' ? safeUrl(source.url) : null;
      pieces.push(h('sup', { class: 'footnote' },
        href
          ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', title: source.title, text: String(n) })
          : h('span', { title: source?.title ?? '', text: String(n) })));
      last = /** @type {number} */ (match.index) + match[0].length;
    }
    pieces.push(node.data.slice(last));
    node.replaceWith(...pieces);
  }
}

/**
 * @param {Source[]} list
 * @param {((source: Source) => void) | undefined} onEntityClick
 */
function renderSourceList(list, onEntityClick) {
  return h('ol', { class: 'sources', 'aria-label': 'Sources' },
    list.map((source, i) => {
      const label = source.title || source.url || source.filename || 'Source';
      const href = source.type === 'url' ? safeUrl(source.url) : null;
      let body;
      if (href) {
        body = h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'source-link' },
          h('span', { class: 'source-number', text: String(i + 1) }), h('span', { text: label }),
          h('span', { class: 'source-host', text: hostOf(href) }));
      } else if (source.type === 'entity' && source.interactive && onEntityClick) {
        body = h('button', { onclick: () => onEntityClick(source) },
          h('span', { class: 'source-number', text: String(i + 1) }), h('span', { text: source.label ?? label }));
      } else {
        body = h('span', {}, h('span', { class: 'source-number', text: String(i + 1) }),
          h('span', { text: source.filename ?? source.label ?? label }));
      }
      return h('li', {}, body);
    }));
}

/** @param {HTMLElement} container */
function secureLinks(container) {
  for (const a of container.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
}

/**
 * @param {HTMLElement} container
 * @param {string[] | null} allowed
 */
function filterImages(container, allowed) {
  if (!allowed) return;
  for (const img of container.querySelectorAll('img')) {
    const host = hostOf(img.getAttribute('src') ?? '');
    if (!allowed.some((domain) => host === domain || host.endsWith('.' + domain))) img.remove();
  }
}

/** Wraps each `<pre>` with a header holding the language and a copy button. @param {HTMLElement} container */
function enhanceCodeBlocks(container) {
  for (const pre of container.querySelectorAll('pre')) {
    const code = pre.querySelector('code');
    const language = [...(code?.classList ?? [])].find((c) => c.startsWith('language-'))?.slice(9) ?? '';
    const copy = copyButton('Copy code', 'copy-code', () => (code ?? pre).textContent ?? '');
    const block = h('div', { class: 'code-block' },
      h('div', { class: 'code-header' }, h('span', { text: language }), copy));
    pre.replaceWith(block);
    block.append(pre);
  }
}

/**
 * Only http(s) and relative URLs become links; sources are server data, not trusted HTML.
 * @param {string | undefined} url
 */
export function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** @param {string} url */
function hostOf(url) {
  try {
    return new URL(url, document.baseURI).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
