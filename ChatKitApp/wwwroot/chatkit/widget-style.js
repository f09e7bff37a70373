// @ts-check
// The widget design-token vocabulary (gap, padding, radius, colors, borders...) mapped to CSS.
// Numbers in spacing props are spacing units of 4px; strings pass through as CSS lengths.

/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {Record<string, string | number | null | undefined>} Styles */

const SPACING_UNIT_PX = 4;

const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end', baseline: 'baseline', stretch: 'stretch' };
const JUSTIFY = {
  start: 'flex-start', center: 'center', end: 'flex-end', between: 'space-between',
  around: 'space-around', evenly: 'space-evenly', stretch: 'stretch',
};
const RADIUS = {
  none: '0', '2xs': '2px', xs: '4px', sm: '6px', md: '8px', lg: '12px', xl: '16px',
  '2xl': '20px', '3xl': '24px', '4xl': '32px', full: '9999px', '100%': '100%',
};
// Semantic color names used by widgets; anything else is taken as a CSS color.
const COLOR_TOKENS = {
  prose: 'var(--ck-text)', primary: 'var(--ck-text)', emphasis: 'var(--ck-text)',
  secondary: 'var(--ck-text-muted)', tertiary: 'var(--ck-text-subtle)',
  success: 'var(--ck-success)', danger: 'var(--ck-danger)', error: 'var(--ck-danger)',
  warning: 'var(--ck-warning)', caution: 'var(--ck-warning)', info: 'var(--ck-info)',
  discovery: 'var(--ck-discovery)', surface: 'var(--ck-bg)',
  'surface-secondary': 'var(--ck-surface)', 'surface-tertiary': 'var(--ck-surface-strong)',
  border: 'var(--ck-border)',
};

// Font sizes of the `size` prop of text components and icons (md, and sizes not listed, keep the
// size of the component's CSS class).
const FONT_SIZES = {
  'w-text': { xs: '12px', sm: '13.5px', lg: '1.1em', xl: '1.25em' },
  'w-title': { sm: '1em', lg: '1.25em', xl: '1.5em', '2xl': '1.75em', '3xl': '2em', '4xl': '2.4em', '5xl': '3em' },
  'w-caption': { sm: '12px', lg: '14px' },
  'w-icon': { xs: '11px', sm: '13px', lg: '18px', xl: '22px', '2xl': '28px', '3xl': '36px' },
};

/**
 * @param {keyof typeof FONT_SIZES} component the component's class
 * @param {unknown} size
 * @returns {string | undefined}
 */
export function fontSize(component, size) {
  return /** @type {Record<string, string>} */ (FONT_SIZES[component])[String(size)];
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

/** @param {unknown} value */
export function space(value) {
  return length(value, SPACING_UNIT_PX);
}

/**
 * Padding or margin: a number/string for all sides, or {top,right,bottom,left,x,y}.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function spacing(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return space(value);
  const v = /** @type {Record<string, unknown>} */ (value);
  const side = (/** @type {string} */ name, /** @type {string} */ axis) => space(v[name] ?? v[axis]) ?? '0';
  return [side('top', 'y'), side('right', 'x'), side('bottom', 'y'), side('left', 'x')].join(' ');
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
  return /** @type {Record<string, string>} */ (COLOR_TOKENS)[value] ?? value;
}

/** @param {unknown} value */
export function radius(value) {
  if (typeof value === 'number') return `${value}px`;
  return typeof value === 'string' ? /** @type {Record<string, string>} */ (RADIUS)[value] ?? value : undefined;
}

/**
 * Border props: a width number, a {size,color,style} object, or per-side {top,right,...,x,y}.
 * @param {unknown} value
 * @param {'light' | 'dark'} scheme
 * @returns {Styles}
 */
export function borders(value, scheme) {
  const one = (/** @type {any} */ b) => {
    if (typeof b === 'number') return `${b}px solid var(--ck-border)`;
    if (b && typeof b === 'object' && typeof b.size === 'number') {
      return `${b.size}px ${b.style ?? 'solid'} ${color(b.color, scheme) ?? 'var(--ck-border)'}`;
    }
    return undefined;
  };
  if (value === null || value === undefined) return {};
  const whole = one(value);
  if (whole) return { border: whole };
  const v = /** @type {Record<string, unknown>} */ (value);
  return {
    borderTop: one(v.top ?? v.y), borderRight: one(v.right ?? v.x),
    borderBottom: one(v.bottom ?? v.y), borderLeft: one(v.left ?? v.x),
  };
}

/**
 * Size props shared by boxes and images.
 * @param {WidgetNode} node
 * @returns {Styles}
 */
export function blockStyles(node) {
  return {
    width: length(node.width ?? node.size), height: length(node.height ?? node.size),
    minWidth: length(node.minWidth ?? node.minSize), minHeight: length(node.minHeight ?? node.minSize),
    maxWidth: length(node.maxWidth ?? node.maxSize), maxHeight: length(node.maxHeight ?? node.maxSize),
    aspectRatio: node.aspectRatio === undefined ? undefined : String(node.aspectRatio),
    borderRadius: radius(node.radius), margin: spacing(node.margin),
  };
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
    alignItems: /** @type {Record<string, string>} */ (ALIGN)[node.align] ?? (direction === 'row' ? 'center' : undefined),
    justifyContent: /** @type {Record<string, string>} */ (JUSTIFY)[node.justify],
    flexWrap: node.wrap,
    flex: node.flex === undefined ? undefined : String(node.flex),
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
  const align = /** @type {Record<string, string>} */ ({ start: 'start', center: 'center', end: 'end' })[node.textAlign];
  return {
    color: color(node.color, scheme),
    fontWeight: /** @type {Record<string, string>} */ ({ normal: '400', medium: '500', semibold: '600', bold: '700' })[node.weight],
    textAlign: align,
    fontStyle: node.italic ? 'italic' : undefined,
    textDecoration: node.lineThrough ? 'line-through' : undefined,
    width: length(node.width),
    '-webkit-line-clamp': typeof node.maxLines === 'number' ? String(node.maxLines) : undefined,
  };
}
