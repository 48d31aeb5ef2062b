import * as core from '@actions/core'
import * as path from 'node:path'
import { errorLine } from '../core/errors.js'
import type { MacKey } from '../core/keys.js'
import { seal } from '../core/seal.js'
import { verify, type VerifyReport } from '../core/verify.js'
import { contextFromEnv } from '../github/context.js'
import { resolveKeys } from '../keys/key-source.js'
import { progressLine } from '../core/progress.js'
import { signSummary, verifySummary } from './summary.js'
import { getInputs, Inputs, Outputs, type ActionInputs } from './inputs.js'
import { maskOnce } from './mask.js'

const progress = (done: number, total: number, bytes: number, bytesPerSecond: number): void =>
  core.info(progressLine(done, total, bytes, bytesPerSecond))

async function loadKeys(inputs: ActionInputs): Promise<MacKey[]> {
  return resolveKeys({
    source: inputs.keySource,
    algorithm: inputs.algorithm,
    encoding: inputs.keyEncoding,
    keyText: inputs.keyText,
    keyLabel: `${Inputs.Key} input`,
    onSecret: maskOnce,
    purpose: inputs.mode,
    store: inputs.store,
    log: line => core.info(line)
  })
}

async function runSign(inputs: ActionInputs): Promise<void> {
  const keys = await loadKeys(inputs)
  const result = await seal({
    patterns: inputs.patterns,
    baseDir: inputs.baseDir,
    manifestPath: inputs.manifest,
    algorithm: inputs.algorithm,
    keys,
    context: contextFromEnv(),
    expiresInMs: inputs.expiresInMs,
    hashing: { onProgress: progress }
  })
  core.info(`Sealed ${result.subjects.length} file(s) into ${result.manifestPath} (sha256 ${result.manifestSha256})`)
  core.setOutput(Outputs.ManifestPath, result.manifestPath)
  core.setOutput(Outputs.ManifestSha256, result.manifestSha256)
  core.setOutput(Outputs.SubjectCount, String(result.subjects.length))
  core.setOutput(Outputs.KeyId, result.keyIds[0])
  await core.summary.addRaw(signSummary(result)).write()
}

/** One error annotation per problem; file problems point at the file, relative to the workspace as annotations must be. */
function reportProblems(report: VerifyReport, baseDir: string): void {
  const files = new Set(report.subjects.map(s => s.name))
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  for (const problem of report.problems) {
    const file = problem.subject && files.has(problem.subject) ? path.relative(workspace, path.join(baseDir, problem.subject)) : undefined
    core.error(problem.message, { title: `artifact-seal: ${problem.code}`, file })
  }
}

async function runVerify(inputs: ActionInputs): Promise<void> {
  const keys = await loadKeys(inputs)
  const report = await verify({
    manifestPath: inputs.manifest,
    baseDir: inputs.baseDir,
    algorithm: inputs.algorithm,
    keys,
    patterns: inputs.patterns,
    allowUnlisted: inputs.allowUnlisted,
    expectedRepository: inputs.expectedRepository,
    expectedCommit: inputs.expectedCommit,
    maxAgeMs: inputs.maxAgeMs,
    hashing: { onProgress: progress }
  })
  core.setOutput(Outputs.Result, report.result)
  core.setOutput(Outputs.VerifiedCount, String(report.verifiedCount))
  reportProblems(report, inputs.baseDir)
  await core.summary.addRaw(verifySummary(report)).write()
  if (report.result === 'verified') {
    core.info(`Verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})`)
  } else {
    core.setFailed(`artifact-seal: verification failed with ${report.problems.length} problem(s); see the errors above`)
  }
}

/** The action's entry: one try/catch that turns any error into one line and a failed step. */
export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    if (inputs.mode === 'sign') await runSign(inputs)
    else await runVerify(inputs)
  } catch (error) {
    if (core.getInput(Inputs.Mode).trim() === 'verify') core.setOutput(Outputs.Result, 'failed')
    if (error instanceof Error && error.cause) core.debug(`cause: ${errorLine(error.cause)}`)
    core.setFailed(errorLine(error))
  }
}
