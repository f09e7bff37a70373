// @ts-check
// Makes sure `openai-chatkit` is defined: an element already on the page, else the CDN script,
// else our own (when the CDN cannot be reached). Detection goes through customElements only,
// never window.ChatKit.

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

export const TAG = 'openai-chatkit';

/** @type {Promise<string> | null} one load per page, whatever the number of panels */
let loading = null;

/**
 * Resolves to where the element came from: 'existing', 'cdn' or 'local'.
 * @param {HostConfig} config
 * @returns {Promise<string>}
 */
export function ensureElement(config) {
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
