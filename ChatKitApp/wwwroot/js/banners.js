// @ts-check
// The header's notes (demo model, in-memory store) can be dismissed for the rest of the browser
// session. Runs before first paint, so dismissed notes never flash; the stylesheet hides them while
// the page's root carries data-banners-hidden.
(() => {
  const KEY = 'app.banners.hidden';
  const root = document.documentElement;
  if (sessionStorage.getItem(KEY) === '1') root.dataset.bannersHidden = '';

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    if (!target?.closest('[data-banners-dismiss]')) return;
    sessionStorage.setItem(KEY, '1');
    root.dataset.bannersHidden = '';
  });
})();
