// @ts-check
// The composer: text box, quoted reply, attachments, @-tags, tool menu and model picker, and the
// send/stop button. It owns the draft; the element asks for a snapshot when the user sends.

import { h, glyph } from './dom.js';
import { uiIcon } from './icons.js';
import { composeContent, userInput } from './thread-model.js';

/** @typedef {import('./types.js').Attachment} Attachment */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').ToolOption} ToolOption */
/** @typedef {import('./types.js').ComposerOptions} ComposerOptions */

/**
 * @typedef {object} ComposerHooks
 * @property {() => void} onSubmit
 * @property {() => void} onStop
 * @property {(toolId: string | null) => void} onToolChange
 * @property {(file: File) => Promise<Attachment>} upload
 * @property {(attachmentId: string) => void} deleteAttachment
 * @property {(message: string) => void} onError
 * @property {(() => ((query: string) => Promise<Entity[]>) | undefined)} tagSearch
 */

/**
 * What is sent: the draft as the protocol's user message input, plus what to restore if sending fails.
 * @typedef {object} Draft
 * @property {string} text
 * @property {Entity[]} tags
 * @property {string | null} reply
 * @property {Attachment[]} attachments
 * @property {string | null} toolId
 * @property {string | null} modelId
 */

const DEFAULT_MAX_SIZE = 100 * 1024 * 1024;
const DEFAULT_MAX_COUNT = 10;
const TAG_SEARCH_DELAY_MS = 150;

