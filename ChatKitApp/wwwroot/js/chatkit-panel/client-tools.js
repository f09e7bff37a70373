// @ts-check
// Client tools the model can call in the browser. The server declares them (ClientToolRegistry)
// and sends their names in the panel's config; the names here must be the same set, and the panel
// reports any difference as a console error. A call this module does not implement goes to .NET.

import { pageContext } from './page-context.js';

/** @typedef {import('./host-config.js').HostConfig} HostConfig */

/** @type {Record<string, (params: any, config: HostConfig) => any>} */
export const browserTools = {
  get_page_context: (_params, config) => pageContext(config.pageContextLimits),
  set_theme: (params) => {
    const theme = params?.theme === 'dark' ? 'dark' : 'light';
    document.dispatchEvent(new CustomEvent('app:set-theme', { detail: { theme } }));
    return { theme };
  },
};

/**
 * The tools declared without a browser implementation, and those implemented but not declared.
 * @param {string[]} declared
 */
export function mismatchWith(declared) {
  const implemented = Object.keys(browserTools);
  return {
    missing: declared.filter((name) => !implemented.includes(name)),
    undeclared: implemented.filter((name) => !declared.includes(name)),
  };
}

/**
 * The element's `onClientTool` option.
 * @param {HostConfig} config @param {any} dotnet a DotNetObjectReference
 */
export function clientToolHandler(config, dotnet) {
  const { missing, undeclared } = mismatchWith(config.clientTools);
  if (missing.length > 0 || undeclared.length > 0) {
    console.error('Client tools differ from the server\'s ClientToolRegistry.',
      { declaredButNotImplemented: missing, implementedButNotDeclared: undeclared });
  }
  return async (/** @type {{name: string, params: any}} */ call) => {
    const local = browserTools[call.name];
    if (local) return local(call.params, config);
    return JSON.parse(await dotnet.invokeMethodAsync('OnClientToolAsync', call.name, JSON.stringify(call.params ?? {})));
  };
}
