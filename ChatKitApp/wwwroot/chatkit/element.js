// @ts-check
// <openai-chatkit>: the offline, protocol-compatible stand-in for OpenAI's CDN element.
// The class is the public API (setOptions, methods, events); createChat below holds the
// conversation flow: loading threads, running streamed responses, and routing actions to the
// server. Drawing is delegated to the thread view (transcript), composer, history panel and the
// item/widget renderers.

import { ChatKitApi, isAbort } from './api.js';
import { createComposer, toInput } from './composer.js';
import { h, glyph, markBusy } from './dom.js';
import { createHistoryPanel } from './history.js';
import { uiIcon, iconGlyph } from './icons.js';
import { renderItemBody } from './items.js';
import { renderMarkdown } from './markdown.js';
import { applyStyles } from './styles.js';
import { applyItemUpdate, decomposeContent, textContent, userInput } from './thread-model.js';
import { createThreadView } from './thread-view.js';

/** @typedef {import('./types.js').ChatKitOptions} ChatKitOptions */
/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').ThreadMetadata} ThreadMetadata */
/** @typedef {import('./types.js').UserMessageInput} UserMessageInput */
/** @typedef {import('./types.js').ActionConfig} ActionConfig */
/** @typedef {import('./composer.js').Draft} Draft */

/**
 * One streamed request in flight.
 * @typedef {object} StreamRun
 * @property {AbortController} controller
 * @property {boolean} sawUserMessage the server stored the user's message (so no draft restore)
 * @property {ThreadItem | null} pendingToolCall a client tool call to answer before the response ends
 * @property {Promise<void>} ended settles when the response has closed
 * @property {() => void} end
 */

const ITEMS_PAGE_SIZE = 20;
const HISTORY_PAGE_SIZE = 30;
const DEFAULT_GREETING = 'What can I help with today?';
const GENERIC_STREAM_ERROR = "There was an error while generating the assistant's response.";

export class OpenAIChatKitElement extends HTMLElement {
  #chat = createChat(this);

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' }); // open: end-to-end tests pierce it
    applyStyles(shadow);
    shadow.append(this.#chat.root);
  }

  disconnectedCallback() {
    // A move in the DOM disconnects and reconnects at once; only a real removal stops the stream.
    queueMicrotask(() => {
      if (!this.isConnected) this.#chat.abortStream();
    });
  }

  // The public API (CLIENT.md); each method is documented where it is implemented, in createChat.

