// The element's public interface as the README documents it, read from its
// tables, and the Custom Elements Manifest made from it. The README is the one
// source: the npm package's custom-elements.json is generated from it
// (scripts/package.mjs), and tests/scripts/element-api.test.mjs checks it
// against the loader, the stylesheet, the components and the TypeScript
// declarations.
//
//   README "Attributes":  the attributes table, then the properties table
//   README "Theming":     the custom properties table, then the parts table
//   README "Events":      the events table

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const TAG = 'drug-monograph';
export const CLASS_NAME = 'DrugMonograph';

/** The text of the `### title` section of `markdown`, up to the next heading of level 1 to 3. */
export function section(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === `### ${title}`);
  if (start < 0) throw new Error(`README: no "### ${title}" section`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,3} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The cells of one table row, trimmed (a `|` inside backticks is not a separator). */
function cells(row) {
  const out = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\||\|$/g, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell.trim());
  return out;
}

/** The tables of `text`, each as { header, rows }, rows as arrays of cells. */
function tables(text) {
  const found = [];
  let table = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      table = null;
      continue;
    }
    if (!table) {
      table = { header: cells(line), rows: [] };
      found.push(table);
    } else if (!/^\|[\s:|-]+\|$/.test(line.trim())) {
      table.rows.push(cells(line));
    }
  }
  return found;
}

/** The one table of `text` whose first header cell is `first`. */
function tableStarting(text, first, where) {
  const matching = tables(text).filter((t) => t.header[0] === first);
  if (matching.length !== 1) throw new Error(`README "${where}": expected one table headed "${first}", found ${matching.length}`);
  return matching[0];
}

/** The `code` spans of a cell, in order. */
const codeSpans = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** Markdown as plain text for descriptions: code spans keep their backticks, links their text. */
const plain = (cell) => cell.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

/**
 * The element's interface as the README documents it:
 * { attributes, properties, events, cssProperties, cssParts }, each a list of
 * { name, description, … }.
 */
export function readmeApi(markdown) {
  const attributesSection = section(markdown, 'Attributes');
  const theming = section(markdown, 'Theming');
  const eventsSection = section(markdown, 'Events');

  const properties = tableStarting(attributesSection, 'Property', 'Attributes').rows.map(([name, type, meaning]) => ({
    name: codeSpans(name)[0],
    type: codeSpans(type)[0],
    description: plain(meaning),
  }));
  const attributes = tableStarting(attributesSection, 'Attribute', 'Attributes').rows.map(([name, meaning]) => {
    const attribute = codeSpans(name)[0];
    const property = properties.find((p) => p.name === camelCase(attribute));
    return { name: attribute, type: property?.type, fieldName: property?.name, description: plain(meaning) };
  });
  // A row may name several properties with a default each, in the same order.
  const cssProperties = tableStarting(theming, 'Property', 'Theming').rows.flatMap(([names, light, dark, meaning]) => {
    const defaults = codeSpans(light);
    const darkDefaults = codeSpans(dark);
    return codeSpans(names).map((name, i) => ({
      name,
      default: defaults[i],
      description: plain(meaning) + (darkDefaults[i] ? ` (dark look: \`${darkDefaults[i]}\`)` : ''),
    }));
  });
  const cssParts = tableStarting(theming, 'Part', 'Theming').rows.map(([name, meaning]) => ({
    name: codeSpans(name)[0],
    description: plain(meaning),
  }));
  const events = tableStarting(eventsSection, 'Event', 'Events').rows.map(([name, detail, when]) => ({
    name: codeSpans(name)[0],
    // Every detail field is a string (src/events.rs).
    detail: codeSpans(detail)[0]
      .replace(/^\{\s*|\s*\}$/g, '')
      .split(/\s*,\s*/),
    description: plain(when),
  }));
  return { attributes, properties, events, cssProperties, cssParts };
}

/** `heading-level` → `headingLevel`. */
export const camelCase = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The TypeScript type of an event's detail: `{ id: string; title: string }`. */
export const detailType = (event) => `{ ${event.detail.map((field) => `${field}: string`).join('; ')} }`;

/** The README of the repository at `root`, read as readmeApi does. */
export function repoApi(root = REPO_ROOT) {
  return readmeApi(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
}

/**
 * The Custom Elements Manifest (schema 2.1.0) of the package whose module
 * entry is `modulePath`, from `api` (readmeApi).
 */
export function customElementsManifest(api, { modulePath, description }) {
  const declaration = {
    kind: 'class',
    name: CLASS_NAME,
    tagName: TAG,
    customElement: true,
    description,
    superclass: { name: 'HTMLElement', package: 'global:' },
    attributes: api.attributes.map((a) => ({
      name: a.name,
      ...(a.type && { type: { text: a.type } }),
      description: a.description,
      ...(a.fieldName && { fieldName: a.fieldName }),
    })),
    members: api.properties.map((p) => {
      const attribute = api.attributes.find((a) => a.fieldName === p.name);
      return {
        kind: 'field',
        name: p.name,
        type: { text: p.type },
        description: p.description,
        ...(attribute && { attribute: attribute.name, reflects: true }),
      };
    }),
    events: api.events.map((e) => ({
      name: e.name,
      type: { text: `CustomEvent<${detailType(e)}>` },
      description: e.description,
    })),
    cssProperties: api.cssProperties.map((p) => ({
      name: p.name,
      ...(p.default && { default: p.default }),
      description: p.description,
    })),
    cssParts: api.cssParts,
  };
  return {
    schemaVersion: '2.1.0',
    modules: [
      {
        kind: 'javascript-module',
        path: modulePath,
        declarations: [declaration],
        exports: [
          { kind: 'custom-element-definition', name: TAG, declaration: { name: CLASS_NAME, module: modulePath } },
        ],
      },
    ],
  };
}
