// The site of made-up medicines that end-to-end tests run against: a temporary
// copy of dist/ whose pages are pre-rendered from tests/fixtures/catalog/
// (`cargo monograph site`) and whose content/ holds those fixtures instead of
// the real monographs. Not a test file itself.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, REPO_ROOT, runMonograph } from './support.mjs';

/** The made-up medicines, their Markdown and the JSON generated from it. */
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'catalog');

/** How long pre-rendering the fixture site may take: a cached native build runs in seconds, a fresh one in minutes. */
export const SITE_TIMEOUT = 600_000;

/**
 * Makes the fixture site (or the site of the content folder `content`) in a
 * new temporary folder and returns { tmpRoot, site }: the folder to remove
 * afterwards, and the site in it.
 */
export function makeFixtureSite(prefix, { content = FIXTURES } = {}) {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const site = path.join(tmpRoot, 'site');
  fs.cpSync(DIST, site, { recursive: true });
  // The real monographs' pages go; the fixtures' are written in their place.
  for (const folder of ['medicines', 'snippets', 'content']) fs.rmSync(path.join(site, folder), { recursive: true, force: true });
  const run = runMonograph(['site', '--out', site, path.relative(REPO_ROOT, content) + path.sep], { timeout: SITE_TIMEOUT });
  if (run.error || run.status !== 0) {
    throw new Error(`monograph site failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}${run.stderr}`);
  }
  fs.mkdirSync(path.join(site, 'content'));
  for (const file of fs.readdirSync(content).filter((f) => f.endsWith('.json'))) {
    fs.copyFileSync(path.join(content, file), path.join(site, 'content', file));
  }
  return { tmpRoot, site };
}
