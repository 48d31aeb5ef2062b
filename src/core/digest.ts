import { constants as fsConstants, type Stats } from 'node:fs'
import * as fs from 'node:fs/promises'
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import { describeFsError, SealError } from './errors.js'

/** What hashing one file gives. */
export interface FileDigest {
  name: string
  size: number
  digest: string
}

/** Reads of this size keep the hash fed at disk speed with one buffer per file in flight. */
const CHUNK_BYTES = 4 * 1024 * 1024

// O_NONBLOCK so that opening a FIFO a glob matched returns at once instead of waiting for a writer;
// regular files ignore the flag. O_NOCTTY so that a terminal device never becomes ours.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOCTTY ?? 0)

/** Whether `child` is `parent` or lies below it (both absolute and normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel))
}

/** The real path of an open file: from /proc on Linux, else realpath of its path checked to be the same inode. */
async function realPathOf(handle: fs.FileHandle, file: string, stats: Stats): Promise<string> {
  if (process.platform === 'linux') {
    try {
      return await fs.readlink(`/proc/self/fd/${handle.fd}`)
    } catch {
      // /proc not mounted: fall through to the portable check.
    }
  }
  const real = await fs.realpath(file)
  const again = await fs.stat(real)
  if (again.ino !== stats.ino || again.dev !== stats.dev) {
    throw new SealError('FILE_CHANGED', `${file} was replaced while it was being opened`, file)
  }
  return real
}

/**
 * Opens `name` below `baseDir` once, checks that what was opened is a regular file whose real
 * path lies inside `realBase`, and hashes it from that same descriptor: what is checked is
 * exactly what is read. A file whose size or mtime changes while it is read is an error.
 */
export async function hashFile(baseDir: string, realBase: string, name: string, algorithm: DigestAlgorithm): Promise<FileDigest> {
  const file = path.join(baseDir, ...name.split('/'))
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, OPEN_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new SealError('FILE_MISSING', `${name}: no such file`, name, { cause: error })
    if (code === 'ENXIO') throw new SealError('FILE_NOT_REGULAR', `${name}: not a regular file (a socket or device)`, name)
    throw new SealError('FILE_UNREADABLE', `${name}: cannot open: ${describeFsError(error)}`, name, { cause: error })
  }
  try {
    const before = await handle.stat()
    if (!before.isFile()) {
      const kind = before.isDirectory() ? 'a directory' : before.isFIFO() ? 'a FIFO' : 'a socket or device'
      throw new SealError('FILE_NOT_REGULAR', `${name}: not a regular file (${kind})`, name)
    }
    const real = await realPathOf(handle, file, before)
    if (!isInside(realBase, real)) {
      throw new SealError('PATH_UNSAFE', `${name}: resolves outside base-dir (to ${real})`, name)
    }
    const hash = createHash(algorithm)
    // One read past the size we saw tells a file that grew from one that did not.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, before.size + 1))
    let total = 0
    for (;;) {
      let bytesRead: number
      try {
        ;({ bytesRead } = await handle.read(buffer, 0, buffer.length, null))
      } catch (error) {
        throw new SealError('FILE_UNREADABLE', `${name}: cannot read: ${describeFsError(error)}`, name, { cause: error })
      }
      if (bytesRead === 0) break
      hash.update(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead))
      total += bytesRead
    }
    const after = await handle.stat()
    // Reads from a descriptor go on after its file is unlinked: no links left means the name now
    // holds nothing, or another file, and what was hashed is not what a deploy would find there.
    if (after.nlink === 0) {
      throw new SealError('FILE_CHANGED', `${name}: deleted or replaced while it was being hashed`, name)
    }
    if (total !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      throw new SealError('FILE_CHANGED', `${name}: changed while it was being hashed (size ${before.size} → ${total})`, name)
    }
    return { name, size: total, digest: hash.digest('hex') }
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Options for hashing many files. */
export interface HashManyOptions {
  /** Files in flight at once. */
  concurrency?: number
  /** Called every few seconds with progress so far. */
  onProgress?: (done: number, total: number, bytes: number) => void
  /** Interval between progress calls, in milliseconds. */
  progressIntervalMs?: number
}

/** The outcome for one file: its digest, or the error that stopped it. */
export type HashOutcome = { ok: true; value: FileDigest } | { ok: false; name: string; error: SealError }

/**
 * Hashes every name, keeping `concurrency` files in flight, and returns one outcome per name in
 * the same order. Errors are collected, not thrown, so that verify can report every problem.
 */
export async function hashMany(
  baseDir: string,
  names: readonly string[],
  algorithm: DigestAlgorithm,
  options: HashManyOptions = {}
): Promise<HashOutcome[]> {
  const realBase = await fs.realpath(baseDir)
  const outcomes: HashOutcome[] = new Array(names.length)
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, names.length))
  let next = 0
  let done = 0
  let bytes = 0
  const interval = options.progressIntervalMs ?? 5000
  let lastReport = Date.now()
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const i = next++
      try {
        const value = await hashFile(baseDir, realBase, names[i], algorithm)
        outcomes[i] = { ok: true, value }
        bytes += value.size
      } catch (error) {
        const sealError =
          error instanceof SealError
            ? error
            : new SealError('FILE_UNREADABLE', `${names[i]}: ${describeFsError(error)}`, names[i], { cause: error })
        outcomes[i] = { ok: false, name: names[i], error: sealError }
      }
      done++
      if (options.onProgress && Date.now() - lastReport >= interval) {
        lastReport = Date.now()
        options.onProgress(done, names.length, bytes)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return outcomes
}
