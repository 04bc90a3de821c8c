#!/usr/bin/env node
// The release version, and where each tool reads it.
//
//   node scripts/lib/version.mjs    prints the release version (scripts/build)
//
// The source is Cargo.toml: the widget's [package] version, which it takes from
// [workspace.package] (`version.workspace = true`). package.json repeats it
// because npm shows it; releaseVersion() refuses to answer while the two differ.
// A built bundle carries its version as the name of its release folder,
// dist/drug-monograph/VERSION/, which bundleVersion() reads: whoever works on
// a bundle (the precache step, the size measurement, the tests) takes the
// version of that bundle, not of the sources it may no longer match.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The `key = value` lines of a TOML file by section ('' before the first
 * header); keys as written (dotted keys stay whole), values as written, without
 * comments. Enough for Cargo.toml's version lines, not a TOML parser.
 */
function tomlSections(text) {
  const sections = new Map([['', new Map()]]);
  let current = sections.get('');
  for (const line of text.split('\n')) {
    const header = line.match(/^\s*\[{1,2}([^\]]+)\]{1,2}\s*(?:#.*)?$/);
    if (header) {
      current = new Map();
      sections.set(header[1].trim(), current);
      continue;
    }
    const entry = line.match(/^\s*([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*(?:#[^"]*)?$/);
    if (entry) current.set(entry[1], entry[2]);
  }
  return sections;
}

const quoted = (value) => value?.match(/^"([^"]+)"$/)?.[1];

/** The widget's package version in the Cargo.toml at `file`, following `version.workspace = true`. */
export function cargoVersion(file) {
  const sections = tomlSections(fs.readFileSync(file, 'utf8'));
  const pkg = sections.get('package');
  if (pkg?.get('version.workspace') === 'true') {
    const version = quoted(sections.get('workspace.package')?.get('version'));
    if (!version) throw new Error(`${file}: [package] takes its version from [workspace.package], which has none`);
    return version;
  }
  const version = quoted(pkg?.get('version'));
  if (!version) throw new Error(`${file}: no [package] version`);
  return version;
}

/** The release version of the sources in `root`: Cargo.toml's, once package.json is checked to agree. */
export function releaseVersion(root = REPO_ROOT) {
  const cargoToml = path.join(root, 'Cargo.toml');
  const packageJson = path.join(root, 'package.json');
  const version = cargoVersion(cargoToml);
  const npmVersion = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
  if (npmVersion !== version) {
    throw new Error(`${packageJson} says version ${npmVersion}, ${cargoToml} says ${version}: make them agree`);
  }
  return version;
}

/** The version of the bundle in `dist`: the name of the single folder under dist/drug-monograph/. */
export function bundleVersion(dist) {
  const folder = path.join(dist, 'drug-monograph');
  const versions = fs.existsSync(folder)
    ? fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  if (versions.length !== 1) {
    throw new Error(
      `expected exactly one release folder under ${folder}, found ${versions.length ? versions.join(', ') : 'none'}`,
    );
  }
  return versions[0];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(releaseVersion());
  } catch (err) {
    console.error(`version: ${err.message}`);
    process.exit(1);
  }
}
