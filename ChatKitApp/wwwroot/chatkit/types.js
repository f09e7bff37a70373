// @ts-check
// Shared JSDoc types for the offline ChatKit element. This module exports nothing at run time;
// other modules refer to these shapes with `import('./types.js').Name`.
// Wire shapes are the protocol's (snake_case); option shapes follow the public
// `@openai/chatkit` typings (camelCase).

/**
 * @typedef {{ type: 'active' } | { type: 'locked' | 'closed', reason?: string }} ThreadStatus
 *
 * @typedef {object} ThreadMetadata
 * @property {string} id
 * @property {string} [title]
 * @property {string} created_at
 * @property {ThreadStatus} [status]
 * @property {string[]} [allowed_image_domains]
 *
 * @typedef {ThreadMetadata & { items?: Page<ThreadItem> }} Thread
 */

/**
 * @template T
 * @typedef {{ data: T[], has_more: boolean, after?: string | null }} Page
 */

/**
 * A thread item. Items are kept as plain JSON objects exactly as the server sent them, so the
 * variant-specific fields are optional here and each renderer reads the ones of its `type`.
 * @typedef {object} ThreadItem
 * @property {string} id
 * @property {string} [thread_id]
 * @property {string} [created_at]
 * @property {string} type
 * @property {any[]} [content]
 * @property {Attachment[]} [attachments]
 * @property {string | null} [quoted_text]
 * @property {InferenceOptions} [inference_options]
 * @property {string} [status]
 * @property {string} [call_id]
 * @property {string} [name]
 * @property {Record<string, unknown>} [arguments]
 * @property {unknown} [output]
 * @property {WidgetNode} [widget]
 * @property {string | null} [copy_text]
 * @property {{ id: string, url: string } | null} [image]
 * @property {number} [progress] client-only: generated image progress (0..1) from updates
 * @property {StructuredInput[]} [inputs]
 * @property {Workflow} [workflow]
 * @property {Task} [task]
 */

/**
 * @typedef {{ type: 'output_text', text: string, annotations?: Annotation[] }} AssistantContent
 * @typedef {{ type: 'annotation', source: Source, index?: number | null }} Annotation
 * @typedef {{ type: 'url' | 'file' | 'entity', title: string, url?: string, filename?: string,
 *   id?: string, label?: string, description?: string, interactive?: boolean,
 *   data?: Record<string, unknown> }} Source
 */

/**
 * @typedef {{ type: 'input_text', text: string }
 *   | { type: 'input_tag', id: string, text: string, data?: Record<string, unknown>,
 *       group?: string, interactive?: boolean }} UserMessageContent
 *
 * @typedef {{ tool_choice?: { id: string }, model?: string }} InferenceOptions
 *
 * @typedef {object} UserMessageInput
 * @property {UserMessageContent[]} content
 * @property {string[]} attachments ids of already uploaded attachments
 * @property {string | null} quoted_text
 * @property {InferenceOptions} inference_options
 */

/**
 * @typedef {object} Attachment
 * @property {string} id
 * @property {'file' | 'image'} type
 * @property {string} name
 * @property {string} mime_type
 * @property {string} [preview_url]
 * @property {{ url: string, method: string, headers?: Record<string, string> }} [upload_descriptor]
 */

/**
 * @typedef {object} Task
 * @property {string} type custom | web_search | thought | file | image
 * @property {string} [title]
 * @property {string} [icon]
 * @property {string} [content]
 * @property {string} [title_query]
 * @property {string[]} [queries]
 * @property {Source[]} [sources]
 * @property {'none' | 'loading' | 'complete'} [status_indicator]
 *
 * @typedef {object} Workflow
 * @property {'custom' | 'reasoning'} type
 * @property {Task[]} tasks
 * @property {{ title?: string, icon?: string, duration?: number }} [summary]
 * @property {boolean} [expanded]
 */

/**
 * The user's answer to a structured input item (`threads.add_structured_input`).
 * @typedef {{ status: 'answered' | 'skipped',
 *   answers: Record<string, { values: string[], skipped: boolean }> }} StructuredInputAnswer
 */

/**
 * @typedef {object} StructuredInput
 * @property {string} id
 * @property {'multiple_choice' | 'freeform'} type
 * @property {string} question
 * @property {{ value: string, label?: string }[]} [options]
 * @property {boolean} [multiple]
 * @property {string} [description]
 * @property {{ values: string[], skipped: boolean }} [answer]
 */

/**
 * A widget component or root, kept as opaque JSON: the props are camelCase and open-ended.
 * @typedef {{ type: string, id?: string, key?: string, children?: any, [prop: string]: any }} WidgetNode
 *
 * @typedef {object} ActionConfig
 * @property {string} type
 * @property {Record<string, unknown>} [payload]
 * @property {'client' | 'server'} [handler]
 * @property {'auto' | 'none' | 'self' | 'container'} [loadingBehavior]
 * @property {boolean} [streaming]
 */

/**
 * @typedef {object} Entity
 * @property {string} id
 * @property {string} title
 * @property {string} [icon]
 * @property {boolean} [interactive]
 * @property {string} [group]
 * @property {Record<string, unknown>} [data]
 */

/**
 * @typedef {object} ToolOption
 * @property {string} id
 * @property {string} label
 * @property {string} [icon]
 * @property {string} [shortLabel]
 * @property {string} [placeholderOverride]
 * @property {boolean} [pinned]
 * @property {boolean} [persistent]
 *
 * @typedef {object} ModelOption
 * @property {string} id
 * @property {string} label
 * @property {string} [description]
 * @property {boolean} [disabled]
 * @property {boolean} [default]
 */

