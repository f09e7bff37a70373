// @ts-check
// The frame around the transcript, built once: header (history toggle, title, new chat, the
// host's own buttons), start screen, error banner, composer and disclaimer. setOptions changes
// only its content; the chat (chat.js) decides what is shown when.

import { h, glyph, markBusy } from './dom.js';
import { uiIcon, protocolIcon } from './icons.js';
import { renderMarkdown } from './markdown.js';

/** @typedef {import('./types.js').ChatKitOptions} ChatKitOptions */
/** @typedef {import('./types.js').UserMessageContent} UserMessageContent */

/**
 * @typedef {object} ChatLayoutParts the parts drawn elsewhere, placed in the frame
 * @property {HTMLElement} transcript the thread view
 * @property {HTMLElement} history the history panel
 * @property {HTMLElement} composer
 *
 * @typedef {object} ChatLayoutHooks
 * @property {() => void} onToggleHistory
 * @property {() => void} onNewThread
 * @property {(prompt: string | UserMessageContent[]) => void} onPrompt a start screen prompt was chosen
 */

const DEFAULT_GREETING = 'What can I help with today?';

export class ChatLayout {
  /** @type {(() => void) | null} what the banner's Retry does */
  #retry = null;
  /** The banner says the server could not be reached: it goes away by itself once it can be. */
  #unreachable = false;

  /**
   * @param {ChatLayoutParts} parts
   * @param {ChatLayoutHooks} hooks
   */
  constructor(parts, hooks) {
    this.hooks = hooks;
    this.title = h('h2.title', { testid: 'thread-title', text: 'New chat' });
    this.historyButton = h('button.icon-button', {
      'aria-label': 'Show history', title: 'History',
      'aria-expanded': 'false', testid: 'history-toggle', onclick: () => hooks.onToggleHistory(),
    }, uiIcon('history'));
    const newThreadButton = h('button.icon-button', {
      label: 'New chat', testid: 'new-thread', onclick: () => hooks.onNewThread(),
    }, uiIcon('compose'));
    this.leftSlot = h('div.header-slot');
    this.rightSlot = h('div.header-slot');
    this.header = h('header.header', this.leftSlot, this.historyButton, this.title,
      h('div.header-actions', newThreadButton, this.rightSlot));

    this.greeting = h('h2.greeting', { testid: 'greeting' });
    this.prompts = h('div.prompts', { role: 'group', 'aria-label': 'Suggestions' });
    this.startScreen = h('div.start-screen', { testid: 'start-screen' }, this.greeting, this.prompts);

    this.bannerText = h('span');
    this.bannerRetry = h('button.w-button.secondary.small', {
      testid: 'banner-retry', hidden: true,
      onclick: () => {
        const retry = this.#retry;
        this.hideBanner();
        retry?.();
      },
    }, uiIcon('retry'), h('span', 'Retry'));
    this.banner = h('div.banner', { role: 'alert', testid: 'error-banner', hidden: true },
      uiIcon('alert'), this.bannerText, this.bannerRetry,
      h('button.icon-button.small', { 'aria-label': 'Dismiss', onclick: () => this.hideBanner() }, uiIcon('close')));
    this.disclaimer = h('div.disclaimer', { hidden: true });

    this.transcript = parts.transcript;
    this.main = h('div.main', this.startScreen, parts.transcript, parts.history);
    this.root = h('div.chatkit', { role: 'region' }, this.header, this.main,
      h('footer.footer', this.banner, parts.composer, this.disclaimer));
  }

  /**
   * Shows what the options say: frame title, language, header, start screen and disclaimer.
   * @param {ChatKitOptions} options
   * @param {string} locale
   */
  apply(options, locale) {
    this.root.setAttribute('aria-label', options.frameTitle ?? 'Chat');
    this.root.lang = locale;

    const header = options.header ?? {};
    this.header.hidden = header.enabled === false;
    this.title.hidden = header.title?.enabled === false;
    this.historyButton.hidden = options.history?.enabled === false;
    this.leftSlot.replaceChildren(...headerAction(header.leftAction, 'header-left-action'));
    this.rightSlot.replaceChildren(...headerAction(header.rightAction, 'header-right-action'));

    const startScreen = options.startScreen ?? {};
    this.greeting.textContent = startScreen.greeting ?? DEFAULT_GREETING;
    this.prompts.replaceChildren(...(startScreen.prompts ?? []).map((prompt) => h('button.prompt', {
      testid: 'start-prompt',
      onclick: () => this.hooks.onPrompt(prompt.prompt),
    }, glyph(prompt.icon), h('span', { text: prompt.label }))));

    const disclaimer = options.disclaimer;
    this.disclaimer.hidden = !disclaimer?.text;
    this.disclaimer.classList.toggle('high-contrast', Boolean(disclaimer?.highContrast));
    this.disclaimer.replaceChildren(...(disclaimer?.text ? [renderMarkdown(disclaimer.text)] : []));
  }

  /** @param {string} text */
  setTitle(text) {
    this.title.textContent = text;
  }

  /**
   * The start screen replaces the transcript while a new thread is empty.
   * @param {boolean} shown
   */
  showStartScreen(shown) {
    this.startScreen.hidden = !shown;
    this.transcript.hidden = shown;
  }

  /**
   * A thread is loading: the main area shows it is busy.
   * @param {boolean} loading
   */
  setLoading(loading) {
    markBusy(this.main, 'loading', loading);
  }

  /** @param {boolean} open whether the history panel is open */
  setHistoryExpanded(open) {
    this.historyButton.setAttribute('aria-expanded', String(open));
  }

  focusHistoryButton() {
    this.historyButton.focus();
  }

  /**
   * @param {string} message
   * @param {{ retry?: (() => void) | null, unreachable?: boolean }} [options] retry: offer a Retry
   *   button that does it; unreachable: a connection failure, cleared by clearUnreachable
   */
  showBanner(message, { retry = null, unreachable = false } = {}) {
    this.bannerText.textContent = message;
    this.#retry = retry;
    this.#unreachable = unreachable;
    this.bannerRetry.hidden = !retry;
    this.banner.hidden = false;
  }

  hideBanner() {
    this.banner.hidden = true;
    this.#retry = null;
    this.#unreachable = false;
  }

  /** The browser is back online, or the server answered: a connection failure is no longer news. */
  clearUnreachable() {
    if (this.#unreachable) this.hideBanner();
  }
}

/**
 * A host-defined header button, as a list of zero or one.
 * @param {{ icon: string, onClick: () => void } | undefined} action
 * @param {string} testId
 */
function headerAction(action, testId) {
  if (!action) return [];
  return [h('button.icon-button', {
    label: action.icon.replace(/-/g, ' '),
    testid: testId,
    onclick: () => action.onClick(),
  }, protocolIcon(action.icon))];
}
