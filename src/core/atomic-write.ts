import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describeFsError, SealError } from './errors.js'

/**
 * Makes `file` so that readers see the old file or the whole new one, never a part, and nothing
 * is left behind on failure: `fill` writes into a temporary file in the same directory (so the
 * rename cannot cross file systems); when `keep` accepts its result the file is flushed and
 * renamed over `file`; otherwise, or on any error, it is removed and `file` is left as it was.
 * Errors are thrown as they came: the caller knows what the file is.
 */
export async function replaceFile<T>(file: string, fill: (handle: fs.FileHandle) => Promise<T>, keep: (result: T) => boolean = () => true): Promise<T> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o644)
    const result = await fill(handle)
    if (keep(result)) {
      await handle.sync()
      await handle.close()
      handle = undefined
      await fs.rename(temp, file)
    }
    return result
  } finally {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
  }
}

/** Writes `bytes` to `file` through replaceFile; a failure is one WRITE_FAILED line naming `what` and the file. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, what = 'manifest'): Promise<void> {
  try {
    await replaceFile(file, handle => handle.writeFile(bytes))
  } catch (error) {
    throw new SealError('WRITE_FAILED', `cannot write ${what} ${file}: ${describeFsError(error)}`, file, { cause: error })
  }
}
