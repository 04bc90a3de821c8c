// Tests of scripts/lib/element-api.mjs and scripts/package.mjs: the README's
// tables, from which custom-elements.json is made, say what the loader, the
// stylesheet and the components do; the module entry is the loader with only
// its "files" block replaced.
//
//   node --test tests/scripts/

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { customElementsManifest, readmeApi, repoApi } from '../../scripts/lib/element-api.mjs';
import { moduleEntry } from '../../scripts/package.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const sorted = (names) => [...new Set(names)].sort();
const names = (entries) => sorted(entries.map((e) => e.name));

const api = repoApi();
const loader = read('web/drug-monograph.js');

describe('the README documents what the widget does', () => {
  it('every attribute the loader observes, and no other', () => {
    const observed = loader.match(/static observedAttributes = \[([^\]]*)\]/)?.[1];
    assert.ok(observed, 'observedAttributes in web/drug-monograph.js');
    assert.deepEqual(names(api.attributes), sorted([...observed.matchAll(/"([^"]+)"/g)].map((m) => m[1])));
  });

  it("every property the loader defines, and HTMLElement's lang", () => {
    const getters = [...loader.matchAll(/^ {4}get ([a-zA-Z]+)\(\) \{/gm)].map((m) => m[1]);
    assert.deepEqual(names(api.properties), sorted([...getters, 'lang']));
    for (const attribute of api.attributes) {
      assert.ok(attribute.fieldName && attribute.type, `attribute ${attribute.name} has a property of its own`);
    }
  });

  it('every custom property widget.css reads, and no other', () => {
    const used = [...read('styles/widget.css').matchAll(/var\((--dm-[a-z-]+)/g)].map((m) => m[1]);
    assert.deepEqual(names(api.cssProperties), sorted(used));
  });

  it('every part the components set, and no other', () => {
    const parts = [];
    for (const file of fs.readdirSync(path.join(ROOT, 'src/components'))) {
      for (const [, plain, expression] of read(`src/components/${file}`).matchAll(/\bpart=(?:"([^"]+)"|\{([^}]*)\})/g)) {
        for (const literal of plain ? [plain] : [...expression.matchAll(/"([^"]+)"/g)].map((m) => m[1])) {
          parts.push(...literal.split(/\s+/));
        }
      }
    }
    assert.deepEqual(names(api.cssParts), sorted(parts));
  });

  it('every event the widget and the loader send, with their detail fields', () => {
    const events = read('src/events.rs');
    const sent = [...events.matchAll(/=> "(drug-monograph-[a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names(api.events), sorted(sent));
    assert.match(loader, /new CustomEvent\("drug-monograph-error", \{[^}]*detail: \{ kind, message \}/);
    const detailOf = (variant) =>
      [...events.match(new RegExp(`WidgetEvent::${variant} \\{[^}]*\\} => vec!\\[([^\\]]*)\\]`))[1].matchAll(/\("([a-z]+)"/g)].map(
        (m) => m[1],
      );
    const byName = Object.fromEntries(api.events.map((e) => [e.name, e.detail]));
    assert.deepEqual(byName['drug-monograph-load'], detailOf('Load'));
    assert.deepEqual(byName['drug-monograph-tabchange'], detailOf('TabChange'));
    assert.deepEqual(byName['drug-monograph-error'], detailOf('Error'));
  });
});

describe('custom-elements.json', () => {
  const manifest = customElementsManifest(api, { modulePath: 'drug-monograph.mjs', description: 'The widget.' });
  const [declaration] = manifest.modules[0].declarations;

  it('describes every attribute, property, event, custom property and part', () => {
    for (const kind of ['attributes', 'members', 'events', 'cssProperties', 'cssParts']) {
      assert.ok(declaration[kind].length > 0, `${kind} listed`);
      for (const entry of declaration[kind]) {
        assert.ok(entry.name, `${kind}: an entry without a name`);
        assert.ok(entry.description?.trim(), `${kind} ${entry.name} has a description`);
      }
    }
  });

  it('links each attribute and its property, and types the events', () => {
    const headingLevel = declaration.members.find((m) => m.name === 'headingLevel');
    assert.deepEqual(
      { attribute: headingLevel.attribute, reflects: headingLevel.reflects, type: headingLevel.type.text },
      { attribute: 'heading-level', reflects: true, type: 'number' },
    );
    assert.equal(declaration.attributes.find((a) => a.name === 'heading-level').fieldName, 'headingLevel');
    assert.equal(
      declaration.events.find((e) => e.name === 'drug-monograph-load').type.text,
      'CustomEvent<{ id: string; title: string }>',
    );
    assert.deepEqual(manifest.modules[0].exports[0], {
      kind: 'custom-element-definition',
      name: 'drug-monograph',
      declaration: { name: 'DrugMonograph', module: 'drug-monograph.mjs' },
    });
  });

  it('gives a row naming several custom properties a default and a dark default each', () => {
    const bg = declaration.cssProperties.find((p) => p.name === '--dm-bg');
    assert.equal(bg.default, '#ffffff');
    assert.match(bg.description, /^Text and background \(dark look: `#121417`\)$/);
  });

  it('fails loudly when a table is missing', () => {
    assert.throws(() => readmeApi('### Attributes\n\nno table\n\n### Theming\n\n### Events\n'), /one table headed "Property"/);
  });
});

describe('the module entry', () => {
  const files = 'const CORE_URL = new URL("./drug-monograph-core.js", import.meta.url).href;\n';

  it('is the loader with its files block replaced, and nothing else changed', () => {
    const entry = moduleEntry(loader, files);
    const region = /^ *\/\/ #region files\n[\s\S]*?^ *\/\/ #endregion files\n/m;
    const [before, after] = loader.split(region);
    assert.ok(entry.includes(before + files + after), 'loader text around the block kept');
    assert.doesNotMatch(entry, /currentScript/);
  });

  it('refuses a loader without the block', () => {
    assert.throws(() => moduleEntry('(() => {})();\n', files), /no "\/\/ #region files"/);
  });
});
