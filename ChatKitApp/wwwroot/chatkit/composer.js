// @ts-check
// The composer: text box, quoted reply, attachments, @-tags, tool menu and model picker, and the
// send/stop button. It owns the draft; the element asks for a snapshot when the user sends.
// Longer than 500 lines on purpose: every control here reads or changes the one draft (text,
// attachment chips, chosen tool, @-tag query, busy and locked states) and the send button follows
// all of them; split into modules, that state would have to be passed back and forth.

import { h, glyph } from './dom.js';
import { uiIcon } from './icons.js';
import { composeContent, userInput } from './thread-model.js';

/** @typedef {import('./types.js').Attachment} Attachment */
/** @typedef {import('./types.js').Entity} Entity */
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
 * @property {(params: { audio_base64: string, mime_type: string }) => Promise<string>} transcribe
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

/**
 * setComposerValue: the parts given are replaced (`tags` go with `text`).
 * @typedef {{ text?: string, tags?: Entity[], reply?: string | null, attachments?: Attachment[],
 *   files?: File[], selectedToolId?: string | null, selectedModelId?: string }} ComposerValue
 */

/** An attachment in the draft; `attachment` is null while its file uploads. */
/** @typedef {{ attachment: Attachment | null, url: string | null, el: HTMLElement }} Chip */

const MB = 2 ** 20;

/**
 * The protocol's UserMessageInput for a draft.
 * @param {Draft} draft
 * @returns {import('./types.js').UserMessageInput}
 */
export const toInput = (draft) =>
  userInput(composeContent(draft.text.trim(), draft.tags), draft.attachments, draft.reply, draft.toolId, draft.modelId);

