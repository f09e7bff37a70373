// @ts-check
// Pure data operations on thread items: applying `thread.item.updated` deltas, finding turns,
// and turning composer text + tags into user message content. No DOM here.

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */

/**
 * Whether a value is a non-null object (widget children may also be strings or nulls).
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null;
}

/**
 * The content part the update names (`content_index`), padding the list with empty text parts
 * as the protocol says.
 * @param {ThreadItem} item
 * @param {{ content_index: number }} update
 */
function contentPart(item, update) {
  const content = (item.content ??= []);
  while (content.length <= update.content_index) content.push({ type: 'output_text', text: '', annotations: [] });
  return content[update.content_index];
}

/**
 * A content part `added` or `done`: the update's copy of the part replaces ours.
 * @param {ThreadItem} item
 * @param {any} update
 */
function setContentPart(item, update) {
  contentPart(item, update);
  /** @type {any[]} */ (item.content)[update.content_index] = structuredClone(update.content);
}

/** @param {ThreadItem} item */
function workflowTasks(item) {
  const workflow = (item.workflow ??= { type: 'custom', tasks: [] });
  return (workflow.tasks ??= []);
}

/**
 * How each item update changes an item, in place, by update type.
 * @type {Record<string, (item: ThreadItem, update: any) => void>}
 */
const ITEM_UPDATES = {
  'assistant_message.content_part.added': setContentPart,
  'assistant_message.content_part.done': setContentPart,
  'assistant_message.content_part.text_delta'(item, update) {
    const part = contentPart(item, update);
    part.text = (part.text ?? '') + update.delta;
  },
  'assistant_message.content_part.annotation_added'(item, update) {
    // splice clamps an index past the end of the list to its end
    (contentPart(item, update).annotations ??= []).splice(update.annotation_index, 0, update.annotation);
  },
  'workflow.task.added'(item, update) {
    workflowTasks(item).splice(update.task_index, 0, update.task);
  },
  'workflow.task.updated'(item, update) {
    workflowTasks(item)[update.task_index] = update.task;
  },
  'widget.root.updated'(item, update) {
    item.widget = update.widget;
  },
  'widget.streaming_text.value_delta'(item, update) {
    const node = item.widget && findWidgetNode(item.widget, update.component_id);
    if (!node) return; // nothing to grow: the next root update will carry the text
    node.value = (node.value ?? '') + update.delta;
    node.streaming = !update.done;
  },
  'widget.component.updated'(item, update) {
    if (item.widget) item.widget = replaceWidgetNode(item.widget, update.component_id, update.component);
  },
  'generated_image.updated'(item, update) {
    item.image = update.image;
    item.progress = update.progress;
  },
};

/**
 * Applies one item update to the item, in place.
 * @param {ThreadItem} item
 * @param {any} update
 * @returns {boolean} false when the update type is unknown (the caller logs it)
 */
export function applyItemUpdate(item, update) {
  // Own properties only: an update type such as `toString` is unknown too.
  if (!Object.hasOwn(ITEM_UPDATES, update.type)) return false;
  ITEM_UPDATES[update.type](item, update);
  return true;
}

/**
 * Depth-first search of a widget tree for the component with this `id`.
 * @param {WidgetNode} node
 * @param {string} id
 * @returns {WidgetNode | null}
 */
function findWidgetNode(node, id) {
  if (!isObject(node)) return null;
  if (node.id === id) return node;
  for (const child of widgetChildren(node)) {
    const found = findWidgetNode(child, id);
    if (found) return found;
  }
  return null;
}

/**
 * Returns the tree with the component of this id replaced (the root itself may be replaced).
 * @param {WidgetNode} node
 * @param {string} id
 * @param {WidgetNode} replacement
 * @returns {WidgetNode}
 */
function replaceWidgetNode(node, id, replacement) {
  if (node.id === id) return replacement;
  const children = node.children;
  if (isObject(children)) {
    node.children = Array.isArray(children)
      ? children.map((/** @type {WidgetNode} */ child) => replaceWidgetNode(child, id, replacement))
      : replaceWidgetNode(/** @type {WidgetNode} */ (children), id, replacement);
  }
  return node;
}

/**
 * Children of a widget node; `Transition` has a single child object instead of an array.
 * @param {WidgetNode} node
 * @returns {WidgetNode[]}
 */
export function widgetChildren(node) {
  const { children } = node;
  if (Array.isArray(children)) return children;
  return isObject(children) ? [/** @type {WidgetNode} */ (children)] : [];
}

