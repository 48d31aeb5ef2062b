import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import { writeFileAtomic } from './atomic-write.js'
import { hashMany, type FileDigest, type HashManyOptions } from './digest.js'
import { encodeEnvelope, IN_TOTO_PAYLOAD_TYPE, MAX_SIGNATURES, pae } from './dsse.js'
import { SealError } from './errors.js'
import type { MacKey } from './keys.js'
import { checkSealableNames } from './names.js'
import { encodeStatement, PREDICATE_TYPE, STATEMENT_TYPE, type SealContext, type Statement } from './statement.js'
import { compareNames, findSubjects } from './subjects.js'
import { TOOL_NAME, TOOL_VERSION } from './version.js'

/** Everything sign needs, already validated by the adapter that read it. */
export interface SealOptions {
  patterns: string[]
  baseDir: string
  manifestPath: string
  algorithm: DigestAlgorithm
  keys: MacKey[]
  context: SealContext
  expiresInMs?: number
  now?: Date
  hashing?: HashManyOptions
  /** Where relative patterns start (default: the working directory). */
  cwd?: string
  /** Seal files reached through a symbolic link inside base-dir (default: refused, naming the link). */
  allowSymlinks?: boolean
  /** Leave broken symbolic links that the patterns match out (default: an error listing them all). */
  omitBrokenLinks?: boolean
}

/** A sealed file: its name and digest, and its size when this run hashed it. */
export type SealedSubject = Omit<FileDigest, 'size'> & { size?: number }

/** What sign produced, for outputs and the summary. */
export interface SealResult {
  manifestPath: string
  /** The manifest as written, so that carriers ship these bytes without reading the file back. */
  manifestBytes: Buffer
  manifestSha256: string
  /** `size` is absent for subjects sealed from a checksum list, whose files were never read. */
  subjects: SealedSubject[]
  keyIds: string[]
  statement: Statement
}

/** Builds the statement over already-hashed subjects; subjects are sorted by name. */
export function buildStatement(
  subjects: readonly SealedSubject[],
  algorithm: DigestAlgorithm,
  context: SealContext,
  now: Date,
  expiresInMs?: number
): Statement {
  const sorted = [...subjects].sort((a, b) => compareNames(a.name, b.name))
  return {
    _type: STATEMENT_TYPE,
    subject: sorted.map(s => ({ name: s.name, digest: { [algorithm]: s.digest } })),
    predicateType: PREDICATE_TYPE,
    predicate: {
      ...context,
      algorithm,
      createdAt: now.toISOString(),
      expiresAt: expiresInMs === undefined ? null : new Date(now.getTime() + expiresInMs).toISOString(),
      tool: { name: TOOL_NAME, version: TOOL_VERSION }
    }
  }
}

/** Refuses key lists that would make a manifest no verifier accepts: none, or more signatures than verify tries. */
export function checkSigningKeys(keys: readonly MacKey[]): void {
  if (keys.length === 0) throw new SealError('KEY_INVALID', 'no key to sign with', 'key')
  if (keys.length > MAX_SIGNATURES) {
    throw new SealError(
      'KEY_INVALID',
      `key has ${keys.length} key lines; at most ${MAX_SIGNATURES} can sign (verify tries at most ${MAX_SIGNATURES} signatures)`,
      'key'
    )
  }
}

/** Signs a statement with every key (one signature each) and returns the envelope's bytes. */
export async function signStatement(
  statement: Statement,
  keys: readonly MacKey[]
): Promise<{ bytes: Buffer; keyIds: string[] }> {
  checkSigningKeys(keys)
  const payload = encodeStatement(statement)
  const message = pae(IN_TOTO_PAYLOAD_TYPE, payload)
  const signatures = []
  for (const key of keys) signatures.push({ keyid: key.keyId, sig: await key.sign(message) })
  return { bytes: encodeEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, signatures), keyIds: keys.map(k => k.keyId) }
}

/** Resolves base-dir and checks it is a directory, naming the input when it is not. */
export async function checkBaseDir(baseDir: string): Promise<string> {
  const resolved = path.resolve(baseDir)
  const stats = await fs.stat(resolved).catch(() => null)
  if (!stats?.isDirectory()) throw new SealError('INPUT_INVALID', `base-dir ${resolved} is not a directory`, 'base-dir')
  return resolved
}

/**
 * Sign: match the patterns, hash every file, sign the statement and write the manifest
 * atomically. Nothing is written unless every step succeeded.
 */
export async function seal(options: SealOptions): Promise<SealResult> {
  checkSigningKeys(options.keys)
  const baseDir = await checkBaseDir(options.baseDir)
  const manifestPath = path.resolve(options.manifestPath)
  // Zero matches is an error (NO_FILES) naming the folder the patterns are relative to.
  const names = await findSubjects(options.patterns, baseDir, [manifestPath], options.cwd, {
    omitBrokenLinks: options.omitBrokenLinks
  })
  // Before any file is read: a name no Windows or macOS verifier could check is refused here.
  checkSealableNames(names, 'path')
  const outcomes = await hashMany(baseDir, names, options.algorithm, {
    ...options.hashing,
    allowLinks: options.allowSymlinks
  })
  const subjects: FileDigest[] = []
  for (const outcome of outcomes) {
    if (!outcome.ok) throw outcome.error
    subjects.push(outcome.value)
  }
  return writeSealed(subjects, { ...options, manifestPath })
}

type WriteOptions = Omit<SealOptions, 'patterns' | 'baseDir' | 'hashing' | 'cwd' | 'allowSymlinks' | 'omitBrokenLinks'>

/**
 * Signs subjects whose digests are already known and writes the manifest atomically. `seal`
 * ends here; a checksum list made by another job starts here, so its files are never re-read.
 * The names obey the same rules as seal's (checkSealableNames).
 */
export async function sealSubjects(subjects: SealedSubject[], options: WriteOptions): Promise<SealResult> {
  checkSealableNames(
    subjects.map(s => s.name),
    'subjects'
  )
  return writeSealed(subjects, options)
}

/** Signs and writes; the names were checked by the caller. */
async function writeSealed(subjects: SealedSubject[], options: WriteOptions): Promise<SealResult> {
  const manifestPath = path.resolve(options.manifestPath)
  const statement = buildStatement(
    subjects,
    options.algorithm,
    options.context,
    options.now ?? new Date(),
    options.expiresInMs
  )
  const { bytes, keyIds } = await signStatement(statement, options.keys)
  await writeFileAtomic(manifestPath, bytes)
  return {
    manifestPath,
    manifestBytes: bytes,
    manifestSha256: createHash('sha256').update(bytes).digest('hex'),
    subjects,
    keyIds,
    statement
  }
}
