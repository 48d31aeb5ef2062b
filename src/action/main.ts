import * as runner from './runner.js'
import * as path from 'node:path'
import { errorLine } from '../core/errors.js'
import type { MacKey } from '../core/keys.js'
import { merge, partLines } from '../core/merge.js'
import { seal, sealSubjects, type SealResult } from '../core/seal.js'
import type { VerifyReport } from '../core/verify.js'
import { createGitHubClient, parseRepository } from '../github/client.js'
import { contextFromEnv } from '../github/context.js'
import { resolveKeys, signingKeysOf } from '../keys/key-source.js'
import { progressLine } from '../core/progress.js'
import { checkCarriers, shipSeal, verifyCarried, type Carriers } from '../transport/carry.js'
import { readSubjectChecksums } from '../transport/subject-checksums.js'
import { errorSummary, signSummary, verifySummary } from './summary.js'
import { getInputs, Inputs, Outputs, type ActionInputs } from './inputs.js'
import { maskOnce } from './mask.js'

const progress = (done: number, total: number, bytes: number, bytesPerSecond: number): void =>
  runner.info(progressLine(done, total, bytes, bytesPerSecond))

async function loadKeys(inputs: ActionInputs): Promise<MacKey[]> {
  return resolveKeys({
    source: inputs.keySource,
    algorithm: inputs.algorithm,
    encoding: inputs.keyEncoding,
    keyText: inputs.keyText,
    keyLabel: `${Inputs.Key} input`,
    onSecret: maskOnce,
    // Merge verifies its parts with every key a store accepts and signs with signingKeysOf them.
    purpose: inputs.mode === 'sign' ? 'sign' : 'verify',
    store: inputs.store,
    log: line => runner.info(line)
  })
}

/** The release the inputs name. Sign ships to this repository; verify fetches from the expected one. */
async function carriersFor(inputs: ActionInputs): Promise<Carriers> {
  const sign = inputs.mode !== 'verify'
  const repository = (sign ? process.env.GITHUB_REPOSITORY : inputs.expectedRepository) ?? ''
  const carriers: Carriers = { log: line => runner.info(line), warn: line => runner.warning(line) }
  if (inputs.releaseTag) {
    const repo = parseRepository(repository, sign ? 'GITHUB_REPOSITORY' : Inputs.ExpectedRepository)
    carriers.release = {
      client: await createGitHubClient({ token: inputs.githubToken }),
      repo,
      tag: inputs.releaseTag,
      checksums: inputs.checksums,
      overwrite: inputs.overwrite,
      assets: inputs.releaseAssets,
      publish: inputs.releasePublish,
      allowUnlistedAssets: inputs.allowUnlistedAssets
    }
  }
  return carriers
}

async function runSign(inputs: ActionInputs): Promise<void> {
  const keys = await loadKeys(inputs)
  const carriers = await carriersFor(inputs)
  await checkCarriers(carriers)
  const common = { manifestPath: inputs.manifest, algorithm: inputs.algorithm, keys, context: { ...contextFromEnv(), label: inputs.label }, expiresInMs: inputs.expiresInMs }
  const result = inputs.subjectChecksums
    ? await sealSubjects(await readSubjectChecksums(inputs.subjectChecksums, inputs.algorithm), common)
    : await seal({ ...common, patterns: inputs.patterns, baseDir: inputs.baseDir, cwd: inputs.workspace, allowSymlinks: inputs.allowSymlinks, hashing: { onProgress: progress } })
  runner.info(`Sealed ${result.subjects.length} file(s) into ${result.manifestPath} (sha256 ${result.manifestSha256})`)
  await finishSeal(result, carriers)
}

/** Sign's and merge's outputs, the release, and the summary. */
async function finishSeal(result: SealResult, carriers: Carriers): Promise<void> {
  runner.setOutput(Outputs.ManifestPath, result.manifestPath)
  runner.setOutput(Outputs.ManifestSha256, result.manifestSha256)
  runner.setOutput(Outputs.SubjectCount, String(result.subjects.length))
  runner.setOutput(Outputs.KeyId, result.keyIds[0])
  const shipped = await shipSeal(result, carriers)
  if (shipped.manifestAsset) runner.setOutput(Outputs.ReleaseAssetUrl, shipped.manifestAsset.browserDownloadUrl)
  await writeSummary(signSummary(result))
}

