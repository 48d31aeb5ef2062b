import type { DigestAlgorithm } from '../core/algorithms.js'
import { SealError } from '../core/errors.js'
import type { SealedSubject } from '../core/seal.js'
import { decodeUtf8Strict } from '../core/encoding.js'
import { readSmallFile } from '../core/small-file.js'
import { MAX_MANIFEST_BYTES } from '../core/verify.js'
import { parseChecksumList } from './sha256sum.js'

/**
 * Reads a `sha256sum` list made by another job (the `subject-checksums` input) into subjects to
 * seal. The files it names are not read: the list is what gets signed, so the job that made it
 * is trusted to have hashed what it built. A list larger than a manifest may be is refused unread.
 */
export async function readSubjectChecksums(
  file: string,
  algorithm: DigestAlgorithm,
  inputName = 'subject-checksums'
): Promise<SealedSubject[]> {
  const source = `${inputName} ${file}`
  const bytes = await readSmallFile(file, {
    what: source,
    subject: inputName,
    code: 'INPUT_INVALID',
    tooLargeCode: 'INPUT_INVALID',
    cannotOpen: reason => `${source}: cannot read: ${reason}`,
    limit: MAX_MANIFEST_BYTES
  })
  const text = decodeUtf8Strict(bytes)
  if (text === null) throw new SealError('INPUT_INVALID', `${source} is not UTF-8 text`, inputName)
  return parseChecksumList(text, algorithm, source)
}
