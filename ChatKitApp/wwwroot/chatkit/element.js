// @ts-check
// <openai-chatkit>: the offline, protocol-compatible stand-in for OpenAI's CDN element. This
// class is its public API (setOptions, the methods, the events it fires); the conversation flow
// behind it is the Chat (chat.js).

import { Chat } from './chat.js';
import { guardPageDrops } from './composer.js';
import { applyStyles } from './styles.js';

/** @typedef {import('./types.js').ChatKitOptions} ChatKitOptions */

export class OpenAIChatKitElement extends HTMLElement {
  #chat = new Chat(this);
  /** @type {(() => void) | null} removes the page's drop guard (see guardPageDrops) */
  #unguardDrops = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' }); // open: end-to-end tests pierce it
    applyStyles(shadow);
    shadow.append(this.#chat.root);
  }

  connectedCallback() {
    this.#unguardDrops ??= guardPageDrops(this.ownerDocument);
    this.#chat.connect();
  }

  disconnectedCallback() {
    this.#unguardDrops?.();
    this.#unguardDrops = null;
    this.#chat.disconnect();
    // A move in the DOM disconnects and reconnects at once; only a real removal stops the stream.
    queueMicrotask(() => {
      if (!this.isConnected) this.#chat.abortStream();
    });
  }

  // Each method is documented where it is implemented, in chat.js. All but setOptions return
  // promises, as the CDN element's do.

  /** @param {ChatKitOptions} options */
  setOptions(options) {
    this.#chat.setOptions(options);
  }

  focusComposer() {
    return this.#chat.focusComposer();
  }

  /** @param {string | null} threadId */
  setThreadId(threadId) {
    return this.#chat.setThreadId(threadId);
  }

  /** @param {import('./types.js').SendUserMessageParams} params */
  sendUserMessage(params) {
    return this.#chat.sendUserMessage(params);
  }

  /** @param {import('./types.js').SetComposerValueParams} params */
  setComposerValue(params) {
    return this.#chat.setComposerValue(params);
  }

  /**
   * @param {import('./types.js').CustomAction} action
   * @param {string} [itemId]
   */
  sendCustomAction(action, itemId) {
    return this.#chat.sendCustomAction(action, itemId);
  }

  showHistory() {
    return this.#chat.showHistory();
  }

  hideHistory() {
    return this.#chat.hideHistory();
  }

  fetchUpdates() {
    return this.#chat.fetchUpdates();
  }
}
