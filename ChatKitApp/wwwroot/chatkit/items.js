// @ts-check
// Renders the body of one thread item, by item type. The surrounding wrapper (test hooks,
// turn actions) belongs to thread-view.js; protocol traffic belongs to the element.

import { h, glyph } from './dom.js';
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

/** Test hooks are set on several nodes; a computed key spares repeating the attribute name. */

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

const nothing = () => null;

/** @type {Record<string, ItemRenderer>} */
const ITEM_RENDERERS = {
  __proto__: null, // a type such as "constructor" must not find Object's members

  user_message(item, ctx) {
    const attachments = item.attachments ?? [];
    return h('div.user-message',
      item.quoted_text && h('blockquote.quoted', { text: item.quoted_text }),
      attachments.length > 0 && h('div.message-attachments', attachments.map(renderAttachment)),
      h('div.bubble', (item.content ?? []).map((part) => renderUserPart(part, ctx))));
  },

  assistant_message(item, ctx) {
    const parts = item.content ?? [];
    return h('div.assistant-message', { class: ctx.streaming && 'streaming' },
      // Typing dots until the first text arrives.
      ctx.streaming && !parts.some((part) => part.text) && h('span.typing', { role: 'status', 'aria-label': 'Assistant is typing' },
        h('span'), h('span'), h('span')),
      parts.map((part) => part.text && renderMarkdown(part.text, { ...ctx.markdown, annotations: part.annotations ?? [] })));
  },

  client_tool_call(item) {
    const pending = item.status !== 'completed';
    return h('div.tool-call', { class: pending && 'pending' },
      pending ? h('span.spinner', { 'aria-hidden': 'true' }) : glyph('check'),
      h('span', { text: pending ? `Running ${item.name}…` : `Used ${item.name}` }));
  },

  widget(item, ctx) {
    return item.widget ? renderWidget(item.widget, ctx.widgetContext(item)) : null;
  },

  generated_image(item, ctx) {
    const src = safeImageSrc(item.image?.url);
    if (src) return h('figure.generated-image', h('img', { src, alt: 'Generated image', loading: 'lazy' }));
    const percent = typeof item.progress === 'number' ? ` ${Math.round(item.progress * 100)}%` : '';
    return h('div.generated-image.pending', { role: 'status' },
      h('span.shimmer', { text: ctx.streaming ? `Generating image…${percent}` : 'Image unavailable' }));
  },

  workflow(item, ctx) {
    const workflow = item.workflow;
    if (!workflow) return null;
    const tasks = workflow.tasks ?? [];
    return h('details.workflow', { open: workflow.expanded || (ctx.streaming && tasks.length > 0) },
      h('summary', workflowLabel(workflow, ctx.streaming)),
      h('ol.tasks', tasks.map((task) => renderTask(task, ctx))));
  },

  task(item, ctx) {
    return item.task ? h('ol.tasks.standalone', renderTask(item.task, ctx)) : null;
  },

  structured_input: renderStructuredInput,

  // A UI hint only; nothing to show.
  end_of_turn: nothing,
  // Model context that servers normally never send; if one arrives, it stays invisible.
  hidden_context_item: nothing,
  sdk_hidden_context: nothing,
};

/**
 * @param {import('./types.js').UserMessageContent} part
 * @param {ItemContext} ctx
 */
function renderUserPart(part, ctx) {
  if (part.type === 'input_text') return part.text;
  if (part.type !== 'input_tag') return null;
  const entity = { id: part.id, title: part.text, data: part.data, group: part.group, interactive: part.interactive };
  const interactive = part.interactive && ctx.onEntityClick;
  return h(interactive ? 'button.tag.interactive' : 'span.tag', {
    text: '@' + part.text, onclick: interactive && (() => ctx.onEntityClick?.(entity)),
  });
}

/** @param {import('./types.js').Attachment} attachment */
function renderAttachment(attachment) {
  const preview = attachment.type === 'image' && safeImageSrc(attachment.preview_url);
  return preview
    ? h('img.attachment-image', { src: preview, alt: attachment.name, loading: 'lazy' })
    : h('span.attachment-file', { text: '📄 ' + attachment.name });
}

/**
 * The workflow header: its custom summary, the reasoning duration, or what is running now.
 * @param {import('./types.js').Workflow} workflow
 * @param {boolean} streaming
 */
function workflowLabel(workflow, streaming) {
  const summary = workflow.summary;
  if (summary?.title) return h('span', summary.icon ? iconGlyph(summary.icon) + ' ' : '', summary.title);
  if (typeof summary?.duration === 'number') return `Thought for ${summary.duration}s`;
  const tasks = workflow.tasks ?? [];
  if (streaming) {
    const current = tasks.at(-1);
    return h('span.shimmer', { text: current ? taskTitle(current) : 'Working…' });
  }
  return workflow.type === 'reasoning' ? 'Reasoning' : `${tasks.length} step${tasks.length === 1 ? '' : 's'}`;
}

