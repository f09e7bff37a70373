// @ts-check
// The history panel's search box, loaded (dynamic import) only when the host gives
// `history.onSearch`: the host runs the search (this app: GET /api/chats/search), this draws the
// hits. A hit's snippet marks its matched words with U+E000 … U+E001; they become <mark>s built
// with text nodes, so nothing from the server is parsed as HTML.

import { h } from './dom.js';

/** @typedef {import('./types.js').ChatSearchHit} ChatSearchHit */

/** @param {string} snippet */
const marked = (snippet) => snippet.split('\uE000').map((part, i) => {
  if (i === 0) return part;
  const [word, ...rest] = part.split('\uE001');
  return [h('mark', { text: word }), rest.join('')];
});

/**
 * @param {(query: string) => Promise<ChatSearchHit[]>} search
 * @param {(threadId: string) => void} onSelect
 */
export function createHistorySearch(search, onSelect) {
  const list = h('ul.history-group-list', { ariaLabel: 'Search results' });
  const status = h('p.history-status', { role: 'status' });
  let latest = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const run = async () => {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++latest; // an older answer arriving late never replaces a newer one
    list.replaceChildren();
    status.textContent = query ? 'Searching…' : '';
    if (!query) return;
    try {
      const hits = await search(query);
      if (mine !== latest) return;
      status.textContent = hits.length ? '' : 'No matches.';
      list.replaceChildren(...hits.map((hit) => h('li.history-entry',
        h('button.history-entry-main', {
          testid: 'history-search-result', dataset: { threadId: hit.thread_id, itemId: hit.item_id },
          onclick: () => onSelect(hit.thread_id),
        }, h('span.history-title', { text: hit.title?.trim() || 'New chat' }), h('span.history-date', marked(hit.snippet))))));
    } catch (error) {
      if (mine === latest) status.textContent = error instanceof Error ? error.message : 'Search failed.';
    }
  };

  const input = h('input.w-input', {
    type: 'search', placeholder: 'Search chats', ariaLabel: 'Search chats', testid: 'history-search', maxLength: 200,
    oninput: () => { clearTimeout(timer); timer = setTimeout(run, 300); },
    /** @param {KeyboardEvent} event */
    onkeydown: (event) => { if (event.key === 'Enter') run(); },
  });
  return h('div.history-search', { role: 'search', style: { padding: '0 8px 8px' } }, input, status, list);
}
