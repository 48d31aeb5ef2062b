import * as fs from 'node:fs'
import * as path from 'node:path'
import { run } from '../../src/action/main.js'
import { GITHUB_CONTEXT, parseOutputFile } from './runner.js'
import { tempDir } from './fixtures.js'
import { interceptStdout } from './stdout.js'

/** What an in-process run of the action left behind. */
export interface InProcessResult {
  failed: boolean
  outputs: Record<string, string>
  /** Everything the action wrote to stdout (workflow commands included). */
  log: string
}

/**
 * Runs the action's `run()` in this process, with INPUT_* and GITHUB_* set as the runner sets
 * them, so that nock sees its HTTP. The environment, working
 * directory, stdout and exit code are restored afterwards.
 */
export async function runInProcess(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<InProcessResult> {
  const saved = { ...process.env }
  const runnerDir = tempDir('artifact-seal-runner-')
  const outputFile = path.join(runnerDir, 'output')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(path.join(runnerDir, 'summary'), '')
  Object.assign(process.env, GITHUB_CONTEXT, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: path.join(runnerDir, 'summary'),
    RUNNER_TEMP: runnerDir,
    ...env
  })
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  let failed = false
  const stdout = interceptStdout()
  const cwd = process.cwd()
  const exitCode = process.exitCode // the test runner sets it when an earlier test failed
  process.exitCode = undefined
  process.chdir(workspace) // the runner starts actions in the workspace; patterns are relative to it
  try {
    await run()
  } finally {
    process.chdir(cwd)
    stdout.restore()
    failed = process.exitCode === 1
    process.exitCode = exitCode
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
  return { failed, outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')), log: stdout.text() }
}
