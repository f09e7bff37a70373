// @ts-check
// What the user is looking at, for the model: plain text only, each field cut to the cap the
// server enforces (PageContext on the server; the caps arrive in the panel's config).

/** @typedef {import('./host-config.js').PageContextLimits} PageContextLimits */

/**
 * Trims and cuts like the server does: a value longer than the cap keeps cap - 1 characters and
 * ends with '…', so the model still sees that it was cut.
 * @param {string | null | undefined} value @param {number} max
 */
function cap(value, max) {
  const text = (value ?? '').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * @param {PageContextLimits} limits
 * @param {string} [selection] the text the user asked about, when the live selection is gone
 */
export function pageContext(limits, selection) {
  const description = document.querySelector('meta[name="description"]')?.getAttribute('content');
  const headings = [...document.querySelectorAll('main h1, main h2, main h3')]
    .map((h) => cap(h.textContent, limits.heading))
    .filter((h) => h.length > 0)
    .slice(0, limits.headings);
  const live = window.getSelection()?.toString() ?? '';
  return {
    url: cap(location.href, limits.url),
    path: cap(location.pathname, limits.url),
    title: cap(document.title, limits.title),
    description: cap(description, limits.description),
    headings,
    selection: cap(live.trim() ? live : selection, limits.selection),
  };
}
