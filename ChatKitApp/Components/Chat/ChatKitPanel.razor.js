// @ts-check
// Host side of the chat panel: makes sure the element is defined, creates it, gives it its options
// and wires it to this app. Each job is a module of its own in wwwroot/js/chatkit-panel/.

import { TAG, ensureElement } from '/js/chatkit-panel/element-loader.js';
import { interceptor } from '/js/chatkit-panel/fetch-interceptor.js';
import { entities } from '/js/chatkit-panel/entity-search.js';
import { hostedApi } from '/js/chatkit-panel/hosted-api.js';
import { clientToolHandler } from '/js/chatkit-panel/client-tools.js';
import { relayEvents } from '/js/chatkit-panel/event-relay.js';
import { widgetActions } from '/js/chatkit-panel/widget-actions.js';
import { followThreadTitle } from '/js/chatkit-panel/page-title.js';
import { withCallbacks } from '/js/chatkit-panel/option-callbacks.js';
import { chatSearch } from '/js/chatkit-panel/chat-search.js';

/** @typedef {import('../../wwwroot/js/chatkit-panel/host-config.js').HostConfig} HostConfig */

/**
 * Creates the element in `host` and wires it up. Returns a handle for the other exports.
 * @param {HTMLElement} host @param {Record<string, any>} options @param {HostConfig} config
 * @param {any} dotnet a DotNetObjectReference
 */
export async function mount(host, options, config, dotnet) {
  const source = await ensureElement(config);
  /** @type {any} */
  const element = document.createElement(TAG);
  host.replaceChildren(element);

  // The text the user asked about (the Ask button), sent as the page's selection until the
  // response that carried it has ended. A response already running when the user asks (the
  // previous answer still streaming) did not carry it: its end must not drop it, or the question
  // the user sends next reaches the model without its selection. An object, so asking the same
  // text again is a new ask.
  /** @type {{ text: string } | null} */
  let asked = null;
  /** @type {{ text: string } | null} the ask the running response's request carried */
  let carried = null;
  const send = interceptor(config, () => asked?.text ?? '');
  const onClientTool = clientToolHandler(config, dotnet);
  const widgets = widgetActions(config, dotnet);
  const state = {
    element,
    source,
    options,
    /** @param {Record<string, any>} next */
    apply(next) {
      state.options = next;
      const wired = withCallbacks(next, config.optionCallbacks, dotnet);
      const saved = localStorage.getItem(config.storageKey);
      // The page's theme wins over the options' scheme: a page loaded dark never hosts a light chat.
      const pageScheme = document.documentElement.dataset.bsTheme;
      element.setOptions({
        ...wired,
        theme: !pageScheme ? next.theme
          : typeof next.theme === 'string' ? pageScheme
          : { ...(next.theme ?? {}), colorScheme: pageScheme },
        initialThread: next.initialThread ?? saved ?? null,
        api: config.mode === 'Hosted'
          ? hostedApi(config)
          : {
              url: config.apiUrl,
              domainKey: config.domainKey,
              fetch: send,
              uploadStrategy: config.directUpload
                ? { type: 'direct', uploadUrl: `${config.apiUrl}/attachments` }
                : { type: 'two_phase' },
            },
        onClientTool,
        // The page's entity callbacks and showComposerMenu win over the app's article search.
        entities: { ...entities(config), ...(wired.entities ?? {}) },
        // Left out, not undefined, when .NET handles none: the CDN element validates its options.
        ...(widgets ? { widgets } : {}),
        // Our element's search box (an option the CDN element does not know); the host page's
        // search field serves both elements.
        ...(source === 'local' && config.mode !== 'Hosted' ? { history: { ...(next.history ?? {}), onSearch: chatSearch(config) } } : {}),
      });
    },
    /** @param {string} text */
    ask(text) {
      asked = { text };
      element.setComposerValue({ text: '', reply: text });
      element.focusComposer();
    },
    listeners: relayEvents(element, config, dotnet, () => {
      if (asked === carried) asked = null;
      carried = null;
    }),
    stopTitle: config.pageTitleFollowsThread && config.mode !== 'Hosted' ? followThreadTitle(element, config, send) : () => {},
  };

  const onAsk = (/** @type {Event} */ e) => state.ask(/** @type {CustomEvent} */ (e).detail?.text ?? '');
  // theme.js sets the page's data-bs-theme before announcing it, and apply() follows the page.
  const onTheme = () => state.apply(state.options);
  // response.start comes before the response's request is sent.
  const onResponseStart = () => { carried = asked; };
  element.addEventListener('chatkit.response.start', onResponseStart);
  document.addEventListener('app:ask', onAsk);
  document.addEventListener('app:theme-changed', onTheme);
  state.listeners.push(['chatkit.response.start', onResponseStart], ['app:ask', onAsk], ['app:theme-changed', onTheme]);

  if (config.focusOnLoad) {
    // Once the first view shows (both elements fire chatkit.ready), unless the user is already
    // typing in a field of the page.
    element.addEventListener('chatkit.ready', () => {
      if (!document.activeElement?.matches('input, textarea, select, [contenteditable]')) element.focusComposer();
    }, { once: true });
  }
  state.apply(options);
  host.dataset.chatkitSource = source;
  return state;
}

/** @param {any} state @param {Record<string, any>} options */
export function update(state, options) {
  state.apply(options);
}

// The element's public methods (the same on the CDN element and ours); .NET may call only these.
const METHODS = [
  'sendUserMessage', 'setThreadId', 'focusComposer', 'setComposerValue', 'fetchUpdates',
  'sendCustomAction', 'showHistory', 'hideHistory',
];

/**
 * Calls one of the element's methods for ChatKitPanel; .NET waits for the promise it returns.
 * @param {any} state @param {string} method @param {unknown[]} args
 */
export async function call(state, method, args) {
  if (!METHODS.includes(method)) throw new Error(`'${method}' is not a ChatKit element method.`);
  await state.element[method](...args);
}

/** @param {any} state */
export function unmount(state) {
  state.stopTitle();
  for (const [name, listener] of state.listeners) {
    state.element.removeEventListener(name, listener);
    document.removeEventListener(name, listener);
  }
  state.element.remove();
}

/** @param {any} state */
export function sourceOf(state) {
  return state.source;
}
