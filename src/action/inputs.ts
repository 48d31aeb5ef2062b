import * as core from '@actions/core'
import { parseChoice } from '../core/choice.js'
import { contextFromEnv } from '../github/context.js'
import { planFor, type Plan } from '../options/plan.js'
import type { RawValues } from '../options/read.js'
import { ACTION_MODES, OPTION_LIST, offers, type OutputName } from '../options/table.js'
import { maskOnce } from './mask.js'

/** The action's mode as given, before anything is validated (the error path reports by it). */
export function rawMode(): string {
  return core.getInput('mode') || 'sign'
}

/**
 * Reads every input the table offers the action and hands the strings to the table's rules
 * (src/options/). The key and the token are registered with the log mask before anything else
 * is done with them, line by line as well, since a key is given one per line.
 */
export function getPlan(): Plan {
  const keyText = core.getInput('key')
  if (keyText) {
    maskOnce(keyText)
    for (const line of keyText.split(/\r?\n/)) if (line.trim()) maskOnce(line.trim())
  }
  maskOnce(core.getInput('github-token'))

  const raw: RawValues = {}
  for (const [name, spec] of OPTION_LIST) {
    if (!offers(spec, 'action')) continue
    const value = core.getInput(name)
    if (value) raw[name] = [value]
  }
  const mode = parseChoice(rawMode(), ACTION_MODES, 'mode')
  return planFor('action', mode, raw, {
    env: process.env,
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    context: contextFromEnv()
  })
}

/** Sets an output named in the table (and so in action.yml). */
export function setOutput(name: OutputName, value: string): void {
  core.setOutput(name, value)
}
