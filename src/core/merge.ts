import { createHash } from 'node:crypto'
import * as path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import { writeFileAtomic } from './atomic-write.js'
import { oneLine, SealError } from './errors.js'
import { globFiles } from './glob.js'
import type { MacKey } from './keys.js'
import { buildStatement, checkSigningKeys, signStatement, type SealResult } from './seal.js'
import type { PartRecord, SealContext } from './statement.js'
import { verifyManifest, type PredicateExpectations, type Problem } from './verify.js'

/*
 * Merge: one manifest from the seals of a matrix's jobs. Each part is checked as verify checks a
 * manifest without reading files (core/verify.ts verifyManifest), the subjects are united, and
 * the merge records which part listed which file (`predicate.parts`, docs/manifest.md).
 */

export interface MergeOptions extends PredicateExpectations {
  /** Glob patterns (the path syntax) of the part manifests, relative to `cwd`. */
  manifests: string[]
  /** The merged manifest written; never one of the parts. */
  manifestPath: string
  algorithm: DigestAlgorithm
  /** Every key a part may verify under. */
  keys: MacKey[]
  /** The keys the merge is signed with (all of `keys`, or the one a remote store signs with). */
  signingKeys: MacKey[]
  /** This run's fields for the merged predicate. */
  context: SealContext
  expiresInMs?: number
  now?: Date
  /** Where relative patterns start, and what part names are relative to (the workspace). */
  cwd: string
  /** How the manifests option is named to the user (`manifests`, `--manifests`). */
  manifestsOption?: string
}

/** A merge that was written, or the problems that stopped it (nothing written). */
export type MergeOutcome =
  { ok: true; result: SealResult & { parts: PartRecord[] } } | { ok: false; problems: Problem[]; partCount: number }

/** The part manifests the patterns match, sorted, without the merged manifest itself. */
export function findParts(
  patterns: readonly string[],
  manifestPath: string,
  cwd: string,
  option = 'manifests'
): string[] {
  if (patterns.length === 0)
    throw new SealError(
      'INPUT_INVALID',
      `${option} is required to merge: give glob patterns of the part manifests`,
      option
    )
  const out = path.resolve(manifestPath)
  const found = [...new Set(globFiles(patterns, cwd))].filter(f => path.resolve(f) !== out).sort()
  if (found.length === 0)
    throw new SealError(
      'NO_FILES',
      `${option} matched no manifest (patterns: ${patterns.join(', ')}; the merged manifest ${out} is never a part)`,
      option
    )
  return found
}

const relative = (cwd: string, file: string): string => path.relative(cwd, file).split(path.sep).join('/')

/** The earliest of some times (RFC 3339 strings), or null when none is given. */
function earliest(times: readonly (string | null)[]): string | null {
  const given = times.filter((t): t is string => t !== null)
  return given.length === 0 ? null : given.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a))
}

/**
 * Verifies every part, unites their subjects and writes the merged manifest atomically. Every
 * problem of every part is collected (each message names its part); when there is any, or two
 * parts list one name with different digests, nothing is written.
 */
export async function merge(options: MergeOptions): Promise<MergeOutcome> {
  checkSigningKeys(options.signingKeys)
  const now = options.now ?? new Date()
  const files = findParts(options.manifests, options.manifestPath, options.cwd, options.manifestsOption)
  const problems: Problem[] = []
  const parts: PartRecord[] = []
  const digests: Map<string, string>[] = []
  for (const file of files) {
    const name = relative(options.cwd, file)
    const verdict = await verifyManifest({ ...options, manifestPath: file, subjects: undefined, now })
    for (const p of verdict.problems)
      problems.push({
        ...p,
        message: oneLine(`part ${name}: ${p.message}`),
        subject: p.subject ? `${name}: ${p.subject}` : name
      })
    if (!verdict.statement || !verdict.bytes || !verdict.keyId) continue
    const { parts: _nested, ...fields } = verdict.statement.predicate
    parts.push({
      ...fields,
      manifest: name,
      manifestSha256: createHash('sha256').update(verdict.bytes).digest('hex'),
      keyId: verdict.keyId,
      subjects: verdict.statement.subject.map(s => s.name)
    })
    digests.push(new Map(verdict.statement.subject.map(s => [s.name, s.digest[options.algorithm]])))
  }
  const union = new Map<string, { digest: string; part: PartRecord }>()
  parts.forEach((part, i) => {
    for (const [subject, digest] of digests[i]) {
      const seen = union.get(subject)
      if (!seen) union.set(subject, { digest, part })
      else if (seen.digest !== digest) {
        problems.push({
          code: 'SUBJECT_CONFLICT',
          message: oneLine(
            `${subject}: part ${seen.part.manifest} lists ${options.algorithm} ${seen.digest} but part ${part.manifest} lists ${digest}; the parts disagree about this file`
          ),
          subject
        })
      }
    }
  })
  if (problems.length > 0) return { ok: false, problems, partCount: files.length }

  const subjects = [...union].map(([name, { digest }]) => ({ name, digest }))
  const statement = buildStatement(subjects, options.algorithm, options.context, now, options.expiresInMs)
  // A merge vouches for no longer than its shortest-lived part.
  statement.predicate.expiresAt = earliest([statement.predicate.expiresAt, ...parts.map(p => p.expiresAt)])
  statement.predicate.parts = parts
  const { bytes, keyIds } = await signStatement(statement, options.signingKeys)
  const manifestPath = path.resolve(options.manifestPath)
  await writeFileAtomic(manifestPath, bytes)
  return {
    ok: true,
    result: {
      manifestPath,
      manifestBytes: bytes,
      manifestSha256: createHash('sha256').update(bytes).digest('hex'),
      subjects,
      keyIds,
      statement,
      parts
    }
  }
}

/** One log line per part of a merged manifest: which job sealed how many of its files, under which key. */
export function partLines(parts: readonly PartRecord[]): string[] {
  return parts.map((p, i) => {
    const run = [
      p.label !== null && `label ${p.label}`,
      p.job !== null && `job ${p.job}`,
      p.runId !== null && `run ${p.runId}`
    ]
      .filter(Boolean)
      .join(', ')
    return `Part ${i + 1}: ${p.manifest} (${run || 'no label'}), ${p.subjects.length} file(s), sha256 ${p.manifestSha256}, key ${p.keyId}`
  })
}
