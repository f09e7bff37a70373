// @ts-check
// Widget rendering: one small function per component type, looked up by `type`. A widget is
// opaque JSON from the server; components we do not know render nothing and are logged.
// Actions are not sent from here: they go to `ctx.onAction`, which the element routes to the
// server (streaming or sync) or to the host's `widgets.onAction`.

import { h, glyph } from './dom.js';
import { iconGlyph } from './icons.js';
import { renderMarkdown } from './markdown.js';
import { widgetChildren } from './thread-model.js';
import { boxStyles, blockStyles, textStyles, color, spacing, space, length, borders, fontSize } from './widget-style.js';

/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').ActionConfig} ActionConfig */

/**
 * @typedef {object} WidgetContext
 * @property {'light' | 'dark'} scheme
 * @property {(action: ActionConfig, values: Record<string, unknown> | null, trigger: HTMLElement) => void} onAction
 * @property {(name: string, data: Record<string, unknown>) => void} log
 * @property {import('./markdown.js').MarkdownOptions} markdown
 */

/** @typedef {(node: WidgetNode, ctx: WidgetContext) => HTMLElement} Renderer */

/**
 * Renders a widget root (Card, ListView, Basic) or any single component.
 * @param {WidgetNode} root
 * @param {WidgetContext} ctx
 * @returns {HTMLElement}
 */
export function renderWidget(root, ctx) {
  const container = h('div', { class: 'widget' }, renderNode(root, ctx));
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
  const render = RENDERERS[node.type];
  if (!render) {
    ctx.log('widget.unknown_component', { type: node.type, id: node.id });
    return null;
  }
  const el = render(node, ctx);
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
 * adds to its actions.
 * @param {HTMLElement} el
 * @returns {Record<string, unknown> | null} null when `el` is not inside a form
 */
export function formValuesAround(el) {
  const form = el.closest('form');
  if (!form) return null;
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const control of form.elements) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement
      || control instanceof HTMLTextAreaElement) || !control.name) continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') values[control.name] = control.checked;
    else if (control instanceof HTMLInputElement && control.type === 'radio') {
      if (control.checked) values[control.name] = control.value;
      else if (!(control.name in values)) values[control.name] = null;
    } else values[control.name] = control.value;
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
 * A `<form>` that runs `getAction(submitter)` with its values on submit. Native submission
 * gives us required/pattern validation for free.
 * @param {HTMLElement} form
 * @param {WidgetContext} ctx
 * @param {(submitter: HTMLElement | null) => ActionConfig | undefined} getAction
 */
function handleSubmit(form, ctx, getAction) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitter = /** @type {HTMLElement | null} */ (/** @type {SubmitEvent} */ (event).submitter);
    fire(getAction(submitter), submitter ?? form, ctx);
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
function statusLine(node) {
  const status = node.status;
  if (!status?.text) return null;
  return h('div', { class: 'w-status' },
    glyph(status.icon),
    h('span', { text: status.text }));
}

/**
 * @param {string} label
 * @param {string} className
 * @param {() => void} [onClick]
 * @param {'button' | 'submit'} [type]
 */
function plainButton(label, className, onClick, type = 'button') {
  return h('button', { type, class: `w-button ${className}`, text: label, onclick: onClick });
}

