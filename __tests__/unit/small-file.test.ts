import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { decodeUtf8Strict } from '../../src/core/encoding.js'
import { readSmallFile, type SmallFileRules } from '../../src/core/small-file.js'
import { readManifest } from '../../src/core/verify.js'
import { readSubjectChecksums } from '../../src/formats/subject-checksums.js'
import { tempDir } from '../helpers/fixtures.js'

const dir = tempDir('artifact-seal-small-file-')
const rules = (file: string, limit = 16): SmallFileRules => ({
  what: `list ${file}`,
  subject: 'list',
  code: 'INPUT_INVALID',
  tooLargeCode: 'MANIFEST_TOO_LARGE',
  cannotOpen: reason => `${file}: cannot read: ${reason}`,
  limit
})

test('a small file is read whole; a FIFO, a directory, a missing or an oversized file is refused with its code, unread', async () => {
  const ok = path.join(dir, 'ok.txt')
  fs.writeFileSync(ok, 'sixteen bytes!!!')
  assert.equal(String(await readSmallFile(ok, rules(ok))), 'sixteen bytes!!!')
  await assert.rejects(
    readSmallFile(ok, rules(ok, 15)),
    (e: Error & { code?: string }) =>
      e.code === 'MANIFEST_TOO_LARGE' && e.message === `list ${ok} is 16 bytes; at most 15 are accepted`
  )
  const fifo = path.join(dir, 'fifo')
  execFileSync('mkfifo', [fifo])
  // Without O_NONBLOCK this open would wait for a writer forever.
  await assert.rejects(
    readSmallFile(fifo, rules(fifo)),
    (e: Error & { code?: string }) => e.code === 'INPUT_INVALID' && e.message === `list ${fifo} is not a regular file`
  )
  await assert.rejects(readManifest(fifo), /manifest .*fifo is not a regular file/)
  await assert.rejects(readSubjectChecksums(fifo, 'sha256'), /subject-checksums .*fifo is not a regular file/)
  await assert.rejects(readSmallFile(dir, rules(dir)), /is not a regular file/)
  const missing = path.join(dir, 'missing')
  await assert.rejects(
    readSmallFile(missing, rules(missing)),
    (e: Error & { code?: string }) =>
      e.code === 'INPUT_INVALID' && e.message === `${missing}: cannot read: no such file`
  )
})

test('UTF-8 is decoded strictly: invalid bytes give null, never replacement characters', () => {
  assert.equal(decodeUtf8Strict(Buffer.from('ünï ✅')), 'ünï ✅')
  assert.equal(decodeUtf8Strict(Buffer.from([0x61, 0xff, 0x62])), null)
})
