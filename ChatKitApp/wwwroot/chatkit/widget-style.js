// @ts-check
// The widget design-token vocabulary (gap, padding, radius, colors, borders...) mapped to CSS.
// Numbers in spacing props are spacing units of 4px; strings pass through as CSS lengths.
// widgetStyles() gives the inline style of a rendered component from its props; widgets.js
// applies it with setStyles, which skips unset values and turns numbers into strings.

/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {Record<string, string | number | false | null | undefined>} Styles */

// The align, justify and textAlign keywords, as the CSS values they stand for; other values
// are ignored.
/** @type {Record<string, string>} */
const ALIGN_ITEMS = { start: 'flex-start', center: 'center', end: 'flex-end', baseline: 'baseline', stretch: 'stretch' };
/** @type {Record<string, string>} */
const JUSTIFY_CONTENT = {
  start: 'flex-start', center: 'center', end: 'flex-end', between: 'space-between', around: 'space-around',
  evenly: 'space-evenly', stretch: 'stretch',
};
/** @type {Record<string, string>} */
const TEXT_ALIGN = { start: 'start', center: 'center', end: 'end' };
// Radius tokens in px; other strings pass through as CSS ('100%'), numbers are px.
/** @type {Record<string, number>} */
const RADIUS = { none: 0, '2xs': 2, xs: 4, sm: 6, md: 8, lg: 12, xl: 16, '2xl': 20, '3xl': 24, '4xl': 32, full: 9999 };
/** @type {Record<string, number>} */
const FONT_WEIGHTS = { normal: 400, medium: 500, semibold: 600, bold: 700 };
// Semantic color names used by widgets, as the --ck-* variable they stand for; anything else is
// taken as a CSS color.
/** @type {Record<string, string>} */
const COLOR_TOKENS = {
  prose: 'text', primary: 'text', emphasis: 'text', secondary: 'text-muted', tertiary: 'text-subtle',
  success: 'success', danger: 'danger', error: 'danger', warning: 'warning', caution: 'warning', info: 'info',
  discovery: 'discovery', surface: 'bg', 'surface-secondary': 'surface', 'surface-tertiary': 'surface-strong',
  border: 'border',
};
// Each side of a padding/margin/border and the axis (x, y) it falls back to.
const SIDES = { Top: 'y', Right: 'x', Bottom: 'y', Left: 'x' };

// Font sizes of the `size` prop of text components and icons, by component type, numbers in px
// (md, and sizes not listed, keep the size of the component's CSS class).
/** @type {Record<string, Record<string, string | number>>} */
const FONT_SIZES = {
  Text: { xs: 12, sm: 13.5, lg: '1.1em', xl: '1.25em' },
  Title: { sm: '1em', lg: '1.25em', xl: '1.5em', '2xl': '1.75em', '3xl': '2em', '4xl': '2.4em', '5xl': '3em' },
  Caption: { sm: 12, lg: 14 },
  Icon: { xs: 11, sm: 13, lg: 18, xl: 22, '2xl': 28, '3xl': 36 },
};

/**
 * The font size of a Text, Title, Caption or Icon.
 * @param {WidgetNode} node
 */
function fontSize(node) {
  return length(lookup(FONT_SIZES[node.type], node.size));
}

/**
 * The table's value for a key that is one of its own (so `constructor` finds nothing); undefined
 * for any other key or value.
 * @template T
 * @param {Record<string, T>} table
 * @param {unknown} key
 * @returns {T | undefined}
 */
