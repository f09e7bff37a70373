// @ts-check
// The widget design-token vocabulary (gap, padding, radius, colors, borders...) mapped to CSS.
// Numbers in spacing props are spacing units of 4px; strings pass through as CSS lengths.
// The style objects returned here go to h() (setStyles), which skips unset values and turns
// numbers into strings.

/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {Record<string, string | number | null | undefined>} Styles */

// Flex keywords of the align/justify props that are not CSS as they stand.
const FLEX = { start: 'flex-start', end: 'flex-end', between: 'space-between', around: 'space-around', evenly: 'space-evenly' };
// Radius tokens in px; other strings pass through as CSS ('100%'), numbers are px.
const RADIUS = { none: 0, '2xs': 2, xs: 4, sm: 6, md: 8, lg: 12, xl: 16, '2xl': 20, '3xl': 24, '4xl': 32, full: 9999 };
const FONT_WEIGHTS = { normal: 400, medium: 500, semibold: 600, bold: 700 };
// Semantic color names used by widgets, as the --ck-* variable they stand for; anything else is
// taken as a CSS color.
const COLOR_TOKENS = {
  prose: 'text', primary: 'text', emphasis: 'text', secondary: 'text-muted', tertiary: 'text-subtle',
  success: 'success', danger: 'danger', error: 'danger', warning: 'warning', caution: 'warning', info: 'info',
  discovery: 'discovery', surface: 'bg', 'surface-secondary': 'surface', 'surface-tertiary': 'surface-strong',
  border: 'border',
};
// Each side of a padding/margin/border and the axis (x, y) it falls back to.
const SIDES = { Top: 'y', Right: 'x', Bottom: 'y', Left: 'x' };

// Font sizes of the `size` prop of text components and icons, numbers in px (md, and sizes not
// listed, keep the size of the component's CSS class).
const FONT_SIZES = {
  'w-text': { xs: 12, sm: 13.5, lg: '1.1em', xl: '1.25em' },
  'w-title': { sm: '1em', lg: '1.25em', xl: '1.5em', '2xl': '1.75em', '3xl': '2em', '4xl': '2.4em', '5xl': '3em' },
  'w-caption': { sm: 12, lg: 14 },
  'w-icon': { xs: 11, sm: 13, lg: 18, xl: 22, '2xl': 28, '3xl': 36 },
};

/**
 * @param {keyof typeof FONT_SIZES} component the component's class
 * @param {unknown} size
 * @returns {string | undefined}
 */
export function fontSize(component, size) {
  return length(/** @type {Record<string, string | number>} */ (FONT_SIZES[component])[String(size)]);
}

/**
 * @param {unknown} value
 * @param {number} [unit]
 * @returns {string | undefined}
 */
export function length(value, unit = 1) {
  if (typeof value === 'number') return `${value * unit}px`;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

/** A spacing prop: numbers are spacing units of 4px. @param {unknown} value */
export function space(value) {
  return length(value, 4);
}

/**
 * Calls `each` with the value of every side of a per-side object ({top,right,bottom,left,x,y}).
 * @template T
 * @param {any} value
 * @param {(sideValue: unknown, side: string) => T} each
 */
function mapSides(value, each) {
  return Object.entries(SIDES).map(([side, axis]) => each(value[side.toLowerCase()] ?? value[axis], side));
}

/**
 * Padding or margin: a number/string for all sides, or {top,right,bottom,left,x,y}.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function spacing(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return space(value);
  return mapSides(value, (side) => space(side) ?? '0').join(' ');
}

/**
 * A color prop: a token, a CSS color, or {light, dark}.
 * @param {unknown} value
 * @param {'light' | 'dark'} scheme
 * @returns {string | undefined}
 */
export function color(value, scheme) {
  if (value && typeof value === 'object') return color(/** @type {any} */ (value)[scheme], scheme);
  if (typeof value !== 'string' || value === '') return undefined;
  const token = /** @type {Record<string, string>} */ (COLOR_TOKENS)[value];
  return token ? `var(--ck-${token})` : value;
}

/** @param {unknown} value */
function radius(value) {
  return length(/** @type {Record<string, number>} */ (RADIUS)[/** @type {string} */ (value)] ?? value);
}

/**
 * Border props: a width number, a {size,color,style} object, or per-side {top,right,...,x,y}.
 * @param {unknown} value
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
export function borders(value, scheme) {
  const one = (/** @type {any} */ b) => {
    const { size, style, color: c } = typeof b === 'number' ? { size: b } : b ?? {};
    return typeof size === 'number' ? `${size}px ${style ?? 'solid'} ${color(c, scheme) ?? 'var(--ck-border)'}` : undefined;
  };
  if (value === null || value === undefined) return {};
  const whole = one(value);
  return whole ? { border: whole } : Object.fromEntries(mapSides(value, (side, name) => ['border' + name, one(side)]));
}

/**
 * `value` if it is one of `names` (space-separated), through `css` when that maps it; else undefined.
 * @param {unknown} value
 * @param {string} names
 * @param {Record<string, string>} [css]
 */
function keyword(value, names, css = {}) {
  const name = /** @type {string} */ (value);
  return names.split(' ').includes(name) ? css[name] ?? name : undefined;
}

/** `min` -> `Min`, for the camelCase prop names below. @param {string} text */
const lowerFirst = (text) => text[0].toLowerCase() + text.slice(1);

/**
 * Size props shared by boxes and images: width, height and their min/max, each falling back
 * to the node's size, minSize or maxSize.
 * @param {WidgetNode} node
 * @returns {Styles}
 */
export function blockStyles(node) {
  /** @type {Styles} */
  const styles = { aspectRatio: node.aspectRatio, borderRadius: radius(node.radius), margin: spacing(node.margin) };
  for (const bound of ['', 'min', 'max']) {
    for (const dimension of ['Width', 'Height']) {
      const prop = lowerFirst(bound + dimension);
      styles[prop] = length(node[prop] ?? node[lowerFirst(bound + 'Size')]);
    }
  }
  return styles;
}

/**
 * Flex container props of Box, Row, Col, Form and ListViewItem.
 * @param {WidgetNode} node
 * @param {'light' | 'dark'} scheme
 * @param {'row' | 'column'} direction
 * @returns {Styles}
 */
export function boxStyles(node, scheme, direction) {
  return {
    flexDirection: direction,
    gap: space(node.gap),
    padding: spacing(node.padding),
    alignItems: keyword(node.align, 'start center end baseline stretch', FLEX) ?? (direction === 'row' ? 'center' : undefined),
    justifyContent: keyword(node.justify, 'start center end between around evenly stretch', FLEX),
    flexWrap: node.wrap,
    flex: node.flex,
    background: color(node.background, scheme),
    ...borders(node.border, scheme),
    ...blockStyles(node),
  };
}

/**
 * Typography props of Text, Title, Caption and Label.
 * @param {WidgetNode} node
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
export function textStyles(node, scheme) {
  return {
    color: color(node.color, scheme),
    fontWeight: /** @type {Record<string, number>} */ (FONT_WEIGHTS)[node.weight],
    textAlign: keyword(node.textAlign, 'start center end'),
    fontStyle: node.italic ? 'italic' : undefined,
    textDecoration: node.lineThrough ? 'line-through' : undefined,
    width: length(node.width),
    '-webkit-line-clamp': typeof node.maxLines === 'number' ? node.maxLines : undefined,
  };
}
