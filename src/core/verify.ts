import * as path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import { hashMany, type HashManyOptions } from './digest.js'
import { diagnoseMissing, signatureMismatch } from './diagnose.js'
import { decodeEnvelope, IN_TOTO_PAYLOAD_TYPE, pae, type DecodedEnvelope } from './dsse.js'
import { formatDuration } from './duration.js'
import { oneLine, SealError, type SealErrorCode } from './errors.js'
import { parseJsonStrict } from './json.js'
import type { MacKey } from './keys.js'
import { findNameTwins, foldsNames, nameProblemOn } from './names.js'
import { checkPolicy, isPolicyEmpty, type PolicyProblemCode, type VerifyPolicy } from './policy.js'
import { checkBaseDir } from './seal.js'
import { decodeStatement, type Statement } from './statement.js'
import { BrokenLinksError } from './glob.js'
import { findSubjects } from './subjects.js'
import { decodeUtf8Strict } from './encoding.js'
import { readSmallFile } from './small-file.js'

/** 64 MiB: room for 100,000 subjects with long names, refused before anything is parsed. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/** Clock skew we tolerate before calling a creation time "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000

/** Why verification failed; one code per kind of problem, so callers match on codes. */
export type ProblemCode =
  | 'MANIFEST_INVALID'
  | 'MANIFEST_TOO_LARGE'
  | 'SIGNATURE_INVALID'
  | 'STATEMENT_INVALID'
  | 'REPOSITORY_MISMATCH'
  | 'COMMIT_MISMATCH'
  | 'EXPIRED'
  | 'TOO_OLD'
  | 'CREATED_IN_FUTURE'
  | 'DIGEST_MISMATCH'
  | 'FILE_MISSING'
  | 'FILE_UNREADABLE'
  | 'FILE_NOT_REGULAR'
  | 'FILE_CHANGED'
  | 'PATH_UNSAFE'
  | 'UNLISTED_FILE'
  | PolicyProblemCode

export interface Problem {
  code: ProblemCode
  message: string
  /** The file name or manifest field the problem is about, when there is one. */
  subject?: string
}

export type SubjectStatus = 'verified' | 'mismatch' | 'missing' | 'unreadable' | 'unsafe' | 'unlisted'

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
  /** What the problems add up to (core/diagnose.ts), e.g. the base-dir under which missing names line up; shown before them. */
  hints?: string[]
}

export interface VerifyOptions {
  manifestPath: string
  /** The manifest's bytes when they did not come from the file (a release asset, the cache). */
  manifestBytes?: Buffer
  baseDir: string
  algorithm: DigestAlgorithm
  keys: MacKey[]
  /** When given, a matching file the manifest does not list is a problem unless allowUnlisted. */
  patterns?: string[]
  allowUnlisted?: boolean
  expectedRepository?: string | null
  expectedCommit?: string | null
  maxAgeMs?: number
  /** Which ref, workflow, event and runner the manifest must have been sealed by (core/policy.ts). */
  policy?: VerifyPolicy
  now?: Date
  hashing?: HashManyOptions
  /** Where relative patterns start (default: the working directory). */
  cwd?: string
  /** Let listed names go through a symbolic link to a file inside base-dir (default: PATH_UNSAFE). */
  allowSymlinks?: boolean
  /** The unlisted check leaves broken symbolic links out (default: each one is a problem). */
  omitBrokenLinks?: boolean
  /**
   * false: check the signature, the statement and the predicate, but read no file (to list a
   * manifest's subjects, or to learn which release assets to fetch). Default true.
   */
  checkFiles?: boolean
  /**
   * Called once the signature, the statement and the predicate all checked, before any file is
   * read: how verifyCarried fetches the release assets the statement lists, in the same pass, and
   * what it found wrong with the release joins the report. When any of those checks failed it is
   * not called and no file is read.
   */
  beforeFiles?: (statement: Statement) => Promise<Problem[]>
  /** Whose file-name rules the listed names must obey (default: this process's OS); tests pass 'win32'. */
  platform?: NodeJS.Platform
}

const STATUS_OF: Partial<Record<SealErrorCode, { status: SubjectStatus; code: ProblemCode }>> = {
  FILE_MISSING: { status: 'missing', code: 'FILE_MISSING' },
  FILE_NOT_REGULAR: { status: 'unreadable', code: 'FILE_NOT_REGULAR' },
  FILE_CHANGED: { status: 'unreadable', code: 'FILE_CHANGED' },
  PATH_UNSAFE: { status: 'unsafe', code: 'PATH_UNSAFE' }
}

/**
 * The listed names that cannot name a file safely on `platform`, with why: on Windows the names
 * it reads otherwise (names.ts), and on Windows and macOS both names of a pair that are one file
 * there (a manifest from an older sign, which did not refuse them).
 */
