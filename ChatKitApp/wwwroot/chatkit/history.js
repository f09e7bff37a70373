// @ts-check
// The history panel: the user's threads (newest first, paged with "Load more"), switching,
// inline rename and a two-step delete. It only draws and asks; the element talks to the server.
// A factory rather than a class: its state lives in closure variables, which the minifier can
// shorten (a class's `this.#field` and method names it cannot).

import { h, formatDate } from './dom.js';
import { uiIcon } from './icons.js';

/** @typedef {import('./types.js').ThreadMetadata} ThreadMetadata */

/**
 * @typedef {object} HistoryHooks
 * @property {(after: string | null) => Promise<{ data: ThreadMetadata[], has_more: boolean, after?: string | null }>} list
 * @property {(threadId: string) => void} onSelect
 * @property {(threadId: string, title: string) => Promise<void>} onRename
 * @property {(threadId: string) => Promise<void>} onDelete
 * @property {(open: boolean, hadFocus: boolean) => void} onToggle hadFocus: the panel held the focus when it closed
 * @property {() => string | null} activeThreadId
 * @property {() => { showRename: boolean, showDelete: boolean, locale: string }} settings
 */

/** Test hooks are set on many nodes; a computed key spares repeating the attribute name. */

/** @param {HistoryHooks} hooks */
export function createHistoryPanel(hooks) {
  /** @type {ThreadMetadata[]} */
  let threads = [];
  /** @type {string | null} where the next "Load more" page starts */
  let cursor = null;
  let loading = false;
  let isOpen = false;

  const listEl = h('ul.history-list', { 'aria-label': 'Conversations' });
  const status = h('p.history-status', { role: 'status' });
  const moreButton = h('button.w-button.secondary.block', {
    text: 'Load more', hidden: true, testid: 'history-load-more', onclick: () => load(false),
  });
  const el = h('aside.history', { 'aria-label': 'Conversation history', testid: 'history-panel', hidden: true },
    h('div.history-header',
      h('h2', { text: 'History' }),
      h('button.icon-button', { label: 'Close history', testid: 'history-close', onclick: close }, uiIcon('close'))),
    h('div.history-scroll', listEl, status, moreButton));
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) close();
  });

  /** Opens the panel and reloads the list from the start, so it is never stale. */
  async function open() {
    if (!isOpen) setOpen(true, false);
    await load(true);
    /** @type {HTMLElement | null} */ (el.querySelector('.history-entry-main, .history-close, button'))?.focus();
  }

  function close() {
    if (isOpen) setOpen(false, el.matches(':focus-within'));
  }

  /**
   * @param {boolean} open
   * @param {boolean} hadFocus whether the panel held the focus (read before hiding it)
   */
  function setOpen(open, hadFocus) {
    isOpen = open;
    el.hidden = !open;
    hooks.onToggle(open, hadFocus);
  }

  /** Redraws the list if it is on screen (it is reloaded when opened anyway). */
  function refresh() {
    if (isOpen) draw();
  }

  /** @param {boolean} fromStart */
  async function load(fromStart) {
    if (loading) return;
    loading = true;
    status.textContent = 'Loading…';
    try {
      const page = await hooks.list(fromStart ? null : cursor);
      const data = page.data ?? [];
      threads = fromStart ? data : [...threads, ...data.filter((t) => !threads.some((x) => x.id === t.id))];
      moreButton.hidden = !page.has_more;
      cursor = page.after ?? data.at(-1)?.id ?? null;
      status.textContent = threads.length ? '' : 'No conversations yet.';
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Could not load conversations.';
    } finally {
      loading = false;
      draw();
    }
  }

  function draw() {
    const active = hooks.activeThreadId();
    listEl.replaceChildren(...threads.map((thread) => entry(thread, thread.id === active)));
  }

  /**
   * @param {ThreadMetadata} thread
   * @param {boolean} active
   */
  function entry(thread, active) {
    const { showRename, showDelete, locale } = hooks.settings();
    const title = thread.title?.trim() || 'New chat';
    /**
     * Rename and delete: the accessible name says which conversation, the tooltip only the action.
     * @param {string} action
     * @param {string} testId
     * @param {string} icon
     * @param {() => void} onclick
     */
    const actionButton = (action, testId, icon, onclick) => h('button.icon-button.small', {
      'aria-label': `${action} “${title}”`, title: action, testid: testId, onclick,
    }, uiIcon(icon));
    const li = h('li.history-entry', { class: active && 'active', testid: 'history-entry', dataset: { threadId: thread.id } },
      h('button.history-entry-main', {
        'aria-current': active && 'true',
        onclick: () => {
          hooks.onSelect(thread.id);
          close();
        },
      }, h('span.history-title', { text: title }), h('span.history-date', { text: formatDate(thread.created_at, locale) })),
      showRename && actionButton('Rename', 'history-rename', 'pencil', () => startRename(li, thread)),
      showDelete && actionButton('Delete', 'history-delete', 'trash', () => confirmDelete(li, thread, title)));
    return li;
  }

  /**
   * Replaces the entry with a text box; Enter saves, Escape or leaving the box cancels.
   * @param {HTMLElement} li
   * @param {ThreadMetadata} thread
   */
  function startRename(li, thread) {
    const input = h('input.w-input', {
      value: thread.title ?? '', 'aria-label': 'Conversation title', testid: 'history-rename-input',
      onblur: () => finish(false),
      onkeydown: (/** @type {KeyboardEvent} */ event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.stopPropagation();
          finish(false);
        }
      },
    });
    let done = false;
    /** @param {boolean} save */
    async function finish(save) {
      if (done) return;
      done = true;
      const title = input.value.trim();
      if (save && title && title !== thread.title) {
        try {
          await hooks.onRename(thread.id, title);
        } catch {
          // The element reports the error; the old title stays.
        }
      }
      draw();
    }
    li.replaceChildren(input);
    input.focus();
    input.select();
  }

  /**
   * A destructive action gets an explicit second click instead of a blocking confirm() dialog.
   * @param {HTMLElement} li
   * @param {ThreadMetadata} thread
   * @param {string} title
   */
  function confirmDelete(li, thread, title) {
    const cancel = h('button.w-button.secondary.small', { text: 'Cancel', onclick: draw });
    li.replaceChildren(
      h('span.history-confirm', { text: `Delete “${title}”?` }),
      h('button.w-button.danger.small', {
        text: 'Delete', testid: 'history-delete-confirm',
        onclick: () => hooks.onDelete(thread.id).catch(draw),
      }),
      cancel);
    cancel.focus();
  }

  return {
    el,
    open,
    close,
    refresh,
    toggle: () => (isOpen ? close() : open()),

    /**
     * Adds or refreshes a thread (created or renamed elsewhere), newest at the top.
     * @param {ThreadMetadata} thread
     */
    upsert(thread) {
      const index = threads.findIndex((t) => t.id === thread.id);
      if (index < 0) threads.unshift(thread);
      else threads[index] = { ...threads[index], ...thread };
      refresh();
    },

    /** @param {string} threadId */
    remove(threadId) {
      threads = threads.filter((t) => t.id !== threadId);
      refresh();
    },
  };
}
