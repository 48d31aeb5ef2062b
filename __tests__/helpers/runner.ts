import { spawn, type SpawnOptions } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIST_ACTION, DIST_CLI, tempDir } from './fixtures.js'

/** What a step run through the runner contract left behind. */
export interface StepResult {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Values registered with ::add-mask:: (what the runner would mask). */
  masks: string[]
  /** Every file the step's runner files live in, for leak checks. */
  runnerDir: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
      outputs[m[1]] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/** Default GitHub context for a run in `owner/repo` at a fixed commit. */
export const GITHUB_CONTEXT = {
  GITHUB_REPOSITORY: 'acme/widgets',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/build.yml@refs/tags/v1.2.3',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com'
}

/** What a finished child process printed, and how it exited. */
export interface ProcessResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs `command` to the end with no stdin and collects its stdout, stderr and exit code. */
export function collect(command: string, args: string[], options: Omit<SpawnOptions, 'stdio'>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ exitCode: code ?? -1, stdout, stderr }))
  })
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<ProcessResult> {
  return collect(process.execPath, [file, ...args], { env, cwd })
}

/**
 * Runs the bundled action the way the runner does: a node24 child process with INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and the GITHUB_* context, in `workspace`.
 */
export async function runAction(
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {}
): Promise<StepResult> {
  const runnerDir = tempDir('artifact-seal-runner-')
  const outputFile = path.join(runnerDir, 'output')
  const summaryFile = path.join(runnerDir, 'summary')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...GITHUB_CONTEXT,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerDir,
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const { exitCode, stdout, stderr } = await run(DIST_ACTION, [], env, workspace)
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map(m => m[1])
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    masks,
    runnerDir
  }
}

/** Runs the bundled CLI as a user would, in `cwd`, with only the environment given (plus PATH). */
export async function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return run(DIST_CLI, args, { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, cwd)
}
