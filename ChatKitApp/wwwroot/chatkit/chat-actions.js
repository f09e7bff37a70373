// @ts-check
// What the user does inside the transcript and the composer, sent to the server or the host:
// widget actions, answers to structured input, feedback, attachment uploads; and the item
// renderer's view of the chat (its options and these handlers).

import { markBusy } from './dom.js';
import { rememberFeedback } from './feedback-memory.js';
import { renderItemBody } from './items.js';

/** @typedef {import('./chat.js').Chat} Chat */
/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').ActionConfig} ActionConfig */
/** @typedef {import('./types.js').Attachment} Attachment */

/**
 * Routes a widget action: to the host (`handler: 'client'`), to the sync endpoint
 * (`streaming: false`), or as a streamed custom action.
 * @param {Chat} chat
 * @param {ThreadItem} item
 * @param {ActionConfig} action
 * @param {Record<string, unknown> | null} values form values to merge into the payload
 * @param {HTMLElement} trigger
 */
export async function sendWidgetAction(chat, item, action, values, trigger) {
  const payload = values ? { ...(action.payload ?? {}), ...values } : action.payload;
  const wire = toWireAction(action, payload);
  const behavior = action.loadingBehavior ?? 'auto';
  const busy = behavior === 'none' ? null : behavior === 'self' ? trigger : trigger.closest('.widget') ?? trigger;
  if (busy) markBusy(busy, 'action-pending', true);
  try {
    if (action.handler === 'client') {
      const onAction = chat.options?.widgets?.onAction;
      if (onAction) await onAction(wire, { id: item.id, widget: /** @type {import('./types.js').WidgetNode} */ (item.widget) });
      else chat.log('widget.client_action_without_handler', { type: action.type });
    } else if (!chat.thread) {
      chat.log('widget.action_without_thread', { type: action.type });
    } else if (action.streaming === false) {
      const threadId = chat.thread.id;
      const result = await chat.api.request('threads.sync_custom_action', { thread_id: threadId, item_id: item.id, action: wire });
      // The answer belongs to the thread it was asked from, which the user may have left.
      if (result?.updated_item && chat.thread?.id === threadId) chat.view.upsert(result.updated_item, false);
    } else {
      // While a response streams (or a thread loads) this throws and the user sees why.
      await chat.runStream('threads.custom_action', { thread_id: chat.thread.id, item_id: item.id, action: wire });
    }
  } catch (error) {
    chat.reportError(error);
  } finally {
    if (busy) markBusy(busy, 'action-pending', false);
  }
}

/**
 * Sends the answers of a structured input item, as a response.
 * @param {Chat} chat
 * @param {ThreadItem} item
 * @param {import('./types.js').StructuredInputAnswer} input
 */
export async function submitStructuredInput(chat, item, input) {
  if (!chat.thread) return;
  try {
    await chat.runStream('threads.add_structured_input', { thread_id: chat.thread.id, item_id: item.id, input });
  } catch (error) {
    chat.reportError(error); // busy: nothing was sent and the form stays open
  }
}

/**
 * Rates a turn (again: a later rating replaces the earlier one) and remembers it in the browser;
 * a failure is reported and thrown, so the buttons show what was accepted before.
 * @param {Chat} chat
 * @param {string[]} itemIds every item of the rated turn
 * @param {'positive' | 'negative'} kind
 */
export async function sendFeedback(chat, itemIds, kind) {
  if (!chat.thread) return;
  const threadId = chat.thread.id;
  try {
    await chat.api.request('items.feedback', { thread_id: threadId, item_ids: itemIds, kind });
    rememberFeedback(threadId, itemIds[0], kind);
  } catch (error) {
    chat.reportError(error);
    throw error;
  }
}

/**
 * Uploads a file with the configured strategy and returns the Attachment.
 * @param {Chat} chat
 * @param {File} file
 * @returns {Promise<Attachment>}
 */
export async function uploadFile(chat, file) {
  const strategy = chat.options?.api?.uploadStrategy ?? { type: 'two_phase' };
  if (strategy.type === 'direct') {
    const attachment = await chat.api.upload(strategy.uploadUrl, 'POST', {}, file);
    if (!attachment?.id) throw new Error('The upload endpoint did not answer with an attachment.');
    return attachment;
  }
  const attachment = await chat.api.request('attachments.create', {
    name: file.name, size: file.size, mime_type: file.type || 'application/octet-stream',
  });
  const descriptor = attachment.upload_descriptor;
  if (descriptor?.url) await chat.api.upload(descriptor.url, descriptor.method ?? 'POST', descriptor.headers ?? {}, file);
  return attachment;
}

/**
 * Draws the body of a thread item, with the options and handlers of the chat it belongs to.
 * @param {Chat} chat
 * @param {ThreadItem} item
 * @param {boolean} streaming
 */
export function renderItem(chat, item, streaming) {
  const onEntityClick = chat.options?.entities?.onClick;
  /** @type {import('./markdown.js').MarkdownOptions} */
  const markdown = {
    allowedImageDomains: chat.thread?.allowed_image_domains ?? null,
    onEntityClick: onEntityClick
      ? (source) => chat.options?.entities?.onClick?.({
        id: source.id ?? '', title: source.title, interactive: source.interactive, data: source.data,
      })
      : undefined,
    onDeeplink: (link) => chat.dispatch('chatkit.deeplink', link),
  };
  return renderItemBody(item, {
    streaming,
    markdown,
    widgetContext: (widgetItem) => ({
      scheme: chat.scheme,
      markdown,
      log: (name, data) => chat.log(name, data),
      onAction: (action, values, trigger) => sendWidgetAction(chat, widgetItem, action, values, trigger),
    }),
    onStructuredInput: (target, input) => submitStructuredInput(chat, target, input),
    onEntityClick,
    previewEntity: chat.options?.entities?.onRequestPreview && ((tag, entity) => {
      tag.onpointerenter = tag.onfocus = () => import('./entity-preview.js').then((m) => m.showEntityPreview(chat, tag, entity));
    }),
    log: (name, data) => chat.log(name, data),
  });
}

/**
 * The action as it goes on the wire: `{type, payload}` (the protocol ignores other keys).
 * @param {{ type: string }} action
 * @param {Record<string, unknown> | undefined} payload
 */
export function toWireAction(action, payload) {
  return payload === undefined ? { type: action.type } : { type: action.type, payload };
}
