import { parseArgs } from 'node:util'
import { errorLine, escapeWorkflowCommands, isVerificationFailure, oneLine, SealError } from '../core/errors.js'
import { progressLine } from '../core/progress.js'
import { TOOL_VERSION } from '../core/version.js'
import type { RunHooks } from '../commands/hooks.js'
import { runSign } from '../commands/sign.js'
import { runChecksums, runVerify } from '../commands/verify.js'
import { runMerge } from '../commands/merge.js'
import { partLines } from '../core/merge.js'
import { contextFromEnv } from '../github/context.js'
import { PARSE_ARGS_OPTIONS, rawFromArgs } from '../options/cli-args.js'
import { USAGE } from '../options/help.js'
import { planFor, type Plan } from '../options/plan.js'
import { checkerFor, statementChecksumList } from '../formats/sha256sum.js'
import { capProblems } from '../core/diagnose.js'
import type { VerifyReport } from '../core/verify.js'
import { usageError } from './flags.js'

export { USAGE }

/** Exit codes from the contract. */
export const ExitCode = { Ok: 0, VerificationFailed: 1, Usage: 2 } as const

/** Where the CLI writes; injectable so that tests run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
}

const COMMANDS = ['sign', 'verify', 'merge', 'checksums'] as const

/** Nothing a terminal shows is masked, so the CLI simply never prints the key (or any token). */
const hooksFor = (io: Io): RunHooks => ({
  log: line => io.stderr(`${line}\n`),
  warn: line => io.stderr(`warning: ${line}\n`),
  onSecret: () => {},
  env: io.env
})

const hashingFor = (io: Io) => ({
  onProgress: (done: number, total: number, bytes: number, bps: number) =>
    io.stderr(progressLine(done, total, bytes, bps) + '\n')
})

async function sign(plan: Plan, io: Io): Promise<number> {
  const result = await runSign(plan, hooksFor(io), hashingFor(io))
  if (plan.json) {
    io.stdout(
      JSON.stringify(
        {
          result: 'signed',
          manifestPath: result.manifestPath,
          manifestSha256: result.manifestSha256,
          subjectCount: result.subjects.length,
          keyId: result.keyIds[0],
          keyIds: result.keyIds,
          releaseAssetUrl: result.manifestAsset?.browserDownloadUrl,
          subjects: result.subjects
        },
        null,
        2
      ) + '\n'
    )
  } else {
    io.stdout(
      `sealed ${result.subjects.length} file(s) into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`
    )
    if (result.manifestAsset) io.stdout(`release asset ${result.manifestAsset.browserDownloadUrl}\n`)
  }
  return ExitCode.Ok
}

async function verify(plan: Plan, io: Io): Promise<number> {
  const report = await runVerify(plan, hooksFor(io), hashingFor(io))
  if (plan.json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n')
  } else {
    for (const line of partLines(report.statement?.predicate.parts ?? [])) io.stdout(`${line}\n`)
    printProblems(report, io)
    io.stdout(
      report.result === 'verified'
        ? `verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})\n`
        : `verification failed: ${report.problems.length} problem(s), ${report.verifiedCount} file(s) verified\n`
    )
  }
  return report.result === 'verified' ? ExitCode.Ok : ExitCode.VerificationFailed
}

/** The hints, then the problems, at most MAX_PRINTED_PROBLEMS of them: --json has every one. */
function printProblems(report: VerifyReport, io: Io): void {
  for (const hint of report.hints ?? []) io.stdout(`HINT ${hint}\n`)
  const { shown, rest } = capProblems(report.problems, 'in --json')
  for (const problem of shown) io.stdout(`FAIL ${problem.code}: ${problem.message}\n`)
  if (rest) io.stdout(`${rest}\n`)
}

/** `checksums`: the manifest's subjects as a coreutils list, printed only once the signature and predicate check. */
async function checksums(plan: Plan, io: Io): Promise<number> {
  const report = await runChecksums(plan, hooksFor(io))
  if (report.result !== 'verified' || !report.statement) {
    if (plan.json) io.stdout(JSON.stringify(report, null, 2) + '\n')
    for (const problem of report.problems) io.stderr(`FAIL ${problem.code}: ${problem.message}\n`)
    io.stderr('artifact-seal: the manifest did not verify; no checksums printed\n')
    return ExitCode.VerificationFailed
  }
  const algorithm = report.algorithm
  if (plan.json) {
    // The same report as verify --json (no file was read), with the list a checker reads.
    const list = statementChecksumList({ ...report.statement, subject: report.selected }, algorithm, {
      tag: plan.bsdTags
    })
    io.stdout(JSON.stringify({ ...report, checker: checkerFor(algorithm), checksums: list }, null, 2) + '\n')
    return ExitCode.Ok
  }
  io.stdout(statementChecksumList({ ...report.statement, subject: report.selected }, algorithm, { tag: plan.bsdTags }))
  io.stderr(`manifest verified (key ${report.keyId}); check the files with: ${checkerFor(algorithm)} -c\n`)
  return ExitCode.Ok
}

