// A TypeScript file that tsc compiles only when the package's declarations
// give every attribute, property and event of its custom-elements.json (made
// from the README's tables): the tag in HTMLElementTagNameMap, each property
// with its type, each attribute and `on<event>` among React's JSX props, each
// event with its detail fields in HTMLElementEventMap and DocumentEventMap,
// and a detail that is not `any`.

/** The check for manifest `elements` (the package's custom-elements.json). */
export function apiCheck(elements) {
  const [declaration] = elements.modules[0].declarations;
  const lines = [
    '// Made by tests/package/api-check.mjs from custom-elements.json.',
    'import type { DrugMonographProps } from "drug-monograph/react";',
    '',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type SameKeys<A, B> = Same<keyof A, B>;',
    'function expect<T extends true>(): void {}',
    '',
    `type Element = HTMLElementTagNameMap[${JSON.stringify(declaration.tagName)}];`,
  ];
  for (const member of declaration.members) {
    lines.push(`expect<Same<Element[${JSON.stringify(member.name)}], ${member.type.text}>>();`);
  }
  for (const attribute of declaration.attributes) {
    lines.push(`expect<${JSON.stringify(attribute.name)} extends keyof DrugMonographProps ? true : false>();`);
  }
  for (const event of declaration.events) {
    const name = JSON.stringify(event.name);
    const fields = [...event.type.text.matchAll(/(\w+): string/g)].map((m) => JSON.stringify(m[1]));
    lines.push(
      `expect<SameKeys<HTMLElementEventMap[${name}]["detail"], ${fields.join(' | ')}>>();`,
      `expect<HTMLElementEventMap[${name}] extends ${event.type.text} ? true : false>();`,
      `expect<Same<DocumentEventMap[${name}], HTMLElementEventMap[${name}]>>();`,
      `expect<Same<Parameters<NonNullable<DrugMonographProps[${JSON.stringify(`on${event.name}`)}]>>[0], HTMLElementEventMap[${name}]>>();`,
      `(event: HTMLElementEventMap[${name}]) => {`,
      '  // @ts-expect-error: the detail has only its documented fields',
      '  event.detail.notAField;',
      '};',
    );
  }
  return `${lines.join('\n')}\n`;
}
