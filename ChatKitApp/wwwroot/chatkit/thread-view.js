// @ts-check
// The transcript: the ordered list of items of the open thread, their DOM nodes, the transient
// lines of a response (progress, notices, errors), turn actions and scrolling (with a "jump to
// latest" button while the reader is scrolled up). Rendering of a streamed item is coalesced to
// one per animation frame, however many deltas arrive.

import { h, append, copyButton } from './dom.js';
import { protocolIcon, uiIcon } from './icons.js';
import { renderMarkdown, textEl } from './markdown.js';
import { splitTurns, turnCopyText } from './thread-model.js';

/** @typedef {import('./types.js').ThreadItem} ThreadItem */
/** @typedef {{ user: ThreadItem | null, items: ThreadItem[] }} Turn */

/**
 * @typedef {object} ThreadViewHooks
 * @property {(item: ThreadItem, streaming: boolean) => HTMLElement | null} renderItem
 * @property {() => void} onLoadOlder
 * @property {(turn: Turn, kind: 'positive' | 'negative') => Promise<void>} onFeedback
 * @property {(itemId: string) => 'positive' | 'negative' | undefined} recallFeedback feedback given on an earlier visit
 * @property {(turn: Turn) => void} onRetry
 * @property {() => { feedback: boolean, retry: boolean, autoScroll: boolean }} settings
 */

const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 40;
/**
 * The two feedback buttons: the kind sent to the server, the accessible name, the icon.
 * @type {{ kind: 'positive' | 'negative', label: string, icon: import('./icons.js').UiIconName }[]}
 */
const FEEDBACK_BUTTONS = [
  { kind: 'positive', label: 'Good response', icon: 'thumbUp' },
  { kind: 'negative', label: 'Bad response', icon: 'thumbDown' },
];

/**
 * @param {ThreadViewHooks} hooks
 */