async function runMerge(inputs: ActionInputs): Promise<void> {
  const keys = await loadKeys(inputs)
  const carriers = await carriersFor(inputs)
  await checkCarriers(carriers)
  const outcome = await merge({
    manifests: inputs.manifests,
    manifestPath: inputs.manifest,
    algorithm: inputs.algorithm,
    keys,
    signingKeys: signingKeysOf(inputs.keySource, keys),
    context: { ...contextFromEnv(), label: inputs.label },
    expiresInMs: inputs.expiresInMs,
    cwd: inputs.workspace,
    expectedRepository: inputs.expectedRepository,
    expectedCommit: inputs.expectedCommit,
    maxAgeMs: inputs.maxAgeMs,
    policy: inputs.policy
  })
  if (!outcome.ok) {
    runner.setOutput(Outputs.PartCount, String(outcome.partCount))
    for (const problem of outcome.problems) runner.error(problem.message, { title: `artifact-seal: ${problem.code}` })
    runner.setFailed(`artifact-seal: merge refused with ${outcome.problems.length} problem(s) in ${outcome.partCount} part(s); nothing was written`)
    await writeSummary(errorSummary('merge', `${outcome.problems.length} problem(s): ${outcome.problems.map(p => p.message).join('; ')}`))
    return
  }
  const { result } = outcome
  for (const line of partLines(result.parts)) runner.info(line)
  runner.info(`Merged ${result.parts.length} part(s), ${result.subjects.length} file(s), into ${result.manifestPath} (sha256 ${result.manifestSha256})`)
  runner.setOutput(Outputs.PartCount, String(result.parts.length))
  await finishSeal(result, carriers)
}

/**
 * Writes the job summary. Without one (GITHUB_STEP_SUMMARY unset, as outside GitHub's runner, or
 * not writable) a warning says so: the outcome is already in the log and the outputs, and a
 * passing verify must not turn into a failure over a missing report.
 */
async function writeSummary(markdown: string): Promise<void> {
  try {
    await runner.appendSummary(markdown)
  } catch (error) {
    runner.warning(`artifact-seal: no job summary written: ${errorLine(error)}`)
  }
}

/** One error annotation per problem; file problems point at the file, relative to the workspace as annotations must be. */
function reportProblems(report: VerifyReport, baseDir: string, workspace: string): void {
  const files = new Set(report.subjects.map(s => s.name))
  for (const problem of report.problems) {
    const file = problem.subject && files.has(problem.subject) ? path.relative(workspace, path.join(baseDir, problem.subject)) : undefined
    runner.error(problem.message, { title: `artifact-seal: ${problem.code}`, file })
  }
}

async function runVerify(inputs: ActionInputs): Promise<void> {
  const keys = await loadKeys(inputs)
  const options = {
    manifestPath: inputs.manifest,
    baseDir: inputs.baseDir,
    algorithm: inputs.algorithm,
    keys,
    patterns: inputs.patterns,
    allowUnlisted: inputs.allowUnlisted,
    allowSymlinks: inputs.allowSymlinks,
    cwd: inputs.workspace,
    expectedRepository: inputs.expectedRepository,
    expectedCommit: inputs.expectedCommit,
    maxAgeMs: inputs.maxAgeMs,
    policy: inputs.policy,
    subjects: inputs.subjects,
    hashing: { onProgress: progress }
  }
  const report = await verifyCarried(options, await carriersFor(inputs))
  runner.setOutput(Outputs.Result, report.result)
  runner.setOutput(Outputs.VerifiedCount, String(report.verifiedCount))
  reportProblems(report, inputs.baseDir, inputs.workspace)
  await writeSummary(verifySummary(report))
  for (const line of partLines(report.statement?.predicate.parts ?? [])) runner.info(line)
  if (report.result === 'verified') {
    runner.info(`Verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})`)
  } else {
    runner.setFailed(`artifact-seal: verification failed with ${report.problems.length} problem(s); see the errors above`)
  }
}

/** The action's entry: one try/catch that turns any error into one line and a failed step. */
export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    if (inputs.mode === 'sign') await runSign(inputs)
    else if (inputs.mode === 'merge') await runMerge(inputs)
    else await runVerify(inputs)
  } catch (error) {
    // The raw input: getInputs may be what failed.
    const mode = runner.getInput(Inputs.Mode) || 'sign'
    const line = errorLine(error)
    if (mode === 'verify') {
      runner.setOutput(Outputs.Result, 'failed')
      runner.setOutput(Outputs.VerifiedCount, '0')
    }
    if (error instanceof Error && error.cause) runner.debug(`cause: ${errorLine(error.cause)}`)
    runner.setFailed(line)
    await writeSummary(errorSummary(mode, line))
  }
}