  /** @param {ChatKitOptions} options */
  setOptions(options) { this.#chat.setOptions(options); }
  focusComposer() { return this.#chat.focusComposer(); }
  /** @param {string | null} threadId */
  setThreadId(threadId) { return this.#chat.setThreadId(threadId); }
  /** @param {Parameters<ReturnType<typeof createChat>['sendUserMessage']>[0]} params */
  sendUserMessage(params) { return this.#chat.sendUserMessage(params); }
  /** @param {Parameters<ReturnType<typeof createChat>['setComposerValue']>[0]} params */
  setComposerValue(params) { return this.#chat.setComposerValue(params); }
  /**
   * @param {{ type: string, payload?: Record<string, unknown> }} action
   * @param {string} [itemId]
   */
  sendCustomAction(action, itemId) { return this.#chat.sendCustomAction(action, itemId); }
  showHistory() { return this.#chat.showHistory(); }
  hideHistory() { return this.#chat.hideHistory(); }
  fetchUpdates() { return this.#chat.fetchUpdates(); }
}

/**
 * The element's behaviour, as closures over its state (the minifier can shorten every internal
 * name, which it cannot do for class members).
 * @param {HTMLElement} host the element: events are dispatched on it
 */
function createChat(host) {
  /** @type {ChatKitOptions | null} */
  let options = null;
  /** @type {Promise<void> | null} the first load (initial thread or start screen) */
  let started = null;
  /** @type {ThreadMetadata | null} */
  let thread = null;
  /** @type {StreamRun | null} */
  let stream = null;
  /**
   * Incremented by every thread switch and every response start: an answer asked for before
   * (a slow thread load, fetchUpdates) is stale and must not replace what the view shows now.
   */
  let viewToken = 0;
  /** A thread is loading: nothing is sent until it is shown (it would go to the thread being left). */
  let loading = false;
  /** @type {string | null} items.list cursor for older items */
  let olderCursor = null;
  let loadingOlder = false;
  /** @type {'light' | 'dark'} */
  let scheme = 'light';

  const api = new ChatKitApi(() => ({
    url: options?.api?.url ?? '',
    fetch: options?.api?.fetch,
    locale: locale(),
  }));

  const view = createThreadView({
    renderItem: (item, streaming) => renderItem(item, streaming),
    onLoadOlder: () => loadOlder(),
    onFeedback: (turn, kind) => sendFeedback(turn.items.map((i) => i.id), kind),
    onRetry: (turn) => turn.user && retry(turn.user.id),
    settings: () => ({
      feedback: Boolean(options?.threadItemActions?.feedback) && thread !== null,
      retry: Boolean(options?.threadItemActions?.retry) && thread !== null,
      autoScroll: options?.thread?.autoScroll !== false,
    }),
  });

  const composer = createComposer({
    onSubmit: () => sendDraft(),
    onStop: () => stream?.controller.abort(),
    onToolChange: (toolId) => dispatch('chatkit.tool.change', { toolId }),
    upload: (file) => upload(file),
    deleteAttachment: (id) => {
      api.request('attachments.delete', { attachment_id: id })
        .catch((error) => log('attachments.delete_failed', { id, message: String(error?.message ?? error) }));
    },
    onError: (message) => reportError(new Error(message)),
    tagSearch: () => options?.entities?.onTagSearch,
  });

  const history = createHistoryPanel({
    list: (after) => api.request('threads.list', {
      limit: HISTORY_PAGE_SIZE, order: 'desc', ...(after ? { after } : {}),
    }).catch((error) => {
      dispatch('chatkit.error', { error }); // the panel shows the message itself
      throw error;
    }),
    onSelect: (threadId) => {
      if (threadId !== thread?.id) openThread(threadId);
    },
    onRename: (threadId, title) => renameThread(threadId, title),
    onDelete: (threadId) => deleteThread(threadId),
    onToggle: (open, hadFocus) => {
      historyButton.setAttribute('aria-expanded', String(open));
      dispatch(open ? 'chatkit.history.open' : 'chatkit.history.close');
      // Give focus back only if the panel had it: hideHistory() must not steal the page's focus.
      if (!open && hadFocus) historyButton.focus();
    },
    activeThreadId: () => thread?.id ?? null,
    settings: () => ({
      showRename: options?.history?.showRename !== false,
      showDelete: options?.history?.showDelete !== false,
      locale: locale(),
    }),
  });

  // ---- chrome built once; setOptions only changes its content ------------------------------
  const titleEl = h('h2.title', { testid: 'thread-title', text: 'New chat' });
  const historyButton = h('button.icon-button', {
    'aria-label': 'Show history', title: 'History',
    'aria-expanded': 'false', testid: 'history-toggle', onclick: () => history.toggle(),
  }, uiIcon('history'));
  const newThreadButton = h('button.icon-button', {
    label: 'New chat',
    testid: 'new-thread',
    onclick: () => setThreadId(null).then(() => composer.focus(), (error) => reportError(error)),
  }, uiIcon('compose'));
  const leftSlot = h('div.header-slot');
  const rightSlot = h('div.header-slot');
  const headerBar = h('header.header', leftSlot, historyButton, titleEl,
    h('div.header-actions', newThreadButton, rightSlot));
  const greeting = h('h2.greeting', { testid: 'greeting' });
  const prompts = h('div.prompts', { role: 'group', 'aria-label': 'Suggestions' });
  const startScreen = h('div.start-screen', { testid: 'start-screen' }, greeting, prompts);
  const bannerText = h('span');
  const banner = h('div.banner', { role: 'alert', testid: 'error-banner', hidden: true },
    uiIcon('alert'), bannerText,
    h('button.icon-button.small', { 'aria-label': 'Dismiss', onclick: () => hideBanner() }, uiIcon('close')));
  const disclaimerEl = h('div.disclaimer', { hidden: true });
  const main = h('div.main', startScreen, view.el, history.el);
  const root = h('div.chatkit', { role: 'region' }, headerBar, main,
    h('footer.footer', banner, composer.el, disclaimerEl));

  // ======================================================================= public API ======

  /**
   * Applies options. Like the CDN element it REPLACES all options; the initial thread is only
   * read the first time.
   * @param {ChatKitOptions} next
   */
  function setOptions(next) {
    if (!next?.api || typeof next.api.url !== 'string') {
      const error = new Error('This offline ChatKit element needs a custom backend: api.url is required.');
      reportError(error);
      throw error;
    }
    options = next;
    applyOptions();
    if (!started) started = start();
  }

  async function focusComposer() {
    await whenStarted();
    composer.focus();
  }

  /** @param {string | null} threadId null opens a new thread */
  async function setThreadId(threadId) {
    await whenStarted();
    if (threadId === (thread?.id ?? null) && !view.isEmpty) return;
    if (threadId) await openThread(threadId);
    else showNewThread(thread !== null);
  }

  /**
   * @param {{ text?: string, content?: import('./types.js').UserMessageContent[], reply?: string,
   *   attachments?: import('./types.js').Attachment[], newThread?: boolean,
   *   toolChoice?: { id: string }, model?: string }} params
   */
  async function sendUserMessage(params = {}) {
    await whenStarted();
    assertIdle();
    if (params.newThread && thread) showNewThread(true);
    await sendInput(userInput(params.content ?? textContent(params.text ?? ''), params.attachments ?? [],
      params.reply ?? null, params.toolChoice?.id, params.model), null);
  }

  /**
   * @param {{ text?: string, content?: import('./types.js').UserMessageContent[], reply?: string,
   *   attachments?: import('./types.js').Attachment[], files?: File[],
   *   selectedToolId?: string | null, selectedModelId?: string }} params
   */
  async function setComposerValue(params = {}) {
    await whenStarted();
    const { content, text, ...rest } = params;
    const value = content ? { ...rest, ...decomposeContent(content) } : { ...rest, text };
    composer.setValue(value);
  }

  /**
   * @param {{ type: string, payload?: Record<string, unknown> }} action
   * @param {string} [itemId] the widget item the action belongs to
   */
  async function sendCustomAction(action, itemId) {
    await whenStarted();
    if (!thread) throw new Error('sendCustomAction needs an active thread.');
    assertIdle();
    await runStream('threads.custom_action', {
      thread_id: thread.id, item_id: itemId ?? null, action: toWireAction(action, action.payload),
    });
  }

  async function showHistory() {
    await whenStarted();
    if (options?.history?.enabled !== false) await history.open();
  }

  async function hideHistory() {
    await whenStarted();
    history.close();
  }

  /** Reloads the open thread's metadata and newest items (after out-of-band changes). */
  async function fetchUpdates() {
    await whenStarted();
    const threadId = thread?.id;
    if (!threadId || isBusy()) return;
    const token = viewToken;
    try {
      const [fresh, page] = await Promise.all([
        api.request('threads.get_by_id', { thread_id: threadId }),
        itemsPage(threadId),
      ]);
      // A response that started meanwhile is newer than this answer (and a switch made it moot).
      if (token !== viewToken) return;
      setThread(fresh);
      mergeNewest(page);
    } catch (error) {
      reportError(error);
    }
  }

  // =================================================================== threads ============

  async function start() {
    const initial = options?.initialThread;
    if (initial) await openThread(initial, { initial: true });
    else showNewThread(false);
    dispatch('chatkit.ready');
  }

  async function whenStarted() {
    if (!started) throw new Error('Call setOptions before using <openai-chatkit>.');
    await started;
  }

  function isBusy() {
    return stream !== null || loading;
  }

  function assertIdle() {
    if (stream) throw new Error('A response is already streaming.');
    if (loading) throw new Error('A thread is still loading.');
  }

  /** @param {boolean} on */
  function setLoading(on) {
    loading = on;
    markBusy(main, 'loading', on);
    composer.setMode(on ? 'waiting' : 'idle');
  }

  /**
   * Loads a thread and its newest items.
   * @param {string} threadId
   * @param {{ initial?: boolean }} [options]
   */
  async function openThread(threadId, { initial = false } = {}) {
    abortStream();
    const token = ++viewToken;
    hideBanner();
    dispatch('chatkit.thread.load.start', { threadId });
    setLoading(true);
    try {
      const loaded = await api.request('threads.get_by_id', { thread_id: threadId });
      // The reference server embeds the OLDEST page here (PROTOCOL.md 2.8). When the thread is
      // longer than that page, show the newest page instead and page backwards from it.
      const page = loaded.items?.has_more
        ? await itemsPage(threadId)
        : { items: loaded.items?.data ?? [], hasMore: false, after: null };
      if (token !== viewToken) return;
      setThread(loaded);
      view.setItems(page.items, page.hasMore);
      olderCursor = page.after;
      history.refresh();
      dispatch('chatkit.thread.change', { threadId });
    } catch (error) {
      if (token !== viewToken) return;
      // A thread that no longer exists (deleted elsewhere) gives way to a new one; a stored id
      // of one is normal, so that is quiet. Any other failure (server error, network) keeps the
      // thread shown, and the host keeps the id it saved.
      const missing = /** @type {any} */ (error)?.status === 404;
      if (missing) showNewThread(true);
      if (missing && initial) log('thread.initial_not_found', { threadId });
      else reportError(error);
    } finally {
      if (token === viewToken) setLoading(false);
      dispatch('chatkit.thread.load.end', { threadId });
    }
  }

  /** @param {boolean} notify fire chatkit.thread.change (the active thread really changed) */
  function showNewThread(notify) {
    abortStream();
    ++viewToken;
    setLoading(false);
    thread = null;
    olderCursor = null;
    view.clear();
    hideBanner();
    history.refresh();
    updateChrome();
    if (notify) dispatch('chatkit.thread.change', { threadId: null });
  }

  /** @param {ThreadMetadata} next */
  function setThread(next) {
    const { items: _items, ...metadata } = /** @type {import('./types.js').Thread} */ (next);
    thread = { ...(thread?.id === metadata.id ? thread : {}), ...metadata };
    updateChrome();
  }

  async function loadOlder() {
    const shown = thread;
    if (loadingOlder || !shown || !view.hasMore) return;
    loadingOlder = true;
    try {
      // The protocol's cursor is the id of the last item of the previous page; fall back to
      // our oldest item if the server sent none.
      const page = await itemsPage(shown.id, olderCursor ?? view.items[0]?.id);
      if (thread?.id !== shown.id) return;
      view.prependItems(page.items, page.hasMore);
      olderCursor = page.after;
    } catch (error) {
      reportError(error);
    } finally {
      loadingOlder = false;
    }
  }

  /**
   * One page of a thread's items, newest first from `after` back (items.list), turned oldest
   * first for the view.
   * @param {string} threadId
   * @param {string} [after] the cursor: the id of the last item of the previous page
   * @returns {Promise<{ items: ThreadItem[], hasMore: boolean, after: string | null }>}
   */
  async function itemsPage(threadId, after) {
    const page = await api.request('items.list', {
      thread_id: threadId, order: 'desc', limit: ITEMS_PAGE_SIZE, ...(after ? { after } : {}),
    });
    return { items: [...page.data].reverse(), hasMore: Boolean(page.has_more), after: page.after ?? null };
  }

  /**
   * Replaces the newest part of the transcript with a freshly fetched newest page.
   * @param {{ items: ThreadItem[], hasMore: boolean, after: string | null }} page
   */
  function mergeNewest({ items, hasMore, after }) {
    const current = view.items;
    const overlap = items.length ? current.findIndex((item) => item.id === items[0].id) : -1;
    if (overlap >= 0) {
      view.replaceItems([...current.slice(0, overlap), ...items], view.hasMore);
    } else {
      view.replaceItems(items, hasMore);
      olderCursor = after;
    }
  }

  /**
   * @param {string} threadId
   * @param {string} title
   */
  async function renameThread(threadId, title) {
    try {
      const updated = await api.request('threads.update', { thread_id: threadId, title });
      history.upsert(updated);
      if (thread?.id === threadId) setThread(updated);
    } catch (error) {
      reportError(error);
      throw error;
    }
  }

  /** @param {string} threadId */
  async function deleteThread(threadId) {
    try {
      await api.request('threads.delete', { thread_id: threadId });
      history.remove(threadId);
      if (thread?.id === threadId) showNewThread(true);
    } catch (error) {
      reportError(error);
      throw error;
    }
  }

  // ================================================================= responses ============

  async function sendDraft() {
    const draft = composer.snapshot();
    composer.clear();
    await sendInput(toInput(draft), draft);
  }

  /**
   * @param {UserMessageInput} input
   * @param {Draft | null} draft restored into the composer if the server never took the message
   */
  async function sendInput(input, draft) {
    if (thread) {
      await runStream('threads.add_user_message', { thread_id: thread.id, input }, draft);
    } else {
      await runStream('threads.create', { input }, draft);
    }
  }

  /** @param {string} userMessageId */
  async function retry(userMessageId) {
    // The error (and its Retry button) arrives before the failed response has closed.
    if (stream) await stream.ended;
    if (!thread || isBusy()) return;
    // The server deletes everything after the message without telling us (PROTOCOL.md 2.5).
    view.truncateAfter(userMessageId);
    view.clearTransient();
    view.refreshTurnActions();
    await runStream('threads.retry_after_item', { thread_id: thread.id, item_id: userMessageId });
  }

  /**
   * Runs one response to its end, applying every event as it arrives. Failures are reported
   * (banner + chatkit.error), not thrown: callers are UI handlers. Only assertIdle throws.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {Draft | null} [draft]
   */
  async function runStream(type, params, draft = null) {
    assertIdle();
    /** @type {StreamRun} */
    const run = { controller: new AbortController(), sawUserMessage: false, pendingToolCall: null, ended: Promise.resolve(), end: () => {} };
    run.ended = new Promise((resolve) => { run.end = resolve; });
    const { signal } = run.controller;
    stream = run;
    ++viewToken;
    hideBanner();
    composer.setMode('waiting');
    view.clearTransient();
    view.setBusy(true);
    dispatch('chatkit.response.start');
    try {
      // A client tool call pauses the response; its output is posted and the rest streamed as
      // part of the same response, so nothing else can be sent in between.
      /** @type {[string, Record<string, unknown>] | null} */
      let request = [type, params];
      while (request) {
        const events = api.stream(request[0], request[1], signal,
          (raw, error) => log('stream.malformed_event', { raw: raw.slice(0, 500), error: String(error) }));
        for await (const event of events) {
          if (signal.aborted) break; // stopped, or the thread was switched: the rest is not ours
          handleEvent(event, run);
        }
        request = await answerClientTool(run);
      }
    } catch (error) {
      if (!signal.aborted && !isAbort(error)) {
        if (draft && !run.sawUserMessage) composer.restore(draft);
        reportError(error);
      }
    } finally {
      // A thread switch has already detached and settled the run (abortStream).
      if (stream === run) {
        stream = null;
        settleResponse();
      }
      dispatch('chatkit.response.end');
      run.end();
    }
  }

  /** Stops the running response and forgets it now, so the view is free for what comes next. */
  function abortStream() {
    const run = stream;
    if (!run) return;
    stream = null;
    run.controller.abort();
    settleResponse();
  }

  function settleResponse() {
    view.setProgress(null);
    view.settle();
    view.setBusy(false);
    composer.setMode('idle');
    updateChrome();
  }

  /**
   * Applies one stream event (PROTOCOL.md 3).
   * @param {any} event
   * @param {StreamRun} run
   */
  function handleEvent(event, run) {
    switch (event?.type) {
      case 'thread.created':
        setThread(event.thread);
        history.upsert(event.thread);
        dispatch('chatkit.thread.change', { threadId: event.thread.id });
        break;
      case 'thread.updated':
        setThread(event.thread);
        history.upsert(event.thread);
        break;
      case 'thread.item.added':
        view.setProgress(null);
        view.upsert(event.item, true);
        break;
      case 'thread.item.done':
        view.setProgress(null);
        view.upsert(event.item, false);
        if (event.item.type === 'user_message') {
          run.sawUserMessage = true;
          view.flush();
          view.scrollToBottom();
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
          log('stream.update_for_unknown_item', { itemId: event.item_id, type: event.update?.type });
        } else if (!applyItemUpdate(item, event.update ?? {})) {
          log('stream.unknown_update', { itemId: event.item_id, type: event.update?.type });
        } else {
          view.setProgress(null);
          view.touch(item.id);
        }
        break;
      }
      case 'stream_options':
        composer.setMode('streaming', Boolean(event.stream_options?.allow_cancel));
        break;
      case 'progress_update':
        view.setProgress(event.text ?? '', iconGlyph(event.icon));
        break;
      case 'client_effect':
        runEffect(event.name, event.data ?? {});
        break;
      case 'notice':
        view.addNotice(event.level ?? 'info', event.title, event.message ?? '');
        break;
      case 'error':
        onStreamError(event);
        break;
      default:
        log('stream.unknown_event', { type: event?.type });
        return;
    }
    updateChrome();
  }

  /** @param {{ code?: string, message?: string, allow_retry?: boolean }} event */
  function onStreamError(event) {
    // `custom` errors carry a message for the user; other codes get the generic wording.
    const message = event.code === 'custom' && event.message ? event.message : GENERIC_STREAM_ERROR;
    const users = view.items.filter((item) => item.type === 'user_message');
    const lastUser = users[users.length - 1];
    const onRetry = event.allow_retry && lastUser && thread ? () => retry(lastUser.id) : null;
    view.addError(message, onRetry);
    dispatch('chatkit.error', { error: Object.assign(new Error(message), { code: event.code }) });
  }

  /**
   * @param {string} name
   * @param {Record<string, unknown>} data
   */
  function runEffect(name, data) {
    try {
      options?.onEffect?.({ name, data });
    } catch (error) {
      log('effect.handler_failed', { name, message: String(/** @type {any} */ (error)?.message ?? error) });
    }
    dispatch('chatkit.effect', { name, data });
  }

  /**
   * If the stream paused for the browser, runs `onClientTool` and returns the request that posts
   * its result and streams the rest; else null. Stop works while the tool runs.
   * @param {StreamRun} run
   * @returns {Promise<[string, Record<string, unknown>] | null>}
   */
  async function answerClientTool(run) {
    const call = run.pendingToolCall;
    const { signal } = run.controller;
    run.pendingToolCall = null;
    if (!call || signal.aborted) return null;
    const handler = options?.onClientTool;
    if (!handler) throw new Error(`The assistant called the client tool "${call.name}", but no onClientTool handler is set.`);
    const result = await untilAborted(handler({ name: call.name ?? '', params: call.arguments ?? {} }), signal);
    // The server sends no event for the completed call (PROTOCOL.md 2.3); update our copy.
    call.status = 'completed';
    call.output = result;
    view.touch(call.id);
    return ['threads.add_client_tool_output', { thread_id: call.thread_id ?? thread?.id, result: result ?? null }];
  }

  /**
   * Routes a widget action: to the host (`handler: 'client'`), to the sync endpoint
   * (`streaming: false`), or as a streamed custom action.
   * @param {ThreadItem} item
   * @param {ActionConfig} action
   * @param {Record<string, unknown> | null} values form values to merge into the payload
   * @param {HTMLElement} trigger
   */
  async function onWidgetAction(item, action, values, trigger) {
    const payload = values ? { ...(action.payload ?? {}), ...values } : action.payload;
    const wire = toWireAction(action, payload);
    const behavior = action.loadingBehavior ?? 'auto';
    const busy = behavior === 'none' ? null : behavior === 'self' ? trigger : trigger.closest('.widget') ?? trigger;
    if (busy) markBusy(busy, 'action-pending', true);
    try {
      if (action.handler === 'client') {
        const onAction = options?.widgets?.onAction;
        if (onAction) await onAction(wire, { id: item.id, widget: /** @type {any} */ (item.widget) });
        else log('widget.client_action_without_handler', { type: action.type });
      } else if (!thread) {
        log('widget.action_without_thread', { type: action.type });
      } else if (action.streaming === false) {
        const threadId = thread.id;
        const result = await api.request('threads.sync_custom_action', { thread_id: threadId, item_id: item.id, action: wire });
        // The answer belongs to the thread it was asked from, which the user may have left.
        if (result?.updated_item && thread?.id === threadId) view.upsert(result.updated_item, false);
      } else {
        // While a response streams (or a thread loads) this throws and the user sees why.
        await runStream('threads.custom_action', { thread_id: thread.id, item_id: item.id, action: wire });
      }
    } catch (error) {
      reportError(error);
    } finally {
      if (busy) markBusy(busy, 'action-pending', false);
    }
  }

  /**
   * @param {ThreadItem} item
   * @param {{ status: 'answered' | 'skipped', answers: Record<string, { values: string[], skipped: boolean }> }} input
   */
  async function submitStructuredInput(item, input) {
    if (!thread) return;
    try {
      await runStream('threads.add_structured_input', { thread_id: thread.id, item_id: item.id, input });
    } catch (error) {
      reportError(error); // busy: nothing was sent and the form stays open
    }
  }

  /**
   * @param {string[]} itemIds every item of the rated turn
   * @param {'positive' | 'negative'} kind
   */
  async function sendFeedback(itemIds, kind) {
    if (!thread) return;
    try {
      await api.request('items.feedback', { thread_id: thread.id, item_ids: itemIds, kind });
    } catch (error) {
      reportError(error);
      throw error;
    }
  }

  /**
   * Uploads a file with the configured strategy and returns the Attachment.
   * @param {File} file
   * @returns {Promise<import('./types.js').Attachment>}
   */
  async function upload(file) {
    const strategy = options?.api?.uploadStrategy ?? { type: 'two_phase' };
    if (strategy.type === 'direct') {
      const attachment = await api.upload(strategy.uploadUrl, 'POST', {}, file);
      if (!attachment?.id) throw new Error('The upload endpoint did not answer with an attachment.');
      return attachment;
    }
    const attachment = await api.request('attachments.create', {
      name: file.name, size: file.size, mime_type: file.type || 'application/octet-stream',
    });
    const descriptor = attachment.upload_descriptor;
    if (descriptor?.url) await api.upload(descriptor.url, descriptor.method ?? 'POST', descriptor.headers ?? {}, file);
    return attachment;
  }

  // =================================================================== drawing ============

  /**
   * @param {ThreadItem} item
   * @param {boolean} streaming
   */
  function renderItem(item, streaming) {
    const markdown = {
      allowedImageDomains: thread?.allowed_image_domains ?? null,
      onEntityClick: options?.entities?.onClick
        ? (/** @type {import('./types.js').Source} */ source) => options?.entities?.onClick?.({
          id: source.id ?? '', title: source.title, interactive: source.interactive, data: source.data,
        })
        : undefined,
    };
    return renderItemBody(item, {
      streaming,
      markdown,
      widgetContext: (widgetItem) => ({
        scheme: scheme,
        markdown,
        log: (name, data) => log(name, data),
        onAction: (action, values, trigger) => onWidgetAction(widgetItem, action, values, trigger),
      }),
      onStructuredInput: (target, input) => submitStructuredInput(target, input),
      onEntityClick: options?.entities?.onClick,
      log: (name, data) => log(name, data),
    });
  }

  /** Applies everything setOptions controls. */
  function applyOptions() {
    if (!options) return;
    applyTheme(options.theme);
    root.setAttribute('aria-label', options.frameTitle ?? 'Chat');
    root.lang = locale();

    const header = options.header ?? {};
    headerBar.hidden = header.enabled === false;
    titleEl.hidden = header.title?.enabled === false;
    historyButton.hidden = options.history?.enabled === false;
    if (options.history?.enabled === false) history.close();
    leftSlot.replaceChildren(...headerAction(header.leftAction, 'header-left-action'));
    rightSlot.replaceChildren(...headerAction(header.rightAction, 'header-right-action'));

    const startScreenOptions = options.startScreen ?? {};
    greeting.textContent = startScreenOptions.greeting ?? DEFAULT_GREETING;
    prompts.replaceChildren(...(startScreenOptions.prompts ?? []).map((prompt) => h('button.prompt', {
      testid: 'start-prompt',
      onclick: () => sendPrompt(prompt.prompt),
    }, glyph(prompt.icon),
    h('span', { text: prompt.label }))));

    const disclaimer = options.disclaimer;
    disclaimerEl.hidden = !disclaimer?.text;
    disclaimerEl.classList.toggle('high-contrast', Boolean(disclaimer?.highContrast));
    disclaimerEl.replaceChildren(...(disclaimer?.text ? [renderMarkdown(disclaimer.text)] : []));

    composer.configure(options.composer ?? {});
    view.refreshTurnActions();
    updateChrome();
  }

  /** @param {string | import('./types.js').UserMessageContent[]} prompt */
  async function sendPrompt(prompt) {
    if (isBusy()) return;
    const { toolId, modelId } = composer.snapshot(); // the chosen tool and model apply
    await sendInput(userInput(typeof prompt === 'string' ? textContent(prompt) : prompt, [], null, toolId, modelId), null);
  }

  /** @param {ChatKitOptions['theme']} theme */
  function applyTheme(theme) {
    const t = typeof theme === 'string' ? { colorScheme: theme } : theme ?? {};
    const next = t.colorScheme === 'dark' ? 'dark' : 'light';
    // Widget colors may be {light, dark} pairs resolved at render time: redraw on a switch.
    if (next !== scheme) view.touchAll();
    scheme = next;
    root.classList.toggle('dark', scheme === 'dark');
    root.dataset.radius = t.radius ?? 'pill';
    root.dataset.density = t.density ?? 'normal';
    root.removeAttribute('style');
    const accent = t.color?.accent?.primary;
    const vars = {
      '--ck-accent': accent,
      '--ck-on-accent': accent ? readableTextOn(accent) : undefined,
      '--ck-font-size': t.typography?.baseSize ? `${t.typography.baseSize}px` : undefined,
      '--ck-font': t.typography?.fontFamily,
      '--ck-font-mono': t.typography?.fontFamilyMono,
      '--ck-bg': t.color?.surface?.background,
      '--ck-text': t.color?.surface?.foreground,
    };
    for (const [name, value] of Object.entries(vars)) if (value) root.style.setProperty(name, value);
  }

  /** Header title, start screen and composer lock follow the thread. */
  function updateChrome() {
    const staticTitle = options?.header?.title?.text;
    titleEl.textContent = staticTitle ?? (thread?.title?.trim() || 'New chat');
    const showStart = !thread && view.isEmpty && !stream;
    startScreen.hidden = !showStart;
    view.el.hidden = showStart;
    const status = thread?.status;
    if (status && status.type !== 'active') {
      const fallback = status.type === 'locked' ? 'This conversation is locked.' : 'This conversation is closed.';
      composer.setLocked(true, ('reason' in status && status.reason) || fallback);
    } else {
      composer.setLocked(false, null);
    }
  }

  // ============================================================== small helpers ===========

  function locale() {
    return options?.locale || navigator.language || 'en';
  }

  /** @param {string} message */
  function showBanner(message) {
    bannerText.textContent = message;
    banner.hidden = false;
  }

  function hideBanner() {
    banner.hidden = true;
  }

  /**
   * Shows an error to the user and fires `chatkit.error`.
   * @param {unknown} error
   */
  function reportError(error) {
    const err = error instanceof Error ? error : new Error(String(error));
    showBanner(err.message);
    dispatch('chatkit.error', { error: err });
  }

  /**
   * @param {string} name
   * @param {Record<string, unknown>} [data]
   */
  function log(name, data = {}) {
    dispatch('chatkit.log', { name, data });
  }

  /**
   * @param {string} name
   * @param {unknown} [detail]
   */
  function dispatch(name, detail) {
    host.dispatchEvent(new CustomEvent(name, { detail }));
  }

  return {
    root, abortStream, setOptions, focusComposer, setThreadId, sendUserMessage, setComposerValue, sendCustomAction,
    showHistory, hideHistory, fetchUpdates,
  };
}

/**
 * The action as it goes on the wire: `{type, payload}` (PROTOCOL.md 2.6 ignores other keys).
 * @param {{ type: string }} action
 * @param {Record<string, unknown> | undefined} payload
 */
function toWireAction(action, payload) {
  return payload === undefined ? { type: action.type } : { type: action.type, payload };
}

/**
 * Waits for a value or promise, or rejects with an AbortError as soon as the signal aborts (a
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
 * A host-defined header button.
 * @param {{ icon: string, onClick: () => void } | undefined} action
 * @param {string} testId
 */
function headerAction(action, testId) {
  if (!action) return [];
  return [h('button.icon-button.glyph', {
    label: action.icon.replace(/-/g, ' '),
    testid: testId,
    text: iconGlyph(action.icon), onclick: () => action.onClick(),
  })];
}

/**
 * Black or white text, whichever reads better on the accent (hex colors; others get white).
 * @param {string} color
 */
function readableTextOn(color) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.45 ? '#0d0d0d' : '#fff';
}
