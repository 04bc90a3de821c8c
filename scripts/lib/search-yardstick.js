// The yardstick of bench-catalog.mjs: the pre-rendered catalog page with no
// app, searched by this plain script instead. It makes the changes the app
// makes, with nothing between the keys and the DOM: as for a catalog newer
// than the page, the first entries, then each search's first results, as
// cards of the same markup, with their count. What a key costs here is what
// the browser itself spends on such a change: the floor for the app's keys.

const PER_SEARCH = 24;
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const input = document.querySelector('#page-search');
const count = document.querySelector('#page-search-count');
const entries = (await (await fetch('content/index.json')).json()).monographs;
const names = entries.map((e) => [e.title, e.generic_name, ...e.brand_names].map(fold).join('\n'));

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function card(entry) {
  const link = document.createElement('a');
  link.className = 'page-result';
  link.href = `medicines/${entry.id}/`;
  link.lang = entry.language;
  link.dir = 'ltr';
  link.append(span('page-result-title', entry.title));
  if (entry.generic_name !== entry.title) link.append(span('page-result-generic', entry.generic_name));
  if (entry.brand_names.length) link.append(span('page-result-brands', `Brand names: ${entry.brand_names.join(', ')}`));
  const item = document.createElement('li');
  item.append(link);
  return item;
}

function show(matches, limit) {
  const shown = matches.slice(0, limit);
  const list = document.createElement('ul');
  list.id = 'page-results';
  list.className = 'page-results';
  list.append(...shown.map((position) => card(entries[position])));
  document.querySelector('#page-results').replaceWith(list);
  count.textContent =
    shown.length < matches.length
      ? `${matches.length} medicines found, the first ${shown.length} shown`
      : `${matches.length} medicines found`;
}

const all = entries.map((_, position) => position);
show(all, PER_SEARCH);
input.addEventListener('input', () => {
  const query = fold(input.value.trim());
  show(query ? all.filter((position) => names[position].includes(query)) : all, PER_SEARCH);
});
// What the probe takes for "the app runs".
document.documentElement.style.fontSize = '100%';