/** @type {Record<string, Renderer>} */
const RENDERERS = {
  Card(node, ctx) {
    const card = h(node.asForm ? 'form' : 'div', {
      class: `w-card size-${node.size ?? 'md'}${node.theme ? ' theme-' + node.theme : ''}`,
      style: { background: color(node.background, ctx.scheme), padding: spacing(node.padding), ...borders(node.border, ctx.scheme) },
    });
    const status = statusLine(node);
    if (status) card.append(status);
    if (!node.collapsed) {
      card.append(h('div', { class: 'w-card-body' }, renderChildren(node, ctx)));
    }
    const confirm = node.confirm;
    const cancel = node.cancel;
    if (confirm || cancel) {
      const footer = h('div', { class: 'w-card-actions' });
      if (cancel) footer.append(plainButton(cancel.label, 'secondary', () => ctx.onAction(cancel.action, null, footer)));
      if (confirm) {
        footer.append(node.asForm
          ? plainButton(confirm.label, 'primary', undefined, 'submit')
          : plainButton(confirm.label, 'primary', () => fire(confirm.action, footer, ctx)));
      }
      card.append(footer);
    }
    if (node.asForm) handleSubmit(card, ctx, (submitter) => buttonAction(submitter) ?? confirm?.action);
    return card;
  },

  Basic: flexBox('div', 'w-basic'),

  ListView(node, ctx) {
    const items = renderChildren(node, ctx).filter((x) => x !== null);
    const list = h('div', { class: 'w-listview', role: 'list' }, statusLine(node));
    const limit = typeof node.limit === 'number' ? node.limit : Infinity;
    items.forEach((item, i) => {
      if (item && i >= limit) item.hidden = true;
      list.append(/** @type {HTMLElement} */ (item));
    });
    if (items.length > limit) {
      const more = plainButton(`Show ${items.length - limit} more`, 'ghost w-show-more', () => {
        for (const item of items) if (item) item.hidden = false;
        more.remove();
      });
      list.append(more);
    }
    return list;
  },

  ListViewItem(node, ctx) {
    const action = node.onClickAction;
    const item = h('div', {
      class: `w-listview-item${action ? ' clickable' : ''}`,
      role: 'listitem',
      style: { gap: space(node.gap), alignItems: node.align },
    }, renderChildren(node, ctx));
    if (action) {
      item.tabIndex = 0;
      item.addEventListener('click', () => fire(action, item, ctx));
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          fire(action, item, ctx);
        }
      });
    }
    return item;
  },

  Box: flexBox('div', 'w-box'),
  Row: flexBox('div', 'w-box', 'row'),
  Col: flexBox('div', 'w-box', 'column'),

  Form(node, ctx) {
    const form = flexBox('form', 'w-box')(node, ctx);
    handleSubmit(form, ctx, (submitter) => buttonAction(submitter) ?? node.onSubmitAction);
    return form;
  },

  Transition: (node, ctx) => h('div', { class: 'w-transition' }, renderChildren(node, ctx)),

  Text(node, ctx) {
    const editable = node.editable;
    if (editable && typeof editable === 'object') {
      return h('input', {
        class: 'w-input', name: editable.name, value: node.value ?? '', placeholder: editable.placeholder,
        required: editable.required, pattern: editable.pattern, autofocus: editable.autoFocus,
      });
    }
    return textBlock('p', 'w-text')(node, ctx);
  },

  Title: textBlock('div', 'w-title', { role: 'heading', 'aria-level': '3' }),
  Caption: textBlock('p', 'w-caption'),

  Markdown(node, ctx) {
    const el = renderMarkdown(node.value ?? '', ctx.markdown);
    el.classList.add('w-markdown');
    if (node.streaming) el.classList.add('streaming');
    return el;
  },

  Badge: (node) => h('span', {
    class: `w-badge color-${node.color ?? 'secondary'} variant-${node.variant ?? 'soft'} size-${node.size ?? 'sm'}${node.pill ? ' pill' : ''}`,
    text: node.label ?? '',
  }),

  Icon: (node, ctx) => h('span', {
    class: `w-icon size-${node.size ?? 'md'}`, 'aria-hidden': 'true',
    style: { color: color(node.color, ctx.scheme), fontSize: fontSize('w-icon', node.size) }, text: iconGlyph(node.name),
  }),

  Image(node) {
    return h('img', {
      class: `w-image${node.frame ? ' framed' : ''}${node.flush ? ' flush' : ''}`,
      src: node.src ?? '', alt: node.alt ?? '', loading: 'lazy',
      style: { objectFit: node.fit, objectPosition: node.position, ...blockStyles(node) },
    });
  },

  Button(node, ctx) {
    const classes = ['w-button', node.style === 'secondary' ? 'secondary' : 'primary',
      `color-${node.color ?? 'primary'}`, `variant-${node.variant ?? 'solid'}`, `size-${node.size ?? 'md'}`];
    if (node.pill) classes.push('pill');
    if (node.block) classes.push('block');
    if (node.uniform) classes.push('uniform');
    const button = h('button', {
      type: node.submit ? 'submit' : 'button', class: classes.join(' '), disabled: node.disabled,
      'aria-label': node.label ? null : node.iconStart ?? node.iconEnd,
    },
    glyph(node.iconStart),
    node.label ? h('span', { text: node.label }) : null,
    glyph(node.iconEnd));
    // A submit button's action runs through its form's submit handler (see buttonAction).
    if (node.onClickAction) button.dataset.action = JSON.stringify(node.onClickAction);
    if (!node.submit) button.addEventListener('click', () => fire(node.onClickAction, button, ctx));
    return button;
  },

  Divider: (node, ctx) => h('hr', {
    class: `w-divider${node.flush ? ' flush' : ''}`,
    style: {
      borderTopColor: color(node.color, ctx.scheme), borderTopWidth: length(node.size),
      marginBlock: space(node.spacing),
    },
  }),

  Spacer: (node) => h('div', { class: 'w-spacer', style: { minWidth: length(node.minSize), minHeight: length(node.minSize) } }),

  Input: (node) => h('input', {
    class: 'w-input', type: node.inputType ?? 'text', name: node.name, value: node.defaultValue ?? '',
    required: node.required, pattern: node.pattern, placeholder: node.placeholder, disabled: node.disabled,
    autofocus: node.autoFocus,
  }),

  Textarea: (node) => h('textarea', {
    class: 'w-input', name: node.name, value: node.defaultValue ?? '', required: node.required,
    placeholder: node.placeholder, disabled: node.disabled, rows: node.rows ?? 3, autofocus: node.autoFocus,
  }),

  Select(node, ctx) {
    const select = h('select', { class: 'w-input', name: node.name, disabled: node.disabled },
      h('option', { value: '', text: node.placeholder ?? 'Select…', disabled: !node.clearable }),
      (node.options ?? []).map((/** @type {any} */ o) => h('option', { value: o.value, text: o.label ?? o.value, disabled: o.disabled })));
    select.value = node.defaultValue ?? '';
    onChange(select, node, ctx, () => select.value);
    return select;
  },

  Checkbox(node, ctx) {
    const input = h('input', { type: 'checkbox', name: node.name, checked: node.defaultChecked, disabled: node.disabled, required: node.required });
    onChange(input, node, ctx, () => input.checked);
    return h('label', { class: 'w-check' }, input, node.label ? h('span', { text: node.label }) : null);
  },

  RadioGroup(node, ctx) {
    const group = h('div', {
      class: `w-radio-group ${node.direction === 'row' ? 'row' : 'col'}`, role: 'radiogroup',
      'aria-label': node.ariaLabel ?? node.name,
    });
    for (const option of node.options ?? []) {
      const input = h('input', {
        type: 'radio', name: node.name, value: option.value, checked: option.value === node.defaultValue,
        disabled: node.disabled || option.disabled, required: node.required,
      });
      onChange(input, node, ctx, () => input.value);
      group.append(h('label', { class: 'w-check' }, input, h('span', { text: option.label ?? option.value })));
    }
    return group;
  },

  DatePicker(node, ctx) {
    const input = h('input', {
      class: 'w-input', type: 'date', name: node.name, value: dateOnly(node.defaultValue),
      min: dateOnly(node.min), max: dateOnly(node.max), disabled: node.disabled,
      'aria-label': node.placeholder ?? node.name,
    });
    onChange(input, node, ctx, () => input.value);
    return input;
  },

  Label: (node, ctx) => h('label', {
    class: 'w-label', style: textStyles(node, ctx.scheme), text: node.value ?? '',
    dataset: { fieldName: node.fieldName ?? '' },
  }),

  Table: (node, ctx) => h('table', { class: 'w-table' }, h('tbody', {}, renderChildren(node, ctx))),
  'Table.Row': (node, ctx) => {
    const row = h('tr', {}, renderChildren(node, ctx));
    if (node.header) for (const cell of row.querySelectorAll('td')) cell.dataset.header = '';
    return row;
  },
  'Table.Cell': (node, ctx) => h('td', {
    colSpan: node.colSpan, rowSpan: node.rowSpan,
    style: { textAlign: node.align, verticalAlign: node.vAlign, width: length(node.width), padding: spacing(node.padding) },
  }, renderChildren(node, ctx)),
};

