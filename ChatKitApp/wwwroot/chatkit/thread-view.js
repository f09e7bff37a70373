// @ts-check
// The transcript: the ordered list of items of the open thread, their DOM nodes, the transient
// lines of a response (progress, notices, errors), turn actions and scrolling. Rendering of a
// streamed item is coalesced to one per animation frame, however many deltas arrive.

import { h, copyButton } from './dom.js';
import { uiIcon } from './icons.js';
import { renderMarkdown } from './markdown.js';
import { splitTurns, turnCopyText } from './thread-model.js';

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {{ user: ThreadItem | null, items: ThreadItem[] }} Turn */

/**
 * @typedef {object} ThreadViewHooks
 * @property {(item: ThreadItem, streaming: boolean) => HTMLElement | null} renderItem
 * @property {() => void} onLoadOlder
 * @property {(turn: Turn, kind: 'positive' | 'negative') => Promise<void>} onFeedback
 * @property {(turn: Turn) => void} onRetry
 * @property {() => { feedback: boolean, retry: boolean, autoScroll: boolean }} settings
 */

const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 40;

export class ThreadView {
  #hooks;
  /** @type {Map<string, { root: HTMLElement, body: HTMLElement, actions: HTMLElement }>} */
  #nodes = new Map();
  /** @type {Set<string>} items added but not done yet */
  #streamingIds = new Set();
  /** @type {Set<string>} */
  #dirty = new Set();
  /** Feedback already given, keyed by the turn's first item id, so re-renders keep it. */
  /** @type {Map<string, 'positive' | 'negative'>} */
  #feedbackGiven = new Map();
  #frame = 0;
  #busy = false;
  #loadOlderButton = h('button', {
    class: 'load-older', 'data-testid': 'load-older', text: 'Load earlier messages',
    hidden: true, onclick: () => this.#hooks.onLoadOlder(),
  });
  #list = h('div', { class: 'items' });
  #tail = h('div', { class: 'transient' });
  #progress = h('div', { class: 'progress', role: 'status', 'data-testid': 'progress', hidden: true });

  /** @param {ThreadViewHooks} hooks */
  constructor(hooks) {
    this.#hooks = hooks;
    /** @type {ThreadItem[]} display order = arrival order */
    this.items = [];
    this.hasMore = false;
    // role=log is implicitly aria-live=polite; aria-busy while streaming keeps screen readers
    // from announcing every partial re-render of the streamed message.
    this.el = h('div', {
      class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation',
      'data-testid': 'message-list', tabindex: '0',
    }, h('div', { class: 'column' }, this.#loadOlderButton, this.#list, this.#progress, this.#tail));
    this.el.addEventListener('scroll', () => {
      if (this.hasMore && this.el.scrollTop < NEAR_TOP_PX) this.#hooks.onLoadOlder();
    }, { passive: true });
  }

  get isEmpty() {
    return this.items.length === 0;
  }

  /** @param {string} id */
  get(id) {
    return this.items.find((item) => item.id === id);
  }

  /** Forgets everything (thread switch). */
  clear() {
    this.setItems([], false);
  }

  /**
   * Shows a loaded page of a thread.
   * @param {ThreadItem[]} items oldest first
   * @param {boolean} hasMore whether older items exist
   */
  setItems(items, hasMore) {
    this.#feedbackGiven.clear();
    this.clearTransient();
    this.replaceItems(items, hasMore);
  }

  /**
   * Shows a fresh page of the same thread (fetchUpdates): the feedback given and the notices stay.
   * @param {ThreadItem[]} items oldest first
   * @param {boolean} hasMore whether older items exist
   */
  replaceItems(items, hasMore) {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.items = [];
    this.#nodes.clear();
    this.#streamingIds.clear();
    this.#dirty.clear();
    this.#list.replaceChildren();
    for (const item of items) this.#insert(item, this.items.length);
    this.#setHasMore(hasMore);
    this.flush();
    this.refreshTurnActions();
    this.scrollToBottom();
  }

  /**
   * Adds older items above the current ones, keeping what the user sees in place.
   * @param {ThreadItem[]} items oldest first
   * @param {boolean} hasMore
   */
  prependItems(items, hasMore) {
    const fromBottom = this.el.scrollHeight - this.el.scrollTop;
    const fresh = items.filter((item) => !this.#nodes.has(item.id));
    fresh.forEach((item, i) => this.#insert(item, i));
    this.#setHasMore(hasMore);
    this.flush();
    this.refreshTurnActions();
    this.el.scrollTop = this.el.scrollHeight - fromBottom;
  }

  /**
   * Adds an item at the end, or replaces the item with the same id where it is.
   * @param {ThreadItem} item
   * @param {boolean} streaming true for `thread.item.added`, false for done/replaced
   */
  upsert(item, streaming) {
    const index = this.items.findIndex((existing) => existing.id === item.id);
    if (index >= 0) this.items[index] = item;
    else this.#insert(item, this.items.length);
    if (streaming) this.#streamingIds.add(item.id);
    else this.#streamingIds.delete(item.id);
    this.touch(item.id);
  }

  /** @param {string} id */
  remove(id) {
    this.items = this.items.filter((item) => item.id !== id);
    this.#nodes.get(id)?.root.remove();
    this.#nodes.delete(id);
    this.#streamingIds.delete(id);
    this.#dirty.delete(id);
  }

  /**
   * Removes every item after `id` (a retry regenerates the rest of the thread).
   * @param {string} id
   */
  truncateAfter(id) {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return;
    for (const item of this.items.slice(index + 1)) this.remove(item.id);
  }

  /** Marks an item as changed; it is re-rendered on the next frame. @param {string} id */
  touch(id) {
    this.#dirty.add(id);
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.flush());
  }

  /** Marks every item as changed (e.g. the color scheme switched). */
  touchAll() {
    for (const item of this.items) this.touch(item.id);
  }

  /** Renders every pending change now (also used at stream end, so nothing waits for a frame). */
  flush() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#dirty.size === 0) return;
    const follow = this.#hooks.settings().autoScroll && this.#isNearBottom();
    for (const id of this.#dirty) this.#render(id);
    this.#dirty.clear();
    if (follow) this.scrollToBottom();
  }

  /** Ends streaming state of all items (stream finished or was stopped). */
  settle() {
    for (const id of this.#streamingIds) this.#dirty.add(id);
    this.#streamingIds.clear();
    this.flush();
  }

  /** @param {boolean} hasMore */
  #setHasMore(hasMore) {
    this.hasMore = hasMore;
    this.#loadOlderButton.hidden = !hasMore;
  }

  /** @param {boolean} busy */
  setBusy(busy) {
    // The turn actions appear when a response ends; a reader at the bottom keeps seeing them.
    const follow = this.#hooks.settings().autoScroll && this.#isNearBottom();
    this.#busy = busy;
    this.el.setAttribute('aria-busy', String(busy));
    this.refreshTurnActions();
    if (follow) this.scrollToBottom();
  }

  /**
   * The transient line a `progress_update` shows until real content arrives.
   * @param {string | null} text
   * @param {string} [glyph]
   */
  setProgress(text, glyph = '') {
    this.#progress.hidden = !text;
    this.#progress.replaceChildren(...(text ? [h('span', { class: 'shimmer', text: (glyph ? glyph + ' ' : '') + text })] : []));
    if (text && this.#isNearBottom()) this.scrollToBottom();
  }

  /**
   * @param {'info' | 'warning' | 'danger'} level
   * @param {string | undefined} title
   * @param {string} message markdown
   */
  addNotice(level, title, message) {
    const notice = h('div', { class: `notice level-${level}`, role: level === 'danger' ? 'alert' : 'status', 'data-testid': 'notice' },
      title ? h('strong', { text: title }) : null,
      renderMarkdown(message ?? ''),
      h('button', { class: 'icon-button small', 'aria-label': 'Dismiss', onclick: () => notice.remove() }, uiIcon('close')));
    this.#tail.append(notice);
    this.scrollToBottom();
  }

  /**
   * An error at the end of the transcript, with a Retry button when the server allows it.
   * @param {string} message
   * @param {(() => void) | null} onRetry
   */
  addError(message, onRetry) {
    const error = h('div', { class: 'stream-error', role: 'alert', 'data-testid': 'stream-error' },
      uiIcon('alert'), h('span', { text: message }),
      onRetry ? h('button', {
        class: 'w-button secondary small', 'data-testid': 'error-retry',
        onclick: () => {
          error.remove();
          onRetry();
        },
      }, uiIcon('retry'), h('span', { text: 'Retry' })) : null);
    this.#tail.append(error);
    this.scrollToBottom();
  }

  clearTransient() {
    this.#tail.replaceChildren();
    this.setProgress(null);
  }

  /**
   * Puts copy / feedback / retry under the last item of every finished turn that has an
   * assistant answer. The turn still streaming gets none.
   */
  refreshTurnActions() {
    for (const { actions } of this.#nodes.values()) actions.replaceChildren();
    const turns = splitTurns(this.items);
    const settings = this.#hooks.settings();
    turns.forEach((turn, index) => {
      const isLast = index === turns.length - 1;
      if (isLast && this.#busy) return;
      const answers = turn.items.filter((item) => item.type === 'assistant_message' || item.type === 'widget');
      const anchor = answers[answers.length - 1];
      if (!anchor) return;
      const slot = this.#nodes.get(anchor.id)?.actions;
      if (!slot) return;
      slot.append(copyButton('Copy response', 'copy-message', () => turnCopyText(turn.items)));
      if (settings.feedback) slot.append(...this.#feedbackButtons(turn));
      if (settings.retry && isLast && turn.user) {
        slot.append(h('button', {
          class: 'icon-button', label: 'Retry', 'data-testid': 'retry',
          onclick: () => this.#hooks.onRetry(turn),
        }, uiIcon('retry')));
      }
    });
  }

  /** @param {Turn} turn */
  #feedbackButtons(turn) {
    const key = turn.items[0].id;
    const given = this.#feedbackGiven.get(key);
    /** @param {'positive' | 'negative'} kind */
    const button = (kind) => h('button', {
      class: 'icon-button', 'data-testid': `feedback-${kind}`,
      label: kind === 'positive' ? 'Good response' : 'Bad response',
      'aria-pressed': String(given === kind), disabled: Boolean(given),
      onclick: async () => {
        this.#feedbackGiven.set(key, kind);
        this.refreshTurnActions();
        try {
          await this.#hooks.onFeedback(turn, kind);
        } catch {
          this.#feedbackGiven.delete(key); // let the user try again
          this.refreshTurnActions();
        }
      },
    }, uiIcon(kind === 'positive' ? 'thumbUp' : 'thumbDown'));
    return [button('positive'), button('negative')];
  }

  #isNearBottom() {
    return this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.el.scrollTop = this.el.scrollHeight;
  }

  /**
   * @param {ThreadItem} item
   * @param {number} index
   */
  #insert(item, index) {
    const body = h('div', { class: 'item-body' });
    const actions = h('div', { class: 'item-actions' });
    const root = h('div', {
      class: `item item-${item.type.replace(/_/g, '-')}`, 'data-testid': 'thread-item',
      dataset: { itemId: item.id, itemType: item.type },
    }, body, actions);
    const before = this.items[index];
    this.items.splice(index, 0, item);
    this.#nodes.set(item.id, { root, body, actions });
    this.#list.insertBefore(root, before ? this.#nodes.get(before.id)?.root ?? null : null);
    this.#dirty.add(item.id);
  }

  /** @param {string} id */
  #render(id) {
    const node = this.#nodes.get(id);
    const item = this.get(id);
    if (!node || !item) return;
    const content = this.#hooks.renderItem(item, this.#streamingIds.has(id));
    node.body.replaceChildren(...(content ? [content] : []));
    node.root.hidden = !content;
    node.root.dataset.itemType = item.type;
  }
}
