// @ts-check
// Passes the element's events on: every one to .NET (ChatKitPanel.OnChatKitEvent), client effects
// to the page, and the current thread to localStorage, so a reload reopens it.

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

const EVENTS = [
  'chatkit.ready', 'chatkit.error', 'chatkit.response.start', 'chatkit.response.end',
  'chatkit.thread.change', 'chatkit.thread.load.start', 'chatkit.thread.load.end', 'chatkit.effect',
  'chatkit.deeplink', 'chatkit.log', 'chatkit.tool.change',
];

/**
 * Listens to the element's events; returns the listeners, for removal on unmount.
 * @param {HTMLElement} element @param {HostConfig} config @param {any} dotnet a DotNetObjectReference
 * @param {() => void} onResponseEnd
 * @returns {Array<[string, EventListener]>}
 */
export function relayEvents(element, config, dotnet, onResponseEnd) {
  return EVENTS.map((name) => {
    /** @type {EventListener} */
    const listener = (event) => {
      const detail = /** @type {CustomEvent} */ (event).detail ?? null;
      if (name === 'chatkit.thread.change') remember(config.storageKey, detail?.threadId ?? null);
      if (name === 'chatkit.response.end') onResponseEnd();
      // Client effects reach the page from the element's event (both elements fire it; the CDN
      // element has no onEffect option), for handlers such as js/toasts.js.
      if (name === 'chatkit.effect') document.dispatchEvent(new CustomEvent('app:chatkit-effect', { detail }));
      dotnet.invokeMethodAsync('OnChatKitEvent', name, JSON.stringify(detail, errorAsJson)).catch(() => {});
    };
    element.addEventListener(name, listener);
    return /** @type {[string, EventListener]} */ ([name, listener]);
  });
}

/**
 * JSON.stringify replacer: an Error's message and name are not enumerable, so a chatkit.error
 * detail would reach .NET as `{"error":{}}`.
 * @param {string} _key @param {unknown} value
 */
function errorAsJson(_key, value) {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, code: /** @type {any} */ (value).code };
}

/** @param {string} key @param {string | null} threadId */
function remember(key, threadId) {
  if (threadId) localStorage.setItem(key, threadId);
  else localStorage.removeItem(key);
}
