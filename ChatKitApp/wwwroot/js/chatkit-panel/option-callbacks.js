// @ts-check
// Callback members of the options set in .NET (ChatKitOptionCallbacks) arrive as `true`, since JSON
// carries no functions; each becomes a function that sends its path and arguments to .NET
// (ChatKitPanel.OnOptionCallbackAsync) and gives the element what .NET answers.

// The same list as ChatKitOptionCallbacks.Paths.
const PATHS = [
  'header.leftAction.onClick', 'header.rightAction.onClick',
  'entities.onTagSearch', 'entities.onClick', 'entities.onRequestPreview',
  'commands.onSearch', 'commands.onSelect',
];

/**
 * A copy of `options` with a function at every callback member marked `true`.
 * @param {Record<string, any>} options @param {any} dotnet a DotNetObjectReference
 * @returns {Record<string, any>}
 */
export function withCallbacks(options, dotnet) {
  const copy = structuredClone(options);
  for (const path of PATHS) {
    const keys = path.split('.');
    const last = /** @type {string} */ (keys.pop());
    const parent = keys.reduce((/** @type {any} */ node, key) => node?.[key], copy);
    if (parent?.[last] !== true) continue;
    parent[last] = async (/** @type {unknown[]} */ ...args) => {
      const answer = await dotnet.invokeMethodAsync('OnOptionCallbackAsync', path, JSON.stringify(args));
      return answer == null ? undefined : JSON.parse(answer);
    };
  }
  return copy;
}
