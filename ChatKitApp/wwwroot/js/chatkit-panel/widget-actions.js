// @ts-check
// Widget actions whose handler is 'client' go to .NET (ChatKitPanel.OnWidgetActionAsync). Same
// `widgets.onAction(action, {id, widget})` on the CDN element and ours; the element keeps the
// widget busy until the returned promise settles.

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/**
 * The element's `widgets` option: a handler only when the page set one in .NET, so that otherwise
 * the element still reports the action as unhandled (chatkit.log) instead of it vanishing.
 * @param {HostConfig} config @param {any} dotnet a DotNetObjectReference
 */
export function widgetActions(config, dotnet) {
  if (!config.widgetActions) return undefined;
  return {
    /** @param {{ type: string, payload?: unknown }} action @param {{ id: string, widget: unknown }} item */
    onAction: (action, item) => dotnet.invokeMethodAsync('OnWidgetActionAsync', JSON.stringify(action), JSON.stringify(item)),
  };
}
