// @ts-check
// Widget rendering: one small function per component type, looked up by `type`. A widget is
// opaque JSON from the server; components we do not know render nothing and are logged.
// Actions are not sent from here: they go to `ctx.onAction`, which the element routes to the
// server (streaming or sync) or to the host's `widgets.onAction`.

import { h, glyph, setStyles } from './dom.js';
import { protocolIcon } from './icons.js';
import { imageAllowed, renderMarkdown } from './markdown.js';
import { widgetChildren } from './thread-model.js';
import { widgetStyles } from './widget-style.js';

/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').ActionConfig} ActionConfig */

/**
 * @typedef {object} WidgetContext
 * @property {'light' | 'dark'} scheme
 * @property {(action: ActionConfig, values: Record<string, unknown> | null, trigger: HTMLElement) => void} onAction
 * @property {(name: string, data: Record<string, unknown>) => void} log
 * @property {import('./markdown.js').MarkdownOptions} markdown
 */

/** @typedef {(node: WidgetNode, ctx: WidgetContext) => HTMLElement | null} Renderer */

/**
 * Renders a widget root (Card, ListView, Basic) or any single component.
 * @param {WidgetNode} root
 * @param {WidgetContext} ctx
 * @returns {HTMLElement}
 */
export function renderWidget(root, ctx) {
  const container = h('div.widget', renderNode(root, ctx));
  linkLabels(container);
  return container;
}

/**
 * @param {WidgetNode} node
 * @param {WidgetContext} ctx
 * @returns {HTMLElement | null}
 */
function renderNode(node, ctx) {
  if (!node || typeof node !== 'object') return null;
  // Own properties only: a widget type such as "constructor" is unknown, not Object's member.
  const render = Object.hasOwn(RENDERERS, node.type) ? RENDERERS[node.type] : undefined;
  if (!render) {
    ctx.log('widget.unknown_component', { type: node.type, id: node.id });
    return null;
  }
  const el = render(node, ctx);
  if (!el) return null;
  setStyles(el, widgetStyles(node, ctx.scheme));
  if (node.id) el.dataset.widgetId = node.id;
  return el;
}

/**
 * @param {WidgetNode} node
 * @param {WidgetContext} ctx
 */
function renderChildren(node, ctx) {
  return widgetChildren(node).map((child) => renderNode(child, ctx));
}

/**
 * Values of every named control of the form around `el`, keyed by name: the payload a Form
 * adds to its actions. Only the inputs, selects and textareas we render carry a name.
 * @param {HTMLElement} el
 * @returns {Record<string, unknown> | null} null when `el` is not inside a form
 */
function formValuesAround(el) {
  const form = el.closest('form');
  if (!form) return null;
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const { name, type, checked, value } of /** @type {any} */ (form.elements)) {
    if (!name) continue;
    values[name] = type === 'checkbox' ? checked
      : type !== 'radio' || checked ? value
      : values[name] ?? null; // a radio group is null until one of its options is checked
  }
  return values;
}

/**
 * Wires an action to a control. Values of the enclosing form (if any) travel with it.
 * @param {ActionConfig | undefined} action
 * @param {HTMLElement} trigger
 * @param {WidgetContext} ctx
 * @param {Record<string, unknown>} [extra] e.g. the changed control's own value
 */
function fire(action, trigger, ctx, extra) {
  if (!action) return;
  const values = formValuesAround(trigger);
  ctx.onAction(action, values || extra ? { ...values, ...extra } : null, trigger);
}

/**
 * A `<form>` that fires, with its values, the `onClickAction` of the submit Button that
 * submitted it, else `formAction`. Native submission gives us required/pattern validation for free.
 * @param {HTMLElement} form
 * @param {WidgetContext} ctx
 * @param {ActionConfig | undefined} formAction
 */
function handleSubmit(form, ctx, formAction) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitter = /** @type {HTMLElement | null} */ (/** @type {SubmitEvent} */ (event).submitter);
    const buttonAction = submitter?.dataset.action; // see the Button renderer
    fire(buttonAction ? JSON.parse(buttonAction) : formAction, submitter ?? form, ctx);
  });
}

