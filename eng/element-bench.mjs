// Size and first-render budget of the offline <openai-chatkit> element (issue 5).
// Usage: node eng/element-bench.mjs <esbuild package dir> [playwright-core dir] [chromium path]
// Run by eng/bench.sh with an esbuild it installs from npm at a pinned version into a temp dir,
// and the node and playwright-core that the Microsoft.Playwright NuGet package ships in the E2E
// project's bin (no browser download: Debian's Chromium is used). Without a playwright-core dir
// only the size is measured.
//
// Size: every module in ChatKitApp/wwwroot/chatkit (the CSS lives in styles.js as a string; the
// vendored marked and DOMPurify in wwwroot/lib are not counted), each minified on its own by
// esbuild (`esbuild <file> --minify --format=esm --charset=utf8`: whitespace and comments removed, local names
// shortened, syntax compacted; non-ASCII text stays UTF-8, as module scripts are always decoded,
// instead of \u escapes). The stylesheet, a tagged /* css */ template string in styles.js,
// is first minified as CSS, as a build would do; other strings are kept as written. Each
// minified module is checked to still parse (node --check), so the number is honest.
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
const [esbuildDir, playwrightDir, chromiumPath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!esbuildDir) throw new Error('usage: node eng/element-bench.mjs <esbuild package dir> [playwright-core dir] [chromium path]');
const SIZE_BUDGET = 60 * 1024;
const RENDER_BUDGET_MS = 300;
const RUNS = 7;

function measureSize() {
  const require = createRequire(join(esbuildDir, 'package.json'));
  const esbuild = require(esbuildDir);
  const files = readdirSync(elementDir).filter((f) => ['.js', '.mjs', '.css'].includes(extname(f))).sort();
  const work = mkdtempSync(join(tmpdir(), 'chatkit-size-'));
  const rows = [];
  const all = [];
  try {
    for (const file of files) {
      const src = readFileSync(join(elementDir, file), 'utf8');
      const css = extname(file) === '.css';
      const min = css
        ? esbuild.transformSync(src, { loader: 'css', minify: true }).code
        : esbuild.transformSync(withMinifiedCss(esbuild, src), { loader: 'js', minify: true, format: 'esm', charset: 'utf8' }).code;
      if (!css) { // the minified module must still parse, so the number is honest
        const target = join(work, file.replace(/\.js$/, '.mjs'));
        writeFileSync(target, min);
        const check = spawnSync(process.execPath, ['--check', target], { encoding: 'utf8' });
        if (check.status !== 0) throw new Error(`minifying broke ${file}: ${check.stderr}`);
      }
      rows.push({ file, raw: Buffer.byteLength(src), min: Buffer.byteLength(min) });
      all.push(min);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const raw = rows.reduce((sum, r) => sum + r.raw, 0);
  const minified = rows.reduce((sum, r) => sum + r.min, 0);
  const gzip = gzipSync(all.join('\n'), { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`element JS+CSS (${files.length} files in wwwroot/chatkit, vendored lib/ excluded), minified by esbuild ${esbuild.version}:`);
  for (const r of rows.sort((a, b) => b.min - a.min)) console.log(`  ${r.file.padEnd(18)} ${kb(r.min).padStart(9)} minified  (${kb(r.raw)} source)`);
  console.log(`  total: source ${kb(raw)}; minified ${kb(minified)} = ${minified} bytes (budget ${kb(SIZE_BUDGET)}: ${minified < SIZE_BUDGET ? 'within' : 'OVER'}); gzip -9 of that ${kb(gzip)}`);
}

// The contents of every /* css */ `...` template minified as CSS.
function withMinifiedCss(esbuild, src) {
  return src.replace(/\/\* css \*\/ `([^`]*)`/g, (_, css) => {
    // Plain text only, so the template's source is exactly the stylesheet.
    if (/\$\{|\\/.test(css)) throw new Error('a /* css */ template must not interpolate or escape');
    const min = esbuild.transformSync(css, { loader: 'css', minify: true, charset: 'utf8' }).code.trim();
    return `/* css */ \`${min.replaceAll('\\', '\\\\')}\``; // CSS escapes stay escapes in the template
  });
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
