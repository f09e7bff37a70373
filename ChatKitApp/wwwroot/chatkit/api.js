// @ts-check
// Transport to the ChatKit backend: JSON POSTs to `api.url`, SSE for the streaming request
// types, and the attachment uploads. Every request goes through the host's `api.fetch` when
// it gave one (that is where it adds CSRF headers and `metadata`), else the global fetch.

import { readSseEvents } from './sse.js';

/** A non-2xx answer (or a network failure), with the server's message when it sent one. */
export class ChatKitRequestError extends Error {
  /**
   * @param {string} message
   * @param {number} status HTTP status, 0 when the request never got an answer
   * @param {string} [code] the `error.code` of the server's JSON body
   */
  constructor(message, status, code) {
    super(message);
    this.name = 'ChatKitRequestError';
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
  /** @param {() => ApiConfig} getConfig read on every request, so setOptions takes effect at once */
  constructor(getConfig) {
    this.getConfig = getConfig;
  }

  /**
   * Sends a non-streaming request and returns its JSON result.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {AbortSignal} [signal]
   * @returns {Promise<any>}
   */
  async request(type, params, signal) {
    const response = await this.#post(type, params, 'application/json', signal);
    const text = await response.text();
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
    const response = await this.#post(type, params, 'text/event-stream', signal);
    if (!response.body) return;
    yield* readSseEvents(response.body, onMalformed);
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
    const response = await this.#send(url, {
      method,
      // No Content-Type: the browser must write the multipart boundary itself.
      headers: { ...headers, 'Accept-Language': this.getConfig().locale },
      body: form,
      credentials: 'same-origin',
    });
    const text = await response.text();
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  /**
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {string} accept
   * @param {AbortSignal} [signal]
   */
  #post(type, params, accept, signal) {
    const { url, locale } = this.getConfig();
    return this.#send(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept, 'Accept-Language': locale },
      body: JSON.stringify({ type, params }),
      credentials: 'same-origin',
      signal,
    });
  }

  /**
   * @param {string} url
   * @param {RequestInit} init
   * @returns {Promise<Response>}
   */
  async #send(url, init) {
    const custom = this.getConfig().fetch;
    // Called as a plain function: a host passing `window.fetch` itself would otherwise get
    // "Illegal invocation" from being called with the options object as `this`.
    const fetchFn = custom ?? globalThis.fetch.bind(globalThis);
    /** @type {Response} */
    let response;
    try {
      response = await fetchFn(url, init);
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
  let message = '';
  let code;
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      const error = body?.error;
      message = typeof error === 'string' ? error : error?.message ?? body?.message ?? '';
      code = error?.code;
    } catch {
      message = text.length < 300 ? text.trim() : '';
    }
  } catch {
    // The body could not be read; the status alone has to do.
  }
  if (!message) message = `Request failed (${response.status}${response.statusText ? ' ' + response.statusText : ''}).`;
  return new ChatKitRequestError(message, response.status, code);
}

/** @param {unknown} error */
export function isAbort(error) {
  return error instanceof DOMException && error.name === 'AbortError';
}