/** Merge: what was merged (or every problem that stopped it; nothing written, exit 1). */
async function mergeParts(plan: Plan, io: Io): Promise<number> {
  const outcome = await runMerge(plan, hooksFor(io))
  if (!outcome.ok) {
    if (plan.json)
      io.stdout(
        JSON.stringify({ result: 'failed', partCount: outcome.partCount, problems: outcome.problems }, null, 2) + '\n'
      )
    else for (const problem of outcome.problems) io.stdout(`FAIL ${problem.code}: ${problem.message}\n`)
    io.stderr(
      `artifact-seal: merge refused: ${outcome.problems.length} problem(s) in ${outcome.partCount} part(s); nothing was written\n`
    )
    return ExitCode.VerificationFailed
  }
  const { result, shipped } = outcome
  if (plan.json) {
    const { manifestPath, manifestSha256, keyIds, parts, subjects } = result
    const releaseAssetUrl = shipped?.manifestAsset?.browserDownloadUrl
    io.stdout(
      JSON.stringify(
        {
          result: 'merged',
          manifestPath,
          manifestSha256,
          subjectCount: subjects.length,
          partCount: parts.length,
          keyId: keyIds[0],
          keyIds,
          releaseAssetUrl,
          parts,
          subjects
        },
        null,
        2
      ) + '\n'
    )
  } else {
    for (const line of partLines(result.parts)) io.stdout(`${line}\n`)
    io.stdout(
      `merged ${result.parts.length} part(s), ${result.subjects.length} file(s), into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`
    )
    if (shipped?.manifestAsset) io.stdout(`release asset ${shipped.manifestAsset.browserDownloadUrl}\n`)
  }
  return ExitCode.Ok
}

/** The --json answer to a command line that could not be understood. */
const usageJson = (message: string): string =>
  JSON.stringify({ result: 'error', error: oneLine(message), code: 'USAGE' }) + '\n'

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Everything printed passes here: a name or message may hold what the Actions runner reads as a
  // workflow command when the CLI runs in a `run:` step.
  const io: Io = {
    ...rawIo,
    stdout: t => rawIo.stdout(escapeWorkflowCommands(t)),
    stderr: t => rawIo.stderr(escapeWorkflowCommands(t))
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof PARSE_ARGS_OPTIONS; allowPositionals: true }>>
  try {
    // --release-assets takes true, false or digests, as the input does; alone it means true.
    const args = argv.map((a, i) =>
      a === '--release-assets' && (argv[i + 1] === undefined || argv[i + 1].startsWith('-'))
        ? '--release-assets=true'
        : a
    )
    parsed = parseArgs({ args, options: PARSE_ARGS_OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    const line = errorLine(usageError(error as Error, Object.keys(PARSE_ARGS_OPTIONS)))
    io.stderr(`artifact-seal: ${line}\nRun artifact-seal --help for usage.\n`)
    if (argv.includes('--json')) io.stdout(usageJson(line))
    return ExitCode.Usage
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return ExitCode.Ok
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`)
    return ExitCode.Ok
  }
  const command = positionals[0] as (typeof COMMANDS)[number]
  const json = values.json === true
  if (positionals.length !== 1 || !COMMANDS.includes(command)) {
    const message = `expected one command: sign, verify, merge or checksums${command ? ` (got ${positionals.join(' ')})` : ''}`
    io.stderr(`artifact-seal: ${message}\nRun artifact-seal --help for usage.\n`)
    if (json) io.stdout(usageJson(message))
    return ExitCode.Usage
  }
  try {
    const plan = planFor('cli', command, rawFromArgs(values), {
      env: io.env,
      cwd: io.cwd,
      context: contextFromEnv(io.env)
    })
    if (command === 'checksums') return await checksums(plan, io)
    if (command === 'sign') return await sign(plan, io)
    if (command === 'merge') return await mergeParts(plan, io)
    return await verify(plan, io)
  } catch (error) {
    // A manifest or file that stops verify (too large, unreadable, a broken link planted among the
    // artifacts) is a failed verification; anything else is usage or configuration.
    const failed = command !== 'sign' && isVerificationFailure(error)
    io.stderr(`artifact-seal: ${failed ? 'verification failed' : 'error'}: ${errorLine(error)}\n`)
    if (json) {
      io.stdout(
        JSON.stringify({
          result: failed ? 'failed' : 'error',
          error: errorLine(error),
          code: error instanceof SealError ? error.code : 'UNEXPECTED'
        }) + '\n'
      )
    }
    return failed ? ExitCode.VerificationFailed : ExitCode.Usage
  }
}
