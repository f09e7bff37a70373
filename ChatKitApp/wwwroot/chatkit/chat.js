// @ts-check
// The conversation flow behind <openai-chatkit>: the public API's implementation, loading and
// switching threads, running streamed responses (what each event does is in stream-events.js)
// and sending the user's actions to the server. Drawing belongs to the thread view (transcript),
// composer, history panel and the frame around them (chat-layout.js). The history panel's module
// loads the first time the user opens it (#historyStandIn).
// Longer than 500 lines on purpose: thread switches and responses share the open thread, the
// running response and the view token that keeps a stale answer out of the view; those checks
// are easiest to follow in one class.

import { ChatKitApi, isAbort } from './api.js';
import { renderItem, sendFeedback, toWireAction, uploadFile } from './chat-actions.js';
import { ChatLayout } from './chat-layout.js';
import { createComposer, toInput } from './composer.js';
import { recallFeedback } from './feedback-memory.js';
import { answerClientTool, applyStreamEvent, errorMessage } from './stream-events.js';
import { applyTheme } from './theme.js';
import { decomposeContent, pendingUserMessage, textContent, userInput } from './thread-model.js';
import { createThreadView } from './thread-view.js';

/** @typedef {import('./types.js').ChatKitOptions} ChatKitOptions */
/** @typedef {import('./types.js').ChatKitEventDetails} ChatKitEventDetails */
/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {import('./types.js').ThreadMetadata} ThreadMetadata */
/** @typedef {import('./types.js').UserMessageInput} UserMessageInput */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */
/** @typedef {import('./types.js').Attachment} Attachment */
/** @typedef {import('./history.js').HistoryHooks} HistoryHooks */
/** @typedef {ReturnType<typeof import('./history.js').createHistoryPanel>} HistoryPanel */

/**
 * One streamed request in flight.
 * @typedef {object} StreamRun
 * @property {AbortController} controller
 * @property {ThreadItem | null} pending the user's message as shown before the server took it;
 *   null once the server's copy arrived (or for a response that sends no message)
 * @property {boolean} failed the response broke off with an error (not a stop)
 * @property {ThreadItem | null} pendingToolCall a client tool call to answer before the response ends
 * @property {Promise<void>} ended settles when the response has closed
 * @property {() => void} end
 */

/** @typedef {{ items: ThreadItem[], hasMore: boolean, after: string | null }} ItemsPage */

const ITEMS_PAGE_SIZE = 20;
const HISTORY_PAGE_SIZE = 30;

export class Chat {
  /** @type {ChatKitOptions | null} */
  options = null;
  /** @type {ThreadMetadata | null} the open thread; null for a new one not created yet */
  thread = null;
  /** @type {StreamRun | null} the response running now */
  stream = null;
  /** @type {Promise<void> | null} the first load (initial thread or start screen) */
  #started = null;
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
  /** @type {'light' | 'dark'} the color scheme widgets are drawn in */
  scheme = 'light';

  /** @param {HTMLElement} host the element: events are dispatched on it */
  constructor(host) {
    this.host = host;
    this.api = new ChatKitApi(() => ({
      url: this.options?.api?.url ?? '',
      fetch: this.options?.api?.fetch,
      locale: this.#locale(),
    }), () => this.layout.clearUnreachable());

    this.view = createThreadView({
      renderItem: (item, streaming) => renderItem(this, item, streaming),
      onLoadOlder: () => this.#loadOlder(),
      onFeedback: (turn, kind) => sendFeedback(this, turn.items.map((item) => item.id), kind),
      recallFeedback: (itemId) => (this.thread ? recallFeedback(this.thread.id, itemId) : undefined),
      onRetry: (turn) => turn.user && this.retry(turn.user.id),
      settings: () => ({
        feedback: Boolean(this.options?.threadItemActions?.feedback) && this.thread !== null,
        retry: Boolean(this.options?.threadItemActions?.retry) && this.thread !== null,
        autoScroll: this.options?.thread?.autoScroll !== false,
      }),
    });

    this.composer = createComposer({
      onSubmit: () => this.#sendDraft(),
      onStop: () => this.stream?.controller.abort(),
      onToolChange: (toolId) => this.dispatch('chatkit.tool.change', { toolId }),
      upload: (file) => uploadFile(this, file),
      deleteAttachment: (id) => {
        this.api.request('attachments.delete', { attachment_id: id })
          .catch((error) => this.log('attachments.delete_failed', { id, message: errorMessage(error) }));
      },
      onError: (message) => this.reportError(new Error(message)),
      tagSearch: () => this.options?.entities?.onTagSearch,
      transcribe: async (params) => (await this.api.request('input.transcribe', params)).text,
    });

    /** @type {HistoryPanel} until the user first opens it, a stand-in (see #historyStandIn) */
    this.history = this.#historyStandIn();

    this.layout = new ChatLayout({ transcript: this.view.el, history: this.history.el, composer: this.composer.el }, {
      onToggleHistory: () => this.history.toggle(),
      onNewThread: () => this.setThreadId(null).then(() => this.composer.focus(), (error) => this.reportError(error)),
      onPrompt: (prompt) => this.#sendPrompt(prompt),
    });
  }

