// Tests of scripts/lib/version.mjs: where the release version comes from.
//
//   node --test tests/scripts/

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleVersion, cargoVersion, releaseVersion } from '../../scripts/lib/version.mjs';

/** A temporary folder holding `files` (name → text), removed after test `t`. */
function folderWith(t, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-version-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const WORKSPACE_CARGO = `[workspace]
members = ["crates/model"]

[workspace.package]
version = "2.3.4" # the release
edition = "2021"

[package]
name = "drug-monograph"
version.workspace = true

[[bin]]
name = "tool"
version = "9.9.9"
`;

describe('release version', () => {
  it('is the workspace version when the package takes it from there', (t) => {
    const dir = folderWith(t, { 'Cargo.toml': WORKSPACE_CARGO });
    assert.equal(cargoVersion(path.join(dir, 'Cargo.toml')), '2.3.4');
  });

  it('is the package version when the package has its own', (t) => {
    const dir = folderWith(t, { 'Cargo.toml': '[package]\nname = "x"\nversion = "1.0.0"\n' });
    assert.equal(cargoVersion(path.join(dir, 'Cargo.toml')), '1.0.0');
  });

  it('is refused while package.json says another version, naming both files', (t) => {
    const dir = folderWith(t, { 'Cargo.toml': WORKSPACE_CARGO, 'package.json': '{ "version": "2.3.5" }' });
    assert.throws(() => releaseVersion(dir), /package\.json says version 2\.3\.5, .*Cargo\.toml says 2\.3\.4/);
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "version": "2.3.4" }');
    assert.equal(releaseVersion(dir), '2.3.4');
  });

  it('agrees between this repository\'s Cargo.toml and package.json', () => {
    assert.match(releaseVersion(), /^\d+\.\d+\.\d+/);
  });

  it('of a bundle is the name of its one release folder', (t) => {
    const dist = folderWith(t, { 'drug-monograph/2.3.4/widget.css': '' });
    assert.equal(bundleVersion(dist), '2.3.4');
    fs.mkdirSync(path.join(dist, 'drug-monograph', '2.3.3'));
    assert.throws(() => bundleVersion(dist), /expected exactly one release folder under .*, found 2\.3\.[34], 2\.3\.[34]$/);
  });
});
