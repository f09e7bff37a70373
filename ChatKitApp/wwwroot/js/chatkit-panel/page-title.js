// @ts-check
// Where the chat is the page, the open thread's title leads the page's title ("Trip ideas ·
// ChatKitApp"), as in ChatGPT and Claude.ai, so tabs and the browser history say which chat they
// hold. The element's events carry only the thread id, so the title is read from the server
// (threads.get_by_id) when the thread changes and when a response ends (a new thread is named during
// its first reply).

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/**
 * Follows the element's thread until the returned function is called, which gives the page its own
 * title back.
 * @param {HTMLElement} element @param {HostConfig} config @param {typeof fetch} send the panel's fetch
 * @returns {() => void}
 */
export function followThreadTitle(element, config, send) {
  const pageTitle = document.title;
  /** @type {string | null} */
  let threadId = null;
  let lookups = 0;

  let shown = pageTitle;

  /** @param {string | null} title */
  const show = (title) => {
    shown = title ? `${title} · ${pageTitle}` : pageTitle;
    document.title = shown;
  };

  const refresh = async () => {
    const id = threadId;
    const lookup = ++lookups;
    if (!id) {
      show(null);
      return;
    }
    try {
      const response = await send(config.apiUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'threads.get_by_id', params: { thread_id: id } }),
      });
      if (!response.ok) return;
      const thread = await response.json();
      const title = typeof thread?.title === 'string' ? thread.title.trim() : '';
      if (lookup === lookups) show(title || null); // a newer thread change has its own look-up
    } catch {
      // The title is a nicety: a failed look-up leaves the page's title as it was.
    }
  };

  /** @type {EventListener} */
  const onThread = (event) => {
    threadId = /** @type {CustomEvent} */ (event).detail?.threadId ?? null;
    void refresh();
  };
  /** @type {EventListener} */
  const onResponseEnd = () => void refresh();

  element.addEventListener('chatkit.thread.change', onThread);
  element.addEventListener('chatkit.response.end', onResponseEnd);
  return () => {
    element.removeEventListener('chatkit.thread.change', onThread);
    element.removeEventListener('chatkit.response.end', onResponseEnd);
    lookups++; // a look-up still on its way is dropped
    // After a navigation the next page has set its own title already: only ours is taken back.
    if (document.title === shown) document.title = pageTitle;
  };
}
