// @ts-check
// Light/dark theme for the whole page. Runs before first paint (no flash), remembers the choice,
// and applies theme requests from the chat's set_theme client tool. Announces every change with
// an 'app:theme-changed' event so the chat element can follow.
(() => {
  const KEY = 'app.theme';
  const root = document.documentElement;

  /** @param {string} theme @param {boolean} announce */
  const apply = (theme, announce) => {
    const value = theme === 'dark' ? 'dark' : 'light';
    root.dataset.bsTheme = value;
    localStorage.setItem(KEY, value);
    document.querySelectorAll('[data-theme-toggle]').forEach((button) => {
      button.setAttribute('aria-pressed', String(value === 'dark'));
    });
    if (announce) document.dispatchEvent(new CustomEvent('app:theme-changed', { detail: { theme: value } }));
  };

  const preferred = localStorage.getItem(KEY) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.bsTheme = preferred === 'dark' ? 'dark' : 'light';

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    if (target?.closest('[data-theme-toggle]')) apply(root.dataset.bsTheme === 'dark' ? 'light' : 'dark', true);
  });
  document.addEventListener('app:set-theme', (event) => apply(/** @type {CustomEvent} */ (event).detail?.theme, true));
  document.addEventListener('DOMContentLoaded', () => apply(root.dataset.bsTheme ?? 'light', false));
})();
