// @ts-check
// Collapsing and expanding the side-panel chat (narrow screens), and expanding it when the Ask
// button asks for it. Uses event delegation because Blazor re-renders the page's markup.
(() => {
  /** @param {boolean} open */
  const setOpen = (open) => {
    document.querySelectorAll('[data-chat-layout]').forEach((layout) => {
      layout.toggleAttribute('data-collapsed', !open);
      layout.querySelector('[data-chat-toggle]')?.setAttribute('aria-expanded', String(open));
    });
  };

  document.addEventListener('click', (event) => {
    const toggle = /** @type {Element | null} */ (event.target)?.closest?.('[data-chat-toggle]');
    if (toggle) setOpen(toggle.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('app:open-chat', () => setOpen(true));
})();