// Ids only need to be unique inside our shadow root; a module counter is enough.
let fieldCounter = 0;

/** Connects each Label to the control named by its `fieldName`. @param {HTMLElement} container */
function linkLabels(container) {
  for (const label of container.querySelectorAll('label[data-field-name]')) {
    const name = /** @type {HTMLElement} */ (label).dataset.fieldName ?? '';
    const control = [...container.querySelectorAll('input, select, textarea')]
      .find((c) => /** @type {HTMLInputElement} */ (c).name === name);
    if (!control) continue;
    if (!control.id) control.id = `w-field-${++fieldCounter}`;
    /** @type {HTMLLabelElement} */ (label).htmlFor = control.id;
  }
}

/**
 * A Card/ListView status line: `{text, icon?, favicon?}`.
 * @param {WidgetNode} node
 */
function statusLine({ status }) {
  return status?.text ? h('div.w-status', glyph(status.icon), textSpan(status.text)) : null;
}

/**
 * A button of our own (card footer, "Show more"); a plain `button` unless `type` says submit.
 * @param {string} label
 * @param {string} className
 * @param {(() => void) | false} [onClick]
 * @param {'submit' | false} [type]
 */
function plainButton(label, className, onClick, type) {
  return h('button.w-button', { type, class: className, text: label, onclick: onClick });
}

/** A span for an optional text: nothing when it is empty. @param {string | undefined} text */
function textSpan(text) {
  return text ? h('span', { text }) : null;
}

/**
 * The class names of a node's look props, e.g. `pill color-danger variant-solid size-md`:
 * - each of `flags` that is set on the node gives its own name (`pill`);
 * - each prop of `values` gives `prop-value`, the node's value or else the default given here
 *   (`{ size: 'md' }` -> `size-md`); a prop without a default gives nothing while unset.
 * @param {WidgetNode} node
 * @param {string[]} flags
 * @param {Record<string, string | null>} values
 * @returns {string[]}
 */
function lookClasses(node, flags, values) {
  const classes = flags.filter((flag) => node[flag]);
  for (const [prop, fallback] of Object.entries(values)) {
    const value = node[prop] ?? fallback;
    if (value) classes.push(`${prop}-${value}`);
  }
  return classes;
}

/**
 * The props of a text field (Input, Textarea) that go onto the element as they are.
 * @param {WidgetNode} node
 */
function fieldProps(node) {
  return {
    name: node.name,
    required: node.required,
    pattern: node.pattern, // a textarea ignores it
    placeholder: node.placeholder,
    disabled: node.disabled,
    autofocus: node.autoFocus,
  };
}

/**
 * The `onchange` of a control with an `onChangeAction`: fires it with the control's new value
 * (its `property`), plus its form's values. Nothing when the node has no such action.
 * @param {WidgetNode} node
 * @param {WidgetContext} ctx
 * @param {'value' | 'checked'} [property]
 */
function onChange(node, ctx, property = 'value') {
  const action = node.onChangeAction;
  return action && ((/** @type {Event} */ event) => {
    const control = /** @type {any} */ (event.currentTarget);
    fire(action, control, ctx, { [node.name]: control[property] });
  });
}

// Box, Row and Col differ only in their flex direction (see widget-style.js).
const box = container('div.w-box');

