import type * as Crypto from 'node:crypto'
import type * as Fs from 'node:fs'
import type * as Path from 'node:path'
import type { DigestAlgorithm } from './algorithms.js'
import type { SealErrorCode } from './errors.js'

/*
 * The one place a subject file is opened and hashed, in the main thread and in the hashing worker
 * threads alike. `createKernel` is serialized with Function.prototype.toString into the workers'
 * source (see hash-pool.ts), so that the same code runs from the tsc build and from the ncc
 * bundles without a separate worker file: it must use nothing but its parameters.
 */

/** What the kernel needs from Node, passed in because the function is serialized. */
export interface KernelDeps {
  fs: typeof Fs
  crypto: typeof Crypto
  path: typeof Path
  platform: NodeJS.Platform
  /** Size of each read in the synchronous loop. */
  chunkBytes: number
  /** Files at least this large are read ahead of the hash (Infinity: never, a plain loop). */
  overlapBytes: number
  /** errors.ts' describeFsError, passed in (and serialized beside the kernel) for the same reason. */
  describeFsError: (error: unknown) => string
}

/** The outcome for one file, as plain data that crosses a worker boundary. */
export type KernelResult =
  { ok: true; size: number; digest: string } | { ok: false; code: SealErrorCode; message: string }

/**
 * Reads of this size keep the hash fed at memory speed. Larger is slower: measured on two cores,
 * 512 MiB read and hashed in 128 KiB reads took 0.10 s of system time, in 256 KiB to 4 MiB reads
 * 0.37 to 0.41 s (the copy from the page cache no longer fits the CPU's cache).
 */
export const CHUNK_BYTES = 128 * 1024
/** Files at least this large are read ahead of the hash (double-buffered, off-thread reads); below it a synchronous loop is faster. */
export const OVERLAP_BYTES = 8 * 1024 * 1024

export interface Kernel {
  /**
   * Hashes `name` below `baseDir`. Small files are read synchronously (no promise per read); a
   * large one is read ahead of the hash on libuv's pool. `onBytes` is told of bytes as they pass.
   */
  hash(
    baseDir: string,
    realBase: string,
    name: string,
    algorithm: DigestAlgorithm,
    allowLinks: boolean,
    onBytes?: (n: number) => void
  ): KernelResult | Promise<KernelResult>
}

