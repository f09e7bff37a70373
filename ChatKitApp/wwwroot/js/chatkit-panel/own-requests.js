// @ts-check
// What every request the panel makes to this app shares: the header that marks it as the page's
// own (the server's same-origin check), and what a 401 means (the session is gone: sign in).

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

export const OWN_REQUEST_HEADER = 'X-ChatKit-Request';

/** @param {HostConfig} config */
export function signIn(config) {
  location.assign(`${config.loginUrl}?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
}
