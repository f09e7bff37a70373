// @ts-check
// Host side of the chat panel: makes sure `openai-chatkit` is defined (the CDN element, or our
// own when the CDN cannot be reached), creates it, gives it its options, and reports its events
// to .NET. Detection goes through customElements only, never window.ChatKit.

const TAG = 'openai-chatkit';
const CAPS = { url: 2000, title: 300, description: 600, heading: 200, headings: 20, selection: 4000 };
const EVENTS = [
  'chatkit.ready', 'chatkit.error', 'chatkit.response.start', 'chatkit.response.end',
  'chatkit.thread.change', 'chatkit.thread.load.start', 'chatkit.thread.load.end', 'chatkit.effect',
];

/** @type {Promise<string> | null} one load per page, whatever the number of panels */
let loading = null;

/**
 * @typedef {{ source: 'Auto'|'Cdn'|'Local', cdnUrl: string, localUrl: string, timeoutMs: number,
 *   apiUrl: string, domainKey: string, directUpload: boolean, storageKey: string, loginUrl: string,
 *   mode: 'SelfHosted'|'Hosted', sessionUrl: string, refreshUrl: string }} HostConfig
 */

/**
 * Resolves to where the element came from: 'existing', 'cdn' or 'local'.
 * @param {HostConfig} config
 * @returns {Promise<string>}
 */
function ensureElement(config) {
  if (customElements.get(TAG)) {
    return loading ?? Promise.resolve('existing');
  }
  loading ??= load(config).catch((error) => {
    loading = null; // let a retry start over
    throw error;
  });
  return loading;
}

/** @param {HostConfig} config */
async function load(config) {
  if (config.source === 'Local') {
    await loadLocal(config.localUrl);
    return 'local';
  }
  try {
    await loadCdn(config.cdnUrl, config.timeoutMs);
    return 'cdn';
  } catch (error) {
    if (config.source === 'Cdn') throw error;
    console.info('ChatKit CDN unavailable, using the local element:', String(error));
    await loadLocal(config.localUrl);
    return 'local';
  }
}

/** @param {string} url */
async function loadLocal(url) {
  await import(url);
  await customElements.whenDefined(TAG);
}

/**
 * Adds the CDN script once and waits for the element, its error event, or the timeout,
 * whichever comes first. A script that defines the element late, within the timeout, wins.
 * @param {string} url @param {number} timeoutMs
 */