/** @type {Record<string, Renderer>} */
const RENDERERS = {
  Card(node, ctx) {
    const { confirm, cancel, asForm } = node;
    const footer = (confirm || cancel) && h('div.w-card-actions',
      cancel && plainButton(cancel.label, 'secondary', () => ctx.onAction(cancel.action, null, footer)),
      // In a form card the confirm button submits, so the form's values and validation apply.
      confirm && plainButton(confirm.label, 'primary', !asForm && (() => fire(confirm.action, footer, ctx)), asForm ? 'submit' : undefined));
    const card = h(asForm ? 'form.w-card' : 'div.w-card', {
      class: lookClasses(node, [], { size: 'md', theme: null }).join(' '),
    }, statusLine(node), !node.collapsed && h('div.w-card-body', renderChildren(node, ctx)), footer);
    if (asForm) handleSubmit(card, ctx, confirm?.action);
    return card;
  },

  Basic: container('div.w-basic'),

  ListView(node, ctx) {
    const items = renderChildren(node, ctx).filter((item) => item !== null);
    const limit = typeof node.limit === 'number' ? node.limit : Infinity;
    // Like an index test: a negative limit hides every item, a fractional one rounds up.
    for (const item of items.slice(Math.max(0, Math.ceil(limit)))) item.hidden = true;
    /** @type {HTMLButtonElement | null} */
    let more = null;
    if (items.length > limit) {
      const showMore = plainButton(`Show ${items.length - limit} more`, 'ghost w-show-more', () => {
        for (const item of items) item.hidden = false;
        showMore.remove();
      });
      more = showMore;
    }
    return h('div.w-listview', { role: 'list' }, statusLine(node), items, more);
  },

  ListViewItem(node, ctx) {
    const action = node.onClickAction;
    const activate = () => fire(action, item, ctx);
    const item = h('div.w-listview-item', {
      role: 'listitem',
      // Clickable items are focusable and answer Enter and Space like a button.
      ...action && {
        class: 'clickable', tabIndex: 0, onclick: activate,
        onkeydown: (/** @type {KeyboardEvent} */ event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            activate();
          }
        },
      },
    }, renderChildren(node, ctx));
    return item;
  },

  Box: box,
  Row: box,
  Col: box,

  Form(node, ctx) {
    const form = container('form.w-box')(node, ctx);
    handleSubmit(form, ctx, node.onSubmitAction);
    return form;
  },

  Transition: container('div.w-transition'),

  Text(node, ctx) {
    const editable = node.editable;
    if (!editable || typeof editable !== 'object') return textBlock('p.w-text')(node);
    return h('input.w-input', {
      value: node.value,
      name: editable.name,
      placeholder: editable.placeholder,
      required: editable.required,
      pattern: editable.pattern,
      autofocus: editable.autoFocus,
    });
  },

  Title: textBlock('div.w-title', { role: 'heading', ariaLevel: '3' }),
  Caption: textBlock('p.w-caption'),

  Markdown(node, ctx) {
    const el = renderMarkdown(node.value ?? '', ctx.markdown);
    el.classList.add('w-markdown');
    if (node.streaming) el.classList.add('streaming');
    return el;
  },

  Badge: (node) => h('span.w-badge', {
    class: lookClasses(node, ['pill'], { color: 'secondary', variant: 'soft', size: 'sm' }).join(' '),
    text: node.label,
  }),

  Icon: (node) => h('span.w-icon', {
    class: lookClasses(node, [], { size: 'md' }).join(' '), ariaHidden: 'true',
  }, node.name ? protocolIcon(node.name) : null),

  // as for markdown images
  Image: (node, ctx) => imageAllowed(node.src ?? '', ctx.markdown.allowedImageDomains) ? h('img.w-image', {
    class: `${node.frame ? 'framed' : ''} ${node.flush ? 'flush' : ''}`,
    src: node.src ?? '', alt: node.alt ?? '', loading: 'lazy',
  }) : null,

  Button(node, ctx) {
    const { label, onClickAction, submit } = node;
    const button = h('button.w-button', {
      type: submit ? 'submit' : 'button',
      class: [
        node.style === 'secondary' ? 'secondary' : 'primary',
        ...lookClasses(node, ['pill', 'block', 'uniform'], { color: 'primary', variant: 'solid', size: 'md' }),
      ].join(' '),
      disabled: node.disabled,
      ariaLabel: label ? null : node.iconStart ?? node.iconEnd,
      // A submit button's action runs through its form's submit handler (see handleSubmit).
      'data-action': onClickAction && JSON.stringify(onClickAction),
      onclick: !submit && (() => fire(onClickAction, button, ctx)),
    }, glyph(node.iconStart), textSpan(label), glyph(node.iconEnd));
    return button;
  },

  Divider: (node) => h('hr.w-divider', { class: node.flush && 'flush' }),

  Spacer: () => h('div.w-spacer'),

  Input: (node) => h('input.w-input', {
    type: node.inputType ?? 'text', value: node.defaultValue, ...fieldProps(node),
  }),

  Textarea: (node) => h('textarea.w-input', {
    value: node.defaultValue, rows: node.rows ?? 3, ...fieldProps(node),
  }),

  Select(node, ctx) {
    const select = h('select.w-input', { name: node.name, disabled: node.disabled, onchange: onChange(node, ctx) },
      h('option', { value: '', text: node.placeholder ?? 'Select…', disabled: !node.clearable }),
      options(node, (o) => h('option', { value: o.value, text: o.label ?? o.value, disabled: o.disabled })));
    select.value = node.defaultValue ?? '';
    return select;
  },

  Checkbox: (node, ctx) => h('label.w-check',
    h('input', {
      type: 'checkbox', checked: node.defaultChecked, name: node.name, disabled: node.disabled,
      required: node.required, onchange: onChange(node, ctx, 'checked'),
    }),
    textSpan(node.label)),

  RadioGroup: (node, ctx) => h('div.w-radio-group', {
    class: node.direction === 'row' ? 'row' : 'col', role: 'radiogroup', ariaLabel: node.ariaLabel ?? node.name,
  }, options(node, (option) => h('label.w-check',
    h('input', {
      type: 'radio', name: node.name, value: option.value, checked: option.value === node.defaultValue,
      disabled: node.disabled || option.disabled, required: node.required, onchange: onChange(node, ctx),
    }),
    h('span', { text: option.label ?? option.value })))),

  DatePicker: (node, ctx) => h('input.w-input', {
    type: 'date', value: dateOnly(node.defaultValue), min: dateOnly(node.min), max: dateOnly(node.max),
    name: node.name, disabled: node.disabled, ariaLabel: node.placeholder ?? node.name,
    onchange: onChange(node, ctx),
  }),

  Label: (node) => h('label.w-label', { text: node.value, dataset: { fieldName: node.fieldName ?? '' } }),

  Table: (node, ctx) => h('table.w-table', h('tbody', renderChildren(node, ctx))),
  'Table.Row': (node, ctx) => {
    const row = h('tr', renderChildren(node, ctx));
    if (node.header) for (const cell of row.querySelectorAll('td')) cell.dataset.header = '';
    return row;
  },
  'Table.Cell': (node, ctx) => h('td', { colSpan: node.colSpan, rowSpan: node.rowSpan }, renderChildren(node, ctx)),
};

