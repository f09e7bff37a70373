// @ts-check
// Pure data operations on thread items: applying `thread.item.updated` deltas, finding turns,
// and turning composer text + tags into user message content. No DOM here.

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').WidgetNode} WidgetNode */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */

/**
 * Applies one item update (PROTOCOL.md 3.2) to the item, in place.
 * @param {ThreadItem} item
 * @param {any} update
 * @returns {boolean} false when the update type is unknown (the caller logs it)
 */
export function applyItemUpdate(item, update) {
  switch (update.type) {
    case 'assistant_message.content_part.added':
    case 'assistant_message.content_part.done':
      contentPart(item, update.content_index);
      /** @type {any[]} */ (item.content)[update.content_index] = structuredClone(update.content);
      return true;
    case 'assistant_message.content_part.text_delta': {
      const part = contentPart(item, update.content_index);
      part.text = (part.text ?? '') + update.delta;
      return true;
    }
    case 'assistant_message.content_part.annotation_added': {
      const part = contentPart(item, update.content_index);
      const annotations = (part.annotations ??= []);
      annotations.splice(Math.min(update.annotation_index, annotations.length), 0, update.annotation);
      return true;
    }
    case 'workflow.task.added': {
      const tasks = workflowTasks(item);
      tasks.splice(Math.min(update.task_index, tasks.length), 0, update.task);
      return true;
    }
    case 'workflow.task.updated':
      workflowTasks(item)[update.task_index] = update.task;
      return true;
    case 'widget.root.updated':
      item.widget = update.widget;
      return true;
    case 'widget.streaming_text.value_delta': {
      const node = item.widget && findWidgetNode(item.widget, update.component_id);
      if (!node) return true; // nothing to grow: the next root update will carry the text
      node.value = (node.value ?? '') + update.delta;
      node.streaming = !update.done;
      return true;
    }
    case 'widget.component.updated':
      if (item.widget) item.widget = replaceWidgetNode(item.widget, update.component_id, update.component);
      return true;
    case 'generated_image.updated':
      item.image = update.image;
      item.progress = update.progress;
      return true;
    default:
      return false;
  }
}

/**
 * The content part at `index`, padding the list with empty text parts as the protocol says.
 * @param {ThreadItem} item
 * @param {number} index
 */
function contentPart(item, index) {
  const content = (item.content ??= []);
  while (content.length <= index) content.push({ type: 'output_text', text: '', annotations: [] });
  return content[index];
}

/** @param {ThreadItem} item */
function workflowTasks(item) {
  const workflow = (item.workflow ??= { type: 'custom', tasks: [] });
  return (workflow.tasks ??= []);
}

/**
 * Depth-first search of a widget tree for the component with this `id`.
 * @param {WidgetNode} node
 * @param {string} id
 * @returns {WidgetNode | null}
 */
export function findWidgetNode(node, id) {
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
export function replaceWidgetNode(node, id, replacement) {
  if (node.id === id) return replacement;
  if (Array.isArray(node.children)) {
    node.children = node.children.map((/** @type {WidgetNode} */ c) => replaceWidgetNode(c, id, replacement));
  } else if (node.children && typeof node.children === 'object') {
    node.children = replaceWidgetNode(node.children, id, replacement);
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
    if (item.type === 'user_message') {
      current = { user: item, items: [] };
      turns.push(current);
    } else {
      if (!current) {
        current = { user: null, items: [] };
        turns.push(current);
      }
      current.items.push(item);
    }
  }
  return turns;
}

/**
 * The text a turn's copy button copies: assistant text and widget `copy_text`, in order.
 * @param {ThreadItem[]} items
 */
export function turnCopyText(items) {
  const parts = [];
  for (const item of items) {
    if (item.type === 'assistant_message') {
      parts.push((item.content ?? []).map((p) => p.text ?? '').join('\n\n'));
    } else if (item.type === 'widget' && item.copy_text) {
      parts.push(item.copy_text);
    }
  }
  return parts.filter((p) => p.trim() !== '').join('\n\n');
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
  /** @type {import('./types.js').InferenceOptions} */
  const inference = {};
  if (toolId) inference.tool_choice = { id: toolId };
  if (model) inference.model = model;
  return { content, attachments: attachments.map((a) => a.id), quoted_text: quotedText, inference_options: inference };
}

/**
 * Plain text as user message content.
 * @param {string} text
 * @returns {UserMessageContent[]}
 */
export function textContent(text) {
  return [{ type: 'input_text', text }];
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
    if (before) parts.push({ type: 'input_text', text: before });
    parts.push(toTagPart(best.tag));
    rest = rest.slice(best.at + best.tag.title.length + 1);
  }
  if (rest) parts.push({ type: 'input_text', text: rest });
  return parts;
}

/**
 * @param {Entity} entity
 * @returns {UserMessageContent}
 */
export function toTagPart(entity) {
  return {
    type: 'input_tag',
    id: entity.id,
    text: entity.title,
    data: entity.data ?? {},
    ...(entity.group ? { group: entity.group } : {}),
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
