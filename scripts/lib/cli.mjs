// The command lines of the scripts in scripts/: node:util parseArgs, plus the
// -h/--help and the messages every script gives the same way.

import { parseArgs } from 'node:util';

/**
 * Parses `argv` with parseArgs. `values` maps each option that takes a value
 * to its default, `flags` names the options that take none; up to
 * `maxPositionals` arguments may be other than options. -h or --help prints
 * `usage` and exits 0; a command line that does not parse prints "<name>: <why>"
 * and `usage` on stderr and exits 1. Returns parseArgs' { values, positionals }.
 */
export function parseCommandLine(argv, { name, usage, values = {}, flags = [], maxPositionals = 0 }) {
  const options = { help: { type: 'boolean', short: 'h' } };
  for (const [option, fallback] of Object.entries(values)) options[option] = { type: 'string', default: fallback };
  for (const flag of flags) options[flag] = { type: 'boolean', default: false };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: maxPositionals > 0 });
    if (parsed.positionals.length > maxPositionals) {
      throw new Error(`Unexpected argument '${parsed.positionals[maxPositionals]}'`);
    }
  } catch (err) {
    console.error(`${name}: ${err.message}\n${usage}`);
    process.exit(1);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
