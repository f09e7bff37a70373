// @ts-check
// Pure data operations on thread items: applying `thread.item.updated` deltas, finding turns,
// and turning composer text + tags into user message content. No DOM here.

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */

/** Whether a value is a non-null object (widget children may also be strings or nulls). @param {unknown} value */
const isObject = (value) => !!value && typeof value == 'object';

/**
 * The content part the update names (`content_index`), padding the list with empty text parts
 * as the protocol says.
 * @param {ThreadItem} item
 * @param {{ content_index: number }} update
 */
const contentPart = (item, { content_index: index }) => {
  const content = (item.content ??= []);
  while (content.length <= index) content.push({ type: 'output_text', text: '', annotations: [] });
  return content[index];
};

/** A content part `added` or `done`: the update's copy of the part replaces ours. @param {ThreadItem} item @param {any} update */
const setContentPart = (item, update) => {
  contentPart(item, update);
  /** @type {any[]} */ (item.content)[update.content_index] = structuredClone(update.content);
};

/**
 * An update that sets these fields of the item to the update's values.
 * @param {...string} fields
 * @returns {(item: any, update: any) => void}
 */
const copyFields = (...fields) => (item, update) => fields.forEach((field) => item[field] = update[field]);

/** @param {ThreadItem} item */
const workflowTasks = (item) => ((item.workflow ??= { type: 'custom', tasks: [] }).tasks ??= []);

// Item updates (PROTOCOL.md 3.2) share this prefix: assistant_message.content_part.added,
// .done, .text_delta and .annotation_added.
const PART = 'assistant_message.content_part.';

/**
 * How each item update changes an item, in place, by update type. (No prototype, so an update
 * type such as `toString` is unknown too.)
 * @type {Record<string, (item: any, update: any) => void>}
 */
const ITEM_UPDATES = {
  __proto__: null,
  [PART + 'added']: setContentPart,
  [PART + 'done']: setContentPart,
  [PART + 'text_delta'](item, update) {
    const part = contentPart(item, update);
    part.text = (part.text ?? '') + update.delta;
  },
  // (splice clamps an index past the end of the list to its end)
  [PART + 'annotation_added']: (item, update) => (contentPart(item, update).annotations ??= []).splice(update.annotation_index, 0, update.annotation),
  'workflow.task.added': (item, update) => workflowTasks(item).splice(update.task_index, 0, update.task),
  'workflow.task.updated'(item, update) {
    workflowTasks(item)[update.task_index] = update.task;
  },
  'widget.root.updated': copyFields('widget'),
  'widget.streaming_text.value_delta'(item, update) {
    const node = item.widget && findWidgetNode(item.widget, update.component_id);
    if (!node) return; // nothing to grow: the next root update will carry the text
    node.value = (node.value ?? '') + update.delta;
    node.streaming = !update.done;
  },
  'widget.component.updated'(item, update) {
    if (item.widget) item.widget = replaceWidgetNode(item.widget, update.component_id, update.component);
  },
  'generated_image.updated': copyFields('image', 'progress'),
};

/**
 * Applies one item update (PROTOCOL.md 3.2) to the item, in place.
 * @param {ThreadItem} item
 * @param {any} update
 * @returns {boolean} false when the update type is unknown (the caller logs it)
 */
export const applyItemUpdate = (item, update) => {
  const apply = ITEM_UPDATES[update.type];
  apply?.(item, update);
  return !!apply;
};

/**
 * Depth-first search of a widget tree for the component with this `id`.
 * @param {WidgetNode} node
 * @param {string} id
 * @returns {WidgetNode | null}
 */
const findWidgetNode = (node, id) => !isObject(node) ? null
  : node.id === id ? node
  : widgetChildren(node).reduce((/** @type {WidgetNode | null} */ found, child) => found ?? findWidgetNode(child, id), null);

/**
 * Returns the tree with the component of this id replaced (the root itself may be replaced).
 * @param {WidgetNode} node
 * @param {string} id
 * @param {WidgetNode} replacement
 * @returns {WidgetNode}
 */
const replaceWidgetNode = (node, id, replacement) => {
  if (node.id === id) return replacement;
  const children = node.children;
  if (isObject(children)) {
    node.children = Array.isArray(children)
      ? children.map((/** @type {WidgetNode} */ c) => replaceWidgetNode(c, id, replacement))
      : replaceWidgetNode(children, id, replacement);
  }
  return node;
};

