// @ts-check
// Pure data operations on thread items: applying `thread.item.updated` deltas, finding turns,
// and turning composer text + tags into user message content. No DOM here.

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */

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
 * Applies one item update (PROTOCOL.md 3.2) to the item, in place.
 * @param {ThreadItem} item
 * @param {any} update
 * @returns {boolean} false when the update type is unknown (the caller logs it)
 */
export function applyItemUpdate(item, update) {
  const apply = ITEM_UPDATES[update.type];
  apply?.(item, update);
  return !!apply;
}

/**
 * The content part the update names (`content_index`), padding the list with empty text parts
 * as the protocol says.
 * @param {ThreadItem} item
 * @param {{ content_index: number }} update
 */
function contentPart(item, { content_index: index }) {
  const content = (item.content ??= []);
  while (content.length <= index) content.push({ type: 'output_text', text: '', annotations: [] });
  return content[index];
}

/** A content part `added` or `done`: the update's copy of the part replaces ours. @param {ThreadItem} item @param {any} update */
function setContentPart(item, update) {
  contentPart(item, update);
  /** @type {any[]} */ (item.content)[update.content_index] = structuredClone(update.content);
}

/** @param {ThreadItem} item */
function workflowTasks(item) {
  return ((item.workflow ??= { type: 'custom', tasks: [] }).tasks ??= []);
}

/**
 * Depth-first search of a widget tree for the component with this `id`.
 * @param {WidgetNode} node
 * @param {string} id
 * @returns {WidgetNode | null}
 */
function findWidgetNode(node, id) {
  if (!node || typeof node !== 'object') return null;
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
  if (children && typeof children === 'object') {
    node.children = Array.isArray(children)
      ? children.map((/** @type {WidgetNode} */ c) => replaceWidgetNode(c, id, replacement))
      : replaceWidgetNode(children, id, replacement);
  }
  return node;
}

/**
 * Children of a widget node; `Transition` has a single child object instead of an array.
 * @param {WidgetNode} node
 * @returns {WidgetNode[]}
 */
export function widgetChildren(node) {
  const children = node.children;
  if (Array.isArray(children)) return children;
  return children && typeof children === 'object' ? [children] : [];
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
    .map((item) => item.type === 'assistant_message'
      ? (item.content ?? []).map((p) => p.text ?? '').join(PARAGRAPH)
      : (item.type === 'widget' && item.copy_text) || '')
    .filter((text) => text.trim())
    .join(PARAGRAPH);
}


/**
 * The protocol's UserMessageInput (PROTOCOL.md 4.5).
 * @param {UserMessageContent[]} content
 * @param {{ id: string }[]} attachments
 * @param {string | null} quotedText
 * @param {string | null | undefined} toolId
 * @param {string | null | undefined} model
 * @returns {import('./types.js').UserMessageInput}
 */
export function userInput(content, attachments, quotedText, toolId, model) {
  return {
    content, attachments: attachments.map((a) => a.id), quoted_text: quotedText,
    inference_options: { ...toolId && { tool_choice: { id: toolId } }, ...model && { model } },
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
export function composeContent(text, tags) {
  /** @type {UserMessageContent[]} */
  const parts = [];
  let rest = text;
  while (rest) {
    let best = null;
    for (const tag of tags) {
      const at = rest.indexOf('@' + tag.title);
      if (at >= 0 && (!best || at < best.at)) best = { at, tag };
    }
    if (!best) break;
    const before = rest.slice(0, best.at);
    if (before) parts.push(inputText(before));
    parts.push(toTagPart(best.tag));
    rest = rest.slice(best.at + best.tag.title.length + 1);
  }
  if (rest) parts.push(inputText(rest));
  return parts;
}

/**
 * @param {Entity} entity
 * @returns {UserMessageContent}
 */
function toTagPart(entity) {
  return {
    type: 'input_tag',
    id: entity.id,
    text: entity.title,
    data: entity.data ?? {},
    ...entity.group && { group: entity.group },
    interactive: Boolean(entity.interactive),
  };
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
      tags.push({ id: part.id, title: part.text, data: part.data, group: part.group, interactive: part.interactive });
    }
  }
  return { text, tags };
}
