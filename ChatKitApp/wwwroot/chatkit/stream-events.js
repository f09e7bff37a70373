// @ts-check
// What each event of a streamed response does to the open thread, and the
// client tool calls that pause a response until the host's onClientTool has answered.

import { applyItemUpdate } from './thread-model.js';

/** @typedef {import('./chat.js').Chat} Chat */
/** @typedef {import('./chat.js').StreamRun} StreamRun */

const GENERIC_STREAM_ERROR = "There was an error while generating the assistant's response.";

/**
 * Applies one stream event.
 * @param {Chat} chat
 * @param {any} event JSON from the server, checked here field by field
 * @param {StreamRun} run the response the event belongs to
 */
export function applyStreamEvent(chat, event, run) {
  const { view } = chat;
  switch (event?.type) {
    case 'thread.created':
      chat.setThread(event.thread);
      chat.history.upsert(event.thread);
      chat.dispatch('chatkit.thread.change', { threadId: event.thread.id });
      break;
    case 'thread.updated':
      chat.setThread(event.thread);
      chat.history.upsert(event.thread);
      break;
    case 'thread.item.added':
      view.setProgress(null);
      view.upsert(event.item, true);
      break;
    case 'thread.item.done':
      if (event.item.type === 'user_message') {
        // The server's copy of the message replaces the one shown when it was sent; the
        // thinking line stays until the answer's first output.
        if (run.pending) view.remove(run.pending.id);
        run.pending = null;
        view.upsert(event.item, false);
        view.flush();
        view.scrollToBottom();
      } else {
        view.setProgress(null);
        view.upsert(event.item, false);
      }
      if (event.item.type === 'client_tool_call' && event.item.status === 'pending') run.pendingToolCall = event.item;
      break;
    case 'thread.item.replaced':
      view.upsert(event.item, false);
      break;
    case 'thread.item.removed':
      view.remove(event.item_id);
      break;
    case 'thread.item.updated': {
      const item = view.get(event.item_id);
      if (!item) {
        chat.log('stream.update_for_unknown_item', { itemId: event.item_id, type: event.update?.type });
      } else if (!applyItemUpdate(item, event.update ?? {})) {
        chat.log('stream.unknown_update', { itemId: event.item_id, type: event.update?.type });
      } else {
        view.setProgress(null);
        view.touch(item.id);
      }
      break;
    }
    case 'stream_options':
      chat.composer.setMode('streaming', Boolean(event.stream_options?.allow_cancel));
      break;
    case 'progress_update':
      view.setProgress(event.text ?? '', event.icon);
      break;
    case 'client_effect':
      runEffect(chat, event.name, event.data ?? {});
      break;
    case 'notice':
      view.addNotice(event.level ?? 'info', event.title, event.message ?? '');
      break;
    case 'error':
      showStreamError(chat, event);
      break;
    default:
      chat.log('stream.unknown_event', { type: event?.type });
      return;
  }
  chat.updateChrome();
}

/**
 * An `error` event: shown at the end of the transcript, with Retry when the server allows it.
 * @param {Chat} chat
 * @param {{ code?: string, message?: string, allow_retry?: boolean }} event
 */
function showStreamError(chat, event) {
  // `custom` errors carry a message for the user; other codes get the generic wording.
  const message = event.code === 'custom' && event.message ? event.message : GENERIC_STREAM_ERROR;
  const users = chat.view.items.filter((item) => item.type === 'user_message');
  const lastUser = users[users.length - 1];
  const onRetry = event.allow_retry && lastUser && chat.thread ? () => chat.retry(lastUser.id) : null;
  chat.view.addError(message, onRetry);
  chat.dispatch('chatkit.error', { error: Object.assign(new Error(message), { code: event.code }) });
}

/**
 * A `client_effect` event: the host's onEffect, then the `chatkit.effect` event.
 * @param {Chat} chat
 * @param {string} name
 * @param {Record<string, unknown>} data
 */
function runEffect(chat, name, data) {
  try {
    chat.options?.onEffect?.({ name, data });
  } catch (error) {
    chat.log('effect.handler_failed', { name, message: errorMessage(error) });
  }
  chat.dispatch('chatkit.effect', { name, data });
}

/**
 * If the stream paused for the browser, runs `onClientTool` and returns the request that posts
 * its result and streams the rest; else null. Stop works while the tool runs.
 * @param {Chat} chat
 * @param {StreamRun} run
 * @returns {Promise<[string, Record<string, unknown>] | null>}
 */
export async function answerClientTool(chat, run) {
  const call = run.pendingToolCall;
  const { signal } = run.controller;
  run.pendingToolCall = null;
  if (!call || signal.aborted) return null;
  const handler = chat.options?.onClientTool;
  if (!handler) throw new Error(`The assistant called the client tool "${call.name}", but no onClientTool handler is set.`);
  const result = await untilAborted(handler({ name: call.name ?? '', params: call.arguments ?? {} }), signal);
  // The server sends no event for the completed call; update our copy.
  call.status = 'completed';
  call.output = result;
  chat.view.touch(call.id);
  return ['threads.add_client_tool_output', { thread_id: call.thread_id ?? chat.thread?.id, result: result ?? null }];
}

/**
 * Waits for a value or promise, or rejects with the signal's reason as soon as it aborts (a
 * client tool that never answers must not keep Stop or a thread switch from working).
 * @template T
 * @param {T | Promise<T>} value
 * @param {AbortSignal} signal
 * @returns {Promise<T>}
 */
function untilAborted(value, signal) {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    Promise.resolve(value).then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * The message of a thrown value, for logs.
 * @param {unknown} error
 */
export function errorMessage(error) {
  return String(/** @type {any} */ (error)?.message ?? error);
}