/**
 * Splits the transcript into turns. A turn is a user message and every item after it up to the
 * next user message; items before the first user message (e.g. a greeting widget) form a turn
 * without a user message.
 * @param {ThreadItem[]} items
 * @returns {{ user: ThreadItem | null, items: ThreadItem[] }[]}
 */
export function splitTurns(items) {
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
}

const PARAGRAPH = '\n\n';

/**
 * The text a turn's copy button copies: assistant text and widget `copy_text`, in order.
 * @param {ThreadItem[]} items
 */
export function turnCopyText(items) {
  return items
    .map((item) => {
      if (item.type === 'assistant_message') return (item.content ?? []).map((part) => part.text ?? '').join(PARAGRAPH);
      return (item.type === 'widget' && item.copy_text) || '';
    })
    .filter((text) => text.trim())
    .join(PARAGRAPH);
}
/**
 * The protocol's UserMessageInput.
 * @param {UserMessageContent[]} content
 * @param {{ id: string }[]} attachments
 * @param {string | null} quotedText
 * @param {string | null | undefined} toolId
 * @param {string | null | undefined} model
 * @returns {import('./types.js').UserMessageInput}
 */
export function userInput(content, attachments, quotedText, toolId, model) {
  /** @type {import('./types.js').InferenceOptions} */
  const inferenceOptions = {};
  if (toolId) inferenceOptions.tool_choice = { id: toolId };
  if (model) inferenceOptions.model = model;
  return {
    content,
    attachments: attachments.map((attachment) => attachment.id),
    quoted_text: quotedText,
    inference_options: inferenceOptions,
  };
}

/**
 * Plain text as user message content.
 * @param {string} text
 * @returns {UserMessageContent[]}
 */
export function textContent(text) {
  return [inputText(text)];
}

/**
 * @param {string} text
 * @returns {UserMessageContent}
 */
function inputText(text) {
  return { type: 'input_text', text };
}

/**
 * Turns composer text into content parts. A tag chosen from the `@` menu is inserted into the
 * text as `@Title`; every such mention still present becomes an `input_tag` part at its place,
 * so the server sees text and tags interleaved in the order the user wrote them.
 * @param {string} text
 * @param {Entity[]} tags
 * @returns {UserMessageContent[]}
 */
export function composeContent(text, tags) {
  if (!tags.length) return text ? [inputText(text)] : [];
  // One pattern matching any mention: the leftmost wins and, at the same place, the tag listed
  // first. Its group captures the title, so splitting alternates text and titles.
  const titles = tags.map((tag) => tag.title.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&'));
  const mention = new RegExp(`@(${titles.join('|')})`);
  /** @type {UserMessageContent[]} */
  const parts = [];
  text.split(mention).forEach((piece, i) => {
    if (i % 2 === 1) parts.push(toTagPart(/** @type {Entity} */ (tags.find((tag) => tag.title === piece))));
    else if (piece) parts.push(inputText(piece));
  });
  return parts;
}

/**
 * @param {Entity} entity
 * @returns {UserMessageContent}
 */
function toTagPart({ id, title, data, group, interactive }) {
  return { type: 'input_tag', id, text: title, data: data ?? {}, ...(group ? { group } : {}), interactive: Boolean(interactive) };
}

/**
 * The reverse of composeContent, for setComposerValue({content}): text with `@Title` mentions
 * plus the entities to remember.
 * @param {UserMessageContent[]} content
 * @returns {{ text: string, tags: Entity[] }}
 */
export function decomposeContent(content) {
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
}

/**
 * The entity an `input_tag` part stands for (the reverse of toTagPart).
 * @param {any} part
 * @returns {Entity}
 */
export function tagEntity({ id, text, data, group, interactive }) {
  return { id, title: text, data, group, interactive };
}

let pendingCount = 0;

/**
 * The user's message as shown the moment it is sent, before the server's copy (with its real id)
 * replaces it. Its id never reaches the server.
 * @param {import('./types.js').UserMessageInput} input
 * @param {import('./types.js').Attachment[]} attachments the attachments the input names
 * @param {string} threadId empty for a thread not created yet
 * @returns {ThreadItem}
 */
export function pendingUserMessage(input, attachments, threadId) {
  return /** @type {ThreadItem} */ ({
    type: 'user_message',
    id: `pending_${++pendingCount}`,
    thread_id: threadId,
    created_at: new Date().toISOString(),
    content: input.content,
    attachments,
    quoted_text: input.quoted_text,
    inference_options: input.inference_options,
  });
}
