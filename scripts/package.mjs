#!/usr/bin/env node
// Makes the npm package of the embed from a built bundle:
//
//   node scripts/package.mjs [--dist DIR]     (default dist; scripts/build runs it)
//
// writes DIR/npm/, ready for `npm pack` or `npm publish`:
//
//   drug-monograph.mjs     the module entry for bundlers: defines <drug-monograph>
//   react.mjs              the same, for `import "drug-monograph/react"` (JSX types)
//   drug-monograph.js      the classic loader, for a <script> tag or a CDN
//   drug-monograph-core.js, drug-monograph-core_bg.wasm,
//   drug-monograph-hydrate.js, drug-monograph-hydrate_bg.wasm, widget.css
//                          the release folder's files, as the loader finds them
//   drug-monograph.d.ts, react.d.ts
//                          TypeScript declarations (web/types/)
//   custom-elements.json   the Custom Elements Manifest, from the README's tables
//   README.md              the README's sections about the embed
//   package.json
//
// The module entry is the classic loader itself with its "files" block (how it
// finds the other files: beside the script) replaced by web/npm/files.mjs (the
// same files, through `new URL("…", import.meta.url)`, which Vite, webpack 5
// and Rollup understand): one source for the element's behaviour, and the
// classic script keeps its single request.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion, cargoVersion } from './lib/version.mjs';
import { customElementsManifest, repoApi, section, TAG } from './lib/element-api.mjs';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODULE_ENTRY = 'drug-monograph.mjs';
const CLASSIC_LOADER = 'drug-monograph.js';
const REGION = /^[ \t]*\/\/ #region files\n[\s\S]*?^[ \t]*\/\/ #endregion files\n/m;

/** The module entry's source, from the classic loader's. */
export function moduleEntry(classic, files) {
  if (!REGION.test(classic)) throw new Error(`${CLASSIC_LOADER}: no "// #region files" … "// #endregion files" block`);
  const header =
    `// <${TAG}> for bundlers: \`import "${TAG}";\` defines the element. Made by\n` +
    `// scripts/package.mjs from the classic loader, ${CLASSIC_LOADER}, which follows.\n`;
  return header + classic.replace(REGION, () => files);
}

// The README's sections a web team using the package reads, in this order.
const README_SECTIONS = [
  'The npm package',
  'Attributes',
  'Theming',
  'Events',
  'What the page cannot break',
  'Hosting the files',
  'Content Security Policy',
];

/** The package's README.md: its description, then README_SECTIONS of the project's README, a level up. */
export function packageReadme(readme, description) {
  const sections = README_SECTIONS.map(
    (title) => `## ${title}\n${section(readme, title).replace(/^#(#+) /gm, '$1 ')}`.trimEnd(),
  );
  return `# ${TAG}\n\n${description}\n\n${sections.join('\n\n')}\n`;
}

/** The package's package.json. */
function packageJson(version, description) {
  const entry = `./${MODULE_ENTRY}`;
  return {
    name: TAG,
    version,
    description,
    license: cargoLicense(),
    keywords: ['web-component', 'custom-element', 'drug', 'medicine', 'patient-education', 'webassembly'],
    type: 'module',
    main: entry,
    module: entry,
    types: './drug-monograph.d.ts',
    exports: {
      '.': { types: './drug-monograph.d.ts', default: entry },
      './react': { types: './react.d.ts', default: './react.mjs' },
      [`./${CLASSIC_LOADER}`]: `./${CLASSIC_LOADER}`,
      './widget.css': './widget.css',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    // What CDNs that mirror npm serve for the bare package address.
    unpkg: `./${CLASSIC_LOADER}`,
    jsdelivr: `./${CLASSIC_LOADER}`,
    customElements: './custom-elements.json',
    files: [
      'README.md',
      MODULE_ENTRY,
      'react.mjs',
      CLASSIC_LOADER,
      'drug-monograph-core.js',
      'drug-monograph-core_bg.wasm',
      'drug-monograph-hydrate.js',
      'drug-monograph-hydrate_bg.wasm',
      'widget.css',
      'drug-monograph.d.ts',
      'react.d.ts',
      'custom-elements.json',
    ],
    // Importing the entries defines the element: bundlers must keep them.
    sideEffects: [entry, './react.mjs', `./${CLASSIC_LOADER}`],
  };
}

/** The license of the widget's crate (its [workspace.package] license). */
function cargoLicense() {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'Cargo.toml'), 'utf8');
  const license = text.match(/^license\s*=\s*"([^"]+)"/m)?.[1];
  if (!license) throw new Error('Cargo.toml: no license');
  return license;
}

/** Writes the package of the bundle in `dist` to `dist`/npm; returns that folder. */
export function writePackage(dist) {
  const version = bundleVersion(dist);
  const sourceVersion = cargoVersion(path.join(REPO_ROOT, 'Cargo.toml'));
  if (version !== sourceVersion) {
    throw new Error(`${dist} holds release ${version}, the sources are ${sourceVersion}: build again (scripts/build)`);
  }
  const embed = path.join(dist, 'drug-monograph', version);
  const out = path.join(dist, 'npm');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  const pkg = packageJson(version, 'Patient-education drug monographs as accessible tabbed panels: the <drug-monograph> custom element (WebAssembly)');
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  fs.writeFileSync(path.join(out, 'README.md'), packageReadme(readme, pkg.description));
  for (const file of pkg.files) {
    const from = path.join(embed, file);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(out, file));
  }
  const web = path.join(REPO_ROOT, 'web');
  const classic = fs.readFileSync(path.join(embed, CLASSIC_LOADER), 'utf8');
  fs.writeFileSync(path.join(out, MODULE_ENTRY), moduleEntry(classic, fs.readFileSync(path.join(web, 'npm', 'files.mjs'), 'utf8')));
  fs.writeFileSync(path.join(out, 'react.mjs'), `// <${TAG}> with its JSX types (react.d.ts).\nimport "./${MODULE_ENTRY}";\n`);
  for (const types of ['drug-monograph.d.ts', 'react.d.ts']) {
    fs.copyFileSync(path.join(web, 'types', types), path.join(out, types));
  }
  const manifest = customElementsManifest(repoApi(REPO_ROOT), {
    modulePath: MODULE_ENTRY,
    description: 'Plain-language drug information for patients, as accessible tabbed panels, in a shadow root.',
  });
  fs.writeFileSync(path.join(out, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  const missing = pkg.files.filter((file) => !fs.existsSync(path.join(out, file)));
  if (missing.length) throw new Error(`${embed}: missing ${missing.join(', ')}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseCommandLine(process.argv.slice(2), {
      name: 'package',
      usage: 'usage: node scripts/package.mjs [--dist DIR]   writes the npm package of the bundle in DIR (default dist) to DIR/npm/',
      values: { dist: 'dist' },
    });
    const dist = values.dist;
    console.log(`npm package in ${writePackage(path.resolve(dist))}`);
  } catch (err) {
    console.error(`package: ${err.message}`);
    process.exit(1);
  }
}
