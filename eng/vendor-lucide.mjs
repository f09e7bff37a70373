// Writes ChatKitApp/wwwroot/lib/lucide/lucide-icons.js (+ LICENSE) from an unpacked lucide-static
// npm package: the shapes of each icon the element draws, read from the package's icons/<name>.svg.
// The icons written are those already in the file, plus any named on the command line.
// Usage: cd /tmp && npm pack lucide-static@<version> && tar xzf lucide-static-<version>.tgz
//        node eng/vendor-lucide.mjs /tmp/package [icon-name ...]
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [packageDir, ...added] = process.argv.slice(2);
if (!packageDir) throw new Error('usage: node eng/vendor-lucide.mjs <unpacked lucide-static dir> [icon-name ...]');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'ChatKitApp', 'wwwroot', 'lib', 'lucide');
const file = join(target, 'lucide-icons.js');
const { version, license } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const kept = existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/^ {2}'([a-z0-9-]+)': \[$/gm)].map((m) => m[1]) : [];
const names = [...new Set([...kept, ...added])].sort();

/** The child shapes of an icon's <svg>, each as `[tag, attributes]`. */
const shapes = (name) => {
  const svg = readFileSync(join(packageDir, 'icons', `${name}.svg`), 'utf8');
  const body = svg.slice(svg.indexOf('>', svg.indexOf('<svg')) + 1, svg.lastIndexOf('</svg>'));
  return [...body.matchAll(/<(\w+)\s([^>]*?)\s*\/>/g)].map(([, tag, attributes]) =>
    [tag, Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))]);
};
const key = (name) => (/^[a-z_]\w*$/i.test(name) ? name : `'${name}'`); // quoted unless an identifier
const icons = names.map((name) => [
  `  '${name}': [`,
  ...shapes(name).map(([tag, attributes]) =>
    `    ['${tag}', { ${Object.entries(attributes).map(([k, v]) => `${key(k)}: '${v}'`).join(', ')} }],`),
  '  ],',
].join('\n'));

writeFileSync(file, `// @ts-check
// Line icons from Lucide (https://lucide.dev), npm package lucide-static ${version}
// (${license}; the licence text, with the MIT notice of the icons derived from Feather, is in
// LICENSE beside this file). Copyright (c) Lucide Icons and Contributors; Copyright (c) 2013-present
// Cole Bemis (Feather). Only the icons the element draws: each is the list of shapes of its 24x24
// SVG, drawn with fill none, stroke currentColor, stroke-width 2, round caps and joins (\`.icon\` in
// chatkit/styles.js). Written by eng/vendor-lucide.mjs; ../../chatkit/icons.js maps ChatKit's icon
// names onto these.

/** @typedef {[tag: string, attributes: Record<string, string>][]} IconShapes */

/** @type {Record<string, IconShapes>} */
export const LUCIDE_ICONS = {
${icons.join('\n')}
};
`);
copyFileSync(join(packageDir, 'LICENSE'), join(target, 'LICENSE'));
console.log(`${file}: ${names.length} icons from lucide-static ${version}`);
