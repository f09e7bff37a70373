// @ts-check
// <openai-chatkit>: the offline, protocol-compatible stand-in for OpenAI's CDN element.
// This class holds the public API (setOptions, methods, events) and the conversation flow:
// loading threads, running streamed responses, and routing actions to the server. Drawing is
// delegated to ThreadView (transcript), Composer, HistoryPanel and the item/widget renderers.

import { ChatKitApi, isAbort } from './api.js';
import { Composer } from './composer.js';
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
  /** @type {ChatKitOptions | null} */
  #options = null;
  /** @type {Promise<void> | null} the first load (initial thread or start screen) */
  #started = null;
  /** @type {ThreadMetadata | null} */
  #thread = null;
  /** @type {StreamRun | null} */
  #stream = null;
  /**
   * Incremented by every thread switch and every response start: an answer asked for before
   * (a slow thread load, fetchUpdates) is stale and must not replace what the view shows now.
   */
  #viewToken = 0;
  /** A thread is loading: nothing is sent until it is shown (it would go to the thread being left). */
  #loading = false;
  /** @type {string | null} items.list cursor for older items */
  #olderCursor = null;
  #loadingOlder = false;
  /** @type {'light' | 'dark'} */
  #scheme = 'light';

  #api = new ChatKitApi(() => ({
    url: this.#options?.api?.url ?? '',
    fetch: this.#options?.api?.fetch,
    locale: this.#locale(),
  }));

  #view = createThreadView({
    renderItem: (item, streaming) => this.#renderItem(item, streaming),
    onLoadOlder: () => this.#loadOlder(),
    onFeedback: (turn, kind) => this.#sendFeedback(turn.items.map((i) => i.id), kind),
    onRetry: (turn) => turn.user && this.#retry(turn.user.id),
    settings: () => ({
      feedback: Boolean(this.#options?.threadItemActions?.feedback) && this.#thread !== null,
      retry: Boolean(this.#options?.threadItemActions?.retry) && this.#thread !== null,
      autoScroll: this.#options?.thread?.autoScroll !== false,
    }),
  });

  #composer = new Composer({
    onSubmit: () => this.#sendDraft(),
    onStop: () => this.#stream?.controller.abort(),
    onToolChange: (toolId) => this.#dispatch('chatkit.tool.change', { toolId }),
    upload: (file) => this.#upload(file),
    deleteAttachment: (id) => {
      this.#api.request('attachments.delete', { attachment_id: id })
        .catch((error) => this.#log('attachments.delete_failed', { id, message: String(error?.message ?? error) }));
    },
    onError: (message) => this.#reportError(new Error(message)),
    tagSearch: () => this.#options?.entities?.onTagSearch,
  });

  #history = createHistoryPanel({
    list: (after) => this.#api.request('threads.list', {
      limit: HISTORY_PAGE_SIZE, order: 'desc', ...(after ? { after } : {}),
    }).catch((error) => {
      this.#dispatch('chatkit.error', { error }); // the panel shows the message itself
      throw error;
    }),
    onSelect: (threadId) => {
      if (threadId !== this.#thread?.id) this.#openThread(threadId);
    },
    onRename: (threadId, title) => this.#renameThread(threadId, title),
    onDelete: (threadId) => this.#deleteThread(threadId),
    onToggle: (open, hadFocus) => {
      this.#historyButton.setAttribute('aria-expanded', String(open));
      this.#dispatch(open ? 'chatkit.history.open' : 'chatkit.history.close');
      // Give focus back only if the panel had it: hideHistory() must not steal the page's focus.
      if (!open && hadFocus) this.#historyButton.focus();
    },
    activeThreadId: () => this.#thread?.id ?? null,
    settings: () => ({
      showRename: this.#options?.history?.showRename !== false,
      showDelete: this.#options?.history?.showDelete !== false,
      locale: this.#locale(),
    }),
  });

  // ---- chrome built once; setOptions only changes its content ------------------------------
  #title = h('h2', { class: 'title', 'data-testid': 'thread-title', text: 'New chat' });
  #historyButton = h('button', {
    class: 'icon-button', 'aria-label': 'Show history', title: 'History',
    'aria-expanded': 'false', 'data-testid': 'history-toggle', onclick: () => this.#history.toggle(),
  }, uiIcon('history'));
  #newThreadButton = h('button', {
    class: 'icon-button', label: 'New chat',
    'data-testid': 'new-thread',
    onclick: () => this.setThreadId(null).then(() => this.#composer.focus(), (error) => this.#reportError(error)),
  }, uiIcon('compose'));
  #leftSlot = h('div', { class: 'header-slot' });
  #rightSlot = h('div', { class: 'header-slot' });
  #header = h('header', { class: 'header' }, this.#leftSlot, this.#historyButton, this.#title,
    h('div', { class: 'header-actions' }, this.#newThreadButton, this.#rightSlot));
  #greeting = h('h2', { class: 'greeting', 'data-testid': 'greeting' });
  #prompts = h('div', { class: 'prompts', role: 'group', 'aria-label': 'Suggestions' });
  #startScreen = h('div', { class: 'start-screen', 'data-testid': 'start-screen' }, this.#greeting, this.#prompts);
  #bannerText = h('span');
  #banner = h('div', { class: 'banner', role: 'alert', 'data-testid': 'error-banner', hidden: true },
    uiIcon('alert'), this.#bannerText,
    h('button', { class: 'icon-button small', 'aria-label': 'Dismiss', onclick: () => this.#hideBanner() }, uiIcon('close')));
  #disclaimer = h('div', { class: 'disclaimer', hidden: true });
  #main = h('div', { class: 'main' }, this.#startScreen, this.#view.el, this.#history.el);
  #root = h('div', { class: 'chatkit', role: 'region' }, this.#header, this.#main,
    h('footer', { class: 'footer' }, this.#banner, this.#composer.el, this.#disclaimer));

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' }); // open: end-to-end tests pierce it
    applyStyles(shadow);
    shadow.append(this.#root);
  }

  disconnectedCallback() {
    // A move in the DOM disconnects and reconnects at once; only a real removal stops the stream.
    queueMicrotask(() => {
      if (!this.isConnected) this.#abortStream();
    });
  }

  // ======================================================================= public API ======

  /**
   * Applies options. Like the CDN element it REPLACES all options; the initial thread is only
   * read the first time.
   * @param {ChatKitOptions} options
   */
  setOptions(options) {
    if (!options?.api || typeof options.api.url !== 'string') {
      const error = new Error('This offline ChatKit element needs a custom backend: api.url is required.');
      this.#reportError(error);
      throw error;
    }
    this.#options = options;
    this.#applyOptions();
    if (!this.#started) this.#started = this.#start();
  }

  async focusComposer() {
    await this.#whenStarted();
    this.#composer.focus();
  }

  /** @param {string | null} threadId null opens a new thread */
  async setThreadId(threadId) {
    await this.#whenStarted();
    if (threadId === (this.#thread?.id ?? null) && !this.#view.isEmpty) return;
    if (threadId) await this.#openThread(threadId);
    else this.#showNewThread(this.#thread !== null);
  }

  /**
   * @param {{ text?: string, content?: import('./types.js').UserMessageContent[], reply?: string,
   *   attachments?: import('./types.js').Attachment[], newThread?: boolean,
   *   toolChoice?: { id: string }, model?: string }} params
   */
  async sendUserMessage(params = {}) {
    await this.#whenStarted();
    this.#assertIdle();
    if (params.newThread && this.#thread) this.#showNewThread(true);
    await this.#sendInput(userInput(params.content ?? textContent(params.text ?? ''), params.attachments ?? [],
      params.reply ?? null, params.toolChoice?.id, params.model), null);
  }

  /**
   * @param {{ text?: string, content?: import('./types.js').UserMessageContent[], reply?: string,
   *   attachments?: import('./types.js').Attachment[], files?: File[],
   *   selectedToolId?: string | null, selectedModelId?: string }} params
   */
  async setComposerValue(params = {}) {
    await this.#whenStarted();
    const { content, text, ...rest } = params;
    const value = content ? { ...rest, ...decomposeContent(content) } : { ...rest, text };
    this.#composer.setValue(value);
  }

  /**
   * @param {{ type: string, payload?: Record<string, unknown> }} action
   * @param {string} [itemId] the widget item the action belongs to
   */
  async sendCustomAction(action, itemId) {
    await this.#whenStarted();
    if (!this.#thread) throw new Error('sendCustomAction needs an active thread.');
    this.#assertIdle();
    await this.#runStream('threads.custom_action', {
      thread_id: this.#thread.id, item_id: itemId ?? null, action: toWireAction(action, action.payload),
    });
  }

  async showHistory() {
    await this.#whenStarted();
    if (this.#options?.history?.enabled !== false) await this.#history.open();
  }

  async hideHistory() {
    await this.#whenStarted();
    this.#history.close();
  }

  /** Reloads the open thread's metadata and newest items (after out-of-band changes). */
  async fetchUpdates() {
    await this.#whenStarted();
    const threadId = this.#thread?.id;
    if (!threadId || this.#busy) return;
    const token = this.#viewToken;
    try {
      const [thread, page] = await Promise.all([
        this.#api.request('threads.get_by_id', { thread_id: threadId }),
        this.#api.request('items.list', { thread_id: threadId, order: 'desc', limit: ITEMS_PAGE_SIZE }),
      ]);
      // A response that started meanwhile is newer than this answer (and a switch made it moot).
      if (token !== this.#viewToken) return;
      this.#setThread(thread);
      this.#mergeNewest([...page.data].reverse(), Boolean(page.has_more), page.after ?? null);
    } catch (error) {
      this.#reportError(error);
    }
  }

  // =================================================================== threads ============

  async #start() {
    const initial = this.#options?.initialThread;
    if (initial) await this.#openThread(initial, { initial: true });
    else this.#showNewThread(false);
    this.#dispatch('chatkit.ready');
  }

  async #whenStarted() {
    if (!this.#started) throw new Error('Call setOptions before using <openai-chatkit>.');
    await this.#started;
  }

  get #busy() {
    return this.#stream !== null || this.#loading;
  }

  #assertIdle() {
    if (this.#stream) throw new Error('A response is already streaming.');
    if (this.#loading) throw new Error('A thread is still loading.');
  }

  /** @param {boolean} loading */
  #setLoading(loading) {
    this.#loading = loading;
    markBusy(this.#main, 'loading', loading);
    this.#composer.setMode(loading ? 'waiting' : 'idle');
  }

  /**
   * Loads a thread and its newest items.
   * @param {string} threadId
   * @param {{ initial?: boolean }} [options]
   */
  async #openThread(threadId, { initial = false } = {}) {
    this.#abortStream();
    const token = ++this.#viewToken;
    this.#hideBanner();
    this.#dispatch('chatkit.thread.load.start', { threadId });
    this.#setLoading(true);
    try {
      const thread = await this.#api.request('threads.get_by_id', { thread_id: threadId });
      let items = thread.items?.data ?? [];
      let hasMore = false;
      let cursor = null;
      // The reference server embeds the OLDEST page here (PROTOCOL.md 2.8). When the thread is
      // longer than that page, show the newest page instead and page backwards from it.
      if (thread.items?.has_more) {
        const newest = await this.#api.request('items.list', { thread_id: threadId, order: 'desc', limit: ITEMS_PAGE_SIZE });
        items = [...newest.data].reverse();
        hasMore = Boolean(newest.has_more);
        cursor = newest.after ?? null;
      }
      if (token !== this.#viewToken) return;
      this.#setThread(thread);
      this.#view.setItems(items, hasMore);
      this.#olderCursor = cursor;
      this.#history.refresh();
      this.#dispatch('chatkit.thread.change', { threadId });
    } catch (error) {
      if (token !== this.#viewToken) return;
      // A thread that no longer exists (deleted elsewhere) gives way to a new one; a stored id
      // of one is normal, so that is quiet. Any other failure (server error, network) keeps the
      // thread shown, and the host keeps the id it saved.
      const missing = /** @type {any} */ (error)?.status === 404;
      if (missing) this.#showNewThread(true);
      if (missing && initial) this.#log('thread.initial_not_found', { threadId });
      else this.#reportError(error);
    } finally {
      if (token === this.#viewToken) this.#setLoading(false);
      this.#dispatch('chatkit.thread.load.end', { threadId });
    }
  }

  /** @param {boolean} notify fire chatkit.thread.change (the active thread really changed) */
  #showNewThread(notify) {
    this.#abortStream();
    ++this.#viewToken;
    this.#setLoading(false);
    this.#thread = null;
    this.#olderCursor = null;
    this.#view.clear();
    this.#hideBanner();
    this.#history.refresh();
    this.#updateChrome();
    if (notify) this.#dispatch('chatkit.thread.change', { threadId: null });
  }

  /** @param {ThreadMetadata} thread */
  #setThread(thread) {
    const { items: _items, ...metadata } = /** @type {import('./types.js').Thread} */ (thread);
    this.#thread = { ...(this.#thread?.id === metadata.id ? this.#thread : {}), ...metadata };
    this.#updateChrome();
  }

  async #loadOlder() {
    const thread = this.#thread;
    if (this.#loadingOlder || !thread || !this.#view.hasMore) return;
    this.#loadingOlder = true;
    try {
      // The protocol's cursor is the id of the last item of the previous page; fall back to
      // our oldest item if the server sent none.
      const after = this.#olderCursor ?? this.#view.items[0]?.id;
      const page = await this.#api.request('items.list', {
        thread_id: thread.id, order: 'desc', limit: ITEMS_PAGE_SIZE, ...(after ? { after } : {}),
      });
      if (this.#thread?.id !== thread.id) return;
      this.#view.prependItems([...page.data].reverse(), Boolean(page.has_more));
      this.#olderCursor = page.after ?? null;
    } catch (error) {
      this.#reportError(error);
    } finally {
      this.#loadingOlder = false;
    }
  }

  /**
   * Replaces the newest part of the transcript with a freshly fetched newest page.
   * @param {ThreadItem[]} items oldest first
   * @param {boolean} hasMore
   * @param {string | null} after
   */
  #mergeNewest(items, hasMore, after) {
    const current = this.#view.items;
    const overlap = items.length ? current.findIndex((item) => item.id === items[0].id) : -1;
    if (overlap >= 0) {
      this.#view.replaceItems([...current.slice(0, overlap), ...items], this.#view.hasMore);
    } else {
      this.#view.replaceItems(items, hasMore);
      this.#olderCursor = after;
    }
  }

  /**
   * @param {string} threadId
   * @param {string} title
   */
  async #renameThread(threadId, title) {
    try {
      const thread = await this.#api.request('threads.update', { thread_id: threadId, title });
      this.#history.upsert(thread);
      if (this.#thread?.id === threadId) this.#setThread(thread);
    } catch (error) {
      this.#reportError(error);
      throw error;
    }
  }

  /** @param {string} threadId */
  async #deleteThread(threadId) {
    try {
      await this.#api.request('threads.delete', { thread_id: threadId });
      this.#history.remove(threadId);
      if (this.#thread?.id === threadId) this.#showNewThread(true);
    } catch (error) {
      this.#reportError(error);
      throw error;
    }
  }

  // ================================================================= responses ============

  async #sendDraft() {
    const draft = this.#composer.snapshot();
    this.#composer.clear();
    await this.#sendInput(Composer.toInput(draft), draft);
  }

  /**
   * @param {UserMessageInput} input
   * @param {Draft | null} draft restored into the composer if the server never took the message
   */
  async #sendInput(input, draft) {
    if (this.#thread) {
      await this.#runStream('threads.add_user_message', { thread_id: this.#thread.id, input }, draft);
    } else {
      await this.#runStream('threads.create', { input }, draft);
    }
  }

  /** @param {string} userMessageId */
  async #retry(userMessageId) {
    // The error (and its Retry button) arrives before the failed response has closed.
    if (this.#stream) await this.#stream.ended;
    if (!this.#thread || this.#busy) return;
    // The server deletes everything after the message without telling us (PROTOCOL.md 2.5).
    this.#view.truncateAfter(userMessageId);
    this.#view.clearTransient();
    this.#view.refreshTurnActions();
    await this.#runStream('threads.retry_after_item', { thread_id: this.#thread.id, item_id: userMessageId });
  }

  /**
   * Runs one response to its end, applying every event as it arrives. Failures are reported
   * (banner + chatkit.error), not thrown: callers are UI handlers. Only #assertIdle throws.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {Draft | null} [draft]
   */
  async #runStream(type, params, draft = null) {
    this.#assertIdle();
    /** @type {StreamRun} */
    const run = { controller: new AbortController(), sawUserMessage: false, pendingToolCall: null, ended: Promise.resolve(), end: () => {} };
    run.ended = new Promise((resolve) => { run.end = resolve; });
    const { signal } = run.controller;
    this.#stream = run;
    ++this.#viewToken;
    this.#hideBanner();
    this.#composer.setMode('waiting');
    this.#view.clearTransient();
    this.#view.setBusy(true);
    this.#dispatch('chatkit.response.start');
    try {
      // A client tool call pauses the response; its output is posted and the rest streamed as
      // part of the same response, so nothing else can be sent in between.
      /** @type {[string, Record<string, unknown>] | null} */
      let request = [type, params];
      while (request) {
        const events = this.#api.stream(request[0], request[1], signal,
          (raw, error) => this.#log('stream.malformed_event', { raw: raw.slice(0, 500), error: String(error) }));
        for await (const event of events) {
          if (signal.aborted) break; // stopped, or the thread was switched: the rest is not ours
          this.#handleEvent(event, run);
        }
        request = await this.#answerClientTool(run);
      }
    } catch (error) {
      if (!signal.aborted && !isAbort(error)) {
        if (draft && !run.sawUserMessage) this.#composer.restore(draft);
        this.#reportError(error);
      }
    } finally {
      // A thread switch has already detached and settled the run (#abortStream).
      if (this.#stream === run) {
        this.#stream = null;
        this.#settleResponse();
      }
      this.#dispatch('chatkit.response.end');
      run.end();
    }
  }

  /** Stops the running response and forgets it now, so the view is free for what comes next. */
  #abortStream() {
    const run = this.#stream;
    if (!run) return;
    this.#stream = null;
    run.controller.abort();
    this.#settleResponse();
  }

  #settleResponse() {
    this.#view.setProgress(null);
    this.#view.settle();
    this.#view.setBusy(false);
    this.#composer.setMode('idle');
    this.#updateChrome();
  }

  /**
   * Applies one stream event (PROTOCOL.md 3).
   * @param {any} event
   * @param {StreamRun} run
   */
  #handleEvent(event, run) {
    switch (event?.type) {
      case 'thread.created':
        this.#setThread(event.thread);
        this.#history.upsert(event.thread);
        this.#dispatch('chatkit.thread.change', { threadId: event.thread.id });
        break;
      case 'thread.updated':
        this.#setThread(event.thread);
        this.#history.upsert(event.thread);
        break;
      case 'thread.item.added':
        this.#view.setProgress(null);
        this.#view.upsert(event.item, true);
        break;
      case 'thread.item.done':
        this.#view.setProgress(null);
        this.#view.upsert(event.item, false);
        if (event.item.type === 'user_message') {
          run.sawUserMessage = true;
          this.#view.flush();
          this.#view.scrollToBottom();
        }
        if (event.item.type === 'client_tool_call' && event.item.status === 'pending') run.pendingToolCall = event.item;
        break;
      case 'thread.item.replaced':
        this.#view.upsert(event.item, false);
        break;
      case 'thread.item.removed':
        this.#view.remove(event.item_id);
        break;
      case 'thread.item.updated': {
        const item = this.#view.get(event.item_id);
        if (!item) {
          this.#log('stream.update_for_unknown_item', { itemId: event.item_id, type: event.update?.type });
        } else if (!applyItemUpdate(item, event.update ?? {})) {
          this.#log('stream.unknown_update', { itemId: event.item_id, type: event.update?.type });
        } else {
          this.#view.setProgress(null);
          this.#view.touch(item.id);
        }
        break;
      }
      case 'stream_options':
        this.#composer.setMode('streaming', Boolean(event.stream_options?.allow_cancel));
        break;
      case 'progress_update':
        this.#view.setProgress(event.text ?? '', iconGlyph(event.icon));
        break;
      case 'client_effect':
        this.#runEffect(event.name, event.data ?? {});
        break;
      case 'notice':
        this.#view.addNotice(event.level ?? 'info', event.title, event.message ?? '');
        break;
      case 'error':
        this.#onStreamError(event);
        break;
      default:
        this.#log('stream.unknown_event', { type: event?.type });
        return;
    }
    this.#updateChrome();
  }

  /** @param {{ code?: string, message?: string, allow_retry?: boolean }} event */
  #onStreamError(event) {
    // `custom` errors carry a message for the user; other codes get the generic wording.
    const message = event.code === 'custom' && event.message ? event.message : GENERIC_STREAM_ERROR;
    const users = this.#view.items.filter((item) => item.type === 'user_message');
    const lastUser = users[users.length - 1];
    const retry = event.allow_retry && lastUser && this.#thread ? () => this.#retry(lastUser.id) : null;
    this.#view.addError(message, retry);
    this.#dispatch('chatkit.error', { error: Object.assign(new Error(message), { code: event.code }) });
  }

  /**
   * @param {string} name
   * @param {Record<string, unknown>} data
   */
  #runEffect(name, data) {
    try {
      this.#options?.onEffect?.({ name, data });
    } catch (error) {
      this.#log('effect.handler_failed', { name, message: String(/** @type {any} */ (error)?.message ?? error) });
    }
    this.#dispatch('chatkit.effect', { name, data });
  }

  /**
   * If the stream paused for the browser, runs `onClientTool` and returns the request that posts
   * its result and streams the rest; else null. Stop works while the tool runs.
   * @param {StreamRun} run
   * @returns {Promise<[string, Record<string, unknown>] | null>}
   */
  async #answerClientTool(run) {
    const call = run.pendingToolCall;
    const { signal } = run.controller;
    run.pendingToolCall = null;
    if (!call || signal.aborted) return null;
    const handler = this.#options?.onClientTool;
    if (!handler) throw new Error(`The assistant called the client tool "${call.name}", but no onClientTool handler is set.`);
    const result = await untilAborted(handler({ name: call.name ?? '', params: call.arguments ?? {} }), signal);
    // The server sends no event for the completed call (PROTOCOL.md 2.3); update our copy.
    call.status = 'completed';
    call.output = result;
    this.#view.touch(call.id);
    return ['threads.add_client_tool_output', { thread_id: call.thread_id ?? this.#thread?.id, result: result ?? null }];
  }

  /**
   * Routes a widget action: to the host (`handler: 'client'`), to the sync endpoint
   * (`streaming: false`), or as a streamed custom action.
   * @param {ThreadItem} item
   * @param {ActionConfig} action
   * @param {Record<string, unknown> | null} values form values to merge into the payload
   * @param {HTMLElement} trigger
   */
  async #onWidgetAction(item, action, values, trigger) {
    const payload = values ? { ...(action.payload ?? {}), ...values } : action.payload;
    const wire = toWireAction(action, payload);
    const behavior = action.loadingBehavior ?? 'auto';
    const busy = behavior === 'none' ? null : behavior === 'self' ? trigger : trigger.closest('.widget') ?? trigger;
    if (busy) markBusy(busy, 'action-pending', true);
    try {
      if (action.handler === 'client') {
        const onAction = this.#options?.widgets?.onAction;
        if (onAction) await onAction(wire, { id: item.id, widget: /** @type {any} */ (item.widget) });
        else this.#log('widget.client_action_without_handler', { type: action.type });
      } else if (!this.#thread) {
        this.#log('widget.action_without_thread', { type: action.type });
      } else if (action.streaming === false) {
        const threadId = this.#thread.id;
        const result = await this.#api.request('threads.sync_custom_action', { thread_id: threadId, item_id: item.id, action: wire });
        // The answer belongs to the thread it was asked from, which the user may have left.
        if (result?.updated_item && this.#thread?.id === threadId) this.#view.upsert(result.updated_item, false);
      } else {
        // While a response streams (or a thread loads) this throws and the user sees why.
        await this.#runStream('threads.custom_action', { thread_id: this.#thread.id, item_id: item.id, action: wire });
      }
    } catch (error) {
      this.#reportError(error);
    } finally {
      if (busy) markBusy(busy, 'action-pending', false);
    }
  }

  /**
   * @param {ThreadItem} item
   * @param {{ status: 'answered' | 'skipped', answers: Record<string, { values: string[], skipped: boolean }> }} input
   */
  async #submitStructuredInput(item, input) {
    if (!this.#thread) return;
    try {
      await this.#runStream('threads.add_structured_input', { thread_id: this.#thread.id, item_id: item.id, input });
    } catch (error) {
      this.#reportError(error); // busy: nothing was sent and the form stays open
    }
  }

  /**
   * @param {string[]} itemIds every item of the rated turn
   * @param {'positive' | 'negative'} kind
   */
  async #sendFeedback(itemIds, kind) {
    if (!this.#thread) return;
    try {
      await this.#api.request('items.feedback', { thread_id: this.#thread.id, item_ids: itemIds, kind });
    } catch (error) {
      this.#reportError(error);
      throw error;
    }
  }

  /**
   * Uploads a file with the configured strategy and returns the Attachment.
   * @param {File} file
   * @returns {Promise<import('./types.js').Attachment>}
   */
  async #upload(file) {
    const strategy = this.#options?.api?.uploadStrategy ?? { type: 'two_phase' };
    if (strategy.type === 'direct') {
      const attachment = await this.#api.upload(strategy.uploadUrl, 'POST', {}, file);
      if (!attachment?.id) throw new Error('The upload endpoint did not answer with an attachment.');
      return attachment;
    }
    const attachment = await this.#api.request('attachments.create', {
      name: file.name, size: file.size, mime_type: file.type || 'application/octet-stream',
    });
    const descriptor = attachment.upload_descriptor;
    if (descriptor?.url) await this.#api.upload(descriptor.url, descriptor.method ?? 'POST', descriptor.headers ?? {}, file);
    return attachment;
  }

  // =================================================================== drawing ============

  /**
   * @param {ThreadItem} item
   * @param {boolean} streaming
   */
  #renderItem(item, streaming) {
    const markdown = {
      allowedImageDomains: this.#thread?.allowed_image_domains ?? null,
      onEntityClick: this.#options?.entities?.onClick
        ? (/** @type {import('./types.js').Source} */ source) => this.#options?.entities?.onClick?.({
          id: source.id ?? '', title: source.title, interactive: source.interactive, data: source.data,
        })
        : undefined,
    };
    return renderItemBody(item, {
      streaming,
      markdown,
      widgetContext: (widgetItem) => ({
        scheme: this.#scheme,
        markdown,
        log: (name, data) => this.#log(name, data),
        onAction: (action, values, trigger) => this.#onWidgetAction(widgetItem, action, values, trigger),
      }),
      onStructuredInput: (target, input) => this.#submitStructuredInput(target, input),
      onEntityClick: this.#options?.entities?.onClick,
      log: (name, data) => this.#log(name, data),
    });
  }

  /** Applies everything setOptions controls. */
  #applyOptions() {
    const options = /** @type {ChatKitOptions} */ (this.#options);
    this.#applyTheme(options.theme);
    this.#root.setAttribute('aria-label', options.frameTitle ?? 'Chat');
    this.#root.lang = this.#locale();

    const header = options.header ?? {};
    this.#header.hidden = header.enabled === false;
    this.#title.hidden = header.title?.enabled === false;
    this.#historyButton.hidden = options.history?.enabled === false;
    if (options.history?.enabled === false) this.#history.close();
    this.#leftSlot.replaceChildren(...headerAction(header.leftAction, 'header-left-action'));
    this.#rightSlot.replaceChildren(...headerAction(header.rightAction, 'header-right-action'));

    const start = options.startScreen ?? {};
    this.#greeting.textContent = start.greeting ?? DEFAULT_GREETING;
    this.#prompts.replaceChildren(...(start.prompts ?? []).map((prompt) => h('button', {
      class: 'prompt', 'data-testid': 'start-prompt',
      onclick: () => this.#sendPrompt(prompt.prompt),
    }, glyph(prompt.icon),
    h('span', { text: prompt.label }))));

    const disclaimer = options.disclaimer;
    this.#disclaimer.hidden = !disclaimer?.text;
    this.#disclaimer.classList.toggle('high-contrast', Boolean(disclaimer?.highContrast));
    this.#disclaimer.replaceChildren(...(disclaimer?.text ? [renderMarkdown(disclaimer.text)] : []));

    this.#composer.configure(options.composer ?? {});
    this.#view.refreshTurnActions();
    this.#updateChrome();
  }

  /** @param {string | import('./types.js').UserMessageContent[]} prompt */
  async #sendPrompt(prompt) {
    if (this.#busy) return;
    const { toolId, modelId } = this.#composer.snapshot(); // the chosen tool and model apply
    await this.#sendInput(userInput(typeof prompt === 'string' ? textContent(prompt) : prompt, [], null, toolId, modelId), null);
  }

  /** @param {ChatKitOptions['theme']} theme */
  #applyTheme(theme) {
    const t = typeof theme === 'string' ? { colorScheme: theme } : theme ?? {};
    const scheme = t.colorScheme === 'dark' ? 'dark' : 'light';
    // Widget colors may be {light, dark} pairs resolved at render time: redraw on a switch.
    if (scheme !== this.#scheme) this.#view.touchAll();
    this.#scheme = scheme;
    const root = this.#root;
    root.classList.toggle('dark', this.#scheme === 'dark');
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
  #updateChrome() {
    const thread = this.#thread;
    const staticTitle = this.#options?.header?.title?.text;
    this.#title.textContent = staticTitle ?? (thread?.title?.trim() || 'New chat');
    const showStart = !thread && this.#view.isEmpty && !this.#stream;
    this.#startScreen.hidden = !showStart;
    this.#view.el.hidden = showStart;
    const status = thread?.status;
    if (status && status.type !== 'active') {
      const fallback = status.type === 'locked' ? 'This conversation is locked.' : 'This conversation is closed.';
      this.#composer.setLocked(true, ('reason' in status && status.reason) || fallback);
    } else {
      this.#composer.setLocked(false, null);
    }
  }

  // ============================================================== small helpers ===========

  #locale() {
    return this.#options?.locale || navigator.language || 'en';
  }

  /** @param {string} message */
  #showBanner(message) {
    this.#bannerText.textContent = message;
    this.#banner.hidden = false;
  }

  #hideBanner() {
    this.#banner.hidden = true;
  }

  /**
   * Shows an error to the user and fires `chatkit.error`.
   * @param {unknown} error
   */
  #reportError(error) {
    const err = error instanceof Error ? error : new Error(String(error));
    this.#showBanner(err.message);
    this.#dispatch('chatkit.error', { error: err });
  }

  /**
   * @param {string} name
   * @param {Record<string, unknown>} [data]
   */
  #log(name, data = {}) {
    this.#dispatch('chatkit.log', { name, data });
  }

  /**
   * @param {string} name
   * @param {unknown} [detail]
   */
  #dispatch(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
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
  return [h('button', {
    class: 'icon-button glyph', label: action.icon.replace(/-/g, ' '),
    'data-testid': testId,
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
