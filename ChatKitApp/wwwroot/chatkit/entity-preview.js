// @ts-check
// entities.onRequestPreview: while an interactive entity tag is hovered or focused, the widget
// the host answers for it shows in a card by the tag. Loaded when a tag is first hovered or focused.

import { h } from './dom.js';
import { renderWidget } from './widgets.js';

/** @typedef {import('./types.js').Entity} Entity */

let previews = 0;

/**
 * Asks the host for the tag's preview and shows it until the pointer leaves the tag, the tag
 * loses focus or Escape is pressed; an answer that comes after that is dropped.
 * @param {import('./chat.js').Chat} chat
 * @param {HTMLElement} tag
 * @param {Entity} entity
 */
export async function showEntityPreview(chat, tag, entity) {
  if (tag.ariaBusy || tag.getAttribute('aria-describedby')) return; // asked already, or showing
  tag.ariaBusy = 'true';
  /** @type {HTMLElement | undefined} */
  let card;
  const closed = new AbortController();
  const hide = () => {
    closed.abort();
    card?.remove();
    tag.ariaBusy = null;
    tag.removeAttribute('aria-describedby');
  };
  const { signal } = closed;
  tag.addEventListener('pointerleave', hide, { signal });
  tag.addEventListener('blur', hide, { signal });
  tag.addEventListener('keydown', (event) => event.key === 'Escape' && hide(), { signal });

  /** @type {{ preview: import('./types.js').WidgetNode | null } | undefined} */
  let answer;
  try {
    answer = await chat.options?.entities?.onRequestPreview?.(entity);
  } catch (error) {
    chat.log('entity.preview_failed', { id: entity.id, message: error instanceof Error ? error.message : String(error) });
  }
  const frame = /** @type {HTMLElement | null} */ (tag.closest('.chatkit'));
  if (signal.aborted || !answer?.preview || !frame) return hide();

  // A preview is for reading: its widget's actions go nowhere (they are logged).
  card = h('div.popup.entity-preview', { role: 'tooltip', id: `entity-preview-${++previews}`, testid: 'entity-preview' },
    renderWidget(answer.preview, {
      scheme: chat.scheme,
      markdown: { allowedImageDomains: chat.thread?.allowed_image_domains ?? null },
      log: (name, data) => chat.log(name, data),
      onAction: (action) => chat.log('entity.preview_action_ignored', { type: action.type }),
    }));
  tag.ariaBusy = null;
  tag.setAttribute('aria-describedby', card.id);
  frame.append(card);
  // Below the tag, or above it when there is no room below; always inside the element.
  const at = tag.getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  const below = at.bottom - box.top + 6;
  const top = below + card.offsetHeight > box.height ? Math.max(8, at.top - box.top - card.offsetHeight - 6) : below;
  Object.assign(card.style, {
    top: `${top}px`, bottom: 'auto', left: `${Math.max(8, Math.min(at.left - box.left, box.width - card.offsetWidth - 8))}px`,
  });
}
