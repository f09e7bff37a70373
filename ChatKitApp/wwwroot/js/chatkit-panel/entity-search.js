// @ts-check
// The composer's @-menu: the app's articles matching what was typed after '@'; a tagged article
// in a reply opens its page when clicked.

import { OWN_REQUEST_HEADER } from './own-requests.js';

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/** @param {HostConfig} config the element's `entities` option */
export function entities(config) {
  return {
    onTagSearch: (/** @type {string} */ query) => searchEntities(config, query),
    onClick: (/** @type {{data?: {path?: string}}} */ entity) => {
      const path = entity?.data?.path;
      if (typeof path === 'string' && path.startsWith('/')) location.assign(path);
    },
  };
}

/**
 * A failed search shows an empty menu rather than an error in the composer.
 * @param {HostConfig} config @param {string} query
 * @returns {Promise<any[]>}
 */
async function searchEntities(config, query) {
  try {
    const response = await fetch(`${config.apiUrl}/entities?q=${encodeURIComponent(query ?? '')}`, {
      credentials: 'same-origin',
      headers: { [OWN_REQUEST_HEADER]: '1' },
    });
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}