  /**
   * What the history panel asks of the chat.
   * @returns {HistoryHooks}
   */
  #historyHooks() {
    return {
      list: (after) => this.api.request('threads.list', {
        limit: HISTORY_PAGE_SIZE, order: 'desc', ...(after ? { after } : {}),
      }).catch((error) => {
        this.dispatch('chatkit.error', { error }); // the panel shows the message itself
        throw error;
      }),
      onSelect: (threadId) => {
        // Focus goes to the composer before the panel closes, so typing is never lost (the
        // composer keeps the draft while the thread loads).
        this.composer.focus();
        if (threadId !== this.thread?.id) this.#openThread(threadId);
      },
      onRename: (threadId, title) => this.#renameThread(threadId, title),
      onDelete: (threadId) => this.#deleteThread(threadId),
      onToggle: (open, hadFocus) => {
        this.layout.setHistoryExpanded(open);
        this.dispatch(open ? 'chatkit.history.open' : 'chatkit.history.close');
        // Give focus back only if the panel had it: hideHistory() must not steal the page's focus.
        if (!open && hadFocus) this.layout.focusHistoryButton();
      },
      activeThreadId: () => this.thread?.id ?? null,
      toggleButton: () => this.layout.historyButton,
      settings: () => ({
        showRename: this.options?.history?.showRename !== false,
        showDelete: this.options?.history?.showDelete !== false,
        onSearch: this.options?.history?.onSearch,
        locale: this.#locale(),
      }),
    };
  }

  /**
   * The history panel until the user first opens it (the button or showHistory()): only then is
   * history.js loaded, as a chat that never looks at its history does not need it. Its element
   * is a hidden placeholder in the layout, which the real panel's element replaces. Refreshes,
   * upserts and removals before then are dropped: the panel loads the whole list fresh when it
   * opens. A close while the module is still loading (the button pressed again, hideHistory())
   * wins: the panel then loads but stays closed.
   * @returns {HistoryPanel}
   */
  #historyStandIn() {
    const el = document.createElement('aside');
    el.hidden = true;
    let wanted = false;
    /** @type {Promise<HistoryPanel> | null} */
    let loading = null;
    const open = async () => {
      wanted = true;
      loading ??= import('./history.js').then(({ createHistoryPanel }) => {
        const panel = createHistoryPanel(this.#historyHooks());
        el.replaceWith(panel.el);
        this.history = panel;
        return panel;
      }, (error) => {
        loading = null; // the next open tries again
        this.reportError(error);
        throw error;
      });
      const panel = await loading;
      if (wanted) await panel.open();
    };
    const close = () => {
      wanted = false;
    };
    return {
      el,
      open,
      close,
      // The button: a failed load is reported (banner and chatkit.error) and may be tried again.
      toggle: () => (wanted ? close() : open().catch(() => {})),
      refresh() {},
      upsert() {},
      remove() {},
    };
  }

  /** The element's content, put into its shadow root. */
  get root() {
    return this.layout.root;
  }

  /** Back online: a "could not reach the server" banner clears itself. */
  #onOnline = () => this.layout.clearUnreachable();

  /** The element is in the document: listen to the browser's connection state. */
  connect() {
    window.addEventListener('online', this.#onOnline);
  }

  /** The element left the document. */
  disconnect() {
    window.removeEventListener('online', this.#onOnline);
  }

  // ------------------------------------------------------------------------- public API ----

  /**
   * Applies options. Like the CDN element it REPLACES all options; the initial thread is only
   * read the first time.
   * @param {ChatKitOptions} options
   */
  setOptions(options) {
    if (!options?.api || typeof options.api.url !== 'string') {
      const error = new Error('This offline ChatKit element needs a custom backend: api.url is required.');
      this.reportError(error);
      throw error;
    }
    this.options = options;
    this.#applyOptions(options);
    this.#started ??= this.#start();
  }

  async focusComposer() {
    await this.#whenStarted();
    this.composer.focus();
  }

  /** @param {string | null} threadId null opens a new thread */
  async setThreadId(threadId) {
    await this.#whenStarted();
    if (threadId === (this.thread?.id ?? null) && !this.view.isEmpty) return;
    if (threadId) await this.#openThread(threadId);
    else this.#showNewThread(this.thread !== null);
  }

  /** @param {import('./types.js').SendUserMessageParams} params */
  async sendUserMessage(params = {}) {
    await this.#whenStarted();
    this.#assertIdle();
    if (params.newThread && this.thread) this.#showNewThread(true);
    const content = params.content ?? textContent(params.text ?? '');
    const attachments = params.attachments ?? [];
    await this.#sendInput(userInput(content, attachments, params.reply ?? null, params.toolChoice?.id, params.model), attachments);
  }

  /** @param {import('./types.js').SetComposerValueParams} params */
  async setComposerValue(params = {}) {
    await this.#whenStarted();
    const { content, text, ...rest } = params;
    this.composer.setValue(content ? { ...rest, ...decomposeContent(content) } : { ...rest, text });
  }

  /**
   * @param {import('./types.js').CustomAction} action
   * @param {string} [itemId] the widget item the action belongs to
   */
  async sendCustomAction(action, itemId) {
    await this.#whenStarted();
    if (!this.thread) throw new Error('sendCustomAction needs an active thread.');
    this.#assertIdle();
    await this.runStream('threads.custom_action', {
      thread_id: this.thread.id, item_id: itemId ?? null, action: toWireAction(action, action.payload),
    });
  }

  async showHistory() {
    await this.#whenStarted();
    if (this.options?.history?.enabled !== false) await this.history.open();
  }

  async hideHistory() {
    await this.#whenStarted();
    this.history.close();
  }

  /** Reloads the open thread's metadata and newest items (after out-of-band changes). */
  async fetchUpdates() {
    await this.#whenStarted();
    const threadId = this.thread?.id;
    if (!threadId || this.#isBusy()) return;
    const token = this.#viewToken;
    try {
      const [fresh, page] = await Promise.all([
        this.api.request('threads.get_by_id', { thread_id: threadId }),
        this.#itemsPage(threadId),
      ]);
      // A response that started meanwhile is newer than this answer (and a switch made it moot).
      if (token !== this.#viewToken) return;
      this.setThread(fresh);
      this.#mergeNewest(page);
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Stops the running response and forgets it now, so the view is free for what comes next. */
  abortStream() {
    const run = this.stream;
    if (!run) return;
    this.stream = null;
    run.controller.abort();
    this.#settleResponse();
  }

  // ---------------------------------------------------------------------------- threads ----

  async #start() {
    // setOptions keeps this promise before anything happens: a chatkit.ready listener may call
    // the methods (focusComposer), which wait for it.
    await Promise.resolve();
    const initial = this.options?.initialThread;
    if (initial) await this.#openThread(initial, { initial: true });
    else this.#showNewThread(false);
    this.dispatch('chatkit.ready');
  }

  async #whenStarted() {
    if (!this.#started) throw new Error('Call setOptions before using <openai-chatkit>.');
    await this.#started;
  }

  #isBusy() {
    return this.stream !== null || this.#loading;
  }

  #assertIdle() {
    if (this.stream) throw new Error('A response is already streaming.');
    if (this.#loading) throw new Error('A thread is still loading.');
  }

  /** @param {boolean} loading */
  #setLoading(loading) {
    this.#loading = loading;
    this.layout.setLoading(loading);
    this.composer.setMode(loading ? 'waiting' : 'idle');
  }

  /**
   * Loads a thread and its newest items.
   * @param {string} threadId
   * @param {{ initial?: boolean }} [options]
   */
  async #openThread(threadId, { initial = false } = {}) {
    this.abortStream();
    const token = ++this.#viewToken;
    this.layout.hideBanner();
    this.dispatch('chatkit.thread.load.start', { threadId });
    this.#setLoading(true);
    try {
      const loaded = await this.api.request('threads.get_by_id', { thread_id: threadId });
      // The reference server embeds the OLDEST page here. When the thread is
      // longer than that page, show the newest page instead and page backwards from it.
      /** @type {ItemsPage} */
      const page = loaded.items?.has_more
        ? await this.#itemsPage(threadId)
        : { items: loaded.items?.data ?? [], hasMore: false, after: null };
      if (token !== this.#viewToken) return;
      this.setThread(loaded);
      this.view.setItems(page.items, page.hasMore);
      this.#olderCursor = page.after;
      this.history.refresh();
      this.dispatch('chatkit.thread.change', { threadId });
    } catch (error) {
      if (token !== this.#viewToken) return;
      // A thread that no longer exists (deleted elsewhere) gives way to a new one; a stored id
      // of one is normal, so that is quiet. Any other failure (server error, network) keeps the
      // thread shown, and the host keeps the id it saved.
      const missing = /** @type {any} */ (error)?.status === 404;
      if (missing) this.#showNewThread(true);
      if (missing && initial) this.log('thread.initial_not_found', { threadId });
      else this.reportError(error, missing ? null : () => this.#openThread(threadId, { initial }));
    } finally {
      if (token === this.#viewToken) this.#setLoading(false);
      this.dispatch('chatkit.thread.load.end', { threadId });
    }
  }

  /** @param {boolean} notify fire chatkit.thread.change (the active thread really changed) */
  #showNewThread(notify) {
    this.abortStream();
    ++this.#viewToken;
    this.#setLoading(false);
    this.thread = null;
    this.#olderCursor = null;
    this.view.clear();
    this.layout.hideBanner();
    this.history.refresh();
    this.updateChrome();
    if (notify) this.dispatch('chatkit.thread.change', { threadId: null });
  }

  /**
   * Takes the thread's metadata (its embedded items are not kept here).
   * @param {import('./types.js').Thread} next
   */
  setThread(next) {
    const { items: _items, ...metadata } = next;
    this.thread = { ...(this.thread?.id === metadata.id ? this.thread : {}), ...metadata };
    this.updateChrome();
  }

  async #loadOlder() {
    const shown = this.thread;
    if (this.#loadingOlder || !shown || !this.view.hasMore) return;
    this.#loadingOlder = true;
    try {
      // The protocol's cursor is the id of the last item of the previous page; fall back to
      // our oldest item if the server sent none.
      const page = await this.#itemsPage(shown.id, this.#olderCursor ?? this.view.items[0]?.id);
      if (this.thread?.id !== shown.id) return;
      this.view.prependItems(page.items, page.hasMore);
      this.#olderCursor = page.after;
    } catch (error) {
      this.reportError(error);
    } finally {
      this.#loadingOlder = false;
    }
  }

  /**
   * One page of a thread's items, newest first from `after` back (items.list), turned oldest
   * first for the view.
   * @param {string} threadId
   * @param {string} [after] the cursor: the id of the last item of the previous page
   * @returns {Promise<ItemsPage>}
   */
  async #itemsPage(threadId, after) {
    const page = await this.api.request('items.list', {
      thread_id: threadId, order: 'desc', limit: ITEMS_PAGE_SIZE, ...(after ? { after } : {}),
    });
    return { items: [...page.data].reverse(), hasMore: Boolean(page.has_more), after: page.after ?? null };
  }

  /**
   * Replaces the newest part of the transcript with a freshly fetched newest page.
   * @param {ItemsPage} page
   */
  #mergeNewest({ items, hasMore, after }) {
    const current = this.view.items;
    const overlap = items.length ? current.findIndex((item) => item.id === items[0].id) : -1;
    if (overlap >= 0) {
      this.view.replaceItems([...current.slice(0, overlap), ...items], this.view.hasMore);
    } else {
      this.view.replaceItems(items, hasMore);
      this.#olderCursor = after;
    }
  }

  /**
   * @param {string} threadId
   * @param {string} title
   */
  async #renameThread(threadId, title) {
    try {
      const updated = await this.api.request('threads.update', { thread_id: threadId, title });
      this.history.upsert(updated);
      if (this.thread?.id === threadId) this.setThread(updated);
    } catch (error) {
      this.reportError(error);
      throw error;
    }
  }

  /** @param {string} threadId */
  async #deleteThread(threadId) {
    try {
      await this.api.request('threads.delete', { thread_id: threadId });
      this.history.remove(threadId);
      if (this.thread?.id === threadId) this.#showNewThread(true);
      // The confirm button is gone with its entry: focus goes where the user types next.
      this.composer.focus();
    } catch (error) {
      this.reportError(error);
      throw error;
    }
  }

  // -------------------------------------------------------------------------- responses ----

  async #sendDraft() {
    const draft = this.composer.snapshot();
    this.composer.clear();
    await this.#sendInput(toInput(draft), draft.attachments);
  }

  /** @param {string | UserMessageContent[]} prompt a start screen prompt */
  async #sendPrompt(prompt) {
    if (this.#isBusy()) return;
    // The prompt's button goes with the start screen: focus goes to the composer, not <body>.
    this.composer.focus();
    const { toolId, modelId } = this.composer.snapshot(); // the chosen tool and model apply
    const content = typeof prompt === 'string' ? textContent(prompt) : prompt;
    await this.#sendInput(userInput(content, [], null, toolId, modelId), []);
  }

  /**
   * Sends a user message. It is shown at once; if the server never takes it, it stays in the
   * transcript marked "Not sent", with a Retry that sends it again.
   * @param {UserMessageInput} input
   * @param {Attachment[]} attachments the attachments `input` names, to show them
   */
  async #sendInput(input, attachments) {
    this.#assertIdle();
    const pending = pendingUserMessage(input, attachments, this.thread?.id ?? '');
    this.view.addPending(pending);
    const resend = () => {
      this.view.remove(pending.id);
      this.#sendInput(input, attachments).catch((error) => this.reportError(error));
    };
    if (this.thread) {
      await this.runStream('threads.add_user_message', { thread_id: this.thread.id, input }, { pending, resend });
    } else {
      await this.runStream('threads.create', { input }, { pending, resend });
    }
  }

  /** @param {string} userMessageId */
  async retry(userMessageId) {
    // The error (and its Retry button) arrives before the failed response has closed.
    if (this.stream) await this.stream.ended;
    if (!this.thread || this.#isBusy()) return;
    // The server deletes everything after the message without telling us.
    this.view.truncateAfter(userMessageId);
    this.view.clearTransient();
    this.view.refreshTurnActions();
    await this.runStream('threads.retry_after_item', { thread_id: this.thread.id, item_id: userMessageId });
  }

  /**
   * Runs one response to its end, applying every event as it arrives. Failures are reported
   * (banner + chatkit.error), not thrown: callers are UI handlers. Only #assertIdle throws (a
   * response is running or a thread loading).
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {{ pending: ThreadItem, resend: () => void } | null} [message] the user's message
   *   this request sends, as shown, and what sends it again
   */
  async runStream(type, params, message = null) {
    this.#assertIdle();
    /** @type {() => void} */
    let end = () => {};
    const ended = new Promise((resolve) => { end = () => resolve(undefined); });
    /** @type {StreamRun} */
    const run = { controller: new AbortController(), pending: message?.pending ?? null, failed: false, pendingToolCall: null, ended, end };
    const { signal } = run.controller;
    this.stream = run;
    ++this.#viewToken;
    this.layout.hideBanner();
    this.composer.setMode('waiting');
    this.view.clearTransient();
    this.view.setBusy(true);
    // From Enter to the first output something moves: the user's message shows (the start
    // screen goes), and a thinking line waits where the answer will come.
    this.view.setProgress('Thinking…');
    this.updateChrome();
    this.dispatch('chatkit.response.start');
    try {
      // A client tool call pauses the response; its output is posted and the rest streamed as
      // part of the same response, so nothing else can be sent in between.
      /** @type {[string, Record<string, unknown>] | null} */
      let request = [type, params];
      while (request) {
        const events = this.api.stream(request[0], request[1], signal,
          (raw, error) => this.log('stream.malformed_event', { raw: raw.slice(0, 500), error: String(error) }));
        for await (const event of events) {
          if (signal.aborted) break; // stopped, or the thread was switched: the rest is not ours
          applyStreamEvent(this, event, run);
        }
        request = await answerClientTool(this, run);
      }
    } catch (error) {
      if (!signal.aborted && !isAbort(error)) {
        run.failed = true;
        this.reportError(error, this.#retryOf(type, run, message));
      }
    } finally {
      // A thread switch has already detached and settled the run (abortStream).
      if (this.stream === run) {
        this.stream = null;
        this.#settleResponse(run.failed);
      }
      this.dispatch('chatkit.response.end');
      run.end();
    }
  }

  /**
   * What Retry does after a response failed: send the message again if the server never took
   * it (it stays marked "Not sent"), else answer the last message again. Null when neither fits
   * (an action, or no thread).
   * @param {string} type
   * @param {StreamRun} run
   * @param {{ pending: ThreadItem, resend: () => void } | null} message
   * @returns {(() => void) | null}
   */
  #retryOf(type, run, message) {
    if (message && run.pending) {
      this.view.markUnsent(run.pending.id, message.resend);
      return message.resend;
    }
    const answersAMessage = ['threads.create', 'threads.add_user_message', 'threads.retry_after_item'].includes(type);
    const lastUser = this.view.items.findLast((item) => item.type === 'user_message');
    return answersAMessage && this.thread && lastUser ? () => this.retry(lastUser.id) : null;
  }

  /** @param {boolean} [failed] the response broke off: what was still streaming is marked interrupted */
  #settleResponse(failed = false) {
    this.view.setProgress(null);
    this.view.settle(failed);
    this.view.setBusy(false);
    this.composer.setMode('idle');
    this.updateChrome();
  }

  // ---------------------------------------------------------------------------- drawing ----

  /**
   * Applies everything setOptions controls.
   * @param {ChatKitOptions} options
   */
  #applyOptions(options) {
    const scheme = applyTheme(this.layout.root, options.theme);
    // Widget colors may be {light, dark} pairs resolved at render time: redraw on a switch.
    if (scheme !== this.scheme) this.view.touchAll();
    this.scheme = scheme;
    this.layout.apply(options, this.#locale());
    if (options.history?.enabled === false) this.history.close();
    this.composer.configure(options.composer ?? {}, Boolean(options.entities?.showComposerMenu && options.entities.onTagSearch));
    this.view.refreshTurnActions();
    this.updateChrome();
  }

  /** Header title, start screen and composer lock follow the thread. */
  updateChrome() {
    const thread = this.thread;
    this.layout.setTitle(this.options?.header?.title?.text ?? (thread?.title?.trim() || 'New chat'));
    this.layout.showStartScreen(!thread && this.view.isEmpty && !this.stream);
    const status = thread?.status;
    if (status && status.type !== 'active') {
      const fallback = status.type === 'locked' ? 'This conversation is locked.' : 'This conversation is closed.';
      this.composer.setLocked(true, ('reason' in status && status.reason) || fallback);
    } else {
      this.composer.setLocked(false, null);
    }
  }

  // ------------------------------------------------------------------- events and errors ----

  #locale() {
    return this.options?.locale || navigator.language || 'en';
  }

  /**
   * Shows an error to the user and fires `chatkit.error`.
   * @param {unknown} error
   * @param {(() => void) | null} [retry] offered as the banner's Retry
   */
  reportError(error, retry = null) {
    const err = error instanceof Error ? error : new Error(String(error));
    // A connection failure (status 0) clears itself once the browser is online or the server answers.
    this.layout.showBanner(err.message, { retry, unreachable: /** @type {any} */ (err).status === 0 });
    this.dispatch('chatkit.error', { error: err });
  }

  /**
   * Fires `chatkit.log`: diagnostics for the host, never shown to the user.
   * @param {string} name
   * @param {Record<string, unknown>} [data]
   */
  log(name, data = {}) {
    this.dispatch('chatkit.log', { name, data });
  }

  /**
   * Fires one of the element's events (see ChatKitEventDetails in types.js).
   * @template {keyof ChatKitEventDetails} K
   * @param {K} name
   * @param {ChatKitEventDetails[K]} [detail]
   */
  dispatch(name, detail) {
    this.host.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
