// @ts-check
// Toasts for the chat's client effects: the chat host re-dispatches every `client_effect` of a
// response as an 'app:chatkit-effect' event on document; the `toast` effect shows a short, polite
// notification in the corner of the page. Text only (textContent): the message comes from the model.
(() => {
  const SHOW_MS = 6000;
  const MAX_VISIBLE = 3;

  const region = () => {
    let el = document.getElementById('app-toasts');
    if (!el) {
      el = document.createElement('div');
      el.id = 'app-toasts';
      el.className = 'app-toasts';
      el.setAttribute('role', 'status');
      el.setAttribute('aria-live', 'polite');
      document.body.append(el);
    }
    return el;
  };

  document.addEventListener('app:chatkit-effect', (event) => {
    const effect = /** @type {CustomEvent} */ (event).detail;
    if (effect?.name !== 'toast') return;
    const message = String(effect.data?.message ?? '').slice(0, 200);
    if (!message) return;
    const kind = ['success', 'warning'].includes(effect.data?.kind) ? effect.data.kind : 'info';
    const toast = document.createElement('div');
    toast.className = `app-toast app-toast-${kind}`;
    toast.dataset.testid = 'toast';
    toast.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'app-toast-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => toast.remove());
    toast.append(close);
    const container = region();
    container.append(toast);
    while (container.childElementCount > MAX_VISIBLE) container.firstElementChild?.remove();
    setTimeout(() => toast.remove(), SHOW_MS);
  });
})();
