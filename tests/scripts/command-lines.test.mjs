// Tests of the scripts' command lines (scripts/lib/cli.mjs): help, refusals,
// and the options each script takes.
//
//   node --test tests/scripts/

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** Runs scripts/`script` with `args`; returns its exit status, stdout and stderr. */
function run(script, ...args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [path.join(SCRIPTS, script), ...args], { encoding: 'utf8' });
  return { status, stdout, stderr };
}

describe('command lines', () => {
  it('print their usage on -h and --help, and exit 0', () => {
    for (const script of ['serve.mjs', 'bench-embed.mjs', 'bench-prerender.mjs', 'bench-runtime.mjs', 'measure-size.mjs', 'precache.mjs']) {
      for (const help of ['-h', '--help']) {
        const { status, stdout } = run(script, help);
        assert.equal(status, 0, `${script} ${help}`);
        assert.match(stdout, new RegExp(`^Usage: node scripts/${script.replace('.', '\\.')} `), `${script} ${help}`);
      }
    }
  });

  it('refuse what they do not take, saying what and how to call them', () => {
    const cases = [
      ['serve.mjs', ['--nope'], /^serve: Unknown option '--nope'/],
      ['serve.mjs', ['dist'], /^serve: Unexpected argument 'dist'/],
      ['serve.mjs', ['--root'], /^serve: Option '--root <value>' argument missing/],
      ['measure-size.mjs', ['a', 'b'], /^measure-size: Unexpected argument 'b'/],
      ['bench-prerender.mjs', ['--prev'], /^bench-prerender: Option '--prev <value>' argument missing/],
      ['bench-runtime.mjs', ['--before'], /^bench-runtime: Option '--before <value>' argument missing/],
      ['precache.mjs', ['--template'], /^precache: Option '--template <value>' argument missing/],
    ];
    for (const [script, args, message] of cases) {
      const { status, stderr } = run(script, ...args);
      assert.equal(status, 1, `${script} ${args.join(' ')}`);
      assert.match(stderr, message);
      assert.match(stderr, /\nUsage: /, `${script} ${args.join(' ')} shows the usage`);
    }
  });

  it('check their values: a port, a number of runs', () => {
    assert.match(run('serve.mjs', '--port', '70000').stderr, /serve: bad port 70000/);
    assert.match(run('serve.mjs', '--port=x').stderr, /serve: bad port x/);
    assert.match(run('bench-embed.mjs', '--runs', '0').stderr, /bench-embed: --runs must be a positive integer/);
    assert.match(run('bench-prerender.mjs', '--runs', '0').stderr, /bench-prerender: --runs must be a positive integer/);
    assert.match(run('bench-runtime.mjs', '--runs', '0').stderr, /bench-runtime: --runs must be a positive integer/);
  });

  it('take their folder as an argument and --json as a flag (measure-size)', (t) => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-cli-'));
    t.after(() => fs.rmSync(dist, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dist, 'drug-monograph', '4.5.6'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    const { stdout } = run('measure-size.mjs', '--json', dist);
    const report = JSON.parse(stdout);
    assert.equal(report.dist, dist);
    assert.equal(report.version, '4.5.6');
    assert.deepEqual(report.files.map((f) => f.file), ['index.html']);
  });
});
