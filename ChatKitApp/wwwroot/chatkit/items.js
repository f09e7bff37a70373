// @ts-check
// Renders the body of one thread item, by item type. The surrounding wrapper (test hooks,
// turn actions) belongs to thread-view.js; protocol traffic belongs to the element.

import { h, glyph } from './dom.js';
import { renderMarkdown, safeUrl, sourceHref, newTabLink, textEl } from './markdown.js';
import { tagEntity } from './thread-model.js';
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
 * @property {(item: ThreadItem, input: import('./types.js').StructuredInputAnswer) => Promise<void>} onStructuredInput
 * @property {((entity: Entity) => void) | undefined} onEntityClick
 * @property {((tag: HTMLElement, entity: Entity) => void) | undefined} previewEntity
 * @property {(name: string, data: Record<string, unknown>) => void} log
 */

/** @typedef {(item: ThreadItem, ctx: ItemContext) => HTMLElement | null} ItemRenderer */

/**
 * @param {ThreadItem} item
 * @param {ItemContext} ctx
 * @returns {HTMLElement | null} null for items that have nothing to show
 */
export const renderItemBody = (item, ctx) => {
  // Own properties only: a type such as "constructor" must not find Object's members.
  const render = Object.hasOwn(ITEM_RENDERERS, item.type) ? ITEM_RENDERERS[item.type] : undefined;
  if (render) return render(item, ctx);
  ctx.log('item.unknown_type', { type: item.type, id: item.id });
  return null;
};

/**
 * Image sources from the server: http(s), relative, or an inline data: image (the Agents
 * integration streams generated images as data URLs).
 * @param {string | undefined} url
 */
const safeImageSrc = (url) => url && /^data:image\/(png|jpeg|gif|webp);base64,/i.test(url) ? url : safeUrl(url);

/**
 * @param {import('./types.js').UserMessageContent} part
 * @param {ItemContext} ctx
 */
const renderUserPart = (part, ctx) => {
  if (part.type === 'input_text') return part.text;
  const interactive = part.interactive && (ctx.onEntityClick || ctx.previewEntity);
  // other part types (none today) show nothing
  const tag = part.type === 'input_tag' && h(interactive ? 'button.tag.interactive' : 'span.tag', {
    text: '@' + part.text, onclick: part.interactive && ctx.onEntityClick && (() => ctx.onEntityClick?.(tagEntity(part))),
  });
  if (tag && interactive) ctx.previewEntity?.(tag, tagEntity(part)); // entities.onRequestPreview
  return tag;
};

/** @param {import('./types.js').Attachment} attachment */
const renderAttachment = ({ type, name, preview_url }) => {
  const preview = type === 'image' && safeImageSrc(preview_url);
  return preview
    ? h('img.attachment-image', { src: preview, alt: name, loading: 'lazy' })
    : h('span.attachment-file', glyph('document', null), textEl('span', name));
};

/**
 * The workflow header: its custom summary, the reasoning duration, or what is running now.
 * @param {import('./types.js').Workflow} workflow
 * @param {Task[]} tasks the workflow's tasks (none when it has no list)
 * @param {boolean} streaming
 */
const workflowLabel = ({ summary, type }, tasks, streaming) => {
  if (summary?.title) return h('span.summary-title', glyph(summary.icon, null), textEl('span', summary.title));
  if (typeof summary?.duration === 'number') return `Thought for ${summary.duration}s`;
  const current = tasks.at(-1);
  return streaming ? textEl('span.shimmer', current ? taskTitle(current) : 'Working…')
    : type === 'reasoning' ? 'Reasoning' : `${tasks.length} step${tasks.length === 1 ? '' : 's'}`;
};

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
const renderTask = (task, ctx) => {
  const indicator = task.status_indicator ?? 'none';
  const content = task.content ? renderMarkdown(task.content, ctx.markdown) : null;
  content?.classList.add('task-content');
  return h('li.task', { class: 'status-' + indicator },
    indicator === 'loading'
      ? h('span.spinner', { ariaLabel: 'In progress' })
      : glyph(indicator === 'complete' ? 'check' : task.icon || 'dot', 'task-marker'), // ✓, the task's icon or •
    h('div.task-body',
      textEl('div.task-title', taskTitle(task)),
      content,
      task.queries?.length ? h('div.chips', task.queries.map((query) => h('span.chip', glyph('search', null), textEl('span', query)))) : null,
      task.sources?.length ? h('ul.task-sources', task.sources.map((source) => {
        const href = sourceHref(source);
        const label = source.title || source.filename || source.url || '';
        return h('li', href ? newTabLink(href, { text: label }) : { text: label });
      })) : null));
};

/**
 * Questions the assistant asks. While pending they form a small form;
 * answered or skipped items show the answers read-only.
 * @param {ThreadItem} item
 * @param {ItemContext} ctx
 */
