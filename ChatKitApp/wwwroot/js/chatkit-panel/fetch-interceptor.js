// @ts-check
// The element's fetch: same-origin cookies, the header that marks our own requests, and the page
// context and the browser's time zone (for the date/time tool) merged into every JSON body's
// metadata, under the keys the server reads.

import { pageContext } from './page-context.js';
import { OWN_REQUEST_HEADER, signIn } from './own-requests.js';

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/**
 * @param {HostConfig} config @param {() => string} askedSelection
 * @returns {typeof fetch}
 */
export function interceptor(config, askedSelection) {
  const keys = config.metadataKeys;
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set(OWN_REQUEST_HEADER, '1');
    let body = init.body;
    if (typeof body === 'string' && body.startsWith('{')) {
      try {
        const json = JSON.parse(body);
        json.metadata = {
          ...(json.metadata ?? {}),
          [keys.page]: pageContext(config.pageContextLimits, askedSelection()),
          [keys.timeZone]: Intl.DateTimeFormat().resolvedOptions().timeZone,
        };
        body = JSON.stringify(json);
      } catch {
        // not JSON after all: send it untouched
      }
    }
    const response = await fetch(input, { ...init, body, headers, credentials: 'same-origin' });
    if (response.status === 401) signIn(config);
    return response;
  };
}