/**
 * The renderer of a container (Box, Row, Col, Basic, Form, Transition): an element around the
 * node's children (the flex layout is its style, see widget-style.js).
 * @param {string} selector
 * @returns {(node: WidgetNode, ctx: WidgetContext) => HTMLElement}
 */
function container(selector) {
  return (node, ctx) => h(selector, renderChildren(node, ctx));
}

/**
 * The renderer of a text component (Text, Title, Caption): `value`, typography in its style.
 * @param {string} selector
 * @param {Record<string, string>} [attributes]
 * @returns {(node: WidgetNode) => HTMLElement}
 */
function textBlock(selector, attributes) {
  return (node) => h(selector, {
    class: [
      ...lookClasses(node, ['truncate', 'streaming'], { size: 'md' }),
      typeof node.maxLines === 'number' ? 'clamp' : '',
    ].join(' '),
    text: node.value, ...attributes,
  });
}

/**
 * Renders each of the node's `options` ({value, label?, disabled?}) with `render`.
 * @param {WidgetNode} node
 * @param {(option: any) => HTMLElement} render
 */
function options(node, render) {
  return (node.options ?? []).map(render);
}

/**
 * ISO date-time to the `yyyy-mm-dd` a date input takes; false (which h() skips) for a non-string.
 * @param {unknown} value
 */
function dateOnly(value) {
  return typeof value === 'string' && value.slice(0, 10);
}
