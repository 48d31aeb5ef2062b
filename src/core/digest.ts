import * as fs from 'node:fs/promises'
import type { DigestAlgorithm } from './algorithms.js'
import { SealError } from './errors.js'
import { hashInThreads, inProcessKernel } from './hash-pool.js'

/** What hashing one file gives. */
export interface FileDigest {
  name: string
  size: number
  digest: string
}

/**
 * Opens `name` below `baseDir` once, checks that what was opened is a regular file whose real
 * path lies inside `realBase`, and hashes it from that same descriptor: what is checked is
 * exactly what is read. A file whose size or mtime changes while it is read is an error.
 * (The rules themselves live in hash-kernel.ts, shared with the hashing threads.)
 */
export async function hashFile(
  baseDir: string,
  realBase: string,
  name: string,
  algorithm: DigestAlgorithm,
  allowLinks = false
): Promise<FileDigest> {
  const result = await inProcessKernel().hash(baseDir, realBase, name, algorithm, allowLinks)
  if (!result.ok) throw new SealError(result.code, result.message, name)
  return { name, size: result.size, digest: result.digest }
}

/** Options for hashing many files. */
export interface HashManyOptions {
  /** Threads hashing at once, this one included (default: every core); 1 hashes in this thread only. */
  concurrency?: number
  /** Called every few seconds with progress so far and the average rate in bytes per second. */
  onProgress?: (done: number, total: number, bytes: number, bytesPerSecond: number) => void
  /** Interval between progress calls, in milliseconds. */
  progressIntervalMs?: number
  /** Work for this thread while the workers hash (see PoolOptions.alongside in hash-pool.ts). */
  alongside?: () => void
  /** Let a name go through a symbolic link to a file inside base-dir (default: refused, PATH_UNSAFE). */
  allowLinks?: boolean
}

/** The outcome for one file: its digest, or the error that stopped it. */
export type HashOutcome = { ok: true; value: FileDigest } | { ok: false; name: string; error: SealError }

/**
 * Hashes every name across all cores (see hash-pool.ts) and returns one outcome per name in the
 * same order. Errors are collected, not thrown, so that verify can report every problem; only a
 * hashing thread that fails rejects.
 */
export async function hashMany(
  baseDir: string,
  names: readonly string[],
  algorithm: DigestAlgorithm,
  options: HashManyOptions = {}
): Promise<HashOutcome[]> {
  if (names.length === 0) return []
  const realBase = await fs.realpath(baseDir)
  const onProgress = options.onProgress
  const results = await hashInThreads(
    { baseDir, realBase, names, algorithm, allowLinks: options.allowLinks ?? false },
    {
      threads: options.concurrency,
      progressIntervalMs: options.progressIntervalMs,
      alongside: options.alongside,
      onProgress: onProgress && (p => onProgress(p.done, p.total, p.bytes, p.bytesPerSecond))
    }
  )
  return results.map((r, i): HashOutcome => {
    const name = names[i]
    return r.ok
      ? { ok: true, value: { name, size: r.size, digest: r.digest } }
      : { ok: false, name, error: new SealError(r.code, r.message, name) }
  })
}
