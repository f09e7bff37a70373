// @ts-check
// Renders the body of one thread item, by item type. The surrounding wrapper (test hooks,
// turn actions) belongs to thread-view.js; protocol traffic belongs to the element.

import { h } from './dom.js';
import { iconGlyph } from './icons.js';
import { renderMarkdown, safeUrl } from './markdown.js';
import { renderWidget } from './widgets.js';

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').Task} Task */
/** @typedef {import('./types.js').StructuredInput} StructuredInput */
/** @typedef {import('./types.js').Entity} Entity */

/**
 * @typedef {object} ItemContext
 * @property {boolean} streaming the item was added and is not done yet
 * @property {import('./markdown.js').MarkdownOptions} markdown
 * @property {(item: ThreadItem) => import('./widgets.js').WidgetContext} widgetContext
 * @property {(item: ThreadItem, input: { status: 'answered' | 'skipped',
 *   answers: Record<string, { values: string[], skipped: boolean }> }) => Promise<void>} onStructuredInput
 * @property {((entity: Entity) => void) | undefined} onEntityClick
 * @property {(name: string, data: Record<string, unknown>) => void} log
 */

/** @typedef {(item: ThreadItem, ctx: ItemContext) => HTMLElement | null} ItemRenderer */

/**
 * @param {ThreadItem} item
 * @param {ItemContext} ctx
 * @returns {HTMLElement | null} null for items that have nothing to show
 */
export function renderItemBody(item, ctx) {
  const render = ITEM_RENDERERS[item.type];
  if (!render) {
    ctx.log('item.unknown_type', { type: item.type, id: item.id });
    return null;
  }
  return render(item, ctx);
}

/** @type {Record<string, ItemRenderer>} */
const ITEM_RENDERERS = {
  user_message(item, ctx) {
    const attachments = item.attachments ?? [];
    return h('div', { class: 'user-message' },
      item.quoted_text ? h('blockquote', { class: 'quoted', text: item.quoted_text }) : null,
      attachments.length ? h('div', { class: 'message-attachments' }, attachments.map(renderAttachment)) : null,
      h('div', { class: 'bubble' }, (item.content ?? []).map((part) => renderUserPart(part, ctx))));
  },

  assistant_message(item, ctx) {
    const parts = item.content ?? [];
    const el = h('div', { class: `assistant-message${ctx.streaming ? ' streaming' : ''}` });
    const hasText = parts.some((p) => p.text);
    if (!hasText && ctx.streaming) el.append(typingDots());
    for (const part of parts) {
      if (part.text) el.append(renderMarkdown(part.text, { ...ctx.markdown, annotations: part.annotations ?? [] }));
    }
    return el;
  },

  client_tool_call(item) {
    const pending = item.status !== 'completed';
    return h('div', { class: `tool-call${pending ? ' pending' : ''}` },
      pending ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : h('span', { class: 'w-icon', 'aria-hidden': 'true', text: '✓' }),
      h('span', { text: pending ? `Running ${item.name}…` : `Used ${item.name}` }));
  },

  widget(item, ctx) {
    return item.widget ? renderWidget(item.widget, ctx.widgetContext(item)) : null;
  },

  generated_image(item, ctx) {
    const src = safeImageSrc(item.image?.url);
    if (src) {
      return h('figure', { class: 'generated-image' }, h('img', { src, alt: 'Generated image', loading: 'lazy' }));
    }
    const percent = typeof item.progress === 'number' ? ` ${Math.round(item.progress * 100)}%` : '';
    return h('div', { class: 'generated-image pending', role: 'status' },
      h('span', { class: 'shimmer', text: ctx.streaming ? `Generating image…${percent}` : 'Image unavailable' }));
  },

  workflow(item, ctx) {
    const workflow = item.workflow;
    if (!workflow) return null;
    const tasks = workflow.tasks ?? [];
    const details = h('details', { class: 'workflow', open: workflow.expanded || (ctx.streaming && tasks.length > 0) },
      h('summary', {}, workflowLabel(workflow, ctx.streaming)),
      h('ol', { class: 'tasks' }, tasks.map((task) => renderTask(task, ctx))));
    return details;
  },

  task(item, ctx) {
    return item.task ? h('ol', { class: 'tasks standalone' }, renderTask(item.task, ctx)) : null;
  },

  structured_input: renderStructuredInput,

  // A UI hint only; nothing to show.
  end_of_turn: () => null,
  // Model context that servers normally never send; if one arrives, it stays invisible.
  hidden_context_item: () => null,
  sdk_hidden_context: () => null,
};

