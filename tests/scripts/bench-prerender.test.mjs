// Tests of the pages scripts/bench-prerender.mjs derives from the bundle: the
// monograph page without scripts, and the snippet page without its snippet.
//
//   node --test tests/scripts/

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staticPage, srcOnlyPage } from '../../scripts/bench-prerender.mjs';

const MONOGRAPH_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <script type="application/ld+json">{"@type":"MedicalWebPage"}</script>
    <link rel="stylesheet" href="../../styles/page.css" />
    <link rel="modulepreload" href="../../app/drug-monograph-page.js" />
    <link rel="preload" href="../../app/drug-monograph-page_bg.wasm" as="fetch" crossorigin />
    <script type="module" src="../../boot.js"></script>
  </head>
  <body class="page">
    <div id="app"><div role="tabpanel" id="dm-panel-usage">Take one capsule a day.</div></div>
  </body>
</html>
`;

const SNIPPET_PAGE = `<!doctype html>
<html lang="en">
  <head><link rel="stylesheet" href="csp.css" /></head>
  <body>
    <main>
<drug-monograph src="/content/lenalidomide.json">
  <template shadowrootmode="open">
    <link rel="stylesheet" href="/drug-monograph/1.0.0/widget.css" />
    <div class="dm-root" data-content-hash="0123"><div role="tabpanel">Text</div></div>
  </template>
</drug-monograph>
<link rel="modulepreload" href="/drug-monograph/1.0.0/drug-monograph-hydrate.js" />
<link rel="preload" href="/drug-monograph/1.0.0/drug-monograph-hydrate_bg.wasm" as="fetch" type="application/wasm" crossorigin />
<script src="/drug-monograph/1.0.0/drug-monograph.js" defer></script>
    </main>
  </body>
</html>
`;

describe('bench-prerender pages', () => {
  it('the static page keeps the HTML and the stylesheets, and loses every script and preload', () => {
    const html = staticPage(MONOGRAPH_PAGE);
    assert.doesNotMatch(html, /<script|modulepreload|rel="preload"/);
    assert.match(html, /<link rel="stylesheet" href="\.\.\/\.\.\/styles\/page\.css" \/>/);
    assert.match(html, /<div role="tabpanel" id="dm-panel-usage">Take one capsule a day\.<\/div>/);
  });

  it('refuses a monograph page with nothing pre-rendered', () => {
    assert.throws(() => staticPage('<html><div id="app"></div></html>'), /no pre-rendered tab panel/);
  });

  it('the src-only page keeps the element, the loader and the shell, without the shadow root or the preloads', () => {
    const html = srcOnlyPage(SNIPPET_PAGE, { fromVersion: '1.0.0', toVersion: '1.0.0' });
    assert.doesNotMatch(html, /<template|tabpanel|widget\.css|preload|hydrate/);
    assert.match(html, /<drug-monograph src="\/content\/lenalidomide\.json"><\/drug-monograph>/);
    assert.match(html, /<script src="\/drug-monograph\/1\.0\.0\/drug-monograph\.js" defer><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="csp\.css" \/>/);
  });

  it('the src-only page for another release names that release\'s loader', () => {
    const html = srcOnlyPage(SNIPPET_PAGE, { fromVersion: '1.0.0', toVersion: '0.9.0' });
    assert.match(html, /src="\/drug-monograph\/0\.9\.0\/drug-monograph\.js"/);
    assert.doesNotMatch(html, /1\.0\.0/);
  });
});
