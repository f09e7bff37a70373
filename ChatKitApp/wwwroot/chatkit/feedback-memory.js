// @ts-check
// The feedback the user gave, remembered in this browser: the protocol sends feedback
// (`items.feedback`) but never returns it, so after a reload only the browser knows which thumb
// was pressed. One localStorage entry per rated turn, keyed by thread and the turn's first item.
// Storage may be unavailable (disabled, full, a sandboxed frame): then nothing is remembered.

/** @typedef {'positive' | 'negative'} FeedbackKind */

/**
 * @param {string} threadId
 * @param {string} itemId
 */
const storageKey = (threadId, itemId) => `chatkit.feedback:${threadId}:${itemId}`;

/**
 * The feedback remembered for a turn, if any.
 * @param {string} threadId
 * @param {string} itemId the turn's first item
 * @returns {FeedbackKind | undefined}
 */
export function recallFeedback(threadId, itemId) {
  try {
    const kind = localStorage.getItem(storageKey(threadId, itemId));
    return kind === 'positive' || kind === 'negative' ? kind : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remembers the feedback the server accepted for a turn.
 * @param {string} threadId
 * @param {string} itemId the turn's first item
 * @param {FeedbackKind} kind
 */
export function rememberFeedback(threadId, itemId, kind) {
  try {
    localStorage.setItem(storageKey(threadId, itemId), kind);
  } catch {
    // Not remembered: the buttons still show it until the page is left.
  }
}