function loadCdn(url, timeoutMs) {
  /** @type {HTMLScriptElement | null} */
  let script = document.querySelector('script[data-chatkit-cdn]');
  if (!script) {
    script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.dataset.chatkitCdn = '';
    document.head.append(script);
  }
  const failed = new Promise((_, reject) => {
    script.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
  });
  let timer = 0;
  const timedOut = new Promise((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`no element after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([customElements.whenDefined(TAG), failed, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * What the user is looking at, for the model: size-capped and plain text only.
 * @param {string} [selection] the text the user asked about, when the live selection is gone
 */
function pageContext(selection) {
  const cap = (/** @type {string|null|undefined} */ s, /** @type {number} */ n) => (s ?? '').trim().slice(0, n);
  const description = document.querySelector('meta[name="description"]')?.getAttribute('content');
  const headings = [...document.querySelectorAll('main h1, main h2, main h3')]
    .map((h) => cap(h.textContent, CAPS.heading))
    .filter((h) => h.length > 0)
    .slice(0, CAPS.headings);
  const live = window.getSelection()?.toString() ?? '';
  return {
    url: cap(location.href, CAPS.url),
    path: cap(location.pathname, CAPS.url),
    title: cap(document.title, CAPS.title),
    description: cap(description, CAPS.description),
    headings,
    selection: cap(live.trim() ? live : selection, CAPS.selection),
  };
}

/**
 * The element's fetch: same-origin cookies, the header that marks our own requests (the server's
 * CSRF check), and the page context and the browser's time zone (for the date/time tool) merged
 * into every JSON body's metadata.
 * @param {HostConfig} config @param {() => string} askedSelection
 * @returns {typeof fetch}
 */
function interceptor(config, askedSelection) {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('X-ChatKit-Request', '1');
    let body = init.body;
    if (typeof body === 'string' && body.startsWith('{')) {
      try {
        const json = JSON.parse(body);
        json.metadata = {
          ...(json.metadata ?? {}),
          page: pageContext(askedSelection()),
          time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
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

/**
 * The composer's @-menu: the app's articles matching what was typed after '@'. A failed search
 * shows an empty menu rather than an error in the composer.
 * @param {HostConfig} config @param {string} query
 * @returns {Promise<any[]>}
 */
async function searchEntities(config, query) {
  try {
    const response = await fetch(`${config.apiUrl}/entities?q=${encodeURIComponent(query ?? '')}`, {
      credentials: 'same-origin',
      headers: { 'X-ChatKit-Request': '1' },
    });
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

/** @param {HostConfig} config */
function signIn(config) {
  location.assign(`${config.loginUrl}?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
}

/**
 * Hosted mode: OpenAI's backend answers the element, which asks us for a short-lived client
 * secret (a new session first, a refresh when the current one expires). The API key stays here.
 * @param {HostConfig} config
 */
function hostedApi(config) {
  return {
    /** @param {string | null} current */
    async getClientSecret(current) {
      const response = await fetch(current ? config.refreshUrl : config.sessionUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-ChatKit-Request': '1' },
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

/** Client tools the model can call in the browser. */
const clientTools = {
  get_page_context: () => pageContext(),
  /** @param {{theme?: string}} params */
  set_theme: (params) => {
    const theme = params?.theme === 'dark' ? 'dark' : 'light';
    document.dispatchEvent(new CustomEvent('app:set-theme', { detail: { theme } }));
    return { theme };
  },
};

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

  let asked = '';
  const state = {
    element,
    source,
    options,
    /** @param {Record<string, any>} next */
    apply(next) {
      state.options = next;
      const saved = localStorage.getItem(config.storageKey);
      // The page's theme wins over the options' scheme: a page loaded dark never hosts a light chat.
      const pageScheme = document.documentElement.dataset.bsTheme;
      element.setOptions({
        ...next,
        theme: pageScheme ? { ...(next.theme ?? {}), colorScheme: pageScheme } : next.theme,
        initialThread: next.initialThread ?? saved ?? null,
        api: config.mode === 'Hosted'
          ? hostedApi(config)
          : {
              url: config.apiUrl,
              domainKey: config.domainKey,
              fetch: interceptor(config, () => asked),
              uploadStrategy: config.directUpload
                ? { type: 'direct', uploadUrl: `${config.apiUrl}/attachments` }
                : { type: 'two_phase' },
            },
        onClientTool: async (/** @type {{name: string, params: any}} */ call) => {
          const local = /** @type {Record<string, (p: any) => any>} */ (clientTools)[call.name];
          if (local) return local(call.params);
          return JSON.parse(await dotnet.invokeMethodAsync('OnClientToolAsync', call.name, JSON.stringify(call.params ?? {})));
        },
        entities: {
          onTagSearch: (/** @type {string} */ query) => searchEntities(config, query),
          onClick: (/** @type {{data?: {path?: string}}} */ entity) => {
            const path = entity?.data?.path;
            if (typeof path === 'string' && path.startsWith('/')) location.assign(path);
          },
        },
      });
    },
    /** @param {string} text */
    ask(text) {
      asked = text;
      element.setComposerValue({ text: '', reply: text });
      element.focusComposer();
    },
    listeners: /** @type {Array<[string, EventListener]>} */ ([]),
  };

  for (const name of EVENTS) {
    /** @type {EventListener} */
    const listener = (event) => {
      const detail = /** @type {CustomEvent} */ (event).detail ?? null;
      if (name === 'chatkit.thread.change') remember(config.storageKey, detail?.threadId ?? null);
      if (name === 'chatkit.response.end') asked = '';
      // Client effects reach the page from the element's event (both elements fire it; the CDN
      // element has no onEffect option), for handlers such as js/toasts.js.
      if (name === 'chatkit.effect') document.dispatchEvent(new CustomEvent('app:chatkit-effect', { detail }));
      dotnet.invokeMethodAsync('OnChatKitEvent', name, JSON.stringify(detail, errorAsJson)).catch(() => {});
    };
    element.addEventListener(name, listener);
    state.listeners.push([name, listener]);
  }

  const onAsk = (/** @type {Event} */ e) => state.ask(/** @type {CustomEvent} */ (e).detail?.text ?? '');
  // theme.js sets the page's data-bs-theme before announcing it, and apply() follows the page.
  const onTheme = () => state.apply(state.options);
  document.addEventListener('app:ask', onAsk);
  document.addEventListener('app:theme-changed', onTheme);
  state.listeners.push(['app:ask', onAsk], ['app:theme-changed', onTheme]);

  state.apply(options);
  host.dataset.chatkitSource = source;
  return state;
}

/** @param {any} state @param {Record<string, any>} options */
export function update(state, options) {
  state.apply(options);
}

/** @param {any} state */
export function unmount(state) {
  for (const [name, listener] of state.listeners) {
    state.element.removeEventListener(name, listener);
    document.removeEventListener(name, listener);
  }
  state.element.remove();
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

/** @param {any} state */
export function sourceOf(state) {
  return state.source;
}
