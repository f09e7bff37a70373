// @ts-check
// Icons, all inline SVG line icons stroked with currentColor (never emoji, which need an emoji
// font the machine may not have). The element's own buttons use a handful of simple icons drawn
// here; the protocol's icon names (ChatKit's vocabulary and `lucide:*`) are drawn with the
// Lucide icons vendored in ../lib/lucide/, as the CDN element draws them.

import { LUCIDE_ICONS } from '../lib/lucide/lucide-icons.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Path data on a 24x24 grid, stroked with currentColor. Each `M` starts a separate <path>
 * element (strokes of separate paths blend where they cross, so they are kept apart).
 */
const PATHS = {
  send: 'M12 19V5M5 12l7-7 7 7',
  history: 'M3 12a9 9 0 102.6-6.4L3 8M3 3v5h5M12 7v5l3 2',
  compose: 'M12 20h8M16.5 3.5a2.1 2.1 0 013 3L7 19l-4 1 1-4z',
  copy: 'M9 9h10a1 1 0 011 1v10a1 1 0 01-1 1H9a1 1 0 01-1-1V10a1 1 0 011-1zM5 15H4a1 1 0 01-1-1V4a1 1 0 011-1h10a1 1 0 011 1v1',
  check: 'M20 6L9 17l-5-5',
  thumbUp: 'M7 11v9H4v-9zM7 11l4-8c1.4 0 2.5 1.1 2.5 2.5V9h5.2a2 2 0 012 2.3l-1.2 7A2 2 0 0117.5 20H7',
  thumbDown: 'M17 13V4h3v9zM17 13l-4 8c-1.4 0-2.5-1.1-2.5-2.5V15H5.3a2 2 0 01-2-2.3l1.2-7A2 2 0 016.5 4H17',
  retry: 'M4 12a8 8 0 102.3-5.7L4 8.6M4 4v4.6h4.6',
  close: 'M6 6l12 12M18 6L6 18',
  paperclip: 'M20 11.5l-8 8a5 5 0 01-7-7l8.5-8.5a3.3 3.3 0 014.7 4.7l-8.5 8.5a1.7 1.7 0 01-2.4-2.4L15 7',
  tools: 'M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4',
  file: 'M14 3H6a2 2 0 00-2 2v14a2 2 0 002 2h12a2 2 0 002-2V9zM14 3v6h6',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  pencil: 'M4 20h4L19 9l-4-4L4 16z',
  alert: 'M12 3L2 20h20zM12 10v4M12 17v.5',
  mic: 'M12 3a3 3 0 00-3 3v6a3 3 0 006 0V6a3 3 0 00-3-3zM19 10v2a7 7 0 01-14 0v-2M12 19v3',
};

/** @typedef {keyof typeof PATHS} UiIconName */

/**
 * An SVG element with attributes.
 * @param {string} tag
 * @param {Record<string, string>} attributes
 */
function svgElement(tag, attributes) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/**
 * An inline SVG icon for the element's own controls. Decorative: the button carries the label.
 * @param {UiIconName} name
 * @returns {SVGSVGElement}
 */
