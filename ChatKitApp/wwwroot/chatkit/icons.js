// @ts-check
// Icons. The element's own buttons use a handful of simple stroke icons drawn here; the open
// icon vocabulary of the protocol (ChatKit icon names, `lucide:*`, `vendor:*`) is shown as an
// emoji or text fallback, because we ship no icon font.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Path data on a 24x24 grid, stroked with currentColor. */
const PATHS = {
  send: ['M12 19V5', 'M5 12l7-7 7 7'],
  history: ['M3 12a9 9 0 1 0 2.6-6.4L3 8', 'M3 3v5h5', 'M12 7v5l3 2'],
  compose: ['M12 20h8', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'],
  copy: ['M9 9h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1z',
    'M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1'],
  check: ['M20 6L9 17l-5-5'],
  thumbUp: ['M7 11v9H4v-9z', 'M7 11l4-8c1.4 0 2.5 1.1 2.5 2.5V9h5.2a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.5 20H7'],
  thumbDown: ['M17 13V4h3v9z', 'M17 13l-4 8c-1.4 0-2.5-1.1-2.5-2.5V15H5.3a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.5 4H17'],
  retry: ['M4 12a8 8 0 1 0 2.3-5.7L4 8.6', 'M4 4v4.6h4.6'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  paperclip: ['M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15 7'],
  tools: ['M4 7h9', 'M17 7h3', 'M4 17h3', 'M11 17h9', 'M15 5v4', 'M9 15v4'],
  file: ['M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z', 'M14 3v6h6'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  pencil: ['M4 20h4L19 9l-4-4L4 16z'],
  alert: ['M12 3L2 20h20z', 'M12 10v4', 'M12 17v.5'],
};

/** @typedef {keyof typeof PATHS} UiIconName */

/**
 * An inline SVG icon for the element's own controls. Decorative: the button carries the label.
 * @param {UiIconName} name
 * @returns {SVGSVGElement}
 */
export function uiIcon(name) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  for (const d of PATHS[name]) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Emoji stand-ins for the ChatKit icon vocabulary (widgets.d.ts WidgetIcon and friends). */
const GLYPHS = {
  agent: '🤖', analytics: '📊', atom: '⚛️', batch: '🗂️', bolt: '⚡', 'book-open': '📖',
  'book-closed': '📕', 'book-clock': '📚', bug: '🐞', calendar: '📅', chart: '📈',
  check: '✓', 'check-circle': '✅', 'check-circle-filled': '✅', 'chevron-left': '‹',
  'chevron-right': '›', 'circle-question': '❓', clock: '🕒', compass: '🧭', confetti: '🎉',
  cube: '🧊', desktop: '🖥️', document: '📄', dot: '•', 'dots-horizontal': '⋯',
  'dots-vertical': '⋮', 'empty-circle': '○', 'external-link': '↗', globe: '🌐', keys: '🔑',
  lab: '🧪', images: '🖼️', info: 'ℹ️', lifesaver: '🛟', lightbulb: '💡', mail: '✉️',
  'map-pin': '📍', maps: '🗺️', mobile: '📱', name: '🪪', notebook: '📓',
  'notebook-pencil': '📝', 'page-blank': '📃', phone: '📞', play: '▶', plus: '+',
  profile: '👤', 'profile-card': '🪪', reload: '↻', star: '☆', 'star-filled': '★',
  search: '🔍', sparkle: '✨', 'sparkle-double': '✨', 'square-code': '💻',
  'square-image': '🖼️', 'square-text': '📝', suitcase: '💼', 'settings-slider': '🎚️',
  user: '👤', wreath: '🏵️', write: '✏️', 'write-alt': '✏️', 'write-alt2': '✏️',
  // header icons (HeaderIcon) that may appear on leftAction/rightAction
  home: '⌂', 'home-alt': '⌂', close: '✕', menu: '☰', hamburger: '☰', history: '🕒',
  share: '⤴', 'settings-cog': '⚙️', grid: '▦', compose: '✏️', 'light-mode': '☀️',
  'dark-mode': '🌙', 'back-small': '‹', 'back-large': '‹', 'sidebar-left': '◧',
  'sidebar-right': '◨', 'expand-large': '⤢', 'collapse-large': '⤡',
};

/**
 * The text fallback for a protocol icon name; `lucide:*` and `vendor:*` names and unknown
 * names get a neutral bullet rather than nothing, so layouts keep their rhythm.
 * @param {string | undefined} name
 */
export function iconGlyph(name) {
  if (!name) return '';
  return /** @type {Record<string, string>} */ (GLYPHS)[name] ?? '•';
}
