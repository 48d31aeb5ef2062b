import * as path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import { hashMany, type HashManyOptions } from './digest.js'
import { diagnoseMissing, signatureMismatch } from './diagnose.js'
import { decodeEnvelope, IN_TOTO_PAYLOAD_TYPE, pae, type DecodedEnvelope } from './dsse.js'
import { formatDuration } from './duration.js'
import { fileFailure, oneLine, problemFromError, SealError, type ProblemCode, type SubjectStatus } from './errors.js'
import { parseJsonStrict } from './json.js'
import type { MacKey } from './keys.js'
import { findNameTwins, foldsNames, nameProblemOn } from './names.js'
import { checkPolicy, isPolicyEmpty, type VerifyPolicy } from './policy.js'
import { checkBaseDir } from './seal.js'
import { SubjectSelection } from './select.js'
import { decodeStatement, type PartRecord, type SealPredicate, type Statement, type Subject } from './statement.js'
import { BrokenLinksError } from './glob.js'
import { findSubjects } from './subjects.js'
import { decodeUtf8Strict } from './encoding.js'
import { readSmallFile } from './small-file.js'

export type { ProblemCode, SubjectStatus }

/*
 * Verify in named stages, each a function a caller composes: read the manifest (size-checked),
 * check its signatures, decode the statement, check the predicate; then select subjects, check
 * the files, and look for unlisted ones. `verify` runs them all; `checksums` and merge stop after
 * the predicate (verifyManifest); release downloads run their fetch between the two halves.
 */

/** 64 MiB: room for 100,000 subjects with long names, refused before anything is parsed. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/** Clock skew we tolerate before calling a creation time "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000

export interface Problem {
  code: ProblemCode
  message: string
  /** The file name or manifest field the problem is about, when there is one. */
  subject?: string
}

export interface SubjectResult {
  name: string
  status: SubjectStatus
  size?: number
  expected?: string
  actual?: string
}

/** The full outcome of a verification: every problem, not only the first. */
export interface VerifyReport {
  result: 'verified' | 'failed'
  manifestPath: string
  algorithm: DigestAlgorithm
  /** The key id of the key whose signature matched. */
  keyId: string | null
  statement: Statement | null
  subjects: SubjectResult[]
  verifiedCount: number
  problems: Problem[]
  /** The policy that was asked for (null when none), so that reports show it beside the predicate. */
  policy: VerifyPolicy | null
  /** The `subjects` patterns, when only the subjects they select were checked. */
  selection?: string[]
  /** What the problems add up to (core/diagnose.ts), e.g. the base-dir under which missing names line up; shown before them. */
  hints?: string[]
}

/** What the manifest stages need: the manifest, the keys, and what the predicate must say. */
export interface ManifestCheckOptions {
  manifestPath: string
  /** The manifest's bytes when they did not come from the file (a release asset). */
  manifestBytes?: Buffer
  algorithm: DigestAlgorithm
  keys: MacKey[]
  expectedRepository?: string | null
  expectedCommit?: string | null
  maxAgeMs?: number
  /** Which ref, workflow, event and runner the manifest must have been sealed by (core/policy.ts). */
  policy?: VerifyPolicy
  /** Glob patterns (the path syntax) over subject names: only the listed subjects they match are checked. */
  subjects?: string[]
  now?: Date
  /** Whose file-name rules the listed names must obey (default: this process's OS); tests pass 'win32'. */
  platform?: NodeJS.Platform
}

/** What the file stages need. */
export interface FileCheckOptions {
  baseDir: string
  /** When given, a matching file the manifest does not list is a problem unless allowUnlisted. */
  patterns?: string[]
  allowUnlisted?: boolean
  hashing?: HashManyOptions
  /** Where relative patterns start (default: the working directory). */
  cwd?: string
  /** Let listed names go through a symbolic link to a file inside base-dir (default: PATH_UNSAFE). */
  allowSymlinks?: boolean
  /** The unlisted check leaves broken symbolic links out (default: each one is a problem). */
  omitBrokenLinks?: boolean
}

export type VerifyOptions = ManifestCheckOptions & FileCheckOptions

/** A stage's answer: its value, or the one problem that stops the manifest there. */
export type Staged<T> = { ok: true; value: T } | { ok: false; problem: Problem }

const stop = (code: ProblemCode, message: string, subject?: string): { ok: false; problem: Problem } => ({
  ok: false,
  problem: { code, message: oneLine(message), subject }
})