/**
 * @param {import('./types.js').UserMessageContent} part
 * @param {ItemContext} ctx
 */
function renderUserPart(part, ctx) {
  if (part.type === 'input_text') return part.text;
  if (part.type === 'input_tag') {
    const entity = { id: part.id, title: part.text, data: part.data, group: part.group, interactive: part.interactive };
    return part.interactive && ctx.onEntityClick
      ? h('button', { class: 'tag interactive', text: '@' + part.text, onclick: () => ctx.onEntityClick?.(entity) })
      : h('span', { class: 'tag', text: '@' + part.text });
  }
  return null;
}

/** @param {import('./types.js').Attachment} attachment */
function renderAttachment(attachment) {
  const preview = attachment.type === 'image' ? safeImageSrc(attachment.preview_url) : null;
  return preview
    ? h('img', { class: 'attachment-image', src: preview, alt: attachment.name, loading: 'lazy' })
    : h('span', { class: 'attachment-file', text: '📄 ' + attachment.name });
}

function typingDots() {
  return h('span', { class: 'typing', role: 'status', 'aria-label': 'Assistant is typing' },
    h('span'), h('span'), h('span'));
}

/**
 * The workflow header: its custom summary, the reasoning duration, or what is running now.
 * @param {import('./types.js').Workflow} workflow
 * @param {boolean} streaming
 */
function workflowLabel(workflow, streaming) {
  const summary = workflow.summary;
  if (summary?.title) {
    return h('span', {}, summary.icon ? iconGlyph(summary.icon) + ' ' : '', summary.title);
  }
  if (typeof summary?.duration === 'number') return `Thought for ${summary.duration}s`;
  const tasks = workflow.tasks ?? [];
  if (streaming) {
    const current = tasks[tasks.length - 1];
    return h('span', { class: 'shimmer', text: current ? taskTitle(current) : 'Working…' });
  }
  return workflow.type === 'reasoning' ? 'Reasoning' : `${tasks.length} step${tasks.length === 1 ? '' : 's'}`;
}

/** @param {Task} task */
function taskTitle(task) {
  if (task.title) return task.title;
  switch (task.type) {
    case 'web_search': return task.title_query ? `Searched for “${task.title_query}”` : 'Searched the web';
    case 'thought': return 'Thought';
    case 'file': return 'Read files';
    case 'image': return 'Generated an image';
    default: return 'Step';
  }
}

/**
 * @param {Task} task
 * @param {ItemContext} ctx
 */
