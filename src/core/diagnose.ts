import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from './algorithms.js'
import type { DecodedSignature } from './dsse.js'
import type { MacKey } from './keys.js'

/*
 * What a failed verify can say beyond its list of problems: why the signature did not check (key
 * ids are public, and a MAC's length gives its hash away), and where the files are when most of
 * the listed ones are missing (a wrong base-dir). Nothing here prints key material, and nothing
 * here decides the verdict: these are hints beside the problems.
 */

/** The MAC length of each hash: HMAC-H's output is H's. */
const MAC_BYTES: Record<DigestAlgorithm, number> = { sha256: 32, sha384: 48, sha512: 64 }

/** The hash whose HMAC is `bytes` long, or null. */
export function algorithmOfMac(bytes: number): DigestAlgorithm | null {
  return DIGEST_ALGORITHMS.find(a => MAC_BYTES[a] === bytes) ?? null
}

/** A key id from the manifest as printed: unauthenticated text, so bounded. */
function shownKeyId(keyid: string): string {
  return keyid.length > 80 ? `${keyid.slice(0, 77)}…` : keyid || '(empty)'
}

/**
 * The SIGNATURE_INVALID line: which key ids the manifest names and which the verifier has, and
 * what tells a wrong key from a wrong algorithm or an altered manifest. The manifest's key ids
 * are hints an attacker can write, so the line says "names", never "was signed by".
 */
export function signatureMismatch(
  manifestPath: string,
  signatures: readonly DecodedSignature[],
  keys: readonly MacKey[],
  algorithm: DigestAlgorithm
): string {
  const theirs = [...new Set(signatures.map(s => shownKeyId(s.keyid)))]
  const ours = keys.map(k => k.keyId)
  const head = `manifest ${manifestPath}: no signature matches any configured key`
  if (signatures.length === 0) return `${head}: the manifest has no signatures`
  const lengths = [...new Set(signatures.map(s => s.sig.length))]
  const macAlgorithms = lengths.map(algorithmOfMac)
  const tried = `the manifest names key id(s) ${theirs.join(', ')}; yours: ${ours.join(', ')}`
  if (!macAlgorithms.includes(algorithm)) {
    const known = macAlgorithms.filter((a): a is DigestAlgorithm => a !== null)
    const why =
      known.length > 0
        ? `its MACs are ${known.join('/')} (${lengths.join('/')} bytes) and you verify with ${algorithm}: set algorithm to ${known[0]}`
        : `its MACs are ${lengths.join('/')} bytes, no ${algorithm} MAC (${MAC_BYTES[algorithm]} bytes)`
    return `${head}: ${why} (${tried})`
  }
  const shared = ours.filter(id => signatures.some(s => s.keyid === id))
  if (shared.length > 0) {
    return `${head}: the manifest names your key ${shared.join(', ')} but its ${algorithm} MAC does not match: the manifest was altered after signing, or signed by another key under that id (${tried})`
  }
  return `${head}: a different key (${tried}; ${algorithm})`
}

/** Names sampled to guess a base-dir: enough to be sure, few enough to stay instant on 100,000. */
const SAMPLE = 50
/** Folders below base-dir tried as the base-dir the names are relative to. */
const MAX_CANDIDATE_DIRS = 200

function exists(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile()
  } catch {
    return false
  }
}

/** `dir` as the user would write it: relative to the working directory when it lies below it. */
function shown(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir)
  if (rel === '') return '.'
  return rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel.split(path.sep).join('/')
}

/** Folders up to two levels below `baseDir`, at most MAX_CANDIDATE_DIRS, hidden ones and node_modules last. */
function foldersBelow(baseDir: string): string[] {
  const found: string[] = []
  const list = (dir: string): string[] => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter(e => e.isDirectory())
        .map(e => path.join(dir, e.name))
    } catch {
      return []
    }
  }
  for (const child of list(baseDir)) {
    if (found.length >= MAX_CANDIDATE_DIRS) break
    found.push(child)
    for (const grandchild of list(child)) if (found.length < MAX_CANDIDATE_DIRS) found.push(grandchild)
  }
  return found
}

/**
 * When most listed files are missing: one line saying how many and what base-dir is, and the
 * base-dir under which the names line up when one does (files found one or two folders below, or
 * above because the names start with the folder's own name). Null when few are missing.
 */
export function diagnoseMissing(
  baseDir: string,
  listed: number,
  missing: readonly string[],
  cwd: string = process.cwd()
): string | null {
  if (listed === 0 || missing.length < 2 || missing.length * 2 <= listed) return null
  const head = `${missing.length} of ${listed} listed files are missing under base-dir ${baseDir}`
  const sample = missing.slice(0, SAMPLE)
  const fits = (dir: string): boolean => sample.filter(name => exists(path.join(dir, name))).length * 2 > sample.length
  const candidates = [path.dirname(baseDir), path.dirname(path.dirname(baseDir)), ...foldersBelow(baseDir)].filter(
    d => d !== baseDir
  )
  const better = candidates.find(fits)
  if (better) return `${head}; the names line up with base-dir ${shown(better, cwd)} (set base-dir to it)`
  // Names that carry a folder the files are not in: `dist/index.html` listed, `index.html` there.
  const first = sample[0].split('/')[0]
  if (sample.every(name => name.startsWith(first + '/'))) {
    const stripped = sample.filter(name => exists(path.join(baseDir, name.slice(first.length + 1)))).length
    if (stripped * 2 > sample.length) {
      return `${head}; the names start with ${first}/ but the files are in base-dir itself: put them in ${shown(path.join(baseDir, first), cwd)}, or seal with base-dir set to ${first}`
    }
  }
  return `${head}; is base-dir right?`
}

/** Problems printed one per line (the CLI's log, the action's annotations) before the rest are counted. */
export const MAX_PRINTED_PROBLEMS = 50

/**
 * The first MAX_PRINTED_PROBLEMS problems, and one line counting the rest by code (null when
 * none are left out): 6,202 FILE_MISSING lines bury the one that matters. Every problem stays
 * in --json and in the job summary.
 */
export function capProblems<T extends { code: string }>(
  problems: readonly T[],
  where: string
): { shown: readonly T[]; rest: string | null } {
  if (problems.length <= MAX_PRINTED_PROBLEMS) return { shown: problems, rest: null }
  const left = problems.slice(MAX_PRINTED_PROBLEMS)
  const counts = new Map<string, number>()
  for (const p of left) counts.set(p.code, (counts.get(p.code) ?? 0) + 1)
  const byCode = [...counts].map(([code, n]) => `${n} ${code}`).join(', ')
  return {
    shown: problems.slice(0, MAX_PRINTED_PROBLEMS),
    rest: `… and ${left.length} more problem(s) (${byCode}); all of them ${where}`
  }
}
