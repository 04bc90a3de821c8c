// A catalog of thousands of made-up medicines, generated (not committed), for
// the tests and the benchmark of a large catalog. Every title says "(fictional
// test drug)"; no entry is a real medicine. Not a test file itself.
//
// The names are built from syllables no real drug stem was taken from, in
// catalog order; two entries are placed among them for searches by accent and
// case:
//   Ésomockine (fictional test drug), brand Ñandúzol
//   ESOMOCKINE RETARD (fictional test drug), generic esomockine
// No generated name contains "esomock" or "nanduz".

const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'ka', 'le', 'mi', 'po', 'ru', 'sa', 'te', 'vi', 'xo', 'ze', 'qui'];
const SUFFIXES = ['mab', 'vir', 'nib', 'tide', 'zine', 'dol'];

/** The accented and capitalised entries, by their ids, and where they are placed. */
export const ACCENTED = {
  esomockine: { id: 'esomockine', title: 'Ésomockine (fictional test drug)', generic_name: 'ésomockine', brand_names: ['Ñandúzol'] },
  esomockineRetard: { id: 'esomockine-retard', title: 'ESOMOCKINE RETARD (fictional test drug)', generic_name: 'esomockine', brand_names: [] },
};

const capitalised = (word) => word[0].toUpperCase() + word.slice(1);

/** The stem of the `n`th generated name: four syllables, one per base-16 digit of `n`. */
function stem(n) {
  let word = '';
  for (let digit = 0; digit < 4; digit += 1) word += SYLLABLES[Math.floor(n / 16 ** digit) % 16];
  return word;
}

/** The `n`th generated entry. */
function generated(n) {
  const name = stem(n) + SUFFIXES[n % SUFFIXES.length];
  return {
    id: `${name}-${n}`,
    title: `${capitalised(name)} ${n} (fictional test drug)`,
    generic_name: name,
    brand_names: n % 3 === 0 ? [`${capitalised(stem(n + 7))}ex`] : [],
  };
}

/**
 * The catalog (the JSON of content/index.json) of `count` made-up medicines
 * (at least 10): the two accented ones at a tenth and at nine tenths of it,
 * generated ones everywhere else.
 */
export function madeUpCatalog(count) {
  const at = { [Math.floor(count / 10)]: ACCENTED.esomockine, [Math.floor((count * 9) / 10)]: ACCENTED.esomockineRetard };
  const monographs = [];
  for (let n = 0; n < count; n += 1) {
    const entry = at[n] ?? generated(n);
    monographs.push({ ...entry, language: 'en', codes: {}, last_reviewed: null, file: `${entry.id}.json` });
  }
  return { catalog_version: 1, monographs };
}

/** The ids of the entries of `catalog` (madeUpCatalog's) whose names include `folded` (lowercase, no accents), in order. */
export function idsMatching(catalog, folded) {
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return catalog.monographs
    .filter((entry) => [entry.title, entry.generic_name, ...entry.brand_names].some((name) => fold(name).includes(folded)))
    .map((entry) => entry.id);
}
