// @ts-check
// The history panel: the user's threads (newest first, paged with "Load more"), switching,
// inline rename and a two-step delete. It only draws and asks; the chat talks to the server.

import { h, formatDate, parseServerDate } from './dom.js';
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
 * @property {() => Element | undefined} toggleButton the button that opens and closes the panel
 * @property {() => { showRename: boolean, showDelete: boolean, locale: string,
 *   onSearch?: (query: string) => Promise<import('./types.js').ChatSearchHit[]> }} settings
 */

/** The history's groups, newest first; a conversation goes by the day it started. */
const DAY_GROUPS = ['Today', 'Yesterday', 'Previous 7 days', 'Older'];

/**
 * The group of a conversation started at `iso`, by calendar days in the user's time zone (a date
 * in the future or unknown counts as today).
 * @param {string | undefined} iso
 * @param {Date} [now]
 */
function dayGroup(iso, now = new Date()) {
  const date = parseServerDate(iso) ?? now;
  /** @param {Date} d local midnight of its day */
  const day = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(date)) / 86_400_000); // rounded: a DST day is 23 or 25 hours
  return days <= 0 ? DAY_GROUPS[0] : days === 1 ? DAY_GROUPS[1] : days <= 7 ? DAY_GROUPS[2] : DAY_GROUPS[3];
}

/** @param {HistoryHooks} hooks */
export function createHistoryPanel(hooks) {
  /** @type {ThreadMetadata[]} */
  let threads = [];
  /** @type {string | null} where the next "Load more" page starts */
  let cursor = null;
  let loading = false;

  const listEl = h('div.history-list', { role: 'group', ariaLabel: 'Conversations' });
  const status = h('p.history-status', { role: 'status' });
  /** @param {string} text */
  const setStatus = (text) => { status.textContent = text; };
  const moreButton = h('button.w-button.secondary.block', { hidden: true, testid: 'history-load-more', onclick: () => load() }, 'Load more');
  const searchSlot = h('div');
  const closeButton = h('button.icon-button', { label: 'Close history', testid: 'history-close', onclick: () => close() }, uiIcon('close'));
  // Open is simply "not hidden": the panel keeps no separate flag.
  const el = h('aside.history', {
    ariaLabel: 'Conversation history', testid: 'history-panel', hidden: true,
    /** @param {KeyboardEvent} event */
    onkeydown(event) {
      if (event.key === 'Tab') trapFocus(event);
    },
  },
  h('div.history-header', h('h2', 'History'), closeButton),
  h('div.history-scroll', searchSlot, listEl, status, moreButton));

  /**
   * While open, the panel sits over the conversation: Tab cycles inside it (the composer behind
   * it is out of reach), and Escape or a press outside it closes it, wherever the focus is.
   * @param {KeyboardEvent} event a Tab press inside the panel
   */
  const trapFocus = (event) => {
    const focusable = /** @type {HTMLElement[]} */ ([...el.querySelectorAll('button, input, [tabindex]')])
      .filter((node) => node.tabIndex >= 0 && !(/** @type {HTMLButtonElement} */ (node).disabled) && node.checkVisibility());
    const current = focusable.findIndex((node) => node.matches(':focus'));
    // Past the last control Tab goes to the first, before the first Shift+Tab goes to the last.
    const atEdge = event.shiftKey ? current <= 0 : current === -1 || current === focusable.length - 1;
    if (atEdge) {
      event.preventDefault();
      focusable.at(event.shiftKey ? -1 : 0)?.focus();
    }
  };

  /** @param {KeyboardEvent} event */
  const onDocumentKey = (event) => {
    // A rename box handles its own Escape (and stops it here).
    if (event.key === 'Escape' && !event.defaultPrevented) close();
  };

  /** @param {PointerEvent} event */
  const onDocumentPointer = (event) => {
    const path = event.composedPath();
    // The toggle button closes the panel itself; closing here too would reopen it with the click.
    if (!path.includes(el) && !path.includes(/** @type {EventTarget} */ (hooks.toggleButton()))) close();
  };

  /** @param {boolean} shown */
  const setOpen = (shown) => {
    // Whether the panel held the focus, read before hiding it: only then is focus given back.
    const hadFocus = !shown && el.matches(':focus-within');
    el.hidden = !shown;
    if (shown) {
      document.addEventListener('keydown', onDocumentKey);
      document.addEventListener('pointerdown', onDocumentPointer, true);
    } else {
      document.removeEventListener('keydown', onDocumentKey);
      document.removeEventListener('pointerdown', onDocumentPointer, true);
    }
    hooks.onToggle(shown, hadFocus);
  };

  /** Opens the panel and reloads the list from the start, so it is never stale; focus goes to its close button. */
  const open = async () => {
    if (el.hidden) setOpen(true);
    // The search box's module loads only for a host that searches.
    const { onSearch } = hooks.settings();
    searchSlot.hidden = !onSearch;
    if (onSearch && !searchSlot.firstChild) {
      const { createHistorySearch } = await import('./history-search.js');
      searchSlot.append(createHistorySearch((query) => hooks.settings().onSearch?.(query) ?? Promise.resolve([]), (threadId) => {
        hooks.onSelect(threadId);
        close();
      }));
    }
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
    const entries = threads.map((thread) => {
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
      return { group: dayGroup(thread.created_at), li };
    });
    // Grouped by when each conversation started, newest group first, as ChatGPT's sidebar is.
    listEl.replaceChildren(...DAY_GROUPS.flatMap((label) => {
      const lis = entries.filter((entry) => entry.group === label).map((entry) => entry.li);
      return lis.length ? [h('h3.history-group', { text: label }), h('ul.history-group-list', { ariaLabel: label }, lis)] : [];
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
