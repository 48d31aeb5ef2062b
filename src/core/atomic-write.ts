import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describeFsError, SealError } from './errors.js'

/** Codes with which Windows refuses a rename over a file that another process holds open for a moment. */
const BUSY_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES'])
/** About 1.3 s in all: enough for a virus scanner or the indexer to let go of a file just written. */
const RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640]

/** How a rename is retried; the defaults are this process's, tests pass their own. */
export interface RenameOptions {
  platform?: NodeJS.Platform
  rename?: (from: string, to: string) => Promise<void>
  delaysMs?: readonly number[]
}

/**
 * fs.rename, which replaces `to` in one step on every OS. On Windows it fails with EPERM, EBUSY
 * or EACCES while any process has `to` (or `from`) open, and a virus scanner or the search indexer
 * opens a file just written for a few milliseconds: there it is retried briefly, as graceful-fs
 * does. Elsewhere those codes mean what they say and fail at once.
 */
export async function renameRetrying(from: string, to: string, options: RenameOptions = {}): Promise<void> {
  const rename = options.rename ?? fs.rename
  const delays = (options.platform ?? process.platform) === 'win32' ? (options.delaysMs ?? RETRY_DELAYS_MS) : []
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (attempt >= delays.length || !BUSY_CODES.has(code)) throw error
      await new Promise(resolve => setTimeout(resolve, delays[attempt]))
    }
  }
}

/**
 * Makes `file` so that readers see the old file or the whole new one, never a part, and nothing
 * is left behind on failure: `fill` writes into a temporary file in the same directory (so the
 * rename cannot cross file systems); when `keep` accepts its result the file is flushed and
 * renamed over `file`; otherwise, or on any error, it is removed and `file` is left as it was.
 * Errors are thrown as they came: the caller knows what the file is.
 */
export async function replaceFile<T>(
  file: string,
  fill: (handle: fs.FileHandle) => Promise<T>,
  keep: (result: T) => boolean = () => true,
  rename: RenameOptions = {}
): Promise<T> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o644)
    const result = await fill(handle)
    if (keep(result)) {
      await handle.sync()
      await handle.close()
      handle = undefined
      await renameRetrying(temp, file, rename)
    }
    return result
  } finally {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
  }
}

/** Writes `bytes` to `file` through replaceFile; a failure is one WRITE_FAILED line naming `what` and the file. */
export async function writeFileAtomic(
  file: string,
  bytes: Uint8Array,
  what = 'manifest',
  rename: RenameOptions = {}
): Promise<void> {
  try {
    await replaceFile(file, handle => handle.writeFile(bytes), undefined, rename)
  } catch (error) {
    throw new SealError('WRITE_FAILED', `cannot write ${what} ${file}: ${describeFsError(error)}`, file, {
      cause: error
    })
  }
}
