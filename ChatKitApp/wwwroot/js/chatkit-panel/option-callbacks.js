// @ts-check
// Callback members of the options set in .NET (ChatKitOptionCallbacks) arrive as `true`, since JSON
// carries no functions; each becomes a function that sends its path and arguments to .NET
// (ChatKitPanel.OnOptionCallbackAsync) and gives the element what .NET answers.

/**
 * A copy of `options` with a function at every callback member marked `true`. The paths are the
 * panel's config (ChatKitOptionCallbacks.Paths), so the browser keeps no list of its own.
 * @param {Record<string, any>} options @param {string[]} paths @param {any} dotnet a DotNetObjectReference
 * @returns {Record<string, any>}
 */
export function withCallbacks(options, paths, dotnet) {
  const copy = structuredClone(options);
  for (const path of paths) {
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
