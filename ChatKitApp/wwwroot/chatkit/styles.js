// @ts-check
// The element's stylesheet, scoped by its shadow root. Theme options only set the custom
// properties at the top; everything below reads them. The --ck-* ones are also read or set by
// theme.js and widget-style.js; the unprefixed ones (--line, --r-*, --gap, --n, --w-color...)
// are private to this sheet.

const CSS = /* css */ `
:host { display: block; height: 100%; min-height: 0; contain: content; }
[hidden] { display: none !important; }
*, ::before, ::after { box-sizing: border-box; }

.chatkit, .theme-light {
  --ck-bg:#fff; --ck-surface:#f4f4f5; --ck-surface-strong:#e8e8ec;
  --ck-text:#0d0d0d; --ck-text-muted:#5d5d66; --ck-text-subtle:#65656f;
  --ck-border:#e4e4e8; --bubble:#f0f0f2; --link:#1d5fd6; --focus:#2563eb;
  --ck-success:#15803d; --ck-danger:#dc2626; --ck-warning:#b45309; --ck-info:#2563eb; --ck-discovery:#7c3aed;
  --shadow:0 1px 2px rgb(0 0 0/.04),0 4px 18px rgb(0 0 0/.06);
  --shadow-lg:0 8px 32px rgb(0 0 0/.14);
  color-scheme: light;
}
.chatkit.dark, .theme-dark {
  --ck-bg:#212121; --ck-surface:#2b2b2b; --ck-surface-strong:#363636;
  --ck-text:#ececec; --ck-text-muted:#b4b4b4; --ck-text-subtle:#a3a3a3;
  --ck-border:#3a3a3a; --bubble:#303030; --link:#7ab7ff; --focus:#60a5fa;
  --ck-success:#4ade80; --ck-danger:#f87171; --ck-warning:#fbbf24; --ck-info:#60a5fa; --ck-discovery:#c084fc;
  --shadow:0 1px 2px rgb(0 0 0/.3),0 4px 18px rgb(0 0 0/.3);
  --shadow-lg:0 8px 32px rgb(0 0 0/.5);
  color-scheme: dark;
}
/* --line is declared with each palette, so a themed widget card resolves its own border color */
.chatkit, .theme-light, .theme-dark { --line:1px solid var(--ck-border); }
.chatkit { --ck-accent:#0d0d0d; --ck-on-accent:#fff; }
.chatkit.dark { --ck-accent:#ececec; --ck-on-accent:#0d0d0d; }
[data-radius="pill"] { --r-composer:28px; --r-control:999px; --r-card:16px; --r-bubble:20px; }
[data-radius="round"] { --r-composer:20px; --r-control:12px; --r-card:16px; --r-bubble:18px; }
[data-radius="soft"] { --r-composer:12px; --r-control:8px; --r-card:10px; --r-bubble:12px; }
[data-radius="sharp"] { --r-composer:4px; --r-control:4px; --r-card:4px; --r-bubble:6px; }
[data-density="compact"] { --gap:12px; }
[data-density="normal"] { --gap:20px; }
[data-density="spacious"] { --gap:28px; }

.chatkit {
  position: relative; height: 100%; overflow: hidden;
  color: var(--ck-text);
  font-family: var(--ck-font,ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);
  font-size: var(--ck-font-size,15px); line-height: 1.55;
  -webkit-font-smoothing: antialiased;
}
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.icon { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none; }
/* protocol icons (ChatKit names, Lucide shapes) follow the text size around them; widgets' Icon sets it */
.icon[data-icon] { width: 1.15em; height: 1.15em; }
.icon.filled { fill: currentColor; }

/* ---- shared declarations (the rules further down add what differs) ---- */
.header, .header-actions, .header-slot, .tool-call, .code-header, .stream-error, .banner, .composer-toolbar, .toolbar-start,
.toolbar-end, .composer-reply, .composer-attachment, .popup-option, .history-header, .history-entry, .w-status, .w-listview-item {
  display: flex; align-items: center;
}
.prompt, .sources li > *, .chip, .w-check, .w-badge, .w-button, .w-icon { display: inline-flex; align-items: center; }
.chatkit, .main, .column, .items, .start-screen, .user-message, .tasks, .task-body, .structured-input, .si-field, .si-answer, .composer,
.history, .history-entry-main, .w-card, .w-card-body, .w-listview { display: flex; flex-direction: column; }
.prompts, .message-attachments, .sources, .chips, .tool-chips, .composer-attachments, .toolbar-start { display: flex; flex-wrap: wrap; }
.icon-button, .chip-remove, .source-number { display: inline-grid; place-items: center; }
.file-icon, .send-button, .generated-image.pending { display: grid; place-items: center; }
.title, .reply-text, .attachment-name, .history-title, .sources li > * > span:nth-child(2), .truncate {
  overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
}
.icon-button, .chip-remove, .send-button, .model-select, .popup-option, .history-entry-main, .prompt, .load-older, button.tag, button.chip,
.w-button, .w-check, .sources li > *, .workflow summary, .w-listview-item.clickable { cursor: pointer; }
.icon-button, .chip-remove, .send-button, .model-select, .popup-option, .history-entry-main, .composer-input { padding: 0; border: 0; background: transparent; }
.load-older, .prompt, .composer-attachment, .attachment-file, .attachment-image, .workflow, .chip, .sources li > *, .structured-input,
.composer, .popup, .w-card, .w-listview, .w-input, .w-image.framed, .code-block { border: var(--line); }
.icon-button:hover:not(:disabled), .load-older:hover, .prompt:hover, button.chip:hover, .model-select:hover, .popup-option:is(:hover, .selected),
.history-entry:is(:hover, .active), .w-listview-item.clickable:hover, .markdown th,
.markdown code, .code-header, .composer-reply, .file-icon { background: var(--ck-surface); }
.icon-button, .load-older, .composer-reply, .file-icon, .chip-remove, .model-select, .code-header, .markdown blockquote, .quoted, .tool-call,
.progress, .workflow summary, .task-marker, .task .spinner, .task-content, .si-description, .si-value, .composer-locked,
.composer-attachment.uploading, .history-header h2, .history-status, .w-status, .w-caption, .w-table td[data-header],
.disclaimer.high-contrast, .w-button.ghost { color: var(--ck-text-muted); }
.composer-input::placeholder, .source-host, .option-meta, .disclaimer, .history-date { color: var(--ck-text-subtle); }
.code-header, .option-meta, .disclaimer, .history-date, .w-badge { font-size: 12px; }
.load-older, .tool-call, .attachment-file, .task-sources, .chip, .si-description, .composer-locked, .model-select, .composer-attachment,
.history-confirm, .history-status, .w-status, .w-caption, .w-label, .w-badge.size-md { font-size: 13px; }
.prompt, .progress, .workflow summary, .task, .notice, .stream-error, .banner, .popup-option, .history-header h2, .history-title,
.generated-image.pending, .w-table, .w-input, .w-check, .w-button, .w-badge.size-lg { font-size: 14px; }
.chatkit, .load-older, .prompt, .composer, .popup, .history, .w-card, .w-listview, .w-input { background: var(--ck-bg); }
.icon-button, .attachment-file, .markdown img, .model-select, .popup-option, .history-entry, .history-entry-main, .w-image, .w-input { border-radius: 10px; }
.title, .task-body, .reply-text, .attachment-name, .history-entry-main { flex: 1; min-width: 0; }
/* containers that disappear while they have nothing to show */
:is(.header-slot, .item-actions, .tool-chips, .history-status):empty { display: none; }

/* ---- header ---- */
.header { gap: 4px; height: 52px; padding: 0 10px; flex: none; border-bottom: var(--line); }
.title { margin: 0 4px; font-size: 15px; font-weight: 600; }
.header-actions, .header-slot { gap: 2px; }

.icon-button {
  width: 34px; height: 34px; flex: none;
  &:hover:not(:disabled), &[aria-pressed="true"] { color: var(--ck-text); }
  &[aria-pressed="true"] { background: var(--ck-surface); }
  &.dictate[aria-pressed="true"] { color: var(--ck-danger); }
  &:disabled { opacity: 0.4; cursor: default; }
  &.small { width: 26px; height: 26px; border-radius: 8px; }
  &.small .icon { width: 15px; height: 15px; }
  &.glyph { font-size: 17px; }
}
.copy {
  .icon + .icon, &.copied .icon:first-child { display: none; }
  &.copied .icon + .icon { display: block; color: var(--ck-success); }
}

/* ---- main area ---- */
.main {
  position: relative; flex: 1; min-height: 0;
  &.loading .messages { opacity: 0.4; }
  &.loading::after { content: ""; position: absolute; top: 40%; left: calc(50% - 12px); width: 24px; height: 24px; border: 3px solid var(--ck-text-subtle); }
}
.messages {
  flex: 1; min-height: 0; overflow-y: auto; padding: 20px 16px 12px; overscroll-behavior: contain;
  &:focus-visible { outline-offset: -2px; }
}
.column, .items { gap: var(--gap); }
.column { max-width: 768px; margin: 0 auto; }
.item { min-width: 0; }
.item-actions { display: flex; gap: 2px; margin: 6px 0 0 -6px; }
.load-older { align-self: center; border-radius: 999px; padding: 4px 14px; }
/* "jump to latest": a zero-height strip stuck to the bottom of the scrolled view holds the button */
.jump { position: sticky; bottom: 0; height: 0; display: flex; justify-content: center; }
.jump-latest {
  position: absolute; bottom: 12px; display: grid; place-items: center; width: 36px; height: 36px; padding: 0; cursor: pointer;
  border: var(--line); border-radius: 999px; background: var(--ck-bg); color: var(--ck-text); box-shadow: var(--shadow);
  .icon { transform: rotate(180deg); }
}
/* a message the server never took, and a reply cut off by a failure */
.item.unsent .bubble { outline: 1px dashed color-mix(in srgb, var(--ck-danger) 60%, transparent); outline-offset: -1px; }
.item-user-message .item-actions { justify-content: flex-end; }
.failure-note {
  display: flex; align-items: center; gap: 8px; margin-left: 6px; color: var(--ck-danger); font-size: 13px;
  > span { color: var(--ck-text-muted); }
}

/* ---- start screen ---- */
.start-screen { flex: 1; align-items: center; justify-content: center; gap: 22px; padding: 24px 16px; text-align: center; }
.greeting { margin: 0; font-size: 1.65em; font-weight: 600; letter-spacing: -0.01em; }
.prompts { justify-content: center; gap: 8px; max-width: 680px; }
.prompt { gap: 8px; padding: 9px 16px; border-radius: var(--r-control); }

/* ---- messages ---- */
.user-message { align-items: flex-end; gap: 6px; }
.bubble, .quoted { max-width: min(80%, 580px); white-space: pre-wrap; }
.bubble { padding: 10px 16px; border-radius: var(--r-bubble); background: var(--bubble); overflow-wrap: anywhere; }
.quoted { margin: 0; padding: 2px 0 2px 10px; border-left: 3px solid var(--ck-border); font-size: 0.9em; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.tag { display: inline; padding: 0 4px; border: 0; border-radius: 6px; background: color-mix(in srgb, var(--ck-info) 12%, transparent); color: var(--ck-info); font-weight: 500; }
.message-attachments { justify-content: flex-end; gap: 6px; }
.attachment-image { width: 120px; height: 120px; object-fit: cover; border-radius: 12px; }
.attachment-file { display: inline-flex; align-items: center; gap: 6px; padding: 6px 10px; }
.assistant-message {
  overflow-wrap: anywhere;
  > .markdown + .markdown { margin-top: 0.75em; }
  &.streaming > .markdown:last-child > :last-child::after { content: ""; display: inline-block; width: 8px; height: 8px; margin-left: 4px; border-radius: 50%; background: var(--ck-text); vertical-align: middle; animation: pulse 1s ease-in-out infinite; }
}
.typing {
  display: inline-flex; gap: 4px; padding: 6px 0;
  span { width: 6px; height: 6px; border-radius: 50%; background: var(--ck-text-subtle); animation: bounce 1.2s infinite ease-in-out; }
  span:nth-child(2) { animation-delay: 0.15s; }
  span:nth-child(3) { animation-delay: 0.3s; }
}
.tool-call { gap: 8px; }
.progress:not([hidden]), .summary-title, .reply-mark { display: inline-flex; align-items: center; gap: 6px; }
.shimmer { background: linear-gradient(90deg, var(--ck-text-subtle) 0%, var(--ck-text) 45%, var(--ck-text-subtle) 90%); background-size: 200% 100%; -webkit-background-clip: text; background-clip: text; color: transparent; animation: shimmer 1.8s linear infinite; }
.spinner { display: inline-block; width: 14px; height: 14px; flex: none; border: 2px solid currentColor; }
.spinner, .main.loading::after { border-right-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite; }

/* ---- markdown ---- */
.markdown {
  > :first-child { margin-top: 0; }
  > :last-child { margin-bottom: 0; }
  :is(p, ul, ol, blockquote, table) { margin: 0 0 0.75em; }
  :is(ul, ol) { padding-left: 1.4em; }
  li + li { margin-top: 0.25em; }
  :is(h1, h2, h3, h4) { margin: 1.1em 0 0.5em; line-height: 1.3; font-weight: 600; }
  h1 { font-size: 1.4em; } h2 { font-size: 1.25em; } h3 { font-size: 1.1em; }
  a:hover { text-decoration: underline; }
  code { font-family: var(--ck-font-mono,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace); font-size: 0.88em; padding: 0.1em 0.35em; border-radius: 6px; }
  pre { margin: 0; padding: 12px 14px; overflow-x: auto; line-height: 1.45; }
  pre code { padding: 0; background: none; font-size: 13px; }
  blockquote { padding-left: 12px; border-left: 3px solid var(--ck-border); }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  :is(th, td) { padding: 6px 10px; border: var(--line); text-align: left; }
  th { font-weight: 600; }
  img { max-width: 100%; }
  hr { border: 0; border-top: var(--line); margin: 1em 0; }
}
.markdown a, .task-sources a { color: var(--link); text-decoration: none; }
.code-block { margin: 0 0 0.75em; border-radius: 12px; overflow: hidden; background: color-mix(in srgb, var(--ck-surface) 50%, var(--ck-bg)); }
.code-header { justify-content: space-between; padding: 3px 6px 3px 14px; }
.footnotes { white-space: nowrap; }
.footnote { font-style: normal; font-weight: normal; }
.footnote :is(a, span) { display: inline-block; margin-left: 2px; padding: 0 5px; border-radius: 6px; background: var(--ck-surface-strong); color: var(--ck-text-muted); font-size: 0.72em; line-height: 1.5; text-decoration: none; }
.sources {
  gap: 6px; margin: 10px 0 0 !important; padding: 0 !important; list-style: none;
  /* pills of a row line up: each a flex item, without the markdown list's space between items */
  li, li + li { display: flex; min-width: 0; margin: 0; }
  li > * { gap: 6px; max-width: 280px; padding: 3px 10px 3px 4px; border-radius: 999px; background: transparent; color: var(--ck-text); font-size: 12.5px; text-decoration: none !important; }
}
/* the host stays on one line ("127.0.0.1" must not break at a dot); the title gives way first */
.source-host { flex: none; max-width: 50%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.source-number { min-width: 18px; height: 18px; padding: 0 4px; border-radius: 999px; background: var(--ck-surface-strong); font-size: 11px; }

/* ---- workflows, tasks, notices, errors ---- */
.workflow { border-radius: 14px; padding: 8px 14px; }
.tasks {
  gap: 10px; margin: 10px 0 4px; padding: 0; list-style: none;
  &.standalone { margin: 0; }
}
.task { display: flex; gap: 10px; }
.task-marker, .task .spinner { width: 16px; text-align: center; margin-top: 3px; }
.task-body { gap: 4px; }
.task-title { font-weight: 500; }
.task-sources { margin: 0; padding-left: 1.2em; }
.chips { gap: 6px; }
.chip {
  gap: 6px; padding: 4px 11px; border-radius: 999px; background: transparent; line-height: 1.4;
  &:is(.selected, [aria-checked="true"], [aria-pressed="true"]) { border-color: color-mix(in srgb, var(--ck-accent) 45%, var(--ck-border)); background: color-mix(in srgb, var(--ck-accent) 10%, transparent); font-weight: 500; }
}
.chip-remove {
  width: 18px; height: 18px; border-radius: 50%;
  .icon { width: 13px; height: 13px; }
  &:hover { background: var(--ck-surface-strong); }
}
/* tinted boxes: --n is the tint color, --n-fill and --n-edge its strength in the fill and the border */
.notice, .stream-error, .banner {
  border-radius: 12px; --n:var(--ck-danger); --n-fill:9%; --n-edge:25%;
  background: color-mix(in srgb, var(--n) var(--n-fill), var(--ck-bg)); border: 1px solid color-mix(in srgb, var(--n) var(--n-edge), transparent);
}
.notice {
  display: flex; align-items: flex-start; gap: 8px; padding: 10px 8px 10px 14px; --n:var(--ck-info);
  &.level-warning { --n:var(--ck-warning); }
  &.level-danger { --n:var(--ck-danger); }
  > strong { white-space: nowrap; }
}
.notice > .markdown, .stream-error > span, .banner > span { flex: 1; }
.stream-error {
  gap: 10px; padding: 10px 12px; --n-fill:8%; --n-edge:28%;
  > .icon { color: var(--ck-danger); }
}
.generated-image {
  margin: 0;
  img { display: block; max-width: min(100%, 420px); border-radius: 14px; }
  &.pending { width: min(100%, 280px); aspect-ratio: 1; border-radius: 14px; background: var(--ck-surface); }
}

/* ---- structured input ---- */
.structured-input {
  gap: 14px; padding: 14px 16px; border-radius: var(--r-card);
  &.submitting { opacity: 0.6; }
}
.si-field { gap: 8px; margin: 0; padding: 0; border: 0; min-width: 0; }
.si-question { padding: 0; font-weight: 600; }
.si-description { margin: 0; }
.si-answer { gap: 2px; }
/* .si-actions shares the .w-card-actions rule */

/* ---- composer ---- */
.footer {
  flex: none; padding: 6px 16px 14px;
  > * { max-width: 768px; margin-inline: auto; }
}
.banner {
  gap: 8px; margin-bottom: 8px; padding: 8px 8px 8px 12px; color: var(--ck-danger);
  > span { color: var(--ck-text); }
}
.composer-locked { margin: 0 0 8px; text-align: center; }
.drop-target .composer { border-color: var(--focus); border-style: dashed; }
.composer {
  position: relative; gap: 6px; padding: 10px 10px 8px 18px; border-radius: var(--r-composer); box-shadow: var(--shadow); transition: border-color 0.15s;
  &:focus-within { border-color: color-mix(in srgb, var(--ck-text) 28%, var(--ck-border)); }
}
.composer-input {
  width: 100%; min-height: 26px; max-height: 220px; padding: 4px 8px 0 0; outline: none; resize: none; line-height: 1.5;
  &:disabled { cursor: not-allowed; }
}
.composer-toolbar { justify-content: space-between; gap: 8px; }
.composer-toolbar, .composer-reply, .composer-attachments { margin-left: -8px; }
.toolbar-start { gap: 4px; min-width: 0; }
.toolbar-end { gap: 6px; }
.tool-chips { gap: 4px; }
.model-select { max-width: 180px; padding: 5px 8px; }
.send-button {
  width: 36px; height: 36px; border-radius: 999px; background: var(--ck-accent); color: var(--ck-on-accent); transition: opacity 0.15s;
  &:disabled { opacity: 0.25; cursor: default; }
  &.waiting:disabled { opacity: 0.5; }
  .icon { width: 20px; height: 20px; stroke-width: 2.25; }
}
.stop-square { width: 12px; height: 12px; border-radius: 3px; background: currentColor; }
.composer-reply { gap: 8px; margin-right: 2px; padding: 6px 6px 6px 12px; border-radius: 14px; font-size: 13.5px; }
.composer-attachments { gap: 8px; }
.composer-attachment {
  gap: 8px; max-width: 220px; padding: 4px 6px 4px 4px; border-radius: 12px;
  &:not(.uploading) .spinner { display: none; }
}
.composer-attachment img, .file-icon { width: 38px; height: 38px; border-radius: 8px; object-fit: cover; flex: none; }
.popup { position: absolute; bottom: calc(100% + 6px); left: 10px; z-index: 5; min-width: 230px; max-width: calc(100% - 20px); max-height: 280px; overflow: auto; padding: 4px; border-radius: 14px; box-shadow: var(--shadow-lg); }
.popup-option {
  gap: 10px; width: 100%; padding: 8px 10px; text-align: left;
  &[aria-checked="true"] { font-weight: 600; }
}
.option-meta { margin-left: auto; }
.disclaimer {
  margin-top: 8px; text-align: center;
  a { color: inherit; text-decoration: underline; }
}

/* ---- history panel ---- */
.history { position: absolute; inset: 0 auto 0 0; z-index: 10; width: min(320px, 100%); border-right: var(--line); box-shadow: var(--shadow-lg); }
.history-header {
  justify-content: space-between; padding: 10px 10px 6px 16px;
  h2 { margin: 0; font-weight: 600; }
}
.history-scroll { flex: 1; overflow-y: auto; padding: 0 8px 12px; }
.history-group-list { margin: 0; padding: 0; list-style: none; }
.history-group { margin: 14px 10px 4px; font-size: 12px; font-weight: 600; color: var(--ck-text-subtle); }
.history-entry {
  gap: 2px; padding-right: 4px;
  .icon-button { opacity: 0; }
  &:is(:hover, :focus-within, .active) .icon-button { opacity: 1; }
  > .w-input { margin: 4px; }
}
.history-entry-main { align-items: flex-start; gap: 1px; padding: 8px 10px; text-align: left; }
.history-title { max-width: 100%; }
.history-confirm { flex: 1; padding: 8px 10px; }
.history-status { margin: 12px 8px; }

/* ---- widgets ---- */
.widget { max-width: 100%; }
.action-pending { opacity: 0.6; pointer-events: none; }
.w-card {
  gap: 12px; max-width: 100%; padding: 16px; border-radius: var(--r-card); color: var(--ck-text); box-shadow: 0 1px 2px rgb(0 0 0 / 0.04);
  &.size-sm { width: min(100%, 360px); } &.size-md { width: min(100%, 480px); } &.size-lg { width: min(100%, 640px); } &.size-full { width: 100%; }
}
.w-card-body { gap: 8px; }
.w-card-actions, .si-actions { display: flex; justify-content: flex-end; gap: 8px; }
.w-status { gap: 6px; }
.w-basic, .w-box { display: flex; min-width: 0; }
.w-transition { display: contents; }
.w-text, .w-caption { margin: 0; }
.w-title { font-weight: 600; font-size: 1.1em; line-height: 1.3; }
.clamp { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
:is(.w-text, .w-markdown).streaming::after { content: "▍"; margin-left: 1px; animation: pulse 1s ease-in-out infinite; }
.w-icon { justify-content: center; line-height: 1; }
.w-image { display: block; max-width: 100%; }
.w-divider { width: 100%; margin: 4px 0; border: 0; border-top: var(--line); }
.w-spacer { flex: auto; }
.w-listview {
  overflow: hidden; border-radius: var(--r-card);
  > .w-status { padding: 10px 14px 0; }
}
.w-listview-item {
  gap: 10px; padding: 10px 14px;
  + .w-listview-item { border-top: var(--line); }
}
.w-show-more { margin: 6px; }
.w-table {
  width: 100%; border-collapse: collapse;
  td { padding: 6px 8px; border-bottom: var(--line); vertical-align: top; }
  td[data-header] { font-weight: 600; }
}
.w-input {
  width: 100%; padding: 8px 11px;
  &:focus { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 20%, transparent); }
}
.w-label { font-weight: 500; }
.w-check {
  gap: 8px;
  input { accent-color: var(--ck-accent); width: 16px; height: 16px; margin: 0; }
}
.w-radio-group {
  display: flex; gap: 6px 14px;
  &.col { flex-direction: column; }
}
.w-badge {
  width: fit-content; padding: 2px 8px; border: 1px solid transparent; border-radius: 6px; font-weight: 500; line-height: 1.5;
  &.size-lg { padding: 3px 10px; }
}
:is(.w-badge, .w-button).pill { border-radius: 999px; }

.w-button {
  justify-content: center; gap: 6px; width: fit-content; padding: 8px 16px; border: 1px solid transparent; border-radius: var(--r-control);
  background: var(--w-color,var(--ck-accent)); color: var(--w-on,var(--ck-on-accent)); font-weight: 500; line-height: 1.3; transition: filter 0.15s, background 0.15s;
  &:hover:not(:disabled) { filter: brightness(0.95); }
  &:disabled { opacity: 0.5; cursor: default; }
  &.secondary { background: transparent; color: var(--ck-text); border-color: var(--ck-border); }
  &.secondary:hover:not(:disabled) { background: var(--ck-surface); filter: none; }
  &.danger { background: var(--ck-danger); color: #fff; }
  &.ghost { background: transparent; }
  &.block { width: 100%; }
  &:is(.small, .size-sm, .size-xs) { padding: 5px 11px; font-size: 13px; }
  &:is(.size-lg, .size-xl) { padding: 10px 20px; font-size: 15px; }
  &.uniform { padding: 8px; aspect-ratio: 1; }
}

.color-primary { --w-color:var(--ck-accent); --w-on:var(--ck-on-accent); }
.color-secondary { --w-color:var(--ck-text-muted); --w-on:var(--ck-bg); }
.color-success { --w-color:var(--ck-success); } .color-danger { --w-color:var(--ck-danger); }
.color-warning, .color-caution { --w-color:var(--ck-warning); } .color-info { --w-color:var(--ck-info); }
.color-discovery { --w-color:var(--ck-discovery); }
.variant-solid { background: var(--w-color); color: var(--w-on,#fff); }
.variant-soft { background: color-mix(in srgb, var(--w-color) 14%, transparent); }
.variant-outline { border-color: var(--w-color); }
.variant-outline, .variant-ghost { background: transparent; }
.variant-soft, .variant-outline, .variant-ghost { color: var(--w-color); }

@keyframes spin { to { transform: rotate(360deg); } }
@keyframes pulse { 0%, 100% { opacity: 0.25; } 50% { opacity: 1; } }
@keyframes bounce { 0%, 80%, 100% { transform: translateY(0); opacity: 0.5; } 40% { transform: translateY(-4px); opacity: 1; } }
@keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
/* iOS Safari zooms the page into a focused field whose text is under 16px */
@media (max-width: 600px) { .composer-input, .w-input { font-size: max(16px, 1em); } }
@media (prefers-reduced-motion: reduce) { *, ::before, ::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; } }
`;

/** @type {CSSStyleSheet | null} shared by every instance: parsed once per page */
let sheet = null;

/**
 * Attaches the stylesheet to a shadow root (constructable stylesheet where supported).
 * @param {ShadowRoot} shadow
 */
export function applyStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    /** @type {ShadowRoot} */ (shadow).append(style);
  }
}