const renderStructuredInput = (item, ctx) => {
  const inputs = item.inputs ?? [];
  const testid = 'structured-input';
  if (item.status && item.status !== 'pending') {
    return h('div.structured-input.answered', { testid }, inputs.map(({ question, answer }) => h('div.si-answer',
      textEl('div.si-question', question),
      textEl('div.si-value', answer && !answer.skipped ? answer.values.join(', ') : 'Skipped'))));
  }

  /** @type {Map<string, () => string[]>} read the current answer of each question */
  const readers = new Map();
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
  const form = h('form.structured-input', {
    testid,
    onsubmit: (/** @type {Event} */ event) => {
      event.preventDefault();
      submit('answered');
    },
  }, inputs.map((input) => {
    const { question, multiple } = input;
    /** @type {HTMLElement} */
    let control;
    if (input.type === 'multiple_choice') {
      const options = input.options ?? [];
      const selected = new Set();
      const chips = options.map((option) => h('button.chip.option', {
        role: multiple ? 'checkbox' : 'radio', ariaChecked: 'false', text: option.label ?? option.value,
        testid: 'structured-option',
        onclick: () => {
          // A single choice is replaced, not toggled off; a multiple one toggles.
          if (!multiple) selected.clear();
          if (selected.has(option.value)) selected.delete(option.value);
          else selected.add(option.value);
          chips.forEach((chip, i) => chip.ariaChecked = String(selected.has(options[i].value)));
        },
      }));
      control = h('div.chips', { role: multiple ? 'group' : 'radiogroup', ariaLabel: question }, chips);
      readers.set(input.id, () => [...selected]);
    } else {
      const text = h('textarea.w-input', { rows: 2, ariaLabel: question, testid: 'structured-freeform' });
      control = text;
      readers.set(input.id, () => [text.value.trim()].filter(Boolean));
    }
    return h('fieldset.si-field',
      textEl('legend.si-question', question),
      input.description && textEl('p.si-description', input.description),
      control);
  }),
  h('div.si-actions',
    h('button.w-button.secondary', { text: 'Skip', testid: 'structured-skip', onclick: () => submit('skipped') }),
    h('button.w-button.primary', { type: 'submit', text: 'Submit', testid: 'structured-submit' })));
  return form;
};

const nothing = () => null;

/** @type {Record<string, ItemRenderer>} */
const ITEM_RENDERERS = {

  user_message: ({ quoted_text, attachments, content }, ctx) => h('div.user-message',
    quoted_text && textEl('blockquote.quoted', quoted_text),
    attachments?.length ? h('div.message-attachments', attachments.map(renderAttachment)) : null,
    h('div.bubble', (content ?? []).map((part) => renderUserPart(part, ctx)))),

  assistant_message({ content }, { streaming, markdown }) {
    const parts = content ?? [];
    return h('div.assistant-message', { class: streaming && 'streaming' },
      // Typing dots until the first text arrives.
      streaming && !parts.some((part) => part.text) && h('span.typing', { role: 'status', ariaLabel: 'Assistant is typing' },
        h('span'), h('span'), h('span')),
      parts.map((part) => part.text && renderMarkdown(part.text, { ...markdown, annotations: part.annotations })));
  },

  client_tool_call({ status, name }) {
    const pending = status !== 'completed';
    return h('div.tool-call', { class: pending && 'pending' },
      pending ? h('span.spinner', { ariaHidden: 'true' }) : glyph('check'),
      textEl('span', pending ? `Running ${name}…` : `Used ${name}`));
  },

  widget: (item, ctx) => item.widget ? renderWidget(item.widget, ctx.widgetContext(item)) : null,

  generated_image({ image, progress }, { streaming }) {
    const src = safeImageSrc(image?.url);
    if (src) return h('figure.generated-image', h('img', { src, alt: 'Generated image', loading: 'lazy' }));
    const percent = typeof progress === 'number' ? ` ${Math.round(progress * 100)}%` : '';
    return h('div.generated-image.pending', { role: 'status' },
      textEl('span.shimmer', streaming ? `Generating image…${percent}` : 'Image unavailable'));
  },

  workflow({ workflow }, ctx) {
    if (!workflow) return null;
    const tasks = workflow.tasks ?? [];
    return h('details.workflow', { open: workflow.expanded || (ctx.streaming && tasks.length > 0) },
      h('summary', workflowLabel(workflow, tasks, ctx.streaming)),
      h('ol.tasks', tasks.map((task) => renderTask(task, ctx))));
  },

  task: ({ task }, ctx) => task ? h('ol.tasks.standalone', renderTask(task, ctx)) : null,

  structured_input: renderStructuredInput,

  // A UI hint only; nothing to show.
  end_of_turn: nothing,
  // Model context that servers normally never send; if one arrives, it stays invisible.
  hidden_context_item: nothing,
  sdk_hidden_context: nothing,
};
