// @ts-check
// The history panel: the user's threads (newest first, paged with "Load more"), switching,
// inline rename and a two-step delete. It only draws and asks; the chat talks to the server.

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

/** @param {HistoryHooks} hooks */
export function createHistoryPanel(hooks) {
  /** @type {ThreadMetadata[]} */
  let threads = [];
  /** @type {string | null} where the next "Load more" page starts */
  let cursor = null;
  let loading = false;

  const listEl = h('ul.history-list', { ariaLabel: 'Conversations' });
  const status = h('p.history-status', { role: 'status' });
  /** @param {string} text */
  const setStatus = (text) => { status.textContent = text; };
  const moreButton = h('button.w-button.secondary.block', { hidden: true, testid: 'history-load-more', onclick: () => load() }, 'Load more');
  const closeButton = h('button.icon-button', { label: 'Close history', testid: 'history-close', onclick: () => close() }, uiIcon('close'));
  // Open is simply "not hidden": the panel keeps no separate flag.
  const el = h('aside.history', {
    ariaLabel: 'Conversation history', testid: 'history-panel', hidden: true,
    /** @param {KeyboardEvent} event */
    onkeydown(event) {
      if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) close();
    },
  },
  h('div.history-header', h('h2', 'History'), closeButton),
  h('div.history-scroll', listEl, status, moreButton));

  /** @param {boolean} shown */
  const setOpen = (shown) => {
    // Whether the panel held the focus, read before hiding it: only then is focus given back.
    const hadFocus = !shown && el.matches(':focus-within');
    el.hidden = !shown;
    hooks.onToggle(shown, hadFocus);
  };

  /** Opens the panel and reloads the list from the start, so it is never stale; focus goes to its close button. */
  const open = async () => {
    if (el.hidden) setOpen(true);
    await load(true);
    closeButton.focus();
  };

  const close = () => {
    if (!el.hidden) setOpen(false);
  };

  /** Redraws the list if it is on screen (it is reloaded when opened anyway). */
  const refresh = () => {
    if (!el.hidden) draw();
  };

  /** @param {boolean} [fromStart] otherwise the next page ("Load more") */
  const load = async (fromStart) => {
    if (loading) return;
    loading = true;
    setStatus('Loading…');
    try {
      const page = await hooks.list(fromStart ? null : cursor);
      const data = page.data ?? [];
      threads = fromStart ? data : [...threads, ...data.filter((t) => !threads.some((x) => x.id === t.id))];
      moreButton.hidden = !page.has_more;
      cursor = page.after ?? data.at(-1)?.id ?? null;
      setStatus(threads.length ? '' : 'No conversations yet.');
    } catch (error) {
      setStatus(error instanceof Error ? error.message : 'Could not load conversations.');
    }
    loading = false;
    draw();
  };

  const draw = () => {
    const active = hooks.activeThreadId();
    const settings = hooks.settings();
    listEl.replaceChildren(...threads.map((thread) => {
      const title = thread.title?.trim() || 'New chat';
      const current = thread.id === active;
      /**
       * Rename and delete (testids history-rename, history-delete): the accessible name says which
       * conversation, the tooltip only the action.
       * @param {string} action
       * @param {import('./icons.js').UiIconName} icon
       * @param {() => void} onclick
       */
      const actionButton = (action, icon, onclick) => h('button.icon-button.small', {
        ariaLabel: `${action} “${title}”`, title: action, testid: 'history-' + action.toLowerCase(), onclick,
      }, uiIcon(icon));
      const li = h('li.history-entry', { class: current && 'active', testid: 'history-entry', dataset: { threadId: thread.id } },
        h('button.history-entry-main', {
          ariaCurrent: current && 'true',
          onclick() {
            hooks.onSelect(thread.id);
            close();
          },
        }, h('span.history-title', { text: title }), h('span.history-date', { text: formatDate(thread.created_at, settings.locale) })),
        settings.showRename && actionButton('Rename', 'pencil', () => startRename(li, thread)),
        settings.showDelete && actionButton('Delete', 'trash', () => {
          // A destructive action gets an explicit second click instead of a blocking confirm() dialog.
          const cancel = h('button.w-button.secondary.small', { onclick: draw }, 'Cancel');
          li.replaceChildren(
            h('span.history-confirm', `Delete “${title}”?`),
            h('button.w-button.danger.small', {
              testid: 'history-delete-confirm', onclick: () => hooks.onDelete(thread.id).catch(draw),
            }, 'Delete'),
            cancel);
          cancel.focus();
        }));
      return li;
    }));
  };

  /**
   * Replaces the entry with a text box; Enter saves, Escape or leaving the box cancels.
   * @param {HTMLElement} li
   * @param {ThreadMetadata} thread
   */
  const startRename = (li, thread) => {
    let done = false;
    /** @param {boolean} [save] */
    const finish = async (save) => {
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
    };
    const input = h('input.w-input', {
      value: thread.title, ariaLabel: 'Conversation title', testid: 'history-rename-input',
      onblur: () => finish(),
      /** @param {KeyboardEvent} event */
      onkeydown(event) {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.stopPropagation();
          finish();
        }
      },
    });
    li.replaceChildren(input);
    input.focus();
    input.select();
  };

  return {
    el,
    open,
    close,
    refresh,
    toggle: () => (el.hidden ? open() : close()),

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