/**
 * The listed names that cannot name a file safely on `platform`, with why: on Windows the names
 * it reads otherwise (names.ts), and on Windows and macOS both names of a pair that are one file
 * there (a manifest from an older sign, which did not refuse them).
 */
function unsafeNamesOn(statement: Pick<Statement, 'subject'>, platform: NodeJS.Platform): Map<string, string> {
  const unsafe = new Map<string, string>()
  for (const { name } of statement.subject) {
    const why = nameProblemOn(name, platform)
    if (why !== null) unsafe.set(name, why)
  }
  if (foldsNames(platform)) {
    for (const [a, b] of findNameTwins(statement.subject.map(s => s.name))) {
      const why = (other: string): string =>
        `and ${JSON.stringify(other)} differ only in letter case or Unicode normalization, one file on this OS`
      if (!unsafe.has(a)) unsafe.set(a, why(b))
      if (!unsafe.has(b)) unsafe.set(b, why(a))
    }
  }
  return unsafe
}

/** Reads the manifest, refusing a file too large to be a manifest before reading it. */
export function readManifest(manifestPath: string): Promise<Buffer> {
  return readSmallFile(manifestPath, {
    what: `manifest ${manifestPath}`,
    subject: manifestPath,
    code: 'MANIFEST_INVALID',
    tooLargeCode: 'MANIFEST_TOO_LARGE',
    cannotOpen: reason => `cannot read manifest ${manifestPath}: ${reason}`,
    limit: MAX_MANIFEST_BYTES
  })
}

/** Stage 1: the manifest's bytes (read from the file unless given), size-checked, as a DSSE envelope. */
export async function readEnvelope(
  manifestPath: string,
  given?: Buffer
): Promise<Staged<{ envelope: DecodedEnvelope; bytes: Buffer }>> {
  try {
    const bytes = given ?? (await readManifest(manifestPath))
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new SealError(
        'MANIFEST_TOO_LARGE',
        `manifest is ${bytes.length} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`,
        manifestPath
      )
    }
    const text = decodeUtf8Strict(bytes)
    if (text === null)
      throw new SealError('MANIFEST_INVALID', `manifest ${manifestPath} is not UTF-8 text`, manifestPath)
    return { ok: true, value: { envelope: decodeEnvelope(parseJsonStrict(text, `manifest ${manifestPath}`)), bytes } }
  } catch (error) {
    const p = problemFromError(
      error,
      error instanceof SealError && error.code === 'MANIFEST_TOO_LARGE' ? 'MANIFEST_TOO_LARGE' : 'MANIFEST_INVALID'
    )
    return stop(p.code, p.message, p.subject)
  }
}

/** Tries each signature with each key (the keyid hint only orders the tries); returns the key that matched. */
export async function matchingKey(envelope: DecodedEnvelope, keys: readonly MacKey[]): Promise<MacKey | null> {
  const message = pae(envelope.payloadType, envelope.payload)
  for (const signature of envelope.signatures) {
    const ordered = [...keys.filter(k => k.keyId === signature.keyid), ...keys.filter(k => k.keyId !== signature.keyid)]
    for (const key of ordered) {
      if (await key.verify(message, signature.sig)) return key
    }
  }
  return null
}

/** Stage 2: the key whose MAC matches one of the envelope's signatures. Nothing in the envelope is trusted before it. */
export async function checkSignatures(
  envelope: DecodedEnvelope,
  keys: readonly MacKey[],
  manifestPath: string,
  algorithm: DigestAlgorithm
): Promise<Staged<MacKey>> {
  const key = await matchingKey(envelope, keys)
  if (key) return { ok: true, value: key }
  return stop('SIGNATURE_INVALID', signatureMismatch(manifestPath, envelope.signatures, keys, algorithm), 'signatures')
}

/** Stage 3: the statement, from exactly the payload whose MAC matched, of the documented shape. */
export function decodeSignedStatement(envelope: DecodedEnvelope, algorithm: DigestAlgorithm): Staged<Statement> {
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return stop('STATEMENT_INVALID', `manifest field payloadType is not ${IN_TOTO_PAYLOAD_TYPE}`, 'payloadType')
  try {
    return { ok: true, value: decodeStatement(envelope.payload, algorithm) }
  } catch (error) {
    const p = problemFromError(error, 'STATEMENT_INVALID')
    return stop(p.code, p.message, p.subject)
  }
}

