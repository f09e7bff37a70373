// @ts-check
// Small DOM helpers. Every node of the element is built here with createElement/textContent,
// so no string of server data is ever parsed as HTML outside markdown.js (which sanitises).

import { uiIcon, protocolIcon } from './icons.js';

/**
 * A child: a node, text, nothing (skipped), or a nested list of children.
 * @typedef {Node | string | number | null | undefined | false | any[]} Child
 */

/**
 * The tag name of a selector (`'button.icon-button'` -> `'button'`).
 * @template {string} S
 * @typedef {S extends `${infer Tag}.${string}` ? Tag : S} TagOf
 */

/**
 * The element type h() returns for a selector: `h('input.w-input')` is an HTMLInputElement.
 * @template {string} S
 * @typedef {TagOf<S> extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[TagOf<S>] : HTMLElement} ElementOf
 */

/**
 * Creates an element, hyperscript style: `h('button.icon-button.small', { label: 'Close' }, icon)`.
 * - the selector is a tag name followed by any number of `.class` names;
 * - props may be left out when there are none: `h('div.row', icon, label)` (props are recognised
 *   as a plain object; anything else is a child). So data from the host or the server never goes
 *   in as the second argument, where an object would be read as props: it goes in as `text:`;
 * - `text` sets textContent, `class` adds class names (for ones computed at run time), `style` an
 *   object of CSS properties (custom properties included), `dataset` an object of data-* values,
 *   `label` both the accessible name (aria-label) and the tooltip (title), `testid` the
 *   data-testid that end-to-end tests find the element by;
 * - a `<button>` is `type="button"` unless `type` says otherwise (never an accidental submit);
 * - a function whose key starts with `on` becomes an event listener (`onclick` -> click);
 * - keys that are properties of the element (value, disabled, type, checked, hidden...) are
 *   assigned as properties; anything else (aria-*, data-*...) becomes an attribute;
 * - null, undefined and false values are skipped, so optional props need no branching.
 * @template {string} S
 * @param {S} selector
 * @param {Record<string, any> | Child} [props]
 * @param {...Child} children
 * @returns {ElementOf<S>}
 */
export function h(selector, props, ...children) {
  const [tag, ...classes] = selector.split('.');
  const el = /** @type {any} */ (document.createElement(tag));
  if (tag === 'button') el.type = 'button';
  if (classes.length) el.className = classes.join(' ');
  if (isProps(props)) setProps(el, props);
  else children.unshift(props);
  append(el, children);
  return el;
}

/**
 * Whether h()'s second argument is props: a plain object (a node, text or list is a child).
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isProps(value) {
  return value?.constructor === Object;
}

/**
 * Applies h()'s props to a new element (see h for what each key means).
 * @param {any} el
 * @param {Record<string, any>} props
 */
function setProps(el, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') {
      el.textContent = value;
    } else if (key === 'label') {
      el.ariaLabel = value;
      el.title = value;
    } else if (key === 'class') {
      // Split on any whitespace: a tab or newline in a server value must not throw.
      el.classList.add(...String(value).split(/\s+/).filter(Boolean));
    } else if (key === 'style') {
      setStyles(el, value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'testid') {
      el.dataset.testid = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key in el) {
      // DOM properties are camelCase, so a dashed key (aria-*, data-*) always lands in setAttribute.
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
}

/**
 * Shows or clears a busy state: a class for the look, aria-busy for assistive technology.
 * @param {Element} el
 * @param {string} className
 * @param {boolean} busy
 */
export function markBusy(el, className, busy) {
  el.classList.toggle(className, busy);
  el.ariaBusy = busy ? 'true' : null; // null removes the attribute
}

/**
 * A decorative SVG icon for a protocol icon name (see protocolIcon) in a span; nothing without a name.
 * @param {string | undefined} name
 * @param {string | null} [className]
 */
export function glyph(name, className = 'w-icon') {
  return name ? h('span', { class: className, ariaHidden: 'true' }, protocolIcon(name)) : null;
}

/**
 * Appends children, flattening arrays and skipping empty values.
 * @param {Element | DocumentFragment} parent
 * @param {Child[]} children
 */
export function append(parent, children) {
  // append() itself turns numbers into text.
  parent.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
}

/**
 * @param {HTMLElement} el
 * @param {Record<string, string | number | false | null | undefined>} styles
 */
export function setStyles(el, styles) {
  for (const [name, value] of Object.entries(styles)) {
    // Unset values (null, undefined, false, '') are skipped. setProperty only accepts kebab-case;
    // camelCase keys are converted for convenience (custom properties are case-sensitive, so
    // they stay as they are).
    if (value || value === 0) {
      el.style.setProperty(name.startsWith('--') ? name : name.replace(/[A-Z]/g, '-$&').toLowerCase(), /** @type {any} */ (value));
    }
  }
}

/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context (https or
 * localhost); elsewhere we fall back to a hidden textarea and the legacy copy command.
 * @param {string} text
 * @returns {Promise<boolean>} whether the copy succeeded
 */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { value: text, ariaHidden: 'true', style: { position: 'fixed', opacity: '0', pointerEvents: 'none' } });
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * An icon button that copies text and briefly shows a check mark.
 * @param {string} label accessible name
 * @param {string} testId
 * @param {() => string} getText read at click time, so streamed text is copied in full
 */
export function copyButton(label, testId, getText) {
  const button = h('button.icon-button.copy', {
    label, testid: testId,
    onclick: async () => {
      if (await copyText(getText())) flash(button, 'copied');
    },
  }, uiIcon('copy'), uiIcon('check'));
  return button;
}

/**
 * Shows a short confirmation on a button (e.g. "Copied") and restores it afterwards.
 * @param {HTMLElement} button
 * @param {string} className
 */
export function flash(button, className) {
  button.classList.add(className);
  setTimeout(() => button.classList.remove(className), 1500);
}

/**
 * Reads a server timestamp. Offset-less timestamps are read as UTC, as the protocol recommends
 * (a browser would otherwise read them as local time).
 * @param {string | undefined} iso
 * @returns {Date | null} null when missing or not a date
 */
export function parseServerDate(iso) {
  if (!iso) return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(iso);
  const date = new Date(hasZone || !iso.includes('T') ? iso : iso + 'Z');
  return isNaN(/** @type {any} */ (date)) ? null : date; // an Invalid Date is NaN as a number
}

/**
 * Formats a server timestamp for the history list: the time today, else the date.
 * @param {string | undefined} iso
 * @param {string} locale
 */
export function formatDate(iso, locale) {
  const date = parseServerDate(iso);
  if (!date) return '';
  const sameDay = date.toDateString() === new Date().toDateString();
  try {
    // With time (or date) fields given, toLocaleString shows just those, as toLocaleTimeString
    // (or toLocaleDateString) would.
    return date.toLocaleString(locale, sameDay ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric' });
  } catch {
    return date.toLocaleDateString();
  }
}