/** @param {ComposerHooks} hooks */
export function createComposer(hooks) {
  const { onError } = hooks;
  /** @type {ComposerOptions} */
  let options = {};
  /** @type {string | null} */
  let reply = null;
  /** @type {Entity[]} */
  let tags = [];
  /** @type {Chip[]} */
  let chips = [];
  /** @type {import('./types.js').ToolOption[]} options.tools, or none */
  let tools = [];
  /** @type {import('./types.js').ToolOption | undefined} the selected tool, an object of `tools` */
  let tool;
  let busy = false; // a response runs (send disabled); a boolean, as classList.toggle needs
  /** @type {boolean | undefined} ... and may be cancelled (stop shown instead of send) */
  let stoppable;
  /** @type {string | false | undefined} the reason shown while the thread is locked */
  let locked;
  /** @type {Entity[]} the results of the tag search, shown in the menu */
  let found = [];
  /** @type {number} the highlighted result (set with each new list of results) */
  let index;
  /** @type {number | undefined} */
  let timer;
  let queryId = 0;
  /** @type {Promise<{ toggle: () => void }> | undefined} dictation, loaded on first use */
  let dictation;

  const input = /** @type {HTMLTextAreaElement} */ (h('textarea.composer-input', {
    rows: 1, ariaLabel: 'Message', testid: 'composer-input',
    oninput() {
      resize();
      update();
      searchTags();
    },
    /** @param {ClipboardEvent} event */
    onpaste(event) {
      // Pasted files (a screenshot, files copied in a file manager) are attached; text pastes as text.
      const files = [...event.clipboardData?.files ?? []];
      if (files.length && options.attachments?.enabled) {
        event.preventDefault();
        addFiles(files);
      }
    },
    /** @param {KeyboardEvent} event */
    onkeydown(event) {
      if (found.length) {
        // The tag menu is open: it takes the keys that move through and choose its results.
        if (!handleTagMenuKey(event.key)) return;
      } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        // Enter sends, Shift+Enter is a newline; never send in the middle of an IME composition.
        submit();
      } else {
        return;
      }
      event.preventDefault(); // the key was handled here
    },
  }));
  const replyText = h('span.reply-text');
  const replyBox = h('div.composer-reply', { testid: 'composer-reply' },
    glyph('lucide:corner-down-right', 'reply-mark'), replyText,
    h('button.icon-button.small', {
      label: 'Remove quoted text', testid: 'composer-reply-remove', onclick: () => setValue({ reply: null }),
    }, uiIcon('close')));
  const attachmentList = h('div.composer-attachments');
  const tagMenu = h('div.popup.tag-menu', { role: 'listbox', ariaLabel: 'Mention', testid: 'tag-menu' });
  const fileInput = h('input', {
    type: 'file', multiple: true, hidden: true,
    onchange() {
      const files = [.../** @type {FileList} */ (fileInput.files)];
      fileInput.value = ''; // choosing the same file again must fire change again
      addFiles(files);
    },
  });
  const attachButton = /** @type {HTMLButtonElement} */ (h('button.icon-button', {
    label: 'Attach files', testid: 'attach', onclick: () => fileInput.click(),
  }, uiIcon('paperclip')));
  // entities.showComposerMenu
  const mentionButton = h('button.icon-button.glyph', {
    label: 'Mention', text: '@', testid: 'composer-mention',
    onclick() {
      const start = input.selectionStart;
      input.setRangeText(/\S$/.test(input.value.slice(0, start)) ? ' @' : '@', start, input.selectionEnd, 'end');
      input.focus();
      update();
      searchTags();
    },
  });
  const toolMenu = h('div.popup.tool-menu', {
    role: 'menu', ariaLabel: 'Tools',
    /** @param {KeyboardEvent} event */
    onkeydown(event) {
      if (handleToolMenuKey(event.key)) event.preventDefault();
    },
  });
  const toolsButton = /** @type {HTMLButtonElement} */ (h('button.icon-button', {
    label: 'Tools', ariaHasPopup: 'menu', testid: 'composer-tools',
    onclick() {
      if (!toolMenu.hidden) return showMenu(false);
      toolMenu.replaceChildren(...tools.filter((t) => !t.pinned).map((t) => h('button.popup-option', {
        role: 'menuitemradio', ariaChecked: `${t === tool}`, testid: 'composer-tool', dataset: { toolId: t.id }, tabIndex: -1,
        onclick() {
          toggleTool(t);
          showMenu(false);
          input.focus();
        },
      }, glyph(t.icon), h('span', { text: t.label }))));
      showMenu(true);
      // The button only shows when some tool is not pinned, so the menu has a first item.
      /** @type {HTMLElement} */ (toolMenu.firstElementChild).focus();
    },
  }, uiIcon('tools')));
  const micButton = /** @type {HTMLButtonElement} */ (h('button.icon-button.dictate', {
    label: 'Dictate', testid: 'dictate',
    async onclick() {
      dictation ??= import('./dictation.js').then((m) => m.createDictation(micButton, { transcribe: hooks.transcribe, onText: insertText, onError }));
      (await dictation).toggle();
    },
  }, uiIcon('mic')));
  const toolChips = h('div.tool-chips');
  const modelSelect = /** @type {HTMLSelectElement} */ (h('select.model-select', { ariaLabel: 'Model', testid: 'composer-model' }));
  const sendButton = /** @type {HTMLButtonElement} */ (h('button.send-button', { type: 'submit', label: 'Send message', testid: 'send' }, uiIcon('send')));
  const stopButton = h('button.send-button.stop', { label: 'Stop response', testid: 'stop', onclick: hooks.onStop },
    h('span.stop-square', { ariaHidden: 'true' }));
  const lockedNote = h('p.composer-locked', { role: 'status', testid: 'composer-locked' });
  /** @param {DragEvent} event files dragged where attachments can be added now */
  const acceptsDrop = (event) => carriesFiles(event) && !locked && Boolean(options.attachments?.enabled);
  /** @param {boolean} over whether files are dragged over the composer */
  const showDropTarget = (over) => el.classList.toggle('drop-target', over);
  const el = h('div.composer-area', {
    // Files dropped on the composer are attached, as with the paperclip.
    /** @param {DragEvent} event */
    ondragover(event) {
      if (!acceptsDrop(event)) return;
      event.preventDefault(); // allows the drop
      /** @type {DataTransfer} */ (event.dataTransfer).dropEffect = 'copy';
      showDropTarget(true);
    },
    /** @param {DragEvent} event */
    ondragleave(event) {
      if (!el.contains(/** @type {Node | null} */ (event.relatedTarget))) showDropTarget(false);
    },
    /** @param {DragEvent} event */
    ondrop(event) {
      showDropTarget(false);
      if (!acceptsDrop(event)) return;
      event.preventDefault(); // the browser would open the file in the tab
      addFiles([.../** @type {DataTransfer} */ (event.dataTransfer).files]);
    },
  }, lockedNote, h('form.composer', {
    ariaLabel: 'Message composer',
    /** @param {Event} e */
    onsubmit(e) {
      e.preventDefault();
      submit();
    },
    // Menus close when focus goes elsewhere.
    /** @param {FocusEvent} e */
    onfocusout(e) {
      if (!el.contains(/** @type {Node | null} */ (e.relatedTarget))) {
        showMenu(false);
        closeTags();
      }
    },
  },
  replyBox, attachmentList, tagMenu, input,
  h('div.composer-toolbar',
    h('div.toolbar-start', attachButton, fileInput, mentionButton, toolsButton, toolMenu, toolChips, modelSelect),
    h('div.toolbar-end', micButton, sendButton, stopButton))));

  /**
   * A key pressed while the tag menu shows results.
   * @param {string} key
   * @returns {boolean} whether the menu handled it
   */
  const handleTagMenuKey = (key) => {
    switch (key) {
      case 'Escape':
        closeTags();
        return true;
      case 'Enter':
      case 'Tab':
        chooseTag(found[index]);
        return true;
      case 'ArrowUp':
      case 'ArrowDown': // move through the results, wrapping around
        index = (index + (key === 'ArrowUp' ? found.length - 1 : 1)) % found.length;
        drawTags();
        return true;
      default:
        return false;
    }
  };

  /**
   * A key pressed in the tool menu, as in any menu: the arrows, Home and End move between the
   * items (wrapping around), Escape closes it and gives focus back to its button, Tab closes it.
   * @param {string} key
   * @returns {boolean} whether the key was handled here (its default action is then prevented)
   */
  const handleToolMenuKey = (key) => {
    const items = /** @type {HTMLElement[]} */ ([...toolMenu.children]);
    const current = items.findIndex((item) => item.matches(':focus'));
    const last = items.length - 1;
    /** @type {Record<string, number>} */
    const moves = { ArrowDown: current < last ? current + 1 : 0, ArrowUp: current > 0 ? current - 1 : last, Home: 0, End: last };
    if (Object.hasOwn(moves, key)) {
      items[moves[key]]?.focus();
      return true;
    }
    if (key === 'Escape') {
      showMenu(false);
      toolsButton.focus();
      return true;
    }
    if (key === 'Tab') showMenu(false); // focus moves on as usual
    return false;
  };

  const canSend = () => Boolean(input.value.trim() || chips.length) && !busy && !locked && chips.every((chip) => chip.attachment);
  const submit = () => {
    if (canSend()) hooks.onSubmit();
  };

  const update = () => {
    // `locked` is the reason shown (a string) while the thread is locked or closed, else false.
    const isLocked = Boolean(locked);
    input.disabled = isLocked;
    attachButton.disabled = isLocked;
    mentionButton.disabled = isLocked;
    toolsButton.disabled = isLocked;
    micButton.disabled = isLocked;
    input.placeholder = locked || (tool?.placeholderOverride ?? options.placeholder ?? 'Message the AI');
    lockedNote.textContent = locked || '';
    lockedNote.hidden = !isLocked;
    replyBox.hidden = !reply;
    replyText.textContent = reply ?? '';
    replyText.title = reply ?? '';
    attachmentList.hidden = !chips.length;
    stopButton.hidden = !stoppable;
    sendButton.hidden = Boolean(stoppable);
    sendButton.disabled = !canSend();
    sendButton.classList.toggle('waiting', busy);
  };

  /** Grows the text box with its content, up to the CSS max-height. */
  const resize = () => {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 'px';
  };

  /** @param {ComposerValue} value */
  const setValue = (value) => {
    if (value.text !== undefined) {
      input.value = value.text ?? '';
      tags = value.tags ?? [];
    }
    if (value.reply !== undefined) reply = value.reply?.trim() ? value.reply : null;
    if (value.attachments) {
      chips.forEach((chip) => removeChip(chip));
      value.attachments.forEach((attachment) => addChip(attachment));
    }
    if (value.files) addFiles(value.files);
    if (value.selectedToolId !== undefined) selectTool(value.selectedToolId);
    if (value.selectedModelId !== undefined) modelSelect.value = value.selectedModelId ?? '';
    resize();
    update();
  };

  /**
   * Dictated text goes in at the caret, set apart from the words around it by a space.
   * @param {string} text
   */
  const insertText = (text) => {
    const { value, selectionStart: start, selectionEnd: end } = input;
    const before = start && !/\s$/.test(value.slice(0, start)) ? ' ' : '';
    input.setRangeText(before + text, start, end, 'end');
    resize();
    update();
    input.focus();
  };

  // ---- @-tags ---------------------------------------------------------------------------

  /** The `@query` right before the caret, if any: `input` is the text before the caret, [1] the query. */
  const tagQuery = () => /(?:^|\s)@([^\s@]{0,40})$/.exec(input.value.slice(0, input.selectionStart));

  const searchTags = () => {
    const search = hooks.tagSearch();
    const match = search && tagQuery();
    const id = ++queryId; // an older search still running is dropped when it answers
    clearTimeout(timer);
    if (!match) return closeTags();
    timer = setTimeout(async () => {
      try {
        const results = await search(match[1]);
        if (id === queryId) {
          found = (results ?? []).slice(0, 20);
          index = 0;
          drawTags();
        }
      } catch (error) {
        onError(error instanceof Error ? error.message : 'Tag search failed.');
        closeTags();
      }
    }, 150);
  };

  const drawTags = () => {
    tagMenu.hidden = !found.length;
    tagMenu.replaceChildren(...found.map((entity, i) => h('div.popup-option', {
      class: i === index && 'selected', role: 'option', ariaSelected: `${i === index}`, testid: 'tag-option',
      // mousedown keeps focus in the text box, so the caret position is still known
      /** @param {MouseEvent} e */
      onmousedown(e) {
        e.preventDefault();
        chooseTag(entity);
      },
    }, glyph(entity.icon), h('span', { text: entity.title }), entity.group && h('span.option-meta', { text: entity.group }))));
  };

  const closeTags = () => {
    found = [];
    drawTags();
  };

  /**
   * Replaces the typed `@query` with `@Title ` and remembers the entity; composeContent turns
   * the mention into an input_tag part when the message is sent.
   * @param {Entity} entity
   */
  const chooseTag = (entity) => {
    const match = tagQuery();
    if (!match) return;
    const caret = match.input.length;
    input.setRangeText(`@${entity.title} `, caret - match[1].length - 1, caret, 'end');
    if (!tags.some((t) => t.id === entity.id)) tags.push(entity);
    closeTags();
    update();
  };

  // ---- tools ------------------------------------------------------------------------------

  /** @param {string | null | undefined} id */
  const find = (id) => (id == null ? undefined : tools.find((t) => t.id === id));

  /** @param {string | null} id an unknown id selects none */
  const selectTool = (id) => {
    const chosen = find(id);
    if (chosen !== tool) {
      tool = chosen;
      drawTools();
      hooks.onToolChange(tool?.id ?? null);
    }
  };

  /** @param {import('./types.js').ToolOption} t */
  const toggleTool = (t) => selectTool(t === tool ? null : t.id);

  /** Pinned tools are toggles in the toolbar; the selected one shows as a removable chip. Updates the state. */
  const drawTools = () => {
    toolChips.replaceChildren(...tools.filter((t) => t.pinned).map((t) => h('button.chip.tool-chip', {
      class: t === tool && 'selected', ariaPressed: `${t === tool}`, testid: 'composer-tool',
      dataset: { toolId: t.id }, onclick: () => toggleTool(t),
    }, chipLabel(t))),
    ...tool && !tool.pinned ? [h('span.chip.tool-chip.selected', { testid: 'composer-selected-tool' },
      chipLabel(tool), removeButton(tool.label, () => selectTool(null)))] : []);
    update();
  };

  /** @param {boolean} open */
  const showMenu = (open) => {
    toolMenu.hidden = !open;
    toolsButton.ariaExpanded = `${open}`;
  };

  // ---- attachments ------------------------------------------------------------------------

  /** @param {File[]} files */
  const addFiles = (files) => {
    const config = options.attachments;
    if (!config?.enabled) return onError('Attachments are not enabled.');
    const max = config.maxCount ?? 10;
    // One size for all, or by type: `image/png`, then `image/*`, then `*` (or empty).
    const sizes = config.maxSize ?? {};
    for (const file of files) {
      if (chips.length >= max) return onError(`You can attach up to ${max} files.`);
      const limit = typeof sizes === 'number' ? sizes
        : sizes[file.type] ?? sizes[file.type.replace(/\/.*/, '/*')] ?? sizes['*'] ?? sizes[''] ?? 100 * MB;
      if (file.size > limit) onError(`${file.name} is larger than ${Math.round(limit / MB)} MB.`);
      else upload(file);
    }
  };

  /** @param {File} file */
  const upload = async (file) => {
    const chip = addChip(file);
    try {
      chip.attachment = await hooks.upload(file);
      chip.el.classList.remove('uploading');
    } catch (error) {
      removeChip(chip);
      onError(`Upload of ${file.name} failed${error instanceof Error ? ': ' + error.message : '.'}`);
    }
    update();
  };

  /**
   * A chip for a file being uploaded, or for an attachment already uploaded.
   * @param {File | Attachment} source
   */
  const addChip = (source) => {
    const name = source.name ?? 'file';
    const file = source instanceof File;
    const url = file && source.type.startsWith('image/') ? URL.createObjectURL(source) : null;
    const src = url || source.type === 'image' && /** @type {Attachment} */ (source).preview_url;
    /** @type {Chip} */
    const chip = {
      attachment: file ? null : /** @type {Attachment} */ (source),
      url,
      el: h('div.composer-attachment', { class: file && 'uploading', testid: 'composer-attachment', title: name },
        src ? h('img', {
          src, alt: '',
          onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.currentTarget).replaceWith(fileIcon()),
        }) : fileIcon(),
        h('span.attachment-name', { text: name }),
        h('span.spinner', { ariaLabel: 'Uploading' }),
        removeButton(name, () => removeChip(chip, true))),
    };
    chips.push(chip);
    attachmentList.append(chip.el);
    update();
    return chip;
  };

  /**
   * @param {Chip} chip
   * @param {boolean} [deleteOnServer] the user removed an uploaded file, so the server can drop it
   */
  const removeChip = (chip, deleteOnServer) => {
    chips = chips.filter((c) => c !== chip);
    chip.el.remove();
    if (chip.url) URL.revokeObjectURL(chip.url);
    if (deleteOnServer && chip.attachment) hooks.deleteAttachment(chip.attachment.id);
    update();
  };

  /**
   * Applies the composer options (called on every setOptions).
   * @param {ComposerOptions} value
   * @param {boolean} [mentionMenu] show the @ button
   */
  const configure = (value, mentionMenu) => {
    options = value; // the element passes `options.composer ?? {}`
    mentionButton.hidden = !mentionMenu;
    const attachments = options.attachments;
    attachButton.hidden = !attachments?.enabled;
    fileInput.accept = Object.entries({ ...attachments?.accept }).flatMap(([mime, extensions]) => [mime, ...extensions]).join();

    tools = options.tools ?? [];
    tool = find(tool?.id); // the same tool in the new options, or none
    toolsButton.hidden = tools.every((t) => t.pinned);
    micButton.hidden = !options.dictation?.enabled;

    const models = options.models ?? [];
    const enabled = models.filter((m) => !m.disabled);
    const previous = modelSelect.value;
    modelSelect.replaceChildren(...models.map((m) => h('option', { value: m.id, disabled: m.disabled, title: m.description }, m.label)));
    modelSelect.hidden = !models.length;
    // `==`: the select's value is a string, a model's id may not be.
    modelSelect.value = (enabled.find((m) => m.id == previous) ?? enabled.find((m) => m.default) ?? enabled[0])?.id ?? '';
    drawTools();
  };

  configure({});
  showMenu(false);
  closeTags();

  return {
    el,
    setValue,
    configure,

    /**
     * @param {'idle' | 'waiting' | 'streaming'} mode waiting = request sent, stream not cancellable (yet)
     * @param {boolean} [allowCancel]
     */
    setMode(mode, allowCancel) {
      busy = mode !== 'idle';
      stoppable = busy && allowCancel;
      update();
    },

    /**
     * Locked and closed threads take no input; the reason is shown and used as placeholder.
     * @param {boolean} isLocked
     * @param {string | null} reason
     */
    setLocked(isLocked, reason) {
      locked = isLocked && (reason || 'This conversation is closed.');
      update();
    },

    focus() {
      input.focus();
      input.selectionStart = input.value.length; // the caret goes to the end
    },

    /** @returns {Draft} */
    snapshot: () => ({
      text: input.value,
      tags: [...tags],
      reply,
      attachments: /** @type {Attachment[]} */ (chips.map((c) => c.attachment).filter(Boolean)),
      toolId: tool?.id ?? null,
      modelId: !modelSelect.hidden && modelSelect.value || null,
    }),

    /** Empties the draft after sending; a persistent tool and the model stay selected. */
    clear: () => setValue({ text: '', reply: null, attachments: [], selectedToolId: tool?.persistent ? tool.id : null }),

    /**
     * Puts a draft back (sending failed before the server took the message).
     * @param {Draft} draft
     */
    restore: (draft) => setValue({ ...draft, selectedToolId: draft.toolId }),
  };
}