/** What the predicate must say. */
export type PredicateExpectations = Pick<
  ManifestCheckOptions,
  'expectedRepository' | 'expectedCommit' | 'maxAgeMs' | 'policy'
>

/** How a merged manifest's part is named in messages: its number, label and manifest. */
export function partName(part: PartRecord, index: number): string {
  return `part ${index + 1} (${part.label === null ? '' : `${JSON.stringify(part.label)}, `}${part.manifest})`
}

/**
 * Stage 4: repository, commit, expiry, age and policy. The policy applies to a merged manifest's
 * every part too: the merge must not launder a part sealed elsewhere.
 */
export function checkPredicate(predicate: SealPredicate, expect: PredicateExpectations, now: Date): Problem[] {
  const problems: Problem[] = []
  const problem = (code: ProblemCode, message: string, subject?: string): void =>
    void problems.push({ code, message: oneLine(message), subject })
  if (expect.expectedRepository) {
    const signed = predicate.repository
    if (!signed || signed.toLowerCase() !== expect.expectedRepository.toLowerCase()) {
      problem(
        'REPOSITORY_MISMATCH',
        `manifest was signed in repository ${signed ?? '(none)'}, expected ${expect.expectedRepository}`,
        'predicate.repository'
      )
    }
  }
  if (expect.expectedCommit) {
    const signed = predicate.commit
    if (!signed || signed.toLowerCase() !== expect.expectedCommit.toLowerCase()) {
      problem(
        'COMMIT_MISMATCH',
        `manifest was signed at commit ${signed ?? '(none)'}, expected ${expect.expectedCommit}`,
        'predicate.commit'
      )
    }
  }
  if (expect.policy) {
    for (const p of checkPolicy(predicate, expect.policy)) problem(p.code, p.message, p.subject)
    predicate.parts?.forEach((part, i) => {
      for (const p of checkPolicy(part, expect.policy!))
        problem(
          p.code,
          `${partName(part, i)}: ${p.message}`,
          `predicate.parts[${i}].${p.subject.replace(/^predicate\./, '')}`
        )
    })
  }
  const created = Date.parse(predicate.createdAt)
  if (predicate.expiresAt !== null && Date.parse(predicate.expiresAt) <= now.getTime()) {
    problem('EXPIRED', `manifest expired at ${predicate.expiresAt}`, 'predicate.expiresAt')
  }
  if (expect.maxAgeMs !== undefined) {
    const age = now.getTime() - created
    if (age > expect.maxAgeMs) {
      problem(
        'TOO_OLD',
        `manifest was created ${formatDuration(age)} ago (${predicate.createdAt}), more than max-age ${formatDuration(expect.maxAgeMs)}`,
        'predicate.createdAt'
      )
    } else if (age < -CLOCK_SKEW_MS) {
      problem(
        'CREATED_IN_FUTURE',
        `manifest creation time ${predicate.createdAt} is in the future; max-age cannot be checked`,
        'predicate.createdAt'
      )
    }
  }
  return problems
}

/** A manifest that went through the manifest stages, with the bytes they read (merge records their digest). */
export interface ManifestVerdict extends VerifyReport {
  bytes: Buffer | null
  /** The listed subjects the `subjects` patterns select (all of them without patterns). */
  selected: Subject[]
  /** Selected names this OS would read otherwise, with why: refused (PATH_UNSAFE), never opened. */
  unsafe: Map<string, string>
}

/**
 * Stages 1 to 4, and the subject selection: everything about the manifest, no file read. The
 * report says `verified` when the manifest passed every one of them.
 */