export class Composer {
  /** @type {ComposerOptions} */
  #options = {};
  /** @type {string | null} */
  #reply = null;
  /** @type {Entity[]} */
  #tags = [];
  /** @type {{ file: File | null, attachment: Attachment | null, previewUrl: string | null, el: HTMLElement }[]} */
  #attachments = [];
  /** @type {string | null} */
  #toolId = null;
  /** @type {'idle' | 'waiting' | 'streaming'} */
  #mode = 'idle';
  #allowCancel = false;
  /** @type {string | null} */
  #lockedReason = null;
  #locked = false;
  /** @type {Entity[]} */
  #tagResults = [];
  #tagIndex = 0;
  #tagTimer = 0;
  #tagQueryId = 0;
  #hooks;
  #input = h('textarea', {
    class: 'composer-input', rows: 1, 'aria-label': 'Message', 'data-testid': 'composer-input',
    oninput: () => this.#onInput(), onkeydown: (/** @type {KeyboardEvent} */ e) => this.#onKeyDown(e),
  });
  #replyText = h('span', { class: 'reply-text' });
  #replyBox = h('div', { class: 'composer-reply', 'data-testid': 'composer-reply', hidden: true },
    h('span', { class: 'reply-mark', 'aria-hidden': 'true', text: '↪' }), this.#replyText,
    h('button', {
      class: 'icon-button small', label: 'Remove quoted text',
      'data-testid': 'composer-reply-remove', onclick: () => this.setReply(null),
    }, uiIcon('close')));
  #attachmentList = h('div', { class: 'composer-attachments', hidden: true });
  #tagMenu = h('div', { class: 'popup tag-menu', role: 'listbox', 'aria-label': 'Mention', 'data-testid': 'tag-menu', hidden: true });
  #fileInput = h('input', { type: 'file', multiple: true, hidden: true, onchange: () => this.#onFilesChosen() });
  #attachButton = h('button', {
    class: 'icon-button', label: 'Attach files',
    'data-testid': 'attach', hidden: true, onclick: () => this.#fileInput.click(),
  }, uiIcon('paperclip'));
  #toolMenu = h('div', { class: 'popup tool-menu', role: 'menu', 'aria-label': 'Tools', hidden: true });
  #toolsButton = h('button', {
    class: 'icon-button', label: 'Tools', 'aria-haspopup': 'menu',
    'aria-expanded': 'false', 'data-testid': 'composer-tools', hidden: true, onclick: () => this.#toggleToolMenu(),
  }, uiIcon('tools'));
  #toolChips = h('div', { class: 'tool-chips' });
  #modelSelect = h('select', { class: 'model-select', 'aria-label': 'Model', 'data-testid': 'composer-model', hidden: true });
  #sendButton = h('button', {
    type: 'submit', class: 'send-button', label: 'Send message', 'data-testid': 'send',
  }, uiIcon('send'));
  #stopButton = h('button', {
    class: 'send-button stop', label: 'Stop response',
    'data-testid': 'stop', hidden: true, onclick: () => this.#hooks.onStop(),
  }, h('span', { class: 'stop-square', 'aria-hidden': 'true' }));
  #lockedNote = h('p', { class: 'composer-locked', role: 'status', 'data-testid': 'composer-locked', hidden: true });
  #form = h('form', {
    class: 'composer', 'aria-label': 'Message composer',
    onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      if (this.#canSend) this.#hooks.onSubmit();
    },
  },
  this.#replyBox, this.#attachmentList, this.#tagMenu, this.#input,
  h('div', { class: 'composer-toolbar' },
    h('div', { class: 'toolbar-start' }, this.#attachButton, this.#fileInput, this.#toolsButton, this.#toolMenu, this.#toolChips, this.#modelSelect),
    h('div', { class: 'toolbar-end' }, this.#sendButton, this.#stopButton)));

  /** @param {ComposerHooks} hooks */
  constructor(hooks) {
    this.#hooks = hooks;
    this.el = h('div', { class: 'composer-area' }, this.#lockedNote, this.#form);

    // Menus close when focus or a click goes elsewhere in the element.
    this.#form.addEventListener('focusout', (event) => {
      const next = /** @type {Node | null} */ (event.relatedTarget);
      if (!next || !this.#form.contains(next)) {
        this.#closeToolMenu();
        this.#closeTagMenu();
      }
    });
    this.#updateState();
  }

  /**
   * Applies the composer options (called on every setOptions).
   * @param {ComposerOptions} options
   */
  configure(options) {
    this.#options = options ?? {};
    const attachments = this.#options.attachments;
    this.#attachButton.hidden = !attachments?.enabled;
    this.#fileInput.accept = attachments?.accept
      ? Object.entries(attachments.accept).flatMap(([mime, extensions]) => [mime, ...extensions]).join(',')
      : '';

    const tools = this.#options.tools ?? [];
    if (this.#toolId && !tools.some((t) => t.id === this.#toolId)) this.#toolId = null;
    this.#toolsButton.hidden = tools.filter((t) => !t.pinned).length === 0;

    const models = this.#options.models ?? [];
    const previous = this.#modelSelect.value;
    this.#modelSelect.replaceChildren(...models.map((m) => h('option', {
      value: m.id, text: m.label, disabled: m.disabled, title: m.description,
    })));
    this.#modelSelect.hidden = models.length === 0;
    const keep = models.find((m) => m.id === previous && !m.disabled);
    const fallback = models.find((m) => m.default && !m.disabled) ?? models.find((m) => !m.disabled);
    this.#modelSelect.value = keep?.id ?? fallback?.id ?? '';
    this.#drawTools();
    this.#updateState();
  }

  get text() {
    return this.#input.value;
  }

  get #uploading() {
    return this.#attachments.some((a) => !a.attachment);
  }

  get #canSend() {
    const hasContent = this.#input.value.trim() !== '' || this.#attachments.length > 0;
    return hasContent && this.#mode === 'idle' && !this.#locked && !this.#uploading;
  }

  /**
   * @param {'idle' | 'waiting' | 'streaming'} mode waiting = request sent, stream not cancellable (yet)
   * @param {boolean} [allowCancel]
   */
  setMode(mode, allowCancel = false) {
    this.#mode = mode;
    this.#allowCancel = allowCancel;
    this.#updateState();
  }

  /**
   * Locked and closed threads take no input; the reason is shown and used as placeholder.
   * @param {boolean} locked
   * @param {string | null} reason
   */
  setLocked(locked, reason) {
    this.#locked = locked;
    this.#lockedReason = reason;
    this.#updateState();
  }

  /** @param {string | null} text */
  setReply(text) {
    this.#reply = text && text.trim() ? text : null;
    this.#replyBox.hidden = !this.#reply;
    this.#replyText.textContent = this.#reply ?? '';
    this.#replyText.title = this.#reply ?? '';
  }

  /**
   * setComposerValue: replaces the parts that are given.
   * @param {{ text?: string, tags?: Entity[], reply?: string | null, attachments?: Attachment[],
   *   files?: File[], selectedToolId?: string | null, selectedModelId?: string }} value
   */
  setValue(value) {
    if (value.text !== undefined) {
      this.#input.value = value.text;
      this.#tags = value.tags ?? [];
    }
    if (value.reply !== undefined) this.setReply(value.reply);
    if (value.attachments) {
      this.#clearAttachments(false);
      for (const attachment of value.attachments) this.#addChip(null, attachment);
    }
    if (value.files) this.#addFiles(value.files);
    if (value.selectedToolId !== undefined) this.#selectTool(value.selectedToolId);
    if (value.selectedModelId !== undefined) this.#modelSelect.value = value.selectedModelId;
    this.#resize();
    this.#updateState();
  }

  focus() {
    this.#input.focus();
    this.#input.setSelectionRange(this.#input.value.length, this.#input.value.length);
  }

  /** @returns {Draft} */
  snapshot() {
    return {
      text: this.#input.value,
      tags: [...this.#tags],
      reply: this.#reply,
      attachments: this.#attachments.flatMap((a) => (a.attachment ? [a.attachment] : [])),
      toolId: this.#toolId,
      modelId: this.#modelSelect.hidden ? null : this.#modelSelect.value || null,
    };
  }

  /**
   * The protocol's UserMessageInput for a draft (PROTOCOL.md 4.5).
   * @param {Draft} draft
   * @returns {import('./types.js').UserMessageInput}
   */
  static toInput(draft) {
    return userInput(composeContent(draft.text.trim(), draft.tags), draft.attachments, draft.reply, draft.toolId, draft.modelId);
  }

  /** Empties the draft after sending; a persistent tool and the model stay selected. */
  clear() {
    this.#input.value = '';
    this.#tags = [];
    this.setReply(null);
    this.#clearAttachments(false);
    const tool = this.#tool(this.#toolId);
    if (tool && !tool.persistent) this.#selectTool(null);
    this.#resize();
    this.#updateState();
  }

  /**
   * Puts a draft back (sending failed before the server took the message).
   * @param {Draft} draft
   */
  restore(draft) {
    this.#input.value = draft.text;
    this.#tags = draft.tags;
    this.setReply(draft.reply);
    this.#clearAttachments(false);
    for (const attachment of draft.attachments) this.#addChip(null, attachment);
    this.#selectTool(draft.toolId);
    this.#resize();
    this.#updateState();
  }

  #updateState() {
    const tool = this.#tool(this.#toolId);
    const streaming = this.#mode !== 'idle';
    this.#input.disabled = this.#locked;
    this.#input.placeholder = this.#locked
      ? this.#lockedReason ?? 'This conversation is closed.'
      : tool?.placeholderOverride ?? this.#options.placeholder ?? 'Message the AI';
    this.#lockedNote.hidden = !this.#locked;
    this.#lockedNote.textContent = this.#lockedReason ?? 'This conversation is closed.';
    this.#sendButton.hidden = streaming && this.#allowCancel;
    this.#stopButton.hidden = !(streaming && this.#allowCancel);
    this.#sendButton.disabled = !this.#canSend;
    this.#sendButton.classList.toggle('waiting', streaming);
    this.#attachButton.disabled = this.#locked;
    this.#toolsButton.disabled = this.#locked;
  }

  #onInput() {
    this.#resize();
    this.#updateState();
    this.#updateTagSearch();
  }

  /** Grows the text box with its content, up to the CSS max-height. */
  #resize() {
    this.#input.style.height = 'auto';
    this.#input.style.height = `${this.#input.scrollHeight}px`;
  }

  /** @param {KeyboardEvent} event */
  #onKeyDown(event) {
    if (!this.#tagMenu.hidden && this.#tagResults.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#tagIndex = (this.#tagIndex + step + this.#tagResults.length) % this.#tagResults.length;
        this.#drawTagMenu();
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.#chooseTag(this.#tagResults[this.#tagIndex]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.#closeTagMenu();
        return;
      }
    }
    // Enter sends, Shift+Enter is a newline; never send in the middle of an IME composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (this.#canSend) this.#hooks.onSubmit();
    }
  }

  // ---- @-tags ---------------------------------------------------------------------------

  /** The `@query` right before the caret, if any. */
  #tagQuery() {
    const before = this.#input.value.slice(0, this.#input.selectionStart ?? this.#input.value.length);
    const match = /(?:^|\s)@([^\s@]{0,40})$/.exec(before);
    return match ? { query: match[1], start: before.length - match[1].length - 1 } : null;
  }

  #updateTagSearch() {
    const search = this.#hooks.tagSearch();
    const found = search ? this.#tagQuery() : null;
    clearTimeout(this.#tagTimer);
    if (!search || !found) {
      this.#closeTagMenu();
      return;
    }
    const queryId = ++this.#tagQueryId;
    this.#tagTimer = window.setTimeout(async () => {
      try {
        const results = await search(found.query);
        if (queryId !== this.#tagQueryId) return; // a newer keystroke won
        this.#tagResults = (results ?? []).slice(0, 20);
        this.#tagIndex = 0;
        this.#drawTagMenu();
      } catch (error) {
        this.#hooks.onError(error instanceof Error ? error.message : 'Tag search failed.');
        this.#closeTagMenu();
      }
    }, TAG_SEARCH_DELAY_MS);
  }

  #drawTagMenu() {
    this.#tagMenu.hidden = this.#tagResults.length === 0;
    this.#tagMenu.replaceChildren(...this.#tagResults.map((entity, i) => h('div', {
      class: `popup-option${i === this.#tagIndex ? ' selected' : ''}`, role: 'option',
      'aria-selected': String(i === this.#tagIndex), 'data-testid': 'tag-option',
      // mousedown keeps focus in the text box, so the caret position is still known
      onmousedown: (/** @type {MouseEvent} */ e) => {
        e.preventDefault();
        this.#chooseTag(entity);
      },
    },
    glyph(entity.icon),
    h('span', { text: entity.title }),
    entity.group ? h('span', { class: 'option-meta', text: entity.group }) : null)));
  }

  #closeTagMenu() {
    this.#tagResults = [];
    this.#tagMenu.hidden = true;
    this.#tagMenu.replaceChildren();
  }

  /**
   * Replaces the typed `@query` with `@Title ` and remembers the entity; composeContent turns
   * the mention into an input_tag part when the message is sent.
   * @param {Entity | undefined} entity
   */
  #chooseTag(entity) {
    const found = this.#tagQuery();
    if (!entity || !found) return;
    const caret = this.#input.selectionStart ?? this.#input.value.length;
    const mention = `@${entity.title} `;
    this.#input.value = this.#input.value.slice(0, found.start) + mention + this.#input.value.slice(caret);
    const position = found.start + mention.length;
    this.#input.setSelectionRange(position, position);
    if (!this.#tags.some((t) => t.id === entity.id)) this.#tags.push(entity);
    this.#closeTagMenu();
    this.#updateState();
  }

  // ---- tools ------------------------------------------------------------------------------

  /** @param {string | null} id */
  #tool(id) {
    return id ? (this.#options.tools ?? []).find((t) => t.id === id) : undefined;
  }

  /** @param {string | null} id */
  #selectTool(id) {
    const next = this.#tool(id) ? id : null;
    if (next === this.#toolId) return;
    this.#toolId = next;
    this.#drawTools();
    this.#updateState();
    this.#hooks.onToolChange(next);
  }

  /** Pinned tools are toggles in the toolbar; the selected one shows as a removable chip. */
  #drawTools() {
    const tools = this.#options.tools ?? [];
    const selected = this.#tool(this.#toolId);
    /** @type {HTMLElement[]} */
    const chips = tools.filter((t) => t.pinned).map((tool) => h('button', {
      class: `chip tool-chip${tool.id === this.#toolId ? ' selected' : ''}`,
      'aria-pressed': String(tool.id === this.#toolId), 'data-testid': 'composer-tool', dataset: { toolId: tool.id },
      onclick: () => this.#selectTool(tool.id === this.#toolId ? null : tool.id),
    }, glyph(tool.icon, null), h('span', { text: tool.shortLabel ?? tool.label })));
    if (selected && !selected.pinned) {
      chips.push(h('span', { class: 'chip tool-chip selected', 'data-testid': 'composer-selected-tool' },
        glyph(selected.icon, null),
        h('span', { text: selected.shortLabel ?? selected.label }),
        h('button', {
          class: 'chip-remove', 'aria-label': `Remove ${selected.label}`,
          onclick: () => this.#selectTool(null),
        }, uiIcon('close'))));
    }
    this.#toolChips.replaceChildren(...chips);
  }

  #toggleToolMenu() {
    if (!this.#toolMenu.hidden) {
      this.#closeToolMenu();
      return;
    }
    const tools = (this.#options.tools ?? []).filter((t) => !t.pinned);
    this.#toolMenu.replaceChildren(...tools.map((tool) => h('button', {
      class: 'popup-option', role: 'menuitemradio', 'aria-checked': String(tool.id === this.#toolId),
      'data-testid': 'composer-tool', dataset: { toolId: tool.id },
      onclick: () => {
        this.#selectTool(tool.id === this.#toolId ? null : tool.id);
        this.#closeToolMenu();
        this.#input.focus();
      },
    }, glyph(tool.icon), h('span', { text: tool.label }))));
    this.#toolMenu.hidden = false;
    this.#toolsButton.setAttribute('aria-expanded', 'true');
    /** @type {HTMLElement | null} */ (this.#toolMenu.firstElementChild)?.focus();
  }

  #closeToolMenu() {
    this.#toolMenu.hidden = true;
    this.#toolsButton.setAttribute('aria-expanded', 'false');
  }

  // ---- attachments ------------------------------------------------------------------------

  #onFilesChosen() {
    const files = [...(this.#fileInput.files ?? [])];
    this.#fileInput.value = ''; // choosing the same file again must fire change again
    this.#addFiles(files);
  }

  /** @param {File[]} files */
  #addFiles(files) {
    const config = this.#options.attachments;
    if (!config?.enabled) {
      this.#hooks.onError('Attachments are not enabled.');
      return;
    }
    const maxCount = config.maxCount ?? DEFAULT_MAX_COUNT;
    for (const file of files) {
      if (this.#attachments.length >= maxCount) {
        this.#hooks.onError(`You can attach up to ${maxCount} files.`);
        break;
      }
      const limit = sizeLimit(file.type, config.maxSize);
      if (file.size > limit) {
        this.#hooks.onError(`${file.name} is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
        continue;
      }
      this.#upload(file);
    }
  }

  /** @param {File} file */
  async #upload(file) {
    const entry = this.#addChip(file, null);
    this.#updateState();
    try {
      entry.attachment = await this.#hooks.upload(file);
      entry.el.classList.remove('uploading');
      if (entry.attachment.type === 'image' && entry.attachment.preview_url && !entry.previewUrl) {
        entry.el.querySelector('img')?.setAttribute('src', entry.attachment.preview_url);
      }
    } catch (error) {
      this.#removeChip(entry, false);
      this.#hooks.onError(error instanceof Error ? `Upload of ${file.name} failed: ${error.message}` : `Upload of ${file.name} failed.`);
    }
    this.#updateState();
  }

  /**
   * @param {File | null} file
   * @param {Attachment | null} attachment
   */
  #addChip(file, attachment) {
    const name = file?.name ?? attachment?.name ?? 'file';
    const isImage = (file?.type ?? attachment?.mime_type ?? '').startsWith('image/');
    const previewUrl = file && isImage ? URL.createObjectURL(file) : null;
    const imageSrc = previewUrl ?? (attachment?.type === 'image' ? attachment.preview_url : null);
    /** @type {{ file: File | null, attachment: Attachment | null, previewUrl: string | null, el: HTMLElement }} */
    const entry = { file, attachment, previewUrl, el: h('div') };
    entry.el = h('div', { class: `composer-attachment${attachment ? '' : ' uploading'}`, 'data-testid': 'composer-attachment', title: name },
      imageSrc
        ? h('img', { src: imageSrc, alt: '', onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).replaceWith(fileIcon()) })
        : fileIcon(),
      h('span', { class: 'attachment-name', text: name }),
      h('span', { class: 'spinner', 'aria-label': 'Uploading' }),
      h('button', {
        class: 'chip-remove', 'aria-label': `Remove ${name}`,
        onclick: () => this.#removeChip(entry, true),
      }, uiIcon('close')));
    this.#attachments.push(entry);
    this.#attachmentList.append(entry.el);
    this.#attachmentList.hidden = false;
    return entry;
  }

  /**
   * @param {{ attachment: Attachment | null, previewUrl: string | null, el: HTMLElement }} entry
   * @param {boolean} deleteOnServer the user removed an uploaded file, so the server can drop it
   */
  #removeChip(entry, deleteOnServer) {
    this.#attachments = this.#attachments.filter((a) => a !== entry);
    entry.el.remove();
    if (entry.previewUrl) URL.revokeObjectURL(entry.previewUrl);
    if (deleteOnServer && entry.attachment) this.#hooks.deleteAttachment(entry.attachment.id);
    this.#attachmentList.hidden = this.#attachments.length === 0;
    this.#updateState();
  }

  /** @param {boolean} deleteOnServer */
  #clearAttachments(deleteOnServer) {
    for (const entry of [...this.#attachments]) this.#removeChip(entry, deleteOnServer);
  }
}

function fileIcon() {
  return h('span', { class: 'file-icon' }, uiIcon('file'));
}

/**
 * The size limit for a MIME type: one number for all, or patterns such as `image/*` with a
 * `*` (or empty) fallback.
 * @param {string} mime
 * @param {number | Record<string, number> | undefined} maxSize
 */
function sizeLimit(mime, maxSize) {
  if (typeof maxSize === 'number') return maxSize;
  if (!maxSize) return DEFAULT_MAX_SIZE;
  const family = mime.split('/')[0] + '/*';
  return maxSize[mime] ?? maxSize[family] ?? maxSize['*'] ?? maxSize[''] ?? DEFAULT_MAX_SIZE;
}
