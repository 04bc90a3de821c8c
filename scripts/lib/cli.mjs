// The command lines of the scripts in scripts/: node:util parseArgs, plus the
// -h/--help and the messages every script gives the same way.

import { parseArgs } from 'node:util';

/**
 * Parses `argv` with parseArgs: `options` as parseArgs takes them, up to
 * `maxPositionals` arguments that are not options. -h or --help prints `usage`
 * and exits 0; a command line that does not parse prints "<name>: <why>" and
 * `usage` on stderr and exits 1. Returns parseArgs' { values, positionals }.
 */
export function parseCommandLine(argv, { name, usage, options = {}, maxPositionals = 0 }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: maxPositionals > 0,
    });
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
