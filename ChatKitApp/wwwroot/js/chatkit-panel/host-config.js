// @ts-check
// The panel's configuration, built by ChatKitPanel.razor. The page-context caps, the metadata keys
// and the client tool names come from the server's own definitions (PageContextLimits,
// BrowserMetadata, ClientToolRegistry), so the browser never keeps a copy of its own.

/**
 * @typedef {{ url: number, title: number, description: number, heading: number, headings: number,
 *   selection: number }} PageContextLimits
 * @typedef {{ source: 'Auto'|'Cdn'|'Local', cdnUrl: string, localUrl: string, timeoutMs: number,
 *   apiUrl: string, domainKey: string, directUpload: boolean, storageKey: string, loginUrl: string,
 *   mode: 'SelfHosted'|'Hosted', sessionUrl: string, refreshUrl: string,
 *   pageContextLimits: PageContextLimits, metadataKeys: { page: string, timeZone: string },
 *   clientTools: string[], focusOnLoad: boolean, pageTitleFollowsThread: boolean,
 *   widgetActions: boolean, optionCallbacks: string[] }} HostConfig
 */

export {};
