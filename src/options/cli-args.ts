import type { ParseArgsConfig } from 'node:util'
import type { RawValues } from './read.js'
import { OPTION_LIST, flagOf, offers, type OptionName } from './table.js'

/** parseArgs' options, from the table: every value option repeatable, so that a repeat is seen (and refused where one is meant). */
export const PARSE_ARGS_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  ...Object.fromEntries(
    OPTION_LIST.filter(([, spec]) => offers(spec, 'cli')).map(([name, spec]) => [
      flagOf(name),
      spec.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: true }
    ])
  ),
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' }
}

/** parseArgs' values as the strings the table reads. */
export function rawFromArgs(values: Record<string, string | boolean | (string | boolean)[] | undefined>): RawValues {
  const raw: RawValues = {}
  for (const [name, spec] of OPTION_LIST) {
    if (!offers(spec, 'cli')) continue
    const value = values[flagOf(name)]
    if (value === undefined) continue
    raw[name as OptionName] = (Array.isArray(value) ? value : [value]).map(String)
  }
  return raw
}
