import { parseChoice } from '../core/choice.js'
import { SealError } from '../core/errors.js'
import { splitPatterns } from '../core/subjects.js'
import {
  ACTION_MODES,
  nameIn,
  OPTION_LIST,
  OPTIONS,
  offers,
  spell,
  type FrontEnd,
  type Mode,
  type OptionName,
  type OptionSpec
} from './table.js'

/**
 * What a front end read, as strings: for each option every value given (the action: its input
 * when not empty; the CLI: each occurrence of the flag, `true` for a boolean flag).
 */
export type RawValues = Partial<Record<OptionName, string[]>>

const spec = (name: OptionName): OptionSpec => OPTIONS[name]

/** The validated values of one mode: each option's value as given, else its default, else its environment variable. */
export class OptionValues {
  constructor(
    readonly frontEnd: FrontEnd,
    readonly mode: Mode,
    private readonly given: ReadonlyMap<OptionName, string[]>,
    private readonly env: NodeJS.ProcessEnv
  ) {}

  /** The option as the user's front end spells it: `base-dir input` or `--base-dir`. */
  spell(name: OptionName): string {
    return spell(name, this.frontEnd)
  }

  /** The bare name, which core/'s parsers put before " input": `base-dir` or `--base-dir`. */
  label(name: OptionName): string {
    return nameIn(name, this.frontEnd)
  }

  /** Whether the user gave it (a default, an environment variable or a boolean `false` is not giving it). */
  isSet(name: OptionName): boolean {
    return this.given.has(name)
  }

  string(name: OptionName): string | undefined {
    const value = this.given.get(name)?.[0] ?? (spec(name).default || undefined) ?? fromEnv(this.env, spec(name).env)
    return value === undefined || value === '' ? undefined : value
  }

  /** An option with `choices`, as the table spells the choice. */
  choice<T extends string>(name: OptionName): T {
    return parseChoice(this.string(name) ?? '', spec(name).choices as readonly T[], this.label(name))
  }

  /** A list option's values: the lines of every value given (patterns keep their order). */
  list(name: OptionName): string[] {
    return (this.given.get(name) ?? []).flatMap(splitPatterns)
  }

  /** A list option's values as given, one string per input or flag (for parsers that check each). */
  raw(name: OptionName): string[] {
    return this.given.get(name) ?? []
  }

  boolean(name: OptionName): boolean {
    return this.given.has(name)
  }
}

const fromEnv = (env: NodeJS.ProcessEnv, variable: string | undefined): string | undefined =>
  variable ? env[variable] || undefined : undefined

function modeWords(modes: readonly Mode[], frontEnd: FrontEnd): string {
  const offered = frontEnd === 'action' ? modes.filter(m => (ACTION_MODES as readonly string[]).includes(m)) : modes
  return offered.length > 1 ? `${offered.slice(0, -1).join(', ')} and ${offered.at(-1)}` : offered[0]
}

function parseBoolean(value: string, label: string): boolean {
  const v = value.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new SealError(
    'INPUT_INVALID',
    `Invalid ${label} input. Provided: ${value}. Available options: true, false`,
    label
  )
}

/**
 * Validates what a front end read for one mode, by the table: a value given twice where one is
 * meant, a boolean that is not true or false, an option that means nothing in this mode, one
 * given without what it requires or with what it excludes. Each is refused naming the option as
 * the user spelled it, since a silently ignored option is a check the user believes is on.
 */
export function readOptions(frontEnd: FrontEnd, mode: Mode, raw: RawValues, env: NodeJS.ProcessEnv): OptionValues {
  const given = new Map<OptionName, string[]>()
  const refuse = (name: OptionName, why: string): never => {
    throw new SealError('INPUT_INVALID', `${spell(name, frontEnd)} ${why}`, nameIn(name, frontEnd))
  }
  for (const [name, s] of OPTION_LIST) {
    // An empty string is an option left at its default; an empty pattern list given on purpose
    // is kept, for its parser to refuse (a policy or a path that checks nothing must not pass).
    const values = s.kind === 'list' ? (raw[name] ?? []) : (raw[name] ?? []).filter(v => v.trim() !== '')
    if (values.length === 0 || !offers(s, frontEnd)) continue
    if (s.kind !== 'list' && values.length > 1) refuse(name, `is given ${values.length} times; give it once`)
    if (s.choices) parseChoice(values[0], s.choices, nameIn(name, frontEnd))
    if (s.kind === 'boolean') {
      if (!parseBoolean(values[0], nameIn(name, frontEnd))) continue
    } else if (s.kind === 'string' && values.length === 1 && values[0].trim() === s.default) {
      // The runner passes every input's default; a default is not a choice the user made.
      continue
    }
    given.set(name, values)
  }
  for (const name of given.keys()) {
    const s = spec(name)
    if (!s.modes.includes(mode)) refuse(name, `is for ${modeWords(s.modes, frontEnd)} only`)
  }
  const options = new OptionValues(frontEnd, mode, given, env)
  for (const name of given.keys()) {
    for (const requirement of spec(name).requires ?? []) {
      if (typeof requirement === 'string') {
        if (!given.has(requirement as OptionName)) refuse(name, `needs ${spell(requirement as OptionName, frontEnd)}`)
      } else {
        const value = options.string(requirement.option as OptionName) ?? ''
        if (!requirement.values.includes(value)) {
          refuse(
            name,
            `is used only with ${requirement.option} ${requirement.values.join(' or ')} (${requirement.option} is ${value || 'not set'})`
          )
        }
      }
    }
    for (const other of spec(name).excludes ?? []) {
      if (given.has(other as OptionName)) refuse(name, `and ${spell(other as OptionName, frontEnd)} exclude each other`)
    }
  }
  return options
}
