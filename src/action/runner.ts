import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { EOL } from 'node:os'
import { escapeWorkflowCommands } from '../core/errors.js'

/*
 * The runner contract, as GitHub documents it ("Workflow commands for GitHub Actions"): inputs in
 * INPUT_* variables, outputs and the job summary appended to the files that GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY name, masks, annotations and debug lines as `::command::` lines on stdout.
 *
 * These are @actions/core 3's functions, ported with the same encodings (its command.js,
 * file-command.js, utils.js and summary.js), because importing @actions/core also loads undici
 * through @actions/http-client for getIDToken, which we do not use (actions/toolkit#1697): that
 * import took 115-130 ms of every step's start-up on a 2-vCPU runner, against 120 ms for Node
 * itself. A differential test (__tests__/unit/runner.test.ts) runs each function and its
 * @actions/core counterpart on the same arguments and requires the same bytes.
 */

/** Where an annotation points; the names of @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

type CommandProperties = Record<string, string | number | undefined>

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/**
 * Writes `::command key=value,…::message`, escaped so that no value can end the line or the
 * command. Empty values are left out, but the space after the command stays whenever properties
 * were given, as @actions/core writes it (the runner reads both).
 */
function issueCommand(command: string, properties: CommandProperties, message: string): void {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
  const head = Object.keys(properties).length > 0 ? ` ${pairs.join(',')}` : ''
  process.stdout.write(`::${command}${head}::${escapeData(message)}${EOL}`)
}

function commandProperties(p: AnnotationProperties): CommandProperties {
  if (Object.keys(p).length === 0) return {}
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }
}

/** An input's value (trimmed), or '' when the workflow did not set it. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Registers a value with the runner's log mask: from this line on, the runner prints *** for it. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** Sets a step output, in the GITHUB_OUTPUT file with a random heredoc delimiter (the older stdout command without one). */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT || ''
  if (!file) {
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, value)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  // A value holding the delimiter could end the heredoc early and set other outputs.
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  if (!fs.existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  fs.appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** A log line; `::` opening it and `##[` in it are escaped, so that a file name cannot be a workflow command. */
export function info(message: string): void {
  process.stdout.write(escapeWorkflowCommands(message) + EOL)
}

/** Shown only when the run has step debug logging on. */
export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', commandProperties(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', commandProperties(properties), message)
}

/** Starts a collapsed group of log lines, up to endGroup. */
export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

/** Fails the step (exit code 1) with an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Appends Markdown to the job summary; throws, saying why, when the runner gives none or it cannot be written. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
  try {
    await fs.promises.access(file, fs.constants.R_OK | fs.constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`)
  }
  await fs.promises.appendFile(file, markdown, { encoding: 'utf8' })
}