/** Builds the kernel over the given Node modules. Self-contained: see the note at the top. */
export function createKernel(deps: KernelDeps): Kernel {
  const { fs, crypto, path, platform, chunkBytes, overlapBytes, describeFsError: describe } = deps
  // Reads ahead of the hash are larger than chunkBytes: they run on another core, where their
  // system time is hidden, and fewer of them mean fewer round trips (one 1 GiB file: 0.87 of the
  // SHA-256 limit with 4 MiB, 0.73 with 128 KiB).
  const readAheadBytes = 4 * 1024 * 1024
  const c = fs.constants
  // O_NONBLOCK so that opening a FIFO a glob matched returns at once instead of waiting for a
  // writer; regular files ignore the flag. O_NOCTTY so that a terminal never becomes ours.
  const OPEN_FLAGS = c.O_RDONLY | (c.O_NONBLOCK ?? 0) | (c.O_NOCTTY ?? 0)
  // One buffer per thread for the synchronous loop, reused for every small file: nothing can
  // interleave with a loop that never yields. A large file gets its own pair (see below).
  const shared = Buffer.allocUnsafe(chunkBytes)

  const fail = (code: SealErrorCode, message: string): KernelResult => ({ ok: false, code, message })

  /** Whether `child` is `parent` or lies below it (both absolute and normalized). */
  const isInside = (parent: string, child: string): boolean => {
    // Both are absolute and normalized (a real path), so on POSIX a prefix test is exact, and it
    // runs once per file: path.relative was a tenth of this thread's time on 20,000 small files.
    if (path.sep === '/') return child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/')
    const rel = path.relative(parent, child)
    return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel))
  }

  /**
   * The real path of an open descriptor: from /proc on Linux, else the OS's realpath of the name
   * checked to be the same file. realpathSync.native, not realpathSync: the JavaScript one walks
   * the path with lstat, which does not see a Windows junction (nor a Unix link under Wine) and
   * answers with the path unchanged; the OS's (GetFinalPathNameByHandle, realpath(3)) resolves it.
   */
  const realPathOf = (fd: number, file: string, stats: Fs.Stats): string | null => {
    if (platform === 'linux') {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`)
      } catch {
        // /proc not mounted: fall through to the portable check.
      }
    }
    const real = fs.realpathSync.native(file)
    const again = fs.statSync(real)
    return again.ino === stats.ino && again.dev === stats.dev ? real : null
  }

  const readAt = (fd: number, buffer: Buffer, position: number): Promise<number> =>
    new Promise((resolve, reject) =>
      fs.read(fd, buffer, 0, buffer.length, position, (error, n) => (error ? reject(error) : resolve(n)))
    )

  const changedWhileRead = (name: string, before: Fs.Stats, after: Fs.Stats, total: number): KernelResult | null => {
    // Reads from a descriptor go on after its file is unlinked: no links left means the name now
    // holds nothing, or another file, and what was hashed is not what a deploy would find there.
    if (after.nlink === 0) return fail('FILE_CHANGED', `${name}: deleted or replaced while it was being hashed`)
    if (total !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      // The size it has now, or, when only the read saw it grow or shrink, what the read found.
      const size = after.size !== before.size ? after.size : total
      return fail('FILE_CHANGED', `${name}: changed while it was being hashed (size ${before.size} → ${size})`)
    }
    return null
  }

  const finish = (fd: number, name: string, before: Fs.Stats, total: number, hash: Crypto.Hash): KernelResult => {
    const after = fs.fstatSync(fd)
    const changed = changedWhileRead(name, before, after, total)
    return changed ?? { ok: true, size: total, digest: hash.digest('hex') }
  }

  // crypto.hash (Node >= 20.12) digests a buffer without making a Hash object: most of the
  // per-file cost of a small file, which is read whole in one call.
  const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash

  const hashSync = (
    fd: number,
    name: string,
    before: Fs.Stats,
    algorithm: string,
    onBytes?: (n: number) => void
  ): KernelResult => {
    const buffer = shared
    // Asking for one byte more than fstat said tells a file that grew from one that did not.
    const want = Math.min(buffer.length, before.size + 1)
    let n: number
    try {
      n = fs.readSync(fd, buffer, 0, want, null)
    } catch (error) {
      return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`)
    }
    if (n === before.size && n < want && oneShot) {
      // A short read of a regular file is its end; the fstat after it still catches a change.
      onBytes?.(n)
      const changed = changedWhileRead(name, before, fs.fstatSync(fd), n)
      return changed ?? { ok: true, size: n, digest: oneShot(algorithm, buffer.subarray(0, n), 'hex') }
    }
    const hash = crypto.createHash(algorithm)
    let total = 0
    while (n > 0) {
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n))
      total += n
      onBytes?.(n)
      try {
        n = fs.readSync(fd, buffer, 0, buffer.length, null)
      } catch (error) {
        return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`)
      }
    }
    return finish(fd, name, before, total, hash)
  }

  // While the hash digests one buffer on this thread, the next read fills the other on libuv's pool.
  // The pair is this call's own: two large files hashed at once on one thread must not share it.
  const hashOverlapped = async (
    fd: number,
    name: string,
    before: Fs.Stats,
    algorithm: string,
    onBytes?: (n: number) => void
  ): Promise<KernelResult> => {
    const hash = crypto.createHash(algorithm)
    const buffers = [Buffer.allocUnsafe(readAheadBytes), Buffer.allocUnsafe(readAheadBytes)]
    let total = 0
    let turn = 0
    let pending = readAt(fd, buffers[0], 0)
    for (;;) {
      let n: number
      try {
        n = await pending
      } catch (error) {
        return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`)
      }
      if (n === 0) break
      const current = buffers[turn]
      turn ^= 1
      total += n
      pending = readAt(fd, buffers[turn], total)
      hash.update(n === current.length ? current : current.subarray(0, n))
      onBytes?.(n)
    }
    return finish(fd, name, before, total, hash)
  }

  const hash = (
    baseDir: string,
    realBase: string,
    name: string,
    algorithm: string,
    allowLinks: boolean,
    onBytes?: (n: number) => void
  ): KernelResult | Promise<KernelResult> => {
    // Names are checked relative POSIX paths (no '.', '..' or empty segments), so on POSIX a
    // plain concatenation is path.join without its cost.
    const file =
      path.sep === '/'
        ? baseDir.endsWith('/')
          ? baseDir + name
          : baseDir + '/' + name
        : path.join(baseDir, ...name.split('/'))
    let fd: number
    try {
      fd = fs.openSync(file, OPEN_FLAGS)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return fail('FILE_MISSING', `${name}: no such file`)
      if (code === 'ENXIO') return fail('FILE_NOT_REGULAR', `${name}: not a regular file (a socket or device)`)
      return fail('FILE_UNREADABLE', `${name}: cannot open: ${describe(error)}`)
    }
    let closeNow = true
    try {
      const before = fs.fstatSync(fd)
      if (!before.isFile()) {
        const kind = before.isDirectory() ? 'a directory' : before.isFIFO() ? 'a FIFO' : 'a socket or device'
        return fail('FILE_NOT_REGULAR', `${name}: not a regular file (${kind})`)
      }
      const real = realPathOf(fd, file, before)
      if (real === null) return fail('FILE_CHANGED', `${name}: was replaced while it was being opened`)
      if (!isInside(realBase, real)) return fail('PATH_UNSAFE', `${name}: resolves outside base-dir (to ${real})`)
      // A name whose real path is not base-dir plus the name went through a symbolic link (or is
      // spelled otherwise than on disk): what ships under that name may be a link, or another
      // file's bytes, so it passes only when links were allowed.
      if (!allowLinks) {
        const lexical =
          path.sep === '/'
            ? realBase.endsWith('/')
              ? realBase + name
              : realBase + '/' + name
            : path.join(realBase, ...name.split('/'))
        if (real !== lexical)
          return fail(
            'PATH_UNSAFE',
            `${name}: is a symbolic link or lies below one (it resolves to ${real}); links are refused unless allow-symlinks is set`
          )
      }
      if (before.size < overlapBytes) return hashSync(fd, name, before, algorithm, onBytes)
      closeNow = false
      return hashOverlapped(fd, name, before, algorithm, onBytes)
        .catch((error: unknown) => fail('FILE_UNREADABLE', `${name}: ${describe(error)}`))
        .finally(() => fs.closeSync(fd))
    } catch (error) {
      return fail('FILE_UNREADABLE', `${name}: ${describe(error)}`)
    } finally {
      if (closeNow) fs.closeSync(fd)
    }
  }

  return { hash }
}