function renderTask(task, ctx) {
  const indicator = task.status_indicator ?? 'none';
  const marker = indicator === 'loading'
    ? h('span', { class: 'spinner', 'aria-label': 'In progress' })
    : h('span', { class: 'task-marker', 'aria-hidden': 'true', text: indicator === 'complete' ? '✓' : task.icon ? iconGlyph(task.icon) : '•' });
  const body = h('div', { class: 'task-body' }, h('div', { class: 'task-title', text: taskTitle(task) }));
  if (task.content) {
    const content = renderMarkdown(task.content, ctx.markdown);
    content.classList.add('task-content');
    body.append(content);
  }
  if (task.queries?.length) {
    body.append(h('div', { class: 'chips' }, task.queries.map((q) => h('span', { class: 'chip', text: '🔍 ' + q }))));
  }
  if (task.sources?.length) {
    body.append(h('ul', { class: 'task-sources' }, task.sources.map((source) => {
      const href = source.type === 'url' ? safeUrl(source.url) : null;
      const label = source.title || source.filename || source.url || '';
      return h('li', {}, href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', text: label }) : label);
    })));
  }
  return h('li', { class: `task status-${indicator}` }, marker, body);
}

/**
 * Questions the assistant asks (PROTOCOL.md 2.4 / 4.9). While pending they form a small form;
 * answered or skipped items show the answers read-only.
 * @param {ThreadItem} item
 * @param {ItemContext} ctx
 */
function renderStructuredInput(item, ctx) {
  const inputs = item.inputs ?? [];
  if (item.status && item.status !== 'pending') {
    return h('div', { class: 'structured-input answered', 'data-testid': 'structured-input' },
      inputs.map((input) => h('div', { class: 'si-answer' },
        h('div', { class: 'si-question', text: input.question }),
        h('div', { class: 'si-value', text: input.answer && !input.answer.skipped ? input.answer.values.join(', ') : 'Skipped' }))));
  }

  /** @type {Map<string, () => string[]>} read the current answer of each question */
  const readers = new Map();
  const form = h('form', { class: 'structured-input', 'data-testid': 'structured-input' });
  for (const input of inputs) {
    const field = h('fieldset', { class: 'si-field' }, h('legend', { class: 'si-question', text: input.question }));
    if (input.description) field.append(h('p', { class: 'si-description', text: input.description }));
    if (input.type === 'multiple_choice') {
      const selected = new Set();
      const group = h('div', { class: 'chips', role: input.multiple ? 'group' : 'radiogroup', 'aria-label': input.question });
      for (const option of input.options ?? []) {
        const chip = h('button', {
          class: 'chip option', role: input.multiple ? 'checkbox' : 'radio',
          'aria-checked': 'false', text: option.label ?? option.value, 'data-testid': 'structured-option',
          onclick: () => {
            if (!input.multiple) selected.clear();
            if (selected.has(option.value)) selected.delete(option.value);
            else selected.add(option.value);
            for (const other of group.children) {
              other.setAttribute('aria-checked', String(selected.has(/** @type {HTMLElement} */ (other).dataset.value)));
            }
          },
        });
        chip.dataset.value = option.value;
        group.append(chip);
      }
      field.append(group);
      readers.set(input.id, () => [...selected]);
    } else {
      const text = h('textarea', { class: 'w-input', rows: 2, 'aria-label': input.question, 'data-testid': 'structured-freeform' });
      field.append(text);
      readers.set(input.id, () => (text.value.trim() ? [text.value.trim()] : []));
    }
    form.append(field);
  }

  /** @param {'answered' | 'skipped'} status */
  const submit = async (status) => {
    /** @type {Record<string, { values: string[], skipped: boolean }>} */
    const answers = {};
    if (status === 'answered') {
      for (const [id, read] of readers) {
        const values = read();
        answers[id] = { values, skipped: values.length === 0 };
      }
    }
    form.inert = true;
    form.classList.add('submitting');
    try {
      await ctx.onStructuredInput(item, { status, answers });
    } finally {
      form.inert = false;
      form.classList.remove('submitting');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('answered');
  });
  form.append(h('div', { class: 'si-actions' },
    h('button', { class: 'w-button secondary', text: 'Skip', 'data-testid': 'structured-skip', onclick: () => submit('skipped') }),
    h('button', { type: 'submit', class: 'w-button primary', text: 'Submit', 'data-testid': 'structured-submit' })));
  return form;
}

/**
 * Image sources from the server: http(s), relative, or an inline data: image (the Agents
 * integration streams generated images as data URLs).
 * @param {string | undefined} url
 */
function safeImageSrc(url) {
  if (!url) return null;
  if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(url)) return url;
  return safeUrl(url);
}
