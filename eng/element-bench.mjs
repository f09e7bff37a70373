// Size and first-render budget of the offline <openai-chatkit> element (issue 5).
// Usage: node eng/element-bench.mjs <publish dir> [playwright-core dir] [chromium path]
// Run by eng/bench.sh on the output of `dotnet publish ChatKitApp -c Release`, with the node and
// playwright-core that the Microsoft.Playwright NuGet package ships in the E2E project's bin (no
// browser download: Debian's Chromium is used). Without a playwright-core dir only the size is
// measured.
//
// Size: what a browser downloads. Publishing compresses every static asset, and MapStaticAssets
// serves the Brotli file (`name.js.br` beside `name.js` in the published wwwroot) to browsers
// that accept it, which every current one does. So the size is the sum of those .br files over
// the modules a page loads: /chatkit/chatkit.js and every module it imports, followed through the
// static imports (types.js, only referred to by JSDoc, is never loaded). Modules the element
// loads with import() only when a feature is used are reported on their own line. The element's own
// modules (the stylesheet included, as a string in styles.js) and the vendored marked, DOMPurify
// and Lucide icons (wwwroot/lib) are summed separately, each against the 60 KB budget.
//
// First render: a page imports /chatkit/chatkit.js, then creates the element and calls
// setOptions; the time from the module having loaded until chatkit.ready has fired and the start
// screen is laid out and a frame has been produced. Median of several fresh pages.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wwwroot = join(root, 'ChatKitApp', 'wwwroot');
const [publishDir, playwrightDir, chromiumPath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!publishDir) throw new Error('usage: node eng/element-bench.mjs <publish dir> [playwright-core dir] [chromium path]');
const SIZE_BUDGET = 60 * 1024;
const RENDER_BUDGET_MS = 300;
const RUNS = 7;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Every module the browser loads for the element, as paths relative to the published wwwroot:
 * the entry module and everything it imports, statically, transitively.
 */
function loadedModules() {
  const wwwroot = join(publishDir, 'wwwroot');
  const first = follow([join(wwwroot, 'chatkit', 'chatkit.js')], new Set(), false);
  // Features the element loads with import() only when they are used (dictation, for example):
  // a browser downloads them on first use, so they are reported apart from the first load.
  const onDemand = follow([...first].flatMap((file) => dynamicImports(file)), first, true);
  const relativeSorted = (/** @type {Set<string>} */ files) => [...files].map((file) => relative(wwwroot, file)).sort();
  return { firstLoad: relativeSorted(first), onDemand: relativeSorted(onDemand) };
}

/**
 * The modules reachable from `entries` through static imports (and, when `dynamic`, import()
 * calls too), leaving out those in `known`.
 * @param {string[]} entries @param {Set<string>} known @param {boolean} dynamic
 */
function follow(entries, known, dynamic) {
  const seen = new Set();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop();
    if (seen.has(file) || known.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*'([^']+)'/gm)) {
      if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier));
    }
    if (dynamic) pending.push(...dynamicImports(file));
  }
  return seen;
}

/** The relative modules a file loads with import('./…'). @param {string} file */
function dynamicImports(file) {
  // Comments go first: JSDoc names types as import('./types.js'), which loads nothing.
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)].map(([, specifier]) => join(dirname(file), specifier));
}

/**
 * The Brotli size of published files, as served.
 * @param {string[]} files relative to the published wwwroot
 */
function brotliSizes(files) {
  return files.map((file) => {
    const path = join(publishDir, 'wwwroot', file);
    if (!existsSync(path + '.br')) throw new Error(`publish made no Brotli file for ${file}`);
    return { file, raw: statSync(path).size, br: statSync(path + '.br').size };
  });
}

/**
 * @param {string} label
 * @param {{ file: string, raw: number, br: number }[]} rows
 */
function report(label, rows) {
  const raw = rows.reduce((sum, r) => sum + r.raw, 0);
  const br = rows.reduce((sum, r) => sum + r.br, 0);
  console.log(`${label}: ${kb(br)} Brotli as served = ${br} bytes (budget ${kb(SIZE_BUDGET)}: ${br <= SIZE_BUDGET ? 'within' : 'OVER'}); ${kb(raw)} uncompressed, ${rows.length} files`);
  for (const r of rows.sort((a, b) => b.br - a.br)) console.log(`  ${r.file.padEnd(30)} ${kb(r.br).padStart(9)} Brotli  (${kb(r.raw)})`);
}

function measureSize() {
  const { firstLoad, onDemand } = loadedModules();
  const vendored = firstLoad.filter((file) => file.startsWith('lib/'));
  report('element JS+CSS (wwwroot/chatkit, vendored libraries excluded)', brotliSizes(firstLoad.filter((file) => !vendored.includes(file))));
  report('vendored marked + DOMPurify + Lucide icons (wwwroot/lib)', brotliSizes(vendored));
  if (onDemand.length) report('element features loaded on first use (import())', brotliSizes(onDemand));
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
