// @ts-check
// Transport to the ChatKit backend: JSON POSTs to `api.url`, SSE for the streaming request
// types, and the attachment uploads. Every request goes through the host's `api.fetch` when
// it gave one (that is where it adds CSRF headers and `metadata`), else the global fetch.

import { readSseEvents } from './sse.js';

const JSON_TYPE = 'application/json';

/** A non-2xx answer (or a network failure), with the server's message when it sent one. */
export class ChatKitRequestError extends Error {
  /** @override */
  name = 'ChatKitRequestError';

  /**
   * @param {string} message
   * @param {number} status HTTP status, 0 when the request never got an answer
   * @param {string} [code] the `error.code` of the server's JSON body
   */
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * @typedef {object} ApiConfig
 * @property {string} url
 * @property {typeof fetch | undefined} fetch
 * @property {string} locale
 */

export class ChatKitApi {
  /** Read on every request, so setOptions takes effect at once. */
  #getConfig;

  /** @param {() => ApiConfig} getConfig */
  constructor(getConfig) {
    this.#getConfig = getConfig;
  }

  /**
   * Sends a non-streaming request and returns its JSON result.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {AbortSignal} [signal]
   * @returns {Promise<any>}
   */
  async request(type, params, signal) {
    const text = await (await this.#post(type, params, JSON_TYPE, signal)).text();
    return text ? JSON.parse(text) : {};
  }

  /**
   * Sends a streaming request and yields its events.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {AbortSignal} signal aborting it is how a response is stopped (there is no cancel request)
   * @param {(raw: string, error: unknown) => void} onMalformed
   * @returns {AsyncGenerator<any, void, undefined>}
   */
  async *stream(type, params, signal, onMalformed) {
    const { body } = await this.#post(type, params, 'text/event-stream', signal);
    if (body) yield* readSseEvents(body, onMalformed);
  }

  /**
   * Uploads file bytes as multipart `file` (the two-phase descriptor or the direct upload URL).
   * @param {string} url
   * @param {string} method
   * @param {Record<string, string>} headers
   * @param {File} file
   * @returns {Promise<any>} the parsed JSON answer, or null when the answer is not JSON
   */
  async upload(url, method, headers, file) {
    const form = new FormData();
    form.append('file', file, file.name);
    // No Content-Type: the browser must write the multipart boundary itself.
    return parseJson(await (await this.#send(url, { method, headers, body: form })).text(), null);
  }

  /**
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {string} accept
   * @param {AbortSignal} [signal]
   */
  #post(type, params, accept, signal) {
    return this.#send(this.#getConfig().url, {
      method: 'POST',
      headers: { 'Content-Type': JSON_TYPE, Accept: accept },
      body: JSON.stringify({ type, params }),
      signal,
    });
  }

  /**
   * Every request: same-origin credentials and the locale's Accept-Language added to `init`.
   * @param {string} url
   * @param {RequestInit & { headers: Record<string, string> }} init
   * @returns {Promise<Response>}
   */
  async #send(url, init) {
    const { fetch: custom, locale } = this.#getConfig();
    /** @type {Response} */
    let response;
    try {
      // Called as a plain function (`this` undefined, which the global fetch accepts): a host
      // passing `window.fetch` itself would otherwise get "Illegal invocation" from being
      // called with the options object as `this`.
      response = await (custom ?? fetch)(url, {
        ...init, headers: { ...init.headers, 'Accept-Language': locale }, credentials: 'same-origin',
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ChatKitRequestError('Could not reach the server. Check your connection.', 0);
    }
    if (!response.ok) throw await toRequestError(response);
    return response;
  }
}

/**
 * Builds the error for a non-2xx answer. Our server answers `{"error":{"code","message"}}`;
 * anything else (a proxy page, plain text) falls back to the status text.
 * @param {Response} response
 */
async function toRequestError(response) {
  const { status, statusText } = response;
  // A body that cannot be read leaves the status alone to tell.
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const error = body?.error;
  const message = body === undefined
    ? (text.length < 300 ? text.trim() : '') // not JSON: short plain text is a message
    : typeof error === 'string' ? error : error?.message ?? body?.message ?? '';
  return new ChatKitRequestError(
    message || `Request failed (${status}${statusText ? ' ' + statusText : ''}).`, status, error?.code);
}

/**
 * @param {string} text
 * @param {unknown} [fallback] returned when the text is empty or not JSON
 */
function parseJson(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** @param {unknown} error */
export function isAbort(error) {
  return error instanceof DOMException && error.name === 'AbortError';
}