function unsafeNamesOn(statement: Statement, platform: NodeJS.Platform): Map<string, string> {
  const unsafe = new Map<string, string>()
  for (const { name } of statement.subject) {
    const why = nameProblemOn(name, platform)
    if (why !== null) unsafe.set(name, why)
  }
  if (foldsNames(platform)) {
    for (const [a, b] of findNameTwins(statement.subject.map(s => s.name))) {
      const why = (other: string): string => `and ${JSON.stringify(other)} differ only in letter case or Unicode normalization, one file on this OS`
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

/** Tries each signature with each key (the keyid hint only orders the tries); returns the key that matched. */
async function checkSignatures(envelope: DecodedEnvelope, keys: readonly MacKey[]): Promise<MacKey | null> {
  const message = pae(envelope.payloadType, envelope.payload)
  for (const signature of envelope.signatures) {
    const ordered = [...keys.filter(k => k.keyId === signature.keyid), ...keys.filter(k => k.keyId !== signature.keyid)]
    for (const key of ordered) {
      if (await key.verify(message, signature.sig)) return key
    }
  }
  return null
}

function problemFromError(error: unknown): Problem {
  if (error instanceof SealError) {
    const code: ProblemCode = error.code === 'MANIFEST_TOO_LARGE' ? 'MANIFEST_TOO_LARGE' : 'MANIFEST_INVALID'
    return { code, message: error.message, subject: error.subject }
  }
  return { code: 'MANIFEST_INVALID', message: String(error) }
}

/**
 * Verify: the signature first, and only then anything the envelope says; then the predicate
 * (repository, commit, expiry, age), every listed file's digest, and files nobody listed.
 * Configuration errors throw; everything about the manifest and the files is a problem in the
 * report, and all of them are collected.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  if (options.keys.length === 0) throw new SealError('KEY_INVALID', 'no key to verify with', 'key')
  const baseDir = await checkBaseDir(options.baseDir)
  const manifestPath = path.resolve(options.manifestPath)
  const now = options.now ?? new Date()
  const report: VerifyReport = {
    result: 'failed',
    manifestPath,
    algorithm: options.algorithm,
    keyId: null,
    statement: null,
    subjects: [],
    verifiedCount: 0,
    problems: [],
    policy: options.policy && !isPolicyEmpty(options.policy) ? options.policy : null,
    hints: []
  }
  const problems = report.problems
  // Every message is one line with control characters escaped, whatever a field or name holds
  // (SealError messages already are; oneLine leaves escaped text as it is).
  const problem = (code: ProblemCode, message: string, subject?: string): void => void problems.push({ code, message: oneLine(message), subject })

  let envelope: DecodedEnvelope
  try {
    const bytes = options.manifestBytes ?? (await readManifest(manifestPath))
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new SealError('MANIFEST_TOO_LARGE', `manifest is ${bytes.length} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`, manifestPath)
    }
    const text = decodeUtf8Strict(bytes)
    if (text === null) throw new SealError('MANIFEST_INVALID', `manifest ${manifestPath} is not UTF-8 text`, manifestPath)
    envelope = decodeEnvelope(parseJsonStrict(text, `manifest ${manifestPath}`))
  } catch (error) {
    const p = problemFromError(error)
    problem(p.code, p.message, p.subject)
    return report
  }

  const key = await checkSignatures(envelope, options.keys)
  if (!key) {
    problem('SIGNATURE_INVALID', signatureMismatch(manifestPath, envelope.signatures, options.keys, options.algorithm), 'signatures')
    return report
  }
  report.keyId = key.keyId

  // From here on the payload is authentic; its content still has to be of the shape we expect.
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    problem('STATEMENT_INVALID', `manifest field payloadType is not ${IN_TOTO_PAYLOAD_TYPE}`, 'payloadType')
    return report
  }
  let statement: Statement
  try {
    statement = decodeStatement(envelope.payload, options.algorithm)
  } catch (error) {
    const p = problemFromError(error)
    problem('STATEMENT_INVALID', p.message, p.subject)
    return report
  }
  report.statement = statement
  const predicate = statement.predicate

  if (options.expectedRepository) {
    const signed = predicate.repository
    if (!signed || signed.toLowerCase() !== options.expectedRepository.toLowerCase()) {
      problem('REPOSITORY_MISMATCH', `manifest was signed in repository ${signed ?? '(none)'}, expected ${options.expectedRepository}`, 'predicate.repository')
    }
  }
  if (options.expectedCommit) {
    const signed = predicate.commit
    if (!signed || signed.toLowerCase() !== options.expectedCommit.toLowerCase()) {
      problem('COMMIT_MISMATCH', `manifest was signed at commit ${signed ?? '(none)'}, expected ${options.expectedCommit}`, 'predicate.commit')
    }
  }
  if (options.policy) for (const p of checkPolicy(predicate, options.policy)) problem(p.code, p.message, p.subject)
  const created = Date.parse(predicate.createdAt)
  if (predicate.expiresAt !== null && Date.parse(predicate.expiresAt) <= now.getTime()) {
    problem('EXPIRED', `manifest expired at ${predicate.expiresAt}`, 'predicate.expiresAt')
  }
  if (options.maxAgeMs !== undefined) {
    const age = now.getTime() - created
    if (age > options.maxAgeMs) {
      problem('TOO_OLD', `manifest was created ${formatDuration(age)} ago (${predicate.createdAt}), more than max-age ${formatDuration(options.maxAgeMs)}`, 'predicate.createdAt')
    } else if (age < -CLOCK_SKEW_MS) {
      problem('CREATED_IN_FUTURE', `manifest creation time ${predicate.createdAt} is in the future; max-age cannot be checked`, 'predicate.createdAt')
    }
  }

  // Names this OS would read otherwise are refused before anything is fetched or opened.
  const unsafe = unsafeNamesOn(statement, options.platform ?? process.platform)
  for (const [name, why] of unsafe) problem('PATH_UNSAFE', `${name}: subject name ${why}; it is not read`, name)

  // With beforeFiles, a manifest that already failed stops here too: nothing is fetched for it.
  if (options.checkFiles === false || (options.beforeFiles && problems.length > 0)) {
    report.result = problems.length === 0 ? 'verified' : 'failed'
    return report
  }
  for (const p of (await options.beforeFiles?.(statement)) ?? []) problem(p.code, p.message, p.subject)
  const names = statement.subject.map(s => s.name)
  const toHash = names.filter(name => !unsafe.has(name))
  const patterns = options.patterns ?? []
  const checkUnlisted = patterns.length > 0 && !options.allowUnlisted
  // The walk for unlisted files runs while the worker threads hash (findSubjects does its walk
  // synchronously inside the call), instead of after them with the other cores idle.
  let walk: Promise<string[]> | undefined
  const walkForUnlisted = (): Promise<string[]> => {
    // Every pattern must match a file: one that matches nothing (a typo) checks nothing.
    walk = findSubjects(patterns, baseDir, [manifestPath], options.cwd, { omitBrokenLinks: options.omitBrokenLinks, eachPatternMatches: true })
    // Its failure is handled after the hashing; until then it must not count as unhandled.
    walk.catch(() => {})
    return walk
  }
  const alongside = checkUnlisted ? () => void walkForUnlisted() : undefined
  const outcomes = await hashMany(baseDir, toHash, options.algorithm, { ...options.hashing, alongside, allowLinks: options.allowSymlinks })
  let next = 0
  statement.subject.forEach(({ name, digest }) => {
    const expected = digest[options.algorithm]
    if (unsafe.has(name)) {
      report.subjects.push({ name, status: 'unsafe', expected })
      return
    }
    const outcome = outcomes[next++]
    if (outcome.ok) {
      const actual = outcome.value.digest
      if (actual === expected) {
        report.subjects.push({ name, status: 'verified', size: outcome.value.size, expected, actual })
        report.verifiedCount++
      } else {
        report.subjects.push({ name, status: 'mismatch', size: outcome.value.size, expected, actual })
        problem('DIGEST_MISMATCH', `${name}: ${options.algorithm} digest does not match the manifest`, name)
      }
    } else {
      const kind = STATUS_OF[outcome.error.code] ?? { status: 'unreadable', code: 'FILE_UNREADABLE' }
      report.subjects.push({ name, status: kind.status, expected })
      problem(kind.code, outcome.error.message, name)
    }
  })

  if (checkUnlisted) {
    const listed = new Set(names)
    let found: string[] = []
    try {
      found = await (walk ?? walkForUnlisted())
    } catch (error) {
      // A file the walk cannot get past (a broken link planted among the artifacts, an unreadable
      // folder) leaves unlisted files unchecked: a failed verification, not a configuration error.
      if (!(error instanceof SealError) || error.code === 'INPUT_INVALID' || error.code === 'NO_FILES') throw error
      if (error instanceof BrokenLinksError) {
        // A listed one already failed as FILE_MISSING; each other one is named.
        for (const link of error.paths) {
          const name = path.relative(baseDir, link).split(path.sep).join('/')
          if (!listed.has(name)) problem('UNLISTED_FILE', `${name}: a broken symbolic link (target does not exist) matches path but is not listed in the manifest; exclude it with a ! pattern or set omit-broken-symbolic-links`, name)
        }
      } else {
        problem('UNLISTED_FILE', `unlisted files cannot be ruled out: ${error.message}`, error.subject)
      }
    }
    for (const name of found) {
      if (listed.has(name)) continue
      report.subjects.push({ name, status: 'unlisted' })
      problem('UNLISTED_FILE', `${name}: matches path but is not listed in the manifest`, name)
    }
  }

  const hint = diagnoseMissing(baseDir, names.length, report.subjects.filter(s => s.status === 'missing').map(s => s.name), options.cwd)
  if (hint) report.hints = [hint]
  report.result = problems.length === 0 ? 'verified' : 'failed'
  return report
}