const fileIcon = () => h('span.file-icon', uiIcon('file'));

/**
 * Whether a drag carries files (rather than text or a link).
 * @param {DragEvent} event
 */
const carriesFiles = (event) => Boolean(event.dataTransfer?.types.includes('Files'));

/**
 * While the element is on the page, a file dropped anywhere but on the composer is ignored: the
 * browser would otherwise open it in the tab and the conversation would be gone. The composer
 * takes its drops first (and marks them handled).
 * @param {Document} doc
 * @returns {() => void} removes the guard
 */
export function guardPageDrops(doc) {
  /** @param {DragEvent} event */
  const ignore = (event) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    /** @type {DataTransfer} */ (event.dataTransfer).dropEffect = 'none';
  };
  doc.addEventListener('dragover', ignore);
  doc.addEventListener('drop', ignore);
  return () => {
    doc.removeEventListener('dragover', ignore);
    doc.removeEventListener('drop', ignore);
  };
}

/** @param {import('./types.js').ToolOption} tool */
const chipLabel = (tool) => [glyph(tool.icon, null), h('span', { text: tool.shortLabel ?? tool.label })];

/**
 * The × on a chip.
 * @param {string} name what it removes
 * @param {() => void} onclick
 */
const removeButton = (name, onclick) => h('button.chip-remove', { ariaLabel: `Remove ${name}`, onclick }, uiIcon('close'));
