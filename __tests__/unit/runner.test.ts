import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from '@jest/globals'
import * as core from '@actions/core'
import * as runner from '../../src/action/runner.js'
import { escapeWorkflowCommands } from '../../src/core/errors.js'
import { tempDir } from '../helpers/fixtures.js'
import { interceptStdout } from '../helpers/stdout.js'

/*
 * The differential test of src/action/runner.ts: each function and its @actions/core counterpart
 * run on the same arguments, in the same environment, must write the same bytes to stdout, to
 * GITHUB_OUTPUT (up to the random delimiter) and to the job summary, and fail the same way.
 */

/** Hostile text: everything the command and heredoc encodings must escape or survive. */
const NASTY = ['plain', '', '100% done', 'a\nb', 'a\r\nb', '::error::forged', 'dist/##[add-mask]x', ' ::warning::x', 'k=v,x:y', '%0A already escaped', 'üñí ✅', ' padded  ', '\n']

interface Run {
  stdout: string
  output: string
  summary: string
  exitCode: typeof process.exitCode
  error: string | null
}

/** Runs `fn` with stdout captured and fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files (or none). */
async function capture(fn: () => unknown, options: { files?: boolean } = {}): Promise<Run> {
  const dir = tempDir('artifact-seal-runner-test-')
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  const saved = { out: process.env.GITHUB_OUTPUT, sum: process.env.GITHUB_STEP_SUMMARY, exitCode: process.exitCode }
  if (options.files === false) {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STEP_SUMMARY
  } else {
    fs.writeFileSync(outputFile, '')
    fs.writeFileSync(summaryFile, '')
    process.env.GITHUB_OUTPUT = outputFile
    process.env.GITHUB_STEP_SUMMARY = summaryFile
  }
  process.exitCode = undefined
  const stdout = interceptStdout()
  let error: string | null = null
  let exitCode: typeof process.exitCode
  try {
    await fn()
  } catch (e) {
    error = (e as Error).message
  } finally {
    stdout.restore()
    exitCode = process.exitCode
    process.exitCode = saved.exitCode
    for (const [name, value] of [['GITHUB_OUTPUT', saved.out], ['GITHUB_STEP_SUMMARY', saved.sum]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  const read = (f: string): string => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')
  // The heredoc delimiter is random in each run: compare its shape, not its value.
  const output = read(outputFile).replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>')
  return { stdout: stdout.text(), output, summary: read(summaryFile), exitCode, error }
}

async function same(label: string, ours: () => unknown, theirs: () => unknown, options: { files?: boolean } = {}): Promise<Run> {
  const a = await capture(ours, options)
  const b = await capture(theirs, options)
  assert.deepEqual(a, b, `${label}: runner.ts and @actions/core differ`)
  return a
}

test('log lines, annotations, masks and debug lines are byte for byte those of @actions/core', async () => {
  for (const text of NASTY) {
    // info also neutralizes workflow-command forms (see escapeWorkflowCommands); the rest is @actions/core's.
    await same(`info ${JSON.stringify(text)}`, () => runner.info(text), () => core.info(escapeWorkflowCommands(text)))
    await same(`debug ${JSON.stringify(text)}`, () => runner.debug(text), () => core.debug(text))
    await same(`setSecret ${JSON.stringify(text)}`, () => runner.setSecret(text), () => core.setSecret(text))
    await same(`warning ${JSON.stringify(text)}`, () => runner.warning(text), () => core.warning(text))
    await same(`setFailed ${JSON.stringify(text)}`, () => runner.setFailed(text), () => core.setFailed(text))
    const properties = { title: `artifact-seal: ${text}`, file: `dist/${text}`, startLine: 3, endLine: 4, startColumn: 1, endColumn: 9 }
    await same(`error with properties ${JSON.stringify(text)}`, () => runner.error(text, properties), () => core.error(text, properties))
    await same(`error with empty title ${JSON.stringify(text)}`, () => runner.error(text, { title: '', file: undefined }), () => core.error(text, { title: '', file: undefined }))
  }
  // The escaping is what keeps a hostile message on its own line: it never starts a second command.
  const forged = await capture(() => runner.error('x\n::add-mask::y', { title: 'a,b:c' }))
  assert.equal(forged.stdout, '::error title=a%2Cb%3Ac::x%0A::add-mask::y\n')
  assert.equal(forged.exitCode, undefined)
  assert.equal((await capture(() => runner.setFailed('no'))).exitCode, 1)
})

test('outputs go to GITHUB_OUTPUT as @actions/core writes them, or to stdout without it; a missing file is refused alike', async () => {
  for (const text of NASTY) {
    const run = await same(`setOutput ${JSON.stringify(text)}`, () => runner.setOutput('result', text), () => core.setOutput('result', text))
    assert.equal(run.output, `result<<ghadelimiter_<uuid>\n${text}\nghadelimiter_<uuid>\n`)
    await same(`setOutput without GITHUB_OUTPUT ${JSON.stringify(text)}`, () => runner.setOutput('result', text), () => core.setOutput('result', text), { files: false })
  }
  const gone = path.join(tempDir('artifact-seal-runner-test-'), 'removed')
  const missing = async (fn: () => unknown): Promise<string | null> =>
    (
      await capture(() => {
        process.env.GITHUB_OUTPUT = gone
        return fn()
      })
    ).error
  const ours = await missing(() => runner.setOutput('a', 'b'))
  assert.equal(ours, `Missing file at path: ${gone}`)
  assert.equal(ours, await missing(() => core.setOutput('a', 'b')))
})

test('inputs are read and trimmed as @actions/core reads them', () => {
  const saved = { ...process.env }
  try {
    for (const [name, value] of [['key-source', '  vault  '], ['base dir', 'out\n'], ['MODE', 'verify'], ['unset-input', undefined]] as const) {
      const variable = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
      if (value === undefined) delete process.env[variable]
      else process.env[variable] = value
      assert.equal(runner.getInput(name), core.getInput(name), name)
    }
    assert.equal(runner.getInput('key-source'), 'vault')
    assert.equal(runner.getInput('unset-input'), '')
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
})

/** A new @actions/core Summary: the exported one remembers the first file it wrote to. */
function freshSummary(): typeof core.summary {
  return Object.assign(Object.create(Object.getPrototypeOf(core.summary) as object) as typeof core.summary, { _buffer: '' })
}

test('the job summary is appended as @actions/core appends it, and refused with the same words without a writable file', async () => {
  const markdown = '## artifact-seal: sealed\n\n| a | b |\n| --- | --- |\n| ✅ | `x` |\n'
  const run = await same('summary', () => runner.appendSummary(markdown), () => freshSummary().addRaw(markdown).write())
  assert.equal(run.summary, markdown)
  const unset = await same('summary without GITHUB_STEP_SUMMARY', () => runner.appendSummary(markdown), () => freshSummary().addRaw(markdown).write(), { files: false })
  assert.match(unset.error ?? '', /GITHUB_STEP_SUMMARY/)
  const gone = path.join(tempDir('artifact-seal-runner-test-'), 'no', 'summary')
  const unwritable = async (fn: () => unknown): Promise<string | null> =>
    (
      await capture(() => {
        process.env.GITHUB_STEP_SUMMARY = gone
        return fn()
      })
    ).error
  const ours = await unwritable(() => runner.appendSummary(markdown))
  assert.match(ours ?? '', /Unable to access summary file/)
  assert.equal(ours, await unwritable(() => freshSummary().addRaw(markdown).write()))
})

test('a log line cannot be a workflow command: `::` opening a line and `##[` anywhere are escaped', async () => {
  const { stdout } = await capture(() => runner.info('FAIL DIGEST_MISMATCH: dist/##[add-mask]secret\n::set-env name=X::1'))
  assert.ok(!stdout.includes('##['), stdout)
  assert.ok(!/^\s*::/m.test(stdout), stdout)
  assert.match(stdout, /dist\/#\\u0023\[add-mask\]secret/)
})