export async function verifyManifest(options: ManifestCheckOptions): Promise<ManifestVerdict> {
  if (options.keys.length === 0) throw new SealError('KEY_INVALID', 'no key to verify with', 'key')
  const manifestPath = path.resolve(options.manifestPath)
  const selection = options.subjects && options.subjects.length > 0 ? new SubjectSelection(options.subjects) : null
  const verdict: ManifestVerdict = {
    result: 'failed',
    manifestPath,
    algorithm: options.algorithm,
    keyId: null,
    statement: null,
    subjects: [],
    verifiedCount: 0,
    problems: [],
    policy: options.policy && !isPolicyEmpty(options.policy) ? options.policy : null,
    hints: [],
    ...(selection ? { selection: [...selection.patterns] } : {}),
    bytes: null,
    selected: [],
    unsafe: new Map()
  }
  const read = await readEnvelope(manifestPath, options.manifestBytes)
  if (!read.ok) return failed(verdict, read.problem)
  verdict.bytes = read.value.bytes
  const key = await checkSignatures(read.value.envelope, options.keys, manifestPath, options.algorithm)
  if (!key.ok) return failed(verdict, key.problem)
  verdict.keyId = key.value.keyId
  // From here on the payload is authentic; its content still has to be of the shape we expect.
  const statement = decodeSignedStatement(read.value.envelope, options.algorithm)
  if (!statement.ok) return failed(verdict, statement.problem)
  verdict.statement = statement.value
  verdict.problems.push(...checkPredicate(statement.value.predicate, options, options.now ?? new Date()))
  const chosen = selection
    ? selection.select(statement.value.subject)
    : { selected: statement.value.subject, problems: [] }
  verdict.selected = chosen.selected
  verdict.problems.push(...chosen.problems)
  // Names this OS would read otherwise are refused before anything is fetched or opened.
  verdict.unsafe = unsafeNamesOn({ subject: chosen.selected }, options.platform ?? process.platform)
  for (const [name, why] of verdict.unsafe)
    verdict.problems.push({
      code: 'PATH_UNSAFE',
      message: oneLine(`${name}: subject name ${why}; it is not read`),
      subject: name
    })
  verdict.result = verdict.problems.length === 0 ? 'verified' : 'failed'
  return verdict
}

function failed(verdict: ManifestVerdict, problem: Problem): ManifestVerdict {
  verdict.problems.push(problem)
  return verdict
}

/** What the file stages found. */
export interface FileFindings {
  subjects: SubjectResult[]
  verifiedCount: number
  problems: Problem[]
}

/**
 * Stage 5: each subject's file opened once below base-dir and hashed. `alongside` runs in this
 * thread while the worker threads hash (the walk for unlisted files).
 */
export async function checkFiles(
  subjects: readonly Subject[],
  baseDir: string,
  algorithm: DigestAlgorithm,
  options: Pick<FileCheckOptions, 'hashing' | 'allowSymlinks'> & { alongside?: () => void } = {}
): Promise<FileFindings> {
  const findings: FileFindings = { subjects: [], verifiedCount: 0, problems: [] }
  const problem = (code: ProblemCode, message: string, subject: string): void =>
    void findings.problems.push({ code, message: oneLine(message), subject })
  const names = subjects.map(s => s.name)
  const outcomes = await hashMany(baseDir, names, algorithm, {
    ...options.hashing,
    alongside: options.alongside,
    allowLinks: options.allowSymlinks
  })
  outcomes.forEach((outcome, i) => {
    const expected = subjects[i].digest[algorithm]
    const name = names[i]
    if (outcome.ok) {
      const actual = outcome.value.digest
      if (actual === expected) {
        findings.subjects.push({ name, status: 'verified', size: outcome.value.size, expected, actual })
        findings.verifiedCount++
      } else {
        findings.subjects.push({ name, status: 'mismatch', size: outcome.value.size, expected, actual })
        problem('DIGEST_MISMATCH', `${name}: ${algorithm} digest does not match the manifest`, name)
      }
    } else {
      const kind = fileFailure(outcome.error.code)
      findings.subjects.push({ name, status: kind.status, expected })
      problem(kind.code, outcome.error.message, name)
    }
  })
  return findings
}

/**
 * Stage 6: files that `patterns` match below base-dir and the manifest does not list. `walk` is
 * the walk already under way (started alongside the hashing), when there is one.
 */
