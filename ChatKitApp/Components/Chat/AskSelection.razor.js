// @ts-check
// The text-selection "Ask" button. It lives inside the article (so Tab reaches it right after the
// text), keeps the selection alive on press, and hands the text to the chat panel through an
// 'app:ask' event. 'app:open-chat' first expands a collapsed side panel.

const MAX_LENGTH = 4000;

/** @param {string} selector */
export function attach(selector) {
  const container = /** @type {HTMLElement | null} */ (document.querySelector(selector));
  if (!container) return { detach() {} };
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ask-selection';
  button.textContent = 'Ask';
  button.setAttribute('aria-label', 'Ask the chat about the selected text');
  button.dataset.testid = 'ask-selection';
  button.hidden = true;
  Object.assign(button.style, {
    position: 'absolute', zIndex: '20', padding: '.25rem .7rem', borderRadius: '999px',
    border: '1px solid var(--app-border)', background: 'var(--app-accent)', color: '#fff',
    fontSize: '.85rem', boxShadow: '0 4px 14px rgba(0,0,0,.18)', cursor: 'pointer',
  });
  container.append(button);

  let text = '';

  const selectedText = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.commonAncestorContainer)) return null;
    const value = selection.toString().trim();
    return value ? { value: value.slice(0, MAX_LENGTH), rect: range.getBoundingClientRect() } : null;
  };

  const refresh = () => {
    const selected = selectedText();
    if (!selected || selected.rect.bottom < 0 || selected.rect.top > window.innerHeight) {
      if (document.activeElement !== button) button.hidden = true;
      return;
    }
    text = selected.value;
    const box = container.getBoundingClientRect();
    // The button scrolls with the container's content (the article scrolls in its column on wide
    // screens): its offsets count from the content's start, not from the visible box.
    button.style.top = `${selected.rect.bottom - box.top + container.scrollTop + 6}px`;
    button.style.left = `${Math.max(0, selected.rect.left - box.left + container.scrollLeft)}px`;
    button.hidden = false;
  };

  const ask = () => {
    if (!text) return;
    document.dispatchEvent(new CustomEvent('app:open-chat'));
    document.dispatchEvent(new CustomEvent('app:ask', { detail: { text } }));
    button.hidden = true;
  };

  const keepSelection = (/** @type {Event} */ e) => e.preventDefault();
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Escape') button.hidden = true;
  };
  document.addEventListener('selectionchange', refresh);
  // Capturing, so the scroll of any container counts: on wide screens the article scrolls in its column.
  document.addEventListener('scroll', refresh, { passive: true, capture: true });
  button.addEventListener('mousedown', keepSelection);
  button.addEventListener('click', ask);
  button.addEventListener('keydown', onKey);

  return {
    detach() {
      document.removeEventListener('selectionchange', refresh);
      document.removeEventListener('scroll', refresh, { capture: true });
      button.remove();
    },
  };
}