/** What a task without a title of its own did, by task type. */
const TASK_TITLES = { __proto__: null, thought: 'Thought', file: 'Read files', image: 'Generated an image' };

/** @param {Task} task */
function taskTitle(task) {
  if (task.title) return task.title;
  if (task.type === 'web_search') return task.title_query ? `Searched for “${task.title_query}”` : 'Searched the web';
  return TASK_TITLES[task.type] ?? 'Step';
}

/**
 * @param {Task} task
 * @param {ItemContext} ctx
 */
function renderTask(task, ctx) {
  const indicator = task.status_indicator ?? 'none';
  const content = task.content ? renderMarkdown(task.content, ctx.markdown) : null;
  content?.classList.add('task-content');
  return h('li.task', { class: 'status-' + indicator },
    indicator === 'loading'
      ? h('span.spinner', { 'aria-label': 'In progress' })
      : glyph(indicator === 'complete' ? 'check' : task.icon || 'dot', 'task-marker'), // ✓, the task's icon or •
    h('div.task-body',
      h('div.task-title', { text: taskTitle(task) }),
      content,
      task.queries?.length ? h('div.chips', task.queries.map((query) => h('span.chip', { text: '🔍 ' + query }))) : null,
      task.sources?.length ? h('ul.task-sources', task.sources.map((source) => {
        const href = source.type === 'url' && safeUrl(source.url);
        const label = source.title || source.filename || source.url || '';
        return h('li', href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', text: label }) : label);
      })) : null));
}

/**
 * Questions the assistant asks (PROTOCOL.md 2.4 / 4.9). While pending they form a small form;
 * answered or skipped items show the answers read-only.
 * @param {ThreadItem} item
 * @param {ItemContext} ctx
 */
function renderStructuredInput(item, ctx) {
  const inputs = item.inputs ?? [];
  const answered = item.status && item.status !== 'pending';
  const root = h(answered ? 'div.structured-input.answered' : 'form.structured-input', { testid: 'structured-input' });
  if (answered) {
    root.append(...inputs.map((input) => h('div.si-answer',
      h('div.si-question', { text: input.question }),
      h('div.si-value', { text: input.answer && !input.answer.skipped ? input.answer.values.join(', ') : 'Skipped' }))));
    return root;
  }

  const form = /** @type {HTMLFormElement} */ (root);
  /** @type {Map<string, () => string[]>} read the current answer of each question */
  const readers = new Map();
  for (const input of inputs) {
    const field = h('fieldset.si-field',
      h('legend.si-question', { text: input.question }),
      input.description && h('p.si-description', { text: input.description }));
    if (input.type === 'multiple_choice') {
      const { multiple } = input;
      const options = input.options ?? [];
      const selected = new Set();
      const chips = options.map((option) => h('button.chip.option', {
        role: multiple ? 'checkbox' : 'radio', 'aria-checked': 'false', text: option.label ?? option.value,
        testid: 'structured-option',
        onclick: () => {
          // A single choice is replaced, not toggled off; a multiple one toggles.
          if (!multiple) selected.clear();
          if (selected.has(option.value)) selected.delete(option.value);
          else selected.add(option.value);
          chips.forEach((chip, i) => chip.setAttribute('aria-checked', String(selected.has(options[i].value))));
        },
      }));
      field.append(h('div.chips', { role: multiple ? 'group' : 'radiogroup', 'aria-label': input.question }, chips));
      readers.set(input.id, () => [...selected]);
    } else {
      const text = h('textarea.w-input', { rows: 2, 'aria-label': input.question, testid: 'structured-freeform' });
      field.append(text);
      readers.set(input.id, () => [text.value.trim()].filter(Boolean));
    }
    form.append(field);
  }

  /** @param {boolean} submitting */
  const setSubmitting = (submitting) => {
    form.inert = submitting;
    form.classList.toggle('submitting', submitting);
  };
  /** @param {'answered' | 'skipped'} status */
  const submit = async (status) => {
    /** @type {Record<string, { values: string[], skipped: boolean }>} */
    const answers = {};
    if (status === 'answered') {
      for (const [id, read] of readers) {
        const values = read();
        answers[id] = { values, skipped: !values.length };
      }
    }
    setSubmitting(true);
    try {
      await ctx.onStructuredInput(item, { status, answers });
    } finally {
      setSubmitting(false);
    }
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    submit('answered');
  };
  form.append(h('div.si-actions',
    h('button.w-button.secondary', { text: 'Skip', testid: 'structured-skip', onclick: () => submit('skipped') }),
    h('button.w-button.primary', { type: 'submit', text: 'Submit', testid: 'structured-submit' })));
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