/**
 * The renderer of a flex container (Box, Row, Col, Basic, Form): its children laid out in
 * `direction`, or in the node's own `direction` (column unless 'row').
 * @param {'div' | 'form'} tag
 * @param {string} className
 * @param {'row' | 'column'} [direction]
 * @returns {Renderer}
 */
function flexBox(tag, className, direction) {
  return (node, ctx) => h(tag, {
    class: className,
    style: boxStyles(node, ctx.scheme, direction ?? (node.direction === 'row' ? 'row' : 'column')),
  }, renderChildren(node, ctx));
}

/**
 * The renderer of a text component (Text, Title, Caption): `value` with the typography props.
 * @param {'p' | 'div'} tag
 * @param {'w-text' | 'w-title' | 'w-caption'} base class name
 * @param {Record<string, string>} [attributes]
 * @returns {Renderer}
 */
function textBlock(tag, base, attributes) {
  return (node, ctx) => h(tag, {
    class: textClass(base, node), style: { ...textStyles(node, ctx.scheme), fontSize: fontSize(base, node.size) },
    text: node.value ?? '', ...attributes,
  });
}

/**
 * Fires the control's `onChangeAction` with its new value (plus its form's values).
 * @param {HTMLElement} control
 * @param {WidgetNode} node
 * @param {WidgetContext} ctx
 * @param {() => unknown} read
 */
function onChange(control, node, ctx, read) {
  if (!node.onChangeAction) return;
  control.addEventListener('change', () => fire(node.onChangeAction, control, ctx, { [node.name]: read() }));
}

/** The `onClickAction` a submit Button carried, if the form was submitted by one. @param {HTMLElement | null} submitter */
function buttonAction(submitter) {
  const json = submitter?.dataset.action;
  return json ? /** @type {ActionConfig} */ (JSON.parse(json)) : undefined;
}

/**
 * @param {string} base
 * @param {WidgetNode} node
 */
function textClass(base, node) {
  let cls = `${base} size-${node.size ?? 'md'}`;
  if (node.truncate) cls += ' truncate';
  if (typeof node.maxLines === 'number') cls += ' clamp';
  if (node.streaming) cls += ' streaming';
  return cls;
}

/** ISO date-time to the `yyyy-mm-dd` a date input takes. @param {unknown} value */
function dateOnly(value) {
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}
