import { constants } from 'node:fs'
import * as fs from 'node:fs/promises'
import { describeFsError, SealError, type SealErrorCode } from './errors.js'

/** How refusals name a small file we read whole, and which codes they carry. */
export interface SmallFileRules {
  /** The file as messages name it: `manifest /w/artifact-seal.json`, `subject-checksums /w/SHA256SUMS`. */
  what: string
  /** The subject of every error (a path, or the input at fault). */
  subject: string
  /** For a file that cannot be opened or is not a regular file. */
  code: SealErrorCode
  /** For a file over the limit. */
  tooLargeCode: SealErrorCode
  /** The message when the file cannot be opened, given the reason. */
  cannotOpen: (reason: string) => string
  limit: number
}

/**
 * Reads a whole regular file of at most `limit` bytes. The checks and the read go through one
 * descriptor, so what was checked is what is read, and an oversized file is refused unread.
 */
export async function readSmallFile(file: string, rules: SmallFileRules): Promise<Buffer> {
  let handle: fs.FileHandle
  try {
    // O_NONBLOCK: a FIFO put where the file should be opens at once and is refused below,
    // instead of waiting for a writer; regular files ignore the flag.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new SealError(rules.code, rules.cannotOpen(describeFsError(error)), rules.subject, { cause: error })
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new SealError(rules.code, `${rules.what} is not a regular file`, rules.subject)
    if (stats.size > rules.limit) {
      throw new SealError(
        rules.tooLargeCode,
        `${rules.what} is ${stats.size} bytes; at most ${rules.limit} are accepted`,
        rules.subject
      )
    }
    return await readAtMost(handle, rules, stats.size)
  } finally {
    await handle.close().catch(() => {})
  }
}

/**
 * Reads until end of file, but never more than `limit` bytes: fstat is not the size of what a read
 * returns (a link to /proc/self/pagemap says 0 and reads without end, a file can grow), so the cap
 * counts the bytes actually read. A file that yields one byte more is refused, and nothing beyond
 * limit + 1 bytes is ever held.
 */
async function readAtMost(handle: fs.FileHandle, rules: SmallFileRules, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  // The first read asks for more than fstat said, so a regular file is read in one call. Reads
  // stay in multiples of 8 (a probe of 8 past the limit, not 1): /proc files such as pagemap
  // refuse other sizes with EINVAL.
  let want = Math.max(sizeHint + 8, 64 * 1024)
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, Math.max(rules.limit - total, 8)))
    want = 1024 * 1024
    let bytesRead: number
    try {
      ;({ bytesRead } = await handle.read(chunk, 0, chunk.length, null))
    } catch (error) {
      throw new SealError(rules.code, rules.cannotOpen(describeFsError(error)), rules.subject, { cause: error })
    }
    if (bytesRead === 0) return Buffer.concat(chunks, total)
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
    if (total > rules.limit) {
      throw new SealError(
        rules.tooLargeCode,
        `${rules.what} holds more than ${rules.limit} bytes; at most ${rules.limit} are accepted`,
        rules.subject
      )
    }
  }
}
