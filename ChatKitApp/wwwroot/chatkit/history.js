// @ts-check
// The history panel: the user's threads (newest first, paged with "Load more"), switching,
// inline rename and a two-step delete. It only draws and asks; the element talks to the server.

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

export class HistoryPanel {
  #hooks;
  /** @type {ThreadMetadata[]} */
  #threads = [];
  /** @type {string | null} */
  #cursor = null;
  #hasMore = false;
  #loading = false;
  #isOpen = false;
  #listEl = h('ul', { class: 'history-list', 'aria-label': 'Conversations' });
  #status = h('p', { class: 'history-status', role: 'status' });
  #moreButton = h('button', {
    class: 'w-button secondary block', text: 'Load more', hidden: true,
    'data-testid': 'history-load-more', onclick: () => this.#load(false),
  });

  /** @param {HistoryHooks} hooks */
  constructor(hooks) {
    this.#hooks = hooks;
    this.el = h('aside', { class: 'history', 'aria-label': 'Conversation history', 'data-testid': 'history-panel', hidden: true },
      h('div', { class: 'history-header' },
        h('h2', { text: 'History' }),
        h('button', {
          class: 'icon-button', label: 'Close history',
          'data-testid': 'history-close', onclick: () => this.close(),
        }, uiIcon('close'))),
      h('div', { class: 'history-scroll' }, this.#listEl, this.#status, this.#moreButton));
    this.el.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) this.close();
    });
  }

  /** Opens the panel and reloads the list from the start, so it is never stale. */
  async open() {
    if (!this.#isOpen) {
      this.#isOpen = true;
      this.el.hidden = false;
      this.#hooks.onToggle(true, false);
    }
    await this.#load(true);
    /** @type {HTMLElement | null} */ (this.el.querySelector('.history-entry-main, .history-close, button'))?.focus();
  }

  close() {
    if (!this.#isOpen) return;
    const hadFocus = this.el.matches(':focus-within');
    this.#isOpen = false;
    this.el.hidden = true;
    this.#hooks.onToggle(false, hadFocus);
  }

  toggle() {
    return this.#isOpen ? this.close() : this.open();
  }

  /**
   * Adds or refreshes a thread (created or renamed elsewhere), newest at the top.
   * @param {ThreadMetadata} thread
   */
  upsert(thread) {
    const index = this.#threads.findIndex((t) => t.id === thread.id);
    if (index >= 0) this.#threads[index] = { ...this.#threads[index], ...thread };
    else this.#threads.unshift(thread);
    if (this.#isOpen) this.#draw();
  }

  /** @param {string} threadId */
  remove(threadId) {
    this.#threads = this.#threads.filter((t) => t.id !== threadId);
    if (this.#isOpen) this.#draw();
  }

  /** Re-marks the active entry after a thread switch. */
  refresh() {
    if (this.#isOpen) this.#draw();
  }

  /** @param {boolean} fromStart */
  async #load(fromStart) {
    if (this.#loading) return;
    this.#loading = true;
    this.#status.textContent = 'Loading…';
    try {
      const page = await this.#hooks.list(fromStart ? null : this.#cursor);
      const data = page.data ?? [];
      this.#threads = fromStart ? data : [...this.#threads, ...data.filter((t) => !this.#threads.some((x) => x.id === t.id))];
      this.#hasMore = Boolean(page.has_more);
      this.#cursor = page.after ?? data[data.length - 1]?.id ?? null;
      this.#status.textContent = this.#threads.length ? '' : 'No conversations yet.';
    } catch (error) {
      this.#status.textContent = error instanceof Error ? error.message : 'Could not load conversations.';
    } finally {
      this.#loading = false;
      this.#draw();
    }
  }

  #draw() {
    const active = this.#hooks.activeThreadId();
    this.#listEl.replaceChildren(...this.#threads.map((thread) => this.#entry(thread, thread.id === active)));
    this.#moreButton.hidden = !this.#hasMore;
  }

  /**
   * @param {ThreadMetadata} thread
   * @param {boolean} active
   */
  #entry(thread, active) {
    const { showRename, showDelete, locale } = this.#hooks.settings();
    const title = thread.title?.trim() || 'New chat';
    const li = h('li', {
      class: `history-entry${active ? ' active' : ''}`, 'data-testid': 'history-entry',
      dataset: { threadId: thread.id },
    });
    const main = h('button', {
      class: 'history-entry-main', 'aria-current': active ? 'true' : null,
      onclick: () => {
        this.#hooks.onSelect(thread.id);
        this.close();
      },
    }, h('span', { class: 'history-title', text: title }), h('span', { class: 'history-date', text: formatDate(thread.created_at, locale) }));
    li.append(main);

    if (showRename) {
      li.append(h('button', {
        class: 'icon-button small', 'aria-label': `Rename “${title}”`, title: 'Rename',
        'data-testid': 'history-rename', onclick: () => this.#startRename(li, thread),
      }, uiIcon('pencil')));
    }
    if (showDelete) {
      li.append(h('button', {
        class: 'icon-button small', 'aria-label': `Delete “${title}”`, title: 'Delete',
        'data-testid': 'history-delete', onclick: () => this.#confirmDelete(li, thread, title),
      }, uiIcon('trash')));
    }
    return li;
  }

  /**
   * Replaces the entry with a text box; Enter saves, Escape or leaving the box cancels.
   * @param {HTMLElement} li
   * @param {ThreadMetadata} thread
   */
  #startRename(li, thread) {
    const input = h('input', {
      class: 'w-input', value: thread.title ?? '', 'aria-label': 'Conversation title', 'data-testid': 'history-rename-input',
    });
    let done = false;
    const finish = async (/** @type {boolean} */ save) => {
      if (done) return;
      done = true;
      const title = input.value.trim();
      if (save && title && title !== thread.title) {
        try {
          await this.#hooks.onRename(thread.id, title);
        } catch {
          // The element reports the error; the old title stays.
        }
      }
      this.#draw();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        finish(true);
      } else if (event.key === 'Escape') {
        event.stopPropagation();
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(false));
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
  #confirmDelete(li, thread, title) {
    const cancel = h('button', { class: 'w-button secondary small', text: 'Cancel', onclick: () => this.#draw() });
    li.replaceChildren(
      h('span', { class: 'history-confirm', text: `Delete “${title}”?` }),
      h('button', {
        class: 'w-button danger small', text: 'Delete', 'data-testid': 'history-delete-confirm',
        onclick: async () => {
          try {
            await this.#hooks.onDelete(thread.id);
          } catch {
            this.#draw();
          }
        },
      }),
      cancel);
    cancel.focus();
  }
}
