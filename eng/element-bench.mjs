// Size and first-render budget of the offline <openai-chatkit> element (issue 5).
// Usage: node eng/element-bench.mjs <playwright-core dir> [chromium path]
// Run by eng/bench.sh with the node and playwright-core that the Microsoft.Playwright NuGet
// package ships in the E2E project's bin (no browser download: Debian's Chromium is used).
//
// Size: every module in ChatKitApp/wwwroot/chatkit (CSS lives in styles.js; the vendored marked
// and DOMPurify in wwwroot/lib are not counted), "minified-equivalent" = comments removed, each
// line's leading and trailing whitespace removed, blank lines dropped; names are not shortened.
// Each stripped module is checked to still parse (node --check), so the number is honest.
//
// First render: a page imports /chatkit/chatkit.js, then creates the element and calls
// setOptions; the time from the module having loaded until chatkit.ready has fired and the start
// screen is laid out and a frame has been produced. Median of several fresh pages.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join, dirname, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wwwroot = join(root, 'ChatKitApp', 'wwwroot');
const elementDir = join(wwwroot, 'chatkit');
const [playwrightDir, chromiumPath = '/usr/bin/chromium'] = process.argv.slice(2);
const SIZE_BUDGET = 60 * 1024;
const RENDER_BUDGET_MS = 300;
const RUNS = 7;

/** Removes comments, keeping strings, template literals and regular expressions intact. */
function stripComments(src) {
  let out = '';
  let i = 0;
  let lastSignificant = '';
  const templateDepth = []; // brace depth at which each open ${ … } returns into its template
  let braces = 0;
  const regexCanStart = () => lastSignificant === '' || '([{,;:=!&|?+-*%<>~^'.includes(lastSignificant) || /\b(return|typeof|case|in|of|void|delete|throw|new|yield|await)$/.test(out.trimEnd());
  const readString = (quote) => {
    let s = src[i++];
    while (i < src.length && src[i] !== quote) {
      if (src[i] === '\\') s += src[i++];
      s += src[i++];
    }
    return s + (src[i++] ?? '');
  };
  const readTemplate = () => { // from after ` or } up to and including ` or ${
    let s = '';
    while (i < src.length) {
      if (src[i] === '\\') { s += src[i] + src[i + 1]; i += 2; continue; }
      if (src[i] === '`') { s += '`'; i++; return s; }
      if (src[i] === '$' && src[i + 1] === '{') { s += '${'; i += 2; templateDepth.push(braces); braces++; return s; }
      s += src[i++];
    }
    return s;
  };
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = src.indexOf('*/', i + 2); i = end < 0 ? src.length : end + 2; out += ' '; continue; }
    if (c === '"' || c === "'") { out += readString(c); lastSignificant = c; continue; }
    if (c === '`') { i++; out += '`' + readTemplate(); lastSignificant = '`'; continue; }
    if (c === '/' && regexCanStart()) {
      let s = src[i++];
      let inClass = false;
      while (i < src.length && (inClass || src[i] !== '/')) {
        if (src[i] === '\\') s += src[i++];
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        s += src[i++];
      }
      s += src[i++] ?? '';
      while (/[a-z]/i.test(src[i] ?? '')) s += src[i++];
      out += s;
      lastSignificant = '/';
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') {
      braces--;
      if (templateDepth.length && templateDepth[templateDepth.length - 1] === braces) {
        templateDepth.pop();
        i++;
        out += '}' + readTemplate();
        lastSignificant = '`';
        continue;
      }
    }
    if (!/\s/.test(c)) lastSignificant = c;
    out += c;
    i++;
  }
  return out;
}

const minifiedEquivalent = (src) => stripComments(src).split('\n').map((l) => l.trim()).filter(Boolean).join('\n');

function measureSize() {
  const files = readdirSync(elementDir).filter((f) => ['.js', '.mjs', '.css'].includes(extname(f))).sort();
  const work = mkdtempSync(join(tmpdir(), 'chatkit-size-'));
  let raw = 0;
  let stripped = 0;
  const all = [];
  try {
    for (const file of files) {
      const src = readFileSync(join(elementDir, file), 'utf8');
      const min = extname(file) === '.css' ? src.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter(Boolean).join('\n') : minifiedEquivalent(src);
      if (extname(file) !== '.css') {
        const target = join(work, file.replace(/\.js$/, '.mjs'));
        writeFileSync(target, min);
        const check = spawnSync(process.execPath, ['--check', target], { encoding: 'utf8' });
        if (check.status !== 0) throw new Error(`stripping broke ${file}: ${check.stderr}`);
      }
      raw += Buffer.byteLength(src);
      stripped += Buffer.byteLength(min);
      all.push(min);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const gzip = gzipSync(all.join('\n'), { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`element JS+CSS (${files.length} files in wwwroot/chatkit, vendored lib/ excluded):`);
  console.log(`  source ${kb(raw)}; minified-equivalent ${kb(stripped)} (budget ${kb(SIZE_BUDGET)}: ${stripped < SIZE_BUDGET ? 'within' : 'OVER'}); gzip -9 of that ${kb(gzip)}`);
}

async function measureFirstRender() {
  const require = createRequire(join(playwrightDir, 'package.json'));
  const { chromium } = require(playwrightDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}openai-chatkit{display:block;height:100vh}</style></head><body></body></html>`;
  const results = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.route('http://bench.local/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/') return route.fulfill({ contentType: 'text/html', body: page });
        return route.fulfill({ path: join(wwwroot, path), contentType: 'text/javascript' });
      });
      const tab = await context.newPage();
      await tab.goto('http://bench.local/');
      results.push(await tab.evaluate(async () => {
        const t0 = performance.now();
        await import('/chatkit/chatkit.js');
        const loaded = performance.now();
        const element = /** @type {any} */ (document.createElement('openai-chatkit'));
        const ready = new Promise((resolve) => element.addEventListener('chatkit.ready', resolve, { once: true }));
        document.body.append(element);
        element.setOptions({
          api: { url: '/chatkit', domainKey: 'bench', fetch: async () => new Response('{}') },
          startScreen: { greeting: 'What can I help you with?', prompts: [{ label: 'What is ChatKit?', prompt: 'What is ChatKit?', icon: 'book-open' }] },
          composer: { placeholder: 'Ask anything…' },
        });
        await ready;
        const start = element.shadowRoot.querySelector('[data-testid=start-screen]');
        if (!start || start.hidden || start.getBoundingClientRect().height === 0) throw new Error('no start screen');
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))); // a frame was produced
        return { load: loaded - t0, render: performance.now() - loaded };
      }));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const render = median(results.map((r) => r.render));
  const load = median(results.map((r) => r.load));
  console.log(`first render of the start screen after the module loaded (headless Chromium, median of ${RUNS}): ${render.toFixed(1)} ms (budget ${RENDER_BUDGET_MS} ms: ${render < RENDER_BUDGET_MS ? 'within' : 'OVER'}); module load itself ${load.toFixed(1)} ms`);
}

measureSize();
if (playwrightDir) await measureFirstRender();
