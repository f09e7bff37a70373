// @ts-check
// Light/dark theme for the whole page. Runs before first paint (no flash) and follows the OS theme
// until the user chooses one (the header toggle or the chat's set_theme client tool); only that
// choice is remembered. Announces every change with an 'app:theme-changed' event so the chat
// element can follow.
(() => {
  const KEY = 'app.theme';
  const root = document.documentElement;
  const osDark = matchMedia('(prefers-color-scheme: dark)');

  /** The user's own choice, or null while the page follows the OS. */
  const chosen = () => {
    const value = localStorage.getItem(KEY);
    return value === 'dark' || value === 'light' ? value : null;
  };

  const preferred = () => chosen() ?? (osDark.matches ? 'dark' : 'light');

  /** The theme on screen. */
  let current = 'light';

  /** @param {string} theme @param {boolean} announce */
  const show = (theme, announce) => {
    const value = theme === 'dark' ? 'dark' : 'light';
    const changed = current !== value;
    current = value;
    root.dataset.bsTheme = value;
    document.querySelectorAll('[data-theme-toggle]').forEach((button) => {
      button.setAttribute('aria-pressed', String(value === 'dark'));
    });
    if (announce && changed) document.dispatchEvent(new CustomEvent('app:theme-changed', { detail: { theme: value } }));
  };

  /** A choice the user made: shown and remembered. @param {string} theme */
  const choose = (theme) => {
    localStorage.setItem(KEY, theme === 'dark' ? 'dark' : 'light');
    show(theme, true);
  };

  current = preferred();
  root.dataset.bsTheme = current;
  // Blazor's enhanced navigation makes the document match the server's markup, which knows no theme
  // (and renders the toggle unpressed): put both back before the next page paints.
  new MutationObserver(() => {
    if (root.dataset.bsTheme !== current) show(current, false);
  }).observe(root, { attributes: true, attributeFilter: ['data-bs-theme'] });

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    if (target?.closest('[data-theme-toggle]')) choose(root.dataset.bsTheme === 'dark' ? 'light' : 'dark');
  });
  document.addEventListener('app:set-theme', (event) => choose(/** @type {CustomEvent} */ (event).detail?.theme));
  osDark.addEventListener('change', () => show(preferred(), true));
  document.addEventListener('DOMContentLoaded', () => show(preferred(), false));
})();
