// @ts-check
// The `theme` option: color scheme, radius and density as attributes the stylesheet reads, and
// the accent, surface and typography as --ck-* custom properties on the element's root.

/** @typedef {import('./types.js').ChatKitOptions['theme']} Theme */

/** @type {Promise<typeof import('./theme-extras.js')> | null} */
let extras = null;

/**
 * Applies a theme to the element's root and returns its color scheme.
 * @param {HTMLElement} root
 * @param {Theme} theme
 * @returns {'light' | 'dark'}
 */
export function applyTheme(root, theme) {
  const options = typeof theme === 'string' ? { colorScheme: theme } : theme ?? {};
  const scheme = options.colorScheme === 'dark' ? 'dark' : 'light';
  root.classList.toggle('dark', scheme === 'dark');
  root.dataset.radius = options.radius ?? 'pill';
  root.dataset.density = options.density ?? 'normal';
  // Properties of an earlier theme must not survive: setOptions replaces all options.
  root.removeAttribute('style');
  const accent = options.color?.accent?.primary;
  const baseSize = options.typography?.baseSize;
  /** @type {Record<string, string | undefined>} */
  const properties = {
    '--ck-accent': accent,
    '--ck-on-accent': accent ? readableTextOn(accent) : undefined,
    '--ck-font-size': baseSize ? `${baseSize}px` : undefined,
    '--ck-font': options.typography?.fontFamily,
    '--ck-font-mono': options.typography?.fontFamilyMono,
    '--ck-bg': options.color?.surface?.background,
    '--ck-text': options.color?.surface?.foreground,
  };
  for (const [name, value] of Object.entries(properties)) {
    if (value) root.style.setProperty(name, value);
  }
  // Loaded on first use, then run for every theme (to undo).
  if (options.color?.grayscale || options.typography?.fontSources?.length || extras) {
    (extras ??= import('./theme-extras.js')).then((m) => m.applyThemeExtras(root, scheme, options));
  }
  return scheme;
}

/**
 * Black or white text, whichever reads better on the accent (hex colors; others get white).
 * @param {string} color
 */
function readableTextOn(color) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  // Relative luminance as WCAG defines it, from the sRGB channels.
  const [r, g, b] = [0, 2, 4]
    .map((start) => parseInt(full.slice(start, start + 2), 16) / 255)
    .map((channel) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.45 ? '#0d0d0d' : '#fff';
}