export const createThreadView = (hooks) => {
  /** @type {ThreadItem[]} display order = arrival order */
  let items = [];
  let hasMore = false;
  /** Whether a response is streaming: its turn gets no actions yet. */
  let busy = false;
  let frame = 0;
  /**
   * Each item's node: a `div.item` whose first child is the rendered body and whose last child
   * holds the turn actions. A node exists exactly while an item with its id is in `items`.
   * @type {Map<string, HTMLElement>}
   */
  const nodes = new Map();
  /** @type {Set<string>} items added but not done yet */
  const streamingIds = new Set();
  /** @type {Set<string>} items to re-render on the next frame */
  const dirty = new Set();
  /**
   * The user's messages the server never took (the request failed), with what resends each.
   * They stay, marked "Not sent", until the next response starts.
   * @type {Map<string, () => void>}
   */
  const unsent = new Map();
  /** @type {Set<string>} items cut off by a failed response: their turn is marked, not offered as complete */
  const interrupted = new Set();
  /** What is kept per item id, besides `items`. */
  const perItem = [nodes, streamingIds, dirty, unsent, interrupted];
  /** Feedback given on this visit, keyed by the turn's first item id, so re-renders keep it. */
  /** @type {Map<string, 'positive' | 'negative'>} */
  const feedbackGiven = new Map();

  const loadOlder = () => hooks.onLoadOlder();
  const loadOlderButton = h('button.load-older', {
    testid: 'load-older', text: 'Load earlier messages', hidden: true, onclick: loadOlder,
  });
  const list = h('div.items');
  /** Notices and errors of the latest response, after the items. */
  const tail = h('div.transient');
  const progress = h('div.progress', { role: 'status', testid: 'progress', hidden: true });
  const jumpButton = h('button.jump-latest', {
    label: 'Jump to latest', testid: 'jump-latest', hidden: true,
    onclick: () => {
      scrollToBottom();
      updateJump();
    },
  }, uiIcon('send')); // the send arrow, turned to point down (styles.js)
  // role=log is implicitly aria-live=polite; aria-busy while streaming keeps screen readers
  // from announcing every partial re-render of the streamed message.
  const el = h('div.messages', {
    role: 'log', ariaLive: 'polite', ariaLabel: 'Conversation', testid: 'message-list', tabindex: '0',
    // Scrolling near the top loads older items too. (Scroll events cannot be cancelled, so a
    // plain listener is as cheap as a passive one.)
    onscroll: () => {
      if (hasMore && el.scrollTop < NEAR_TOP_PX) loadOlder();
      updateJump();
    },
  }, h('div.column', loadOlderButton, list, progress, tail),
  // A zero-height sticky strip at the end of the scrolled content: the button it holds stays at
  // the bottom of the view however far the reader has scrolled up.
  h('div.jump', jumpButton));

  /** @param {string} id */
  const indexOf = (id) => items.findIndex((item) => item.id === id);
  /** @param {string} id @returns {ThreadItem | undefined} */
  const get = (id) => items[indexOf(id)];

  /** How far the bottom of the content is below the top of the view. */
  const fromBottom = () => el.scrollHeight - el.scrollTop;
  const isNearBottom = () => fromBottom() - el.clientHeight < NEAR_BOTTOM_PX;
  const scrollToBottom = () => {
    el.scrollTop = el.scrollHeight;
  };
  /** "Jump to latest" shows while the reader is scrolled up from the end. */
  const updateJump = () => {
    jumpButton.hidden = isNearBottom();
  };

  /**
   * Runs a change that may grow the transcript; a reader who was at the bottom (with auto-scroll
   * on) stays there, one who scrolled up to read is left alone.
   * @param {() => void} change
   */
  const keepFollowing = (change) => {
    const follow = hooks.settings().autoScroll && isNearBottom();
    change();
    if (follow) scrollToBottom();
    updateJump();
  };

  /**
   * The transient line a `progress_update` shows until real content arrives.
   * @param {string | null} text
   * @param {string} [icon] a protocol icon name
   */
  const setProgress = (text, icon) => {
    progress.hidden = !text;
    progress.replaceChildren(...text ? [icon ? protocolIcon(icon) : '', textEl('span.shimmer', text)] : []);
    if (text && isNearBottom()) scrollToBottom();
  };

  const clearTransient = () => {
    tail.replaceChildren();
    setProgress(null);
    [...unsent.keys()].forEach(remove);
  };

  /** @param {HTMLElement} line a notice or an error */
  const addTransient = (line) => {
    tail.append(line);
    scrollToBottom();
  };

  /** @param {string} id */
  const render = (id) => {
    const node = nodes.get(id);
    const item = /** @type {ThreadItem} */ (get(id));
    if (!node) return;
    const content = hooks.renderItem(item, streamingIds.has(id));
    node.firstElementChild?.replaceChildren(content ?? '');
    node.hidden = !content;
    node.dataset.itemType = item.type;
    node.classList.toggle('unsent', unsent.has(id));
    node.classList.toggle('interrupted', interrupted.has(id));
  };

  /** Renders every pending change now (also used at stream end, so nothing waits for a frame). */
  const flush = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    if (dirty.size) {
      keepFollowing(() => {
        dirty.forEach(render);
        dirty.clear();
      });
    }
  };

  /** Marks an item as changed; it is re-rendered on the next frame. @param {string} id */
  const touch = (id) => {
    dirty.add(id);
    frame ||= requestAnimationFrame(flush);
  };

  /**
   * @param {ThreadItem} item
   * @param {number} index
   */
  const insert = (item, index) => {
    const node = h('div.item', {
      class: 'item-' + item.type.replace(/_/g, '-'), testid: 'thread-item',
      dataset: { itemId: item.id, itemType: item.type },
    }, h('div.item-body'), h('div.item-actions'));
    list.insertBefore(node, nodes.get(items[index]?.id) ?? null);
    items.splice(index, 0, item);
    nodes.set(item.id, node);
    dirty.add(item.id);
  };

  /** @param {ThreadItem} item */
  const appendItem = (item) => insert(item, items.length);

  /** @param {string} id */
  const remove = (id) => {
    items = items.filter((item) => item.id !== id);
    nodes.get(id)?.remove();
    for (const store of perItem) store.delete(id);
  };

  /**
   * A short status line in an item's action slot, with an optional Retry.
   * @param {string} testid
   * @param {string} text
   * @param {(() => void) | null} onRetry
   */
  const failureNote = (testid, text, onRetry) => h('div.failure-note', { testid },
    uiIcon('alert'), textEl('span', text),
    onRetry && h('button.w-button.secondary.small', { testid: testid + '-retry', onclick: onRetry },
      uiIcon('retry'), textEl('span', 'Retry')));

  /** @param {Turn} turn */
  const feedbackButtons = (turn) => {
    const key = turn.items[0].id;
    const given = feedbackGiven.get(key) ?? hooks.recallFeedback(key);
    // The pressed thumb shows the rating; the other one changes it (sent as a new rating).
    return FEEDBACK_BUTTONS.map(({ kind, label, icon }) => h('button.icon-button', {
      testid: `feedback-${kind}`, label, ariaPressed: String(given === kind),
      onclick: async () => {
        if (given === kind) return; // already the rating (the buttons are redrawn with each change)
        feedbackGiven.set(key, kind);
        refreshTurnActions();
        try {
          await hooks.onFeedback(turn, kind);
        } catch {
          // Show what the server accepted before, so the user can try again.
          if (given) feedbackGiven.set(key, given);
          else feedbackGiven.delete(key);
          refreshTurnActions();
        }
      },
    }, uiIcon(icon)));
  };

  /**
   * Puts copy / feedback / retry under the last item of every finished turn that has an
   * assistant answer. The turn still streaming gets none; a turn cut off by a failure gets
   * "Response interrupted" (with Retry when it is the last) instead; an unsent message, "Not sent · Retry".
   */
  const refreshTurnActions = () => {
    for (const node of nodes.values()) node.lastElementChild?.replaceChildren();
    for (const [id, resend] of unsent) nodes.get(id)?.lastElementChild?.append(failureNote('unsent', 'Not sent', resend));
    const turns = splitTurns(items);
    const settings = hooks.settings();
    turns.forEach((turn, index) => {
      const isLast = index === turns.length - 1;
      const anchor = turn.items.findLast((item) => item.type === 'assistant_message' || item.type === 'widget');
      if (turn.items.some((item) => interrupted.has(item.id))) {
        const cut = nodes.get((anchor ?? /** @type {ThreadItem} */ (turn.items.at(-1))).id)?.lastElementChild;
        const { user } = turn;
        cut?.append(failureNote('interrupted', 'Response interrupted', isLast && !busy && user ? () => hooks.onRetry(turn) : null));
        return;
      }
      const slot = !(isLast && busy) && anchor && nodes.get(anchor.id)?.lastElementChild;
      if (!slot) return;
      append(slot, [
        copyButton('Copy response', 'copy-message', () => turnCopyText(turn.items)),
        settings.feedback && feedbackButtons(turn),
        settings.retry && isLast && turn.user && h('button.icon-button', {
          label: 'Retry', testid: 'retry', onclick: () => hooks.onRetry(turn),
        }, uiIcon('retry')),
      ]);
    });
  };

  /**
   * After a page was inserted: renders it and updates "load older" and the turn actions.
   * @param {boolean} more whether older items exist
   */
  const showPage = (more) => {
    hasMore = more;
    loadOlderButton.hidden = !more;
    flush();
    refreshTurnActions();
  };

  /**
   * Shows a fresh page of the same thread (fetchUpdates): the feedback given and the notices stay.
   * @param {ThreadItem[]} page oldest first
   * @param {boolean} more whether older items exist
   */
  const replaceItems = (page, more) => {
    items = [];
    for (const store of perItem) store.clear();
    list.replaceChildren();
    page.forEach(appendItem);
    showPage(more);
    scrollToBottom();
  };

  /**
   * Shows a loaded page of a thread.
   * @param {ThreadItem[]} page oldest first
   * @param {boolean} more whether older items exist
   */
  const setItems = (page, more) => {
    feedbackGiven.clear();
    clearTransient();
    replaceItems(page, more);
  };

  return {
    el,
    /** @returns {ThreadItem[]} display order = arrival order */
    get items() {
      return items;
    },
    /** Whether older items exist on the server. */
    get hasMore() {
      return hasMore;
    },
    get isEmpty() {
      return !items.length;
    },
    get,
    scrollToBottom,
    replaceItems,
    touch,
    flush,
    setProgress,
    remove,
    refreshTurnActions,
    setItems,
    clearTransient,

    /** Forgets everything (thread switch). */
    clear: () => setItems([], false),

    /**
     * Adds older items above the current ones, keeping what the user sees in place.
     * @param {ThreadItem[]} page oldest first
     * @param {boolean} more
     */
    prependItems(page, more) {
      const distance = fromBottom();
      page.filter((item) => !nodes.has(item.id)).forEach(insert);
      showPage(more);
      el.scrollTop = el.scrollHeight - distance;
    },

    /**
     * Adds an item at the end, or replaces the item with the same id where it is.
     * @param {ThreadItem} item
     * @param {boolean} streaming true for `thread.item.added`, false for done/replaced
     */
    upsert(item, streaming) {
      const index = indexOf(item.id);
      if (index < 0) appendItem(item);
      else items[index] = item;
      if (streaming) streamingIds.add(item.id);
      else streamingIds.delete(item.id);
      touch(item.id);
    },

    /**
     * Removes every item after `id` (a retry regenerates the rest of the thread).
     * @param {string} id
     */
    truncateAfter(id) {
      const index = indexOf(id);
      if (index >= 0) items.slice(index + 1).forEach((item) => remove(item.id));
    },

    /** Marks every item as changed (e.g. the color scheme switched). */
    touchAll() {
      items.forEach((item) => touch(item.id));
    },

    /**
     * Ends streaming state of all items (stream finished or was stopped).
     * @param {boolean} [failed] the response broke off: the items still streaming are marked interrupted
     */
    settle(failed = false) {
      streamingIds.forEach((id) => {
        if (failed) interrupted.add(id);
        touch(id);
      });
      streamingIds.clear();
      flush();
    },

    /**
     * Shows a message the user sent at once, before the server has it (the server's copy
     * replaces it: remove this one then).
     * @param {ThreadItem} item
     */
    addPending(item) {
      appendItem(item);
      flush();
      scrollToBottom();
      updateJump();
    },

    /**
     * The server never took this message: it stays, marked "Not sent", with a Retry.
     * @param {string} id
     * @param {() => void} resend removes the message and sends it again
     */
    markUnsent(id, resend) {
      if (!nodes.has(id)) return;
      unsent.set(id, resend);
      touch(id);
      refreshTurnActions();
    },

    /** @param {boolean} isBusy */
    setBusy(isBusy) {
      // The turn actions appear when a response ends; a reader at the bottom keeps seeing them.
      keepFollowing(() => {
        busy = isBusy;
        el.ariaBusy = String(isBusy);
        refreshTurnActions();
      });
    },

    /**
     * @param {'info' | 'warning' | 'danger'} level
     * @param {string | undefined} title
     * @param {string} message markdown
     */
    addNotice(level, title, message) {
      const notice = h('div.notice', {
        class: 'level-' + level, role: level === 'danger' ? 'alert' : 'status', testid: 'notice',
      },
      title && textEl('strong', title),
      renderMarkdown(message ?? ''),
      h('button.icon-button.small', { ariaLabel: 'Dismiss', onclick: () => notice.remove() }, uiIcon('close')));
      addTransient(notice);
    },

    /**
     * An error at the end of the transcript, with a Retry button when the server allows it.
     * @param {string} message
     * @param {(() => void) | null} onRetry
     */
    addError(message, onRetry) {
      const error = h('div.stream-error', { role: 'alert', testid: 'stream-error' },
        uiIcon('alert'), textEl('span', message),
        onRetry && h('button.w-button.secondary.small', {
          testid: 'error-retry',
          onclick: () => {
            error.remove();
            onRetry();
          },
        }, uiIcon('retry'), textEl('span', 'Retry')));
      addTransient(error);
    },
  };
};