export async function checkUnlisted(
  listed: ReadonlySet<string>,
  walk: Promise<string[]>,
  baseDir: string
): Promise<FileFindings> {
  const findings: FileFindings = { subjects: [], verifiedCount: 0, problems: [] }
  let found: string[] = []
  try {
    found = await walk
  } catch (error) {
    // A file the walk cannot get past (a broken link planted among the artifacts, an unreadable
    // folder) leaves unlisted files unchecked: a failed verification, not a configuration error.
    if (!(error instanceof SealError) || error.code === 'INPUT_INVALID' || error.code === 'NO_FILES') throw error
    if (error instanceof BrokenLinksError) {
      // A listed one already failed as FILE_MISSING; each other one is named.
      for (const link of error.paths) {
        const name = path.relative(baseDir, link).split(path.sep).join('/')
        if (!listed.has(name)) {
          findings.problems.push({
            code: 'UNLISTED_FILE',
            message: oneLine(
              `${name}: a broken symbolic link (target does not exist) matches path but is not listed in the manifest; exclude it with a ! pattern or set omit-broken-symbolic-links`
            ),
            subject: name
          })
        }
      }
    } else {
      findings.problems.push({
        code: 'UNLISTED_FILE',
        message: `unlisted files cannot be ruled out: ${error.message}`,
        subject: error.subject
      })
    }
  }
  for (const name of found) {
    if (listed.has(name)) continue
    findings.subjects.push({ name, status: 'unlisted' })
    findings.problems.push({
      code: 'UNLISTED_FILE',
      message: oneLine(`${name}: matches path but is not listed in the manifest`),
      subject: name
    })
  }
  return findings
}

/**
 * Stages 5 and 6 for a manifest that passed the manifest stages: its selected subjects' files,
 * and (with patterns) files nobody listed, walked while the threads hash. `extra` are problems a
 * caller found in between (a release download) and joins to the report; `checked` replaces the
 * file check of the selected subjects when a caller checked them another way.
 */
export async function verifyFiles(
  verdict: ManifestVerdict,
  options: FileCheckOptions,
  extra: readonly Problem[] = [],
  checked?: FileFindings
): Promise<VerifyReport> {
  const report = reportOf(verdict)
  const selected = verdict.selected.filter(s => !verdict.unsafe.has(s.name))
  report.problems = [...report.problems, ...extra]
  const statement = report.statement
  if (!statement) return finish(report)
  const baseDir = await checkBaseDir(options.baseDir)
  const patterns = options.patterns ?? []
  const checkForUnlisted = patterns.length > 0 && !options.allowUnlisted
  let walk: Promise<string[]> | undefined
  const startWalk = (): Promise<string[]> => {
    // Every pattern must match a file: one that matches nothing (a typo) checks nothing.
    walk = findSubjects(patterns, baseDir, [report.manifestPath], options.cwd, {
      omitBrokenLinks: options.omitBrokenLinks,
      eachPatternMatches: true
    })
    // Its failure is handled after the hashing; until then it must not count as unhandled.
    walk.catch(() => {})
    return walk
  }
  // `checked`: the selected subjects were checked another way (release digests); no file is read for them.
  const files =
    checked ??
    (await checkFiles(selected, baseDir, report.algorithm, {
      ...options,
      alongside: checkForUnlisted ? () => void startWalk() : undefined
    }))
  const refused: FileFindings = {
    subjects: [...verdict.unsafe.keys()].map(name => ({
      name,
      status: 'unsafe',
      expected: verdict.selected.find(s => s.name === name)?.digest[report.algorithm]
    })),
    verifiedCount: 0,
    problems: []
  }
  const found = [refused, files]
  // Every listed name counts as listed, selected or not: a file the manifest lists is not planted.
  if (checkForUnlisted)
    found.push(await checkUnlisted(new Set(statement.subject.map(s => s.name)), walk ?? startWalk(), baseDir))
  for (const f of found) {
    report.subjects.push(...f.subjects)
    report.problems.push(...f.problems)
    report.verifiedCount += f.verifiedCount
  }
  const missing = report.subjects.filter(s => s.status === 'missing').map(s => s.name)
  const hint = diagnoseMissing(baseDir, selected.length, missing, options.cwd)
  if (hint) report.hints = [hint]
  return finish(report)
}

/** The report of a manifest whose files are not checked (it failed, or only the manifest was asked about). */
export function reportOf(verdict: ManifestVerdict): VerifyReport {
  const { bytes: _bytes, selected: _selected, unsafe: _unsafe, ...report } = verdict
  return report
}

function finish(report: VerifyReport): VerifyReport {
  report.result = report.problems.length === 0 ? 'verified' : 'failed'
  return report
}

/**
 * Verify: the signature first, and only then anything the envelope says; then the predicate
 * (repository, commit, expiry, age, policy), every selected file's digest, and files nobody
 * listed. Configuration errors throw; everything about the manifest and the files is a problem in
 * the report, and all of them are collected.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  if (options.keys.length === 0) throw new SealError('KEY_INVALID', 'no key to verify with', 'key')
  await checkBaseDir(options.baseDir)
  return verifyFiles(await verifyManifest(options), options)
}
