// @ts-check
// The header's notes (demo model, in-memory store) can be dismissed for the rest of the browser
// session. Runs before first paint, so dismissed notes never flash; the stylesheet hides them while
// the page's root carries data-banners-hidden.
(() => {
  const KEY = 'app.banners.hidden';
  const root = document.documentElement;
  const hidden = () => sessionStorage.getItem(KEY) === '1';
  if (hidden()) root.dataset.bannersHidden = '';
  // Blazor's enhanced navigation makes the root match the server's markup: hide them again.
  new MutationObserver(() => {
    if (hidden() && root.dataset.bannersHidden === undefined) root.dataset.bannersHidden = '';
  }).observe(root, { attributes: true, attributeFilter: ['data-banners-hidden'] });

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    if (!target?.closest('[data-banners-dismiss]')) return;
    sessionStorage.setItem(KEY, '1');
    root.dataset.bannersHidden = '';
  });
})();