export function uiIcon(name) {
  const svg = /** @type {SVGSVGElement} */ (svgElement('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: 'icon' }));
  for (const d of PATHS[name].split(/(?=M)/)) svg.append(svgElement('path', { d }));
  return svg;
}

/**
 * ChatKit's icon names (widgets.d.ts WidgetIcon, and the HeaderIcon names that may appear on
 * leftAction/rightAction) and the Lucide icon that draws each.
 * @type {Record<string, string>}
 */
const CHATKIT_ICONS = {
  'agent': 'bot',
  'analytics': 'chart-column',
  'atom': 'atom',
  'batch': 'layers',
  'bolt': 'zap',
  'book-open': 'book-open',
  'book-closed': 'book',
  'book-clock': 'book-open-text',
  'bug': 'bug',
  'calendar': 'calendar',
  'chart': 'chart-line',
  'check': 'check',
  'check-circle': 'circle-check',
  'check-circle-filled': 'circle-check-big',
  'chevron-left': 'chevron-left',
  'back-small': 'chevron-left',
  'back-large': 'arrow-left',
  'chevron-right': 'chevron-right',
  'circle-question': 'circle-question-mark',
  'clock': 'clock',
  'history': 'history',
  'compass': 'compass',
  'confetti': 'party-popper',
  'cube': 'box',
  'desktop': 'monitor',
  'document': 'file-text',
  'dot': 'dot',
  'dots-horizontal': 'ellipsis',
  'dots-vertical': 'ellipsis-vertical',
  'empty-circle': 'circle',
  'external-link': 'external-link',
  'globe': 'globe',
  'keys': 'key-round',
  'lab': 'flask-conical',
  'images': 'images',
  'square-image': 'image',
  'info': 'info',
  'lifesaver': 'life-buoy',
  'lightbulb': 'lightbulb',
  'mail': 'mail',
  'map-pin': 'map-pin',
  'maps': 'map',
  'mobile': 'smartphone',
  'name': 'id-card',
  'profile-card': 'id-card',
  'notebook': 'notebook',
  'notebook-pencil': 'notebook-pen',
  'square-text': 'notepad-text',
  'page-blank': 'file',
  'phone': 'phone',
  'play': 'play',
  'plus': 'plus',
  'profile': 'user',
  'user': 'user',
  'reload': 'rotate-cw',
  'star': 'star',
  'star-filled': 'star',
  'search': 'search',
  'sparkle': 'sparkle',
  'sparkle-double': 'sparkles',
  'square-code': 'square-code',
  'suitcase': 'briefcase',
  'settings-slider': 'sliders-horizontal',
  'wreath': 'award',
  'write': 'pencil',
  'write-alt': 'pen-line',
  'write-alt2': 'square-pen',
  'compose': 'square-pen',
  'home': 'house',
  'home-alt': 'house',
  'close': 'x',
  'menu': 'menu',
  'hamburger': 'menu',
  'share': 'share',
  'settings-cog': 'settings',
  'grid': 'layout-grid',
  'light-mode': 'sun',
  'dark-mode': 'moon',
  'sidebar-left': 'panel-left',
  'sidebar-right': 'panel-right',
  'expand-large': 'maximize-2',
  'collapse-large': 'minimize-2',
};

/** ChatKit names drawn filled rather than outlined. */
const FILLED = new Set(['star-filled']);

/**
 * The Lucide icon for a protocol icon name: a ChatKit name, or `lucide:<name>` for one of the
 * vendored icons. Own properties only: a name such as "constructor" is unknown, not Object's member.
 * @param {string} name
 * @returns {string | undefined}
 */
function lucideName(name) {
  const lucide = name.startsWith('lucide:') ? name.slice('lucide:'.length)
    : Object.hasOwn(CHATKIT_ICONS, name) ? CHATKIT_ICONS[name] : undefined;
  return lucide && Object.hasOwn(LUCIDE_ICONS, lucide) ? lucide : undefined;
}

/**
 * An inline SVG for a protocol icon name. `vendor:*` names and unknown names get a small dot
 * rather than nothing, so layouts keep their rhythm. Decorative: the control carries the label.
 * @param {string} name
 * @param {string} [className] the svg's class (`icon` sizes it like the element's own icons)
 * @returns {SVGSVGElement}
 */
export function protocolIcon(name, className = 'icon') {
  const svg = /** @type {SVGSVGElement} */ (svgElement('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: className }));
  svg.dataset.icon = name;
  if (FILLED.has(name)) svg.classList.add('filled');
  for (const [tag, attributes] of LUCIDE_ICONS[lucideName(name) ?? 'dot']) svg.append(svgElement(tag, attributes));
  return svg;
}
