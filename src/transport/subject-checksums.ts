import * as fs from 'node:fs/promises'
import type { DigestAlgorithm } from '../core/algorithms.js'
import { describeFsError, SealError } from '../core/errors.js'
import type { SealedSubject } from '../core/seal.js'
import { MAX_MANIFEST_BYTES } from '../core/verify.js'
import { parseChecksumList } from './sha256sum.js'

/**
 * Reads a `sha256sum` list made by another job (the `subject-checksums` input) into subjects to
 * seal. The files it names are not read: the list is what gets signed, so the job that made it
 * is trusted to have hashed what it built. A list larger than a manifest may be is refused unread.
 */
export async function readSubjectChecksums(file: string, algorithm: DigestAlgorithm, inputName = 'subject-checksums'): Promise<SealedSubject[]> {
  const source = `${inputName} ${file}`
  let bytes: Buffer
  try {
    const stats = await fs.stat(file)
    if (!stats.isFile()) throw new SealError('INPUT_INVALID', `${source} is not a regular file`, inputName)
    if (stats.size > MAX_MANIFEST_BYTES) throw new SealError('INPUT_INVALID', `${source} is ${stats.size} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`, inputName)
    bytes = await fs.readFile(file)
  } catch (error) {
    if (error instanceof SealError) throw error
    throw new SealError('INPUT_INVALID', `${source}: cannot read: ${describeFsError(error)}`, inputName, { cause: error })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SealError('INPUT_INVALID', `${source} is not UTF-8 text`, inputName)
  }
  return parseChecksumList(text, algorithm, source)
}