/**
 * The subset of `ChatKitOptions` this element understands (see README.md beside this file).
 * @typedef {object} ChatKitOptions
 * @property {{ url: string, domainKey?: string, fetch?: typeof fetch,
 *   uploadStrategy?: { type: 'two_phase' } | { type: 'direct', uploadUrl: string } }} api
 * @property {string} [locale]
 * @property {'light' | 'dark' | ThemeOption} [theme]
 * @property {string} [frameTitle]
 * @property {string | null} [initialThread]
 * @property {{ enabled?: boolean, title?: { enabled?: boolean, text?: string },
 *   leftAction?: { icon: string, onClick: () => void },
 *   rightAction?: { icon: string, onClick: () => void } }} [header]
 * @property {{ enabled?: boolean, showDelete?: boolean, showRename?: boolean }} [history]
 * @property {{ greeting?: string, prompts?: { label: string, prompt: string | UserMessageContent[],
 *   icon?: string }[] }} [startScreen]
 * @property {{ feedback?: boolean, retry?: boolean }} [threadItemActions]
 * @property {{ autoScroll?: boolean }} [thread]
 * @property {ComposerOptions} [composer]
 * @property {{ text: string, highContrast?: boolean }} [disclaimer]
 * @property {{ onTagSearch?: (query: string) => Promise<Entity[]>, showComposerMenu?: boolean,
 *   onClick?: (entity: Entity) => void,
 *   onRequestPreview?: (entity: Entity) => Promise<{ preview: WidgetNode | null }> }} [entities]
 * @property {{ onAction?: (action: { type: string, payload?: Record<string, unknown> },
 *   widgetItem: { id: string, widget: WidgetNode }) => Promise<void> | void }} [widgets]
 * @property {(call: { name: string, params: Record<string, unknown> }) => unknown} [onClientTool]
 * @property {(effect: { name: string, data: Record<string, unknown> }) => void} [onEffect]
 *
 * @typedef {object} ComposerOptions
 * @property {string} [placeholder]
 * @property {{ enabled: boolean, maxSize?: number | Record<string, number>, maxCount?: number,
 *   accept?: Record<string, string[]> }} [attachments]
 * @property {ToolOption[]} [tools]
 * @property {ModelOption[]} [models]
 * @property {{ enabled: boolean }} [dictation] the microphone, which sends `input.transcribe`
 *
 * @typedef {object} ThemeOption
 * @property {'light' | 'dark'} [colorScheme]
 * @property {'pill' | 'round' | 'soft' | 'sharp'} [radius]
 * @property {'compact' | 'normal' | 'spacious'} [density]
 * @property {{ baseSize?: number, fontFamily?: string, fontFamilyMono?: string,
 *   fontSources?: FontSource[] }} [typography]
 * @property {{ accent?: { primary?: string, level?: number },
 *   grayscale?: { hue: number, tint: number, shade?: number },
 *   surface?: { background?: string, foreground?: string } }} [color]
 *
 * A web font the typography may use (an @font-face).
 * @typedef {object} FontSource
 * @property {string} family
 * @property {string} src url of the font file
 * @property {string | number} [weight]
 * @property {'normal' | 'italic' | 'oblique'} [style]
 * @property {'auto' | 'block' | 'swap' | 'fallback' | 'optional'} [display]
 * @property {string} [unicodeRange]
 */

/**
 * `sendUserMessage(params)`: the message to send, as text or content parts.
 * @typedef {object} SendUserMessageParams
 * @property {string} [text]
 * @property {UserMessageContent[]} [content] instead of text
 * @property {string} [reply] quoted text
 * @property {Attachment[]} [attachments] already uploaded
 * @property {boolean} [newThread] send in a new thread even if one is open
 * @property {{ id: string }} [toolChoice]
 * @property {string} [model]
 *
 * `setComposerValue(params)`: the parts of the draft given are replaced.
 * @typedef {object} SetComposerValueParams
 * @property {string} [text]
 * @property {UserMessageContent[]} [content] instead of text (tags become `@Title` mentions)
 * @property {string} [reply]
 * @property {Attachment[]} [attachments]
 * @property {File[]} [files] to upload
 * @property {string | null} [selectedToolId]
 * @property {string} [selectedModelId]
 *
 * `sendCustomAction(action)`.
 * @typedef {{ type: string, payload?: Record<string, unknown> }} CustomAction
 */

/**
 * The events the element fires, by name, with the `detail` each carries.
 * @typedef {{
 *   'chatkit.ready': undefined,
 *   'chatkit.error': { error: Error },
 *   'chatkit.effect': { name: string, data: Record<string, unknown> },
 *   'chatkit.deeplink': { name: string, data: Record<string, string> },
 *   'chatkit.response.start': undefined,
 *   'chatkit.response.end': undefined,
 *   'chatkit.thread.change': { threadId: string | null },
 *   'chatkit.thread.load.start': { threadId: string },
 *   'chatkit.thread.load.end': { threadId: string },
 *   'chatkit.tool.change': { toolId: string | null },
 *   'chatkit.history.open': undefined,
 *   'chatkit.history.close': undefined,
 *   'chatkit.log': { name: string, data: Record<string, unknown> },
 * }} ChatKitEventDetails
 */

export {};
