import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describeFsError, SealError } from './errors.js'

/**
 * Writes `bytes` to `file` so that readers see the old file or the whole new one, never a part:
 * a temporary file in the same directory, flushed, then renamed over the target. On any failure
 * the temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, what = 'manifest'): Promise<void> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o644)
    await handle.writeFile(bytes)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
    throw new SealError('WRITE_FAILED', `cannot write ${what} ${file}: ${describeFsError(error)}`, file, { cause: error })
  }
}
