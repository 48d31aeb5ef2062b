import * as core from '@actions/core'
import * as path from 'node:path'
import { capProblems } from '../core/diagnose.js'
import { errorLine } from '../core/errors.js'
import { progressLine } from '../core/progress.js'
import type { VerifyReport } from '../core/verify.js'
import type { RunHooks } from '../commands/hooks.js'
import { runSign } from '../commands/sign.js'
import { runVerify } from '../commands/verify.js'
import { runMerge } from '../commands/merge.js'
import { partLines } from '../core/merge.js'
import type { SealResult } from '../core/seal.js'
import type { Shipped } from '../transport/carry.js'
import type { Plan } from '../options/plan.js'
import { errorSummary, signSummary, verifySummary } from './summary.js'
import { getPlan, rawMode, setOutput } from './inputs.js'
import { info } from './log.js'
import { maskOnce } from './mask.js'

const hashing = {
  onProgress: (done: number, total: number, bytes: number, bytesPerSecond: number): void =>
    info(progressLine(done, total, bytes, bytesPerSecond))
}

const hooks: RunHooks = {
  log: info,
  warn: line => core.warning(line),
  onSecret: maskOnce,
  env: process.env,
  // The action asks the runner through @actions/core; the CLI has its own request (keys/ knows neither).
  fetchOidcToken: audience => core.getIDToken(audience)
}

async function sign(plan: Plan): Promise<void> {
  const result = await runSign(plan, hooks, hashing)
  info(`Sealed ${result.subjects.length} file(s) into ${result.manifestPath} (sha256 ${result.manifestSha256})`)
  await sealOutputs(result)
}

/** Sign's and merge's outputs and summary. */
async function sealOutputs(result: SealResult & Shipped): Promise<void> {
  setOutput('manifest-path', result.manifestPath)
  setOutput('manifest-sha256', result.manifestSha256)
  setOutput('subject-count', String(result.subjects.length))
  setOutput('key-id', result.keyIds[0])
  if (result.manifestAsset) setOutput('release-asset-url', result.manifestAsset.browserDownloadUrl)
  await writeSummary(signSummary(result))
}

async function mergeParts(plan: Plan): Promise<void> {
  const outcome = await runMerge(plan, hooks)
  if (!outcome.ok) {
    setOutput('part-count', String(outcome.partCount))
    for (const problem of outcome.problems) core.error(problem.message, { title: `artifact-seal: ${problem.code}` })
    const line = `artifact-seal: merge refused with ${outcome.problems.length} problem(s) in ${outcome.partCount} part(s); nothing was written`
    core.setFailed(line)
    await writeSummary(
      errorSummary('merge', `${line}: ${outcome.problems.map(p => `${p.code} ${p.message}`).join('; ')}`)
    )
    return
  }
  const { result } = outcome
  for (const line of partLines(result.parts)) info(line)
  info(
    `Merged ${result.parts.length} part(s), ${result.subjects.length} file(s), into ${result.manifestPath} (sha256 ${result.manifestSha256})`
  )
  setOutput('part-count', String(result.parts.length))
  await sealOutputs({ ...result, ...outcome.shipped })
}

/**
 * Writes the job summary. Without one (GITHUB_STEP_SUMMARY unset, as outside GitHub's runner, or
 * not writable) a warning says so: the outcome is already in the log and the outputs, and a
 * passing verify must not turn into a failure over a missing report.
 */
async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    // A failed write keeps its text in core's buffer: drop it, or the next write would repeat it.
    core.summary.emptyBuffer()
    core.warning(`artifact-seal: no job summary written: ${errorLine(error)}`)
  }
}

/**
 * The hints as a warning each, then one error annotation per problem for the first
 * MAX_PRINTED_PROBLEMS (file problems point at the file, relative to the workspace as annotations
 * must be) and one counting the rest; every problem is in the job summary.
 */
function reportProblems(report: VerifyReport, baseDir: string, workspace: string): void {
  const files = new Set(report.subjects.map(s => s.name))
  for (const hint of report.hints ?? []) core.warning(hint, { title: 'artifact-seal: hint' })
  const { shown, rest } = capProblems(report.problems, 'in the job summary and in the group below')
  for (const problem of shown) {
    const file =
      problem.subject && files.has(problem.subject)
        ? path.relative(workspace, path.join(baseDir, problem.subject))
        : undefined
    core.error(problem.message, { title: `artifact-seal: ${problem.code}`, file })
  }
  if (!rest) return
  core.error(rest, { title: 'artifact-seal: more problems' })
  // The log keeps every problem, folded away where it does not bury the first ones.
  core.startGroup(`${report.problems.length - shown.length} more problem(s)`)
  for (const problem of report.problems.slice(shown.length)) info(`FAIL ${problem.code}: ${problem.message}`)
  core.endGroup()
}

async function verify(plan: Plan): Promise<void> {
  const report = await runVerify(plan, hooks, hashing)
  setOutput('result', report.result)
  setOutput('verified-count', String(report.verifiedCount))
  for (const line of partLines(report.statement?.predicate.parts ?? [])) info(line)
  reportProblems(report, plan.baseDir, plan.cwd)
  await writeSummary(verifySummary(report))
  if (report.result === 'verified') {
    info(`Verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})`)
  } else {
    core.setFailed(`artifact-seal: verification failed with ${report.problems.length} problem(s); see the errors above`)
  }
}

/** The action's entry: one try/catch that turns any error into one line and a failed step. */
export async function run(): Promise<void> {
  try {
    const plan = getPlan()
    if (plan.mode === 'sign') await sign(plan)
    else if (plan.mode === 'merge') await mergeParts(plan)
    else await verify(plan)
  } catch (error) {
    // The raw input: reading the plan may be what failed.
    const mode = rawMode()
    const line = errorLine(error)
    if (mode === 'verify') {
      setOutput('result', 'failed')
      setOutput('verified-count', '0')
    }
    if (error instanceof Error && error.cause) core.debug(`cause: ${errorLine(error.cause)}`)
    core.setFailed(line)
    await writeSummary(errorSummary(mode, line))
  }
}
