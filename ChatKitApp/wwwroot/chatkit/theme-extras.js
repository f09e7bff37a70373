// @ts-check
// The rarer parts of the `theme` option, loaded only once a theme uses one of them:
// `color.grayscale` (the neutral palette tinted with a hue) and `typography.fontSources` (web
// fonts, added to the document's fonts: @font-face rules inside a shadow root are not used).

/** @typedef {import('./types.js').ThemeOption} ThemeOption */

/** @type {WeakMap<HTMLElement, FontFace[]>} the fonts each element's theme added */
const added = new WeakMap();
/** @type {WeakMap<HTMLElement, [string, string][]>} the palette properties each element's theme set */
const tinted = new WeakMap();

/**
 * Lightness (%) of each neutral color of the stylesheet's palette, light and dark, that the
 * grayscale tints. The text colors keep their lightness (and so their contrast).
 * @type {Record<string, [number, number]>}
 */
const NEUTRALS = {
  '--ck-bg': [100, 13], '--ck-surface': [96, 17], '--ck-surface-strong': [92, 21], '--ck-border': [90, 23],
  '--bubble': [94.5, 19], '--ck-text': [5, 92.5], '--ck-text-muted': [38, 71], '--ck-text-subtle': [41, 64],
};

/**
 * Applies (or, when the theme has none, undoes) the grayscale palette and the font sources.
 * Runs after theme.js has set the root's other properties; colors set there (surface) win.
 * Calls come in the order of the themes (while this module loads they wait in line), but
 * theme.js may have set the next theme's properties before an earlier call runs: so each call
 * first takes back what the one before it set, where it is still there.
 * @param {HTMLElement} root
 * @param {'light' | 'dark'} scheme
 * @param {ThemeOption} theme
 */
export function applyThemeExtras(root, scheme, theme) {
  for (const [name, value] of tinted.get(root) ?? []) {
    if (root.style.getPropertyValue(name) === value) root.style.removeProperty(name);
  }
  /** @type {[string, string][]} */
  const set = [];
  tinted.set(root, set);
  const grayscale = theme.color?.grayscale;
  if (grayscale) {
    const light = scheme === 'light';
    // tint 0-9 is the saturation; shade -4..4 moves the surfaces away from (or toward) the base.
    const saturation = clamp(grayscale.tint, 0, 9) * 3;
    const shade = clamp(grayscale.shade ?? 0, -4, 4) * (light ? -1.5 : 1.5);
    for (const [name, [lightL, darkL]] of Object.entries(NEUTRALS)) {
      if (root.style.getPropertyValue(name)) continue;
      const text = name.includes('text');
      const lightness = clamp((light ? lightL : darkL) + (text ? 0 : shade), 0, 100);
      root.style.setProperty(name, `hsl(${Number(grayscale.hue) || 0} ${text ? saturation / 3 : saturation}% ${lightness}%)`);
      set.push([name, root.style.getPropertyValue(name)]);
    }
  }

  for (const face of added.get(root) ?? []) document.fonts.delete(face);
  const faces = (theme.typography?.fontSources ?? [])
    .filter((font) => typeof font?.family === 'string' && typeof font.src === 'string')
    .map(({ family, src, weight, style, display, unicodeRange }) =>
      // The url is quoted; the characters that could end the quote are percent-encoded.
      new FontFace(family, `url("${src.replace(/["\\\n]/g, encodeURIComponent)}")`, {
        weight: weight === undefined ? undefined : String(weight), style, display, unicodeRange,
      }));
  for (const face of faces) document.fonts.add(face);
  added.set(root, faces);
}

/**
 * @param {number} value
 * @param {number} min
 * @param {number} max
 */
const clamp = (value, min, max) => Math.min(Math.max(Number(value) || 0, min), max);