function lookup(table, key) {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * @param {unknown} value
 * @param {number} [unit]
 * @returns {string | undefined}
 */
function length(value, unit = 1) {
  return typeof value === 'number' ? value * unit + 'px' : typeof value === 'string' && value || undefined;
}

/** A spacing prop: numbers are spacing units of 4px. @param {unknown} value */
function space(value) {
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
function spacing(value) {
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
function color(value, scheme) {
  if (value && typeof value === 'object') return color(/** @type {Record<string, unknown>} */ (value)[scheme], scheme);
  if (typeof value !== 'string' || !value) return undefined;
  const token = lookup(COLOR_TOKENS, value);
  return token ? `var(--ck-${token})` : value;
}

/**
 * Border props: a width number, a {size,color,style} object, or per-side {top,right,...,x,y}.
 * @param {unknown} value
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
function borders(value, scheme) {
  const one = (/** @type {any} */ b) => {
    const { size, style, color: c } = typeof b === 'number' ? { size: b } : b ?? {};
    return typeof size === 'number' ? `${size}px ${style ?? 'solid'} ${color(c, scheme) ?? 'var(--ck-border)'}` : undefined;
  };
  if (value === null || value === undefined) return {};
  const whole = one(value);
  return whole ? { border: whole } : Object.fromEntries(mapSides(value, (side, name) => ['border' + name, one(side)]));
}

/** `Width` -> `width` (a bare dimension), for the camelCase prop names below. @param {string} text */
const lowerFirst = (text) => text[0].toLowerCase() + text.slice(1);

/**
 * Size props shared by boxes and images: width, height and their min/max, each falling back
 * to the node's size, minSize or maxSize.
 * @param {WidgetNode} node
 * @returns {Styles}
 */
function blockStyles(node) {
  /** @type {Styles} */
  const styles = {
    aspectRatio: node.aspectRatio,
    borderRadius: length(lookup(RADIUS, node.radius) ?? node.radius),
    margin: spacing(node.margin),
  };
  for (const bound of ['', 'min', 'max']) {
    for (const dimension of ['Width', 'Height']) {
      const prop = lowerFirst(bound + dimension);
      styles[prop] = length(node[prop] ?? node[lowerFirst(bound + 'Size')]);
    }
  }
  return styles;
}

/**
 * Flex container props of Box, Row, Col, Basic and Form. A Row lays its children out in a row, a
 * Col in a column, the others in their own `direction` (column unless 'row').
 * @param {WidgetNode} node
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
function boxStyles(node, scheme) {
  const { type } = node;
  const direction = type === 'Row' || type !== 'Col' && node.direction === 'row' ? 'row' : 'column';
  return {
    flexDirection: direction,
    gap: space(node.gap),
    padding: spacing(node.padding),
    alignItems: lookup(ALIGN_ITEMS, node.align) ?? (direction === 'row' && 'center'),
    justifyContent: lookup(JUSTIFY_CONTENT, node.justify),
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
function textStyles(node, scheme) {
  return {
    color: color(node.color, scheme),
    fontWeight: lookup(FONT_WEIGHTS, node.weight),
    textAlign: lookup(TEXT_ALIGN, node.textAlign),
    fontStyle: node.italic && 'italic',
    textDecoration: node.lineThrough && 'line-through',
    width: length(node.width),
    '-webkit-line-clamp': typeof node.maxLines === 'number' && node.maxLines,
  };
}

/** @typedef {(node: WidgetNode, scheme: 'light' | 'dark') => Styles} StyleOf */

/** @type {StyleOf} */
const textBlock = (node, scheme) => ({ ...textStyles(node, scheme), fontSize: fontSize(node) });

/**
 * The inline style of each component type that has one.
 * @type {Record<string, StyleOf>}
 */
const STYLES = {
  Card: (node, scheme) => ({
    background: color(node.background, scheme), padding: spacing(node.padding), ...borders(node.border, scheme),
  }),
  Basic: boxStyles,
  Box: boxStyles,
  Row: boxStyles,
  Col: boxStyles,
  Form: boxStyles,
  ListViewItem: (node) => ({ gap: space(node.gap), alignItems: node.align }),
  // An editable Text renders as an input, which keeps the look of its class alone.
  Text: (node, scheme) => node.editable && typeof node.editable === 'object' ? {} : textBlock(node, scheme),
  Title: textBlock,
  Caption: textBlock,
  Label: textStyles,
  Icon: (node, scheme) => ({ color: color(node.color, scheme), fontSize: fontSize(node) }),
  Image: (node) => ({ objectFit: node.fit, objectPosition: node.position, ...blockStyles(node) }),
  Divider: (node, scheme) => ({
    borderTopColor: color(node.color, scheme), borderTopWidth: length(node.size), marginBlock: space(node.spacing),
  }),
  Spacer: (node) => ({ minWidth: length(node.minSize), minHeight: length(node.minSize) }),
  'Table.Cell': (node) => ({
    textAlign: node.align, verticalAlign: node.vAlign, width: length(node.width), padding: spacing(node.padding),
  }),
};

/**
 * The inline style of a rendered component, from its props (empty for types without one).
 * @param {WidgetNode} node
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
export function widgetStyles(node, scheme) {
  return lookup(STYLES, node.type)?.(node, scheme) ?? {};
}