/**
 * Children of a widget node; `Transition` has a single child object instead of an array.
 * @param {WidgetNode} node
 * @returns {WidgetNode[]}
 */
export const widgetChildren = ({ children }) => Array.isArray(children) ? children : isObject(children) ? [children] : [];

/**
 * Splits the transcript into turns. A turn is a user message and every item after it up to the
 * next user message; items before the first user message (e.g. a greeting widget) form a turn
 * without a user message.
 * @param {ThreadItem[]} items
 * @returns {{ user: ThreadItem | null, items: ThreadItem[] }[]}
 */
export const splitTurns = (items) => {
  /** @type {{ user: ThreadItem | null, items: ThreadItem[] }[]} */
  const turns = [];
  /** @type {{ user: ThreadItem | null, items: ThreadItem[] } | null} */
  let current = null;
  for (const item of items) {
    const isUser = item.type === 'user_message';
    if (isUser || !current) turns.push(current = { user: isUser ? item : null, items: [] });
    if (!isUser) current.items.push(item);
  }
  return turns;
};

const PARAGRAPH = '\n\n';

/**
 * The text a turn's copy button copies: assistant text and widget `copy_text`, in order.
 * @param {ThreadItem[]} items
 */
export const turnCopyText = (items) => items
  .map((item) => item.type === 'assistant_message'
    ? (item.content ?? []).map((p) => p.text ?? '').join(PARAGRAPH)
    : (item.type === 'widget' && item.copy_text) || '')
  .filter((text) => text.trim())
  .join(PARAGRAPH);


/**
 * The protocol's UserMessageInput (PROTOCOL.md 4.5).
 * @param {UserMessageContent[]} content
 * @param {{ id: string }[]} attachments
 * @param {string | null} quotedText
 * @param {string | null | undefined} toolId
 * @param {string | null | undefined} model
 * @returns {import('./types.js').UserMessageInput}
 */
export const userInput = (content, attachments, quotedText, toolId, model) => ({
  content, attachments: attachments.map((a) => a.id), quoted_text: quotedText,
  inference_options: { ...toolId && { tool_choice: { id: toolId } }, ...model && { model } },
});

/**
 * Plain text as user message content.
 * @param {string} text
 * @returns {UserMessageContent[]}
 */
export const textContent = (text) => [inputText(text)];

/** @param {string} text @returns {UserMessageContent} */
const inputText = (text) => ({ type: 'input_text', text });

/**
 * Turns composer text into content parts. A tag chosen from the `@` menu is inserted into the
 * text as `@Title`; every such mention still present becomes an `input_tag` part at its place,
 * so the server sees text and tags interleaved in the order the user wrote them.
 * @param {string} text
 * @param {Entity[]} tags
 * @returns {UserMessageContent[]}
 */
export const composeContent = (text, tags) => {
  // One pattern matching any mention: the leftmost wins and, at the same place, the tag listed
  // first. Its group captures the title, so splitting alternates text and titles.
  const mention = tags.length && RegExp(`@(${tags.map((tag) => tag.title.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')).join('|')})`);
  return (mention ? text.split(mention) : [text])
    .map((piece, i) => i % 2 ? toTagPart(/** @type {Entity} */ (tags.find((tag) => tag.title === piece))) : piece && inputText(piece))
    .filter(Boolean);
};

/**
 * @param {Entity} entity
 * @returns {UserMessageContent}
 */
const toTagPart = ({ id, title, data, group, interactive }) => ({
  type: 'input_tag', id, text: title, data: data ?? {}, ...group && { group }, interactive: !!interactive,
});

/**
 * The reverse of composeContent, for setComposerValue({content}): text with `@Title` mentions
 * plus the entities to remember.
 * @param {UserMessageContent[]} content
 * @returns {{ text: string, tags: Entity[] }}
 */
export const decomposeContent = (content) => {
  let text = '';
  /** @type {Entity[]} */
  const tags = [];
  for (const part of content) {
    if (part.type === 'input_text') text += part.text;
    else if (part.type === 'input_tag') {
      text += '@' + part.text;
      tags.push(tagEntity(part));
    }
  }
  return { text, tags };
};

/**
 * The entity an `input_tag` part stands for (the reverse of toTagPart).
 * @param {any} part
 * @returns {Entity}
 */
export const tagEntity = ({ id, text, data, group, interactive }) => ({ id, title: text, data, group, interactive });
