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
      throw new SealError(rules.tooLargeCode, `${rules.what} is ${stats.size} bytes; at most ${rules.limit} are accepted`, rules.subject)
    }
    return await handle.readFile()
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Decodes UTF-8, or null when the bytes are not valid UTF-8 (never replacement characters). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
