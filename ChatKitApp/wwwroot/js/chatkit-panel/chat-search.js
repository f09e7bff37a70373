// @ts-check
// Search across the user's chats for the offline element's history panel (its `history.onSearch`
// option): GET /api/chats/search with the cookie. An error answer's message is shown in the panel.

import { OWN_REQUEST_HEADER } from './own-requests.js';

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/** @param {HostConfig} config */
export function chatSearch(config) {
  return async (/** @type {string} */ query) => {
    const response = await fetch(`${config.searchUrl}?q=${encodeURIComponent(query)}`, {
      credentials: 'same-origin',
      headers: { [OWN_REQUEST_HEADER]: '1' },
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(body?.error?.message ?? `Search failed (${response.status}).`);
    return body?.results ?? [];
  };
}
