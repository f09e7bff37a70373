// @ts-check
// Hosted mode: OpenAI's backend answers the element, which asks us for a short-lived client
// secret (a new session first, a refresh when the current one expires). The API key stays here.

import { OWN_REQUEST_HEADER, signIn } from './own-requests.js';

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/** @param {HostConfig} config the element's `api` option in hosted mode */
export function hostedApi(config) {
  return {
    /** @param {string | null} current */
    async getClientSecret(current) {
      const response = await fetch(current ? config.refreshUrl : config.sessionUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { [OWN_REQUEST_HEADER]: '1' },
      });
      if (response.status === 401) signIn(config);
      const json = await response.json().catch(() => null);
      if (!response.ok || typeof json?.client_secret !== 'string') {
        throw new Error(json?.error?.message ?? `The chat session could not be started (${response.status}).`);
      }
      return json.client_secret;
    },
  };
}
