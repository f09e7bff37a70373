// @ts-check
// Transport to the ChatKit backend: JSON POSTs to `api.url`, SSE for the streaming request
// types, and the attachment uploads. Every request goes through the host's `api.fetch` when
// it gave one (that is where it adds CSRF headers and `metadata`), else the global fetch.

import { readSseEvents } from './sse.js';

const JSON_TYPE = 'application/json';
/** parseJson's answer for text that is not JSON (any JSON value, null too, is a real answer). */
const NOT_JSON = Symbol('not JSON');

/** The request never got an answer (offline, server down, connection refused). */
export const UNREACHABLE = 'Could not reach the server. Check your connection.';
/** The answer's body broke off: the server (or the connection to it) died mid-reply. */
export const CONNECTION_LOST = 'The connection to the server was lost before the reply was finished.';

/** A non-2xx answer (or a network failure), with the server's message when it sent one. */
export class ChatKitRequestError extends Error {
  /** @override */
  name = 'ChatKitRequestError';

  /**
   * @param {string} message
   * @param {number} status HTTP status, 0 when the connection failed (no answer, or a body cut off)
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

  /** Called on every answer that is not an error: the server is reachable again. */
  #onAnswer;

  /**
   * @param {() => ApiConfig} getConfig
   * @param {() => void} [onAnswer]
   */
  constructor(getConfig, onAnswer = () => {}) {
    this.#getConfig = getConfig;
    this.#onAnswer = onAnswer;
  }

  /**
   * Sends a non-streaming request and returns its JSON result.
   * @param {string} type
   * @param {Record<string, unknown>} params
   * @param {AbortSignal} [signal]
   * @returns {Promise<any>}
   */
  async request(type, params, signal) {
    const response = await this.#post(type, params, JSON_TYPE, signal);
    const text = await response.text();
    if (!text) return {};
    const result = parseJson(text, NOT_JSON);
    // A 200 that is not JSON (a proxy's sign-in page) is a failure, in the same plain words.
    if (result === NOT_JSON) throw new ChatKitRequestError(somethingWentWrong(response.status), response.status, 'not_json');
    return result;
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
    if (!body) return;
    try {
      yield* readSseEvents(body, onMalformed);
    } catch (error) {
      // A read that fails is a connection that broke (the browser's own words are "network
      // error"); the user is told in plain words. A stop (abort) is not a failure.
      if (isAbort(error) || signal.aborted) throw error;
      throw new ChatKitRequestError(CONNECTION_LOST, 0, 'connection_lost');
    }
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
      throw new ChatKitRequestError(UNREACHABLE, 0, 'unreachable');
    }
    if (!response.ok) throw await toRequestError(response);
    this.#onAnswer();
    return response;
  }
}

/**
 * Builds the error for a non-2xx answer. Our server answers `{"error":{"code","message"}}` with
 * a message meant for the user. Anything else (a proxy's HTML 502 page, plain text, an empty
 * body) is never shown as it is: the user gets the status in plain words.
 * @param {Response} response
 */
async function toRequestError(response) {
  const { status } = response;
  // A body that cannot be read leaves the status alone to tell.
  const body = parseJson(await response.text().catch(() => ''));
  const error = body?.error;
  const message = typeof error === 'string' ? error : error?.message ?? body?.message;
  return new ChatKitRequestError(
    typeof message === 'string' && message.trim() ? message : somethingWentWrong(status), status, error?.code);
}

/**
 * What the user reads for a failure the server did not put in words.
 * @param {number} status
 */
function somethingWentWrong(status) {
  return `Something went wrong (${status}).`;
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
