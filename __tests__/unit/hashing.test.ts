import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { hashFile, hashMany } from '../../src/core/digest.js'
import { OVERLAP_BYTES } from '../../src/core/hash-kernel.js'
import { hashInThreads, WORKER_SOURCE } from '../../src/core/hash-pool.js'
import { formatBytes, progressLine } from '../../src/core/progress.js'
import { tempDir, writeTree } from '../helpers/fixtures.js'

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

// One tree for every test: small files, an empty one, one large enough to take the read-ahead path.
const base = fs.realpathSync(tempDir('artifact-seal-hash-'))
const files: Record<string, Buffer> = { 'empty.bin': Buffer.alloc(0) }
for (let i = 0; i < 300; i++) files[`small/${String(i).padStart(3, '0')}.txt`] = Buffer.from(`file ${i} `.repeat(i + 1))
const large = Buffer.alloc(OVERLAP_BYTES + 4 * 1024 * 1024 + 12345)
for (let i = 0; i < large.length; i += 4096) large.writeUInt32LE(i, i)
files['large.bin'] = large
writeTree(base, files)
const names = Object.keys(files).sort()

test('every thread count gives the digests node:crypto gives, in the order of the names', async () => {
  const expected = names.map(n => sha256(files[n]))
  for (const concurrency of [1, 2, 4]) {
    const outcomes = await hashMany(base, names, 'sha256', { concurrency })
    assert.deepEqual(
      outcomes.map(o => (o.ok ? o.value.digest : o.error.message)),
      expected,
      `concurrency ${concurrency}`
    )
    assert.deepEqual(
      outcomes.map(o => (o.ok ? o.value.size : -1)),
      names.map(n => files[n].length)
    )
  }
  const sha512 = await hashMany(base, ['large.bin'], 'sha512', { concurrency: 2 })
  assert.equal(sha512[0].ok && sha512[0].value.digest, createHash('sha512').update(large).digest('hex'))
  assert.equal((await hashFile(base, base, 'large.bin', 'sha256')).digest, sha256(large))
})

test('in worker threads as in this one: a FIFO fails at once, escapes and non-files are refused, errors name the file', async () => {
  const dir = fs.realpathSync(tempDir('artifact-seal-hash-bad-'))
  const outside = tempDir('artifact-seal-hash-outside-')
  writeTree(outside, { 'secret.txt': 'secret' })
  writeTree(dir, { 'ok.txt': 'ok', 'sub/ok2.txt': 'ok2' })
  execFileSync('mkfifo', [path.join(dir, 'fifo')])
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'))
  fs.symlinkSync('sub', path.join(dir, 'inside-link'))
  const list = ['ok.txt', 'fifo', 'escape.txt', 'sub', 'missing.txt', 'inside-link/ok2.txt']
  // A name through a link inside base-dir passes only when links are allowed; out of base-dir, never.
  for (const [concurrency, allowLinks] of [
    [1, false],
    [3, false],
    [1, true],
    [3, true]
  ] as const) {
    const outcomes = await hashMany(dir, list, 'sha256', { concurrency, allowLinks })
    const summary = outcomes.map(o => (o.ok ? `${o.value.name} ok` : `${o.name} ${o.error.code}`))
    assert.deepEqual(
      summary,
      [
        'ok.txt ok',
        'fifo FILE_NOT_REGULAR',
        'escape.txt PATH_UNSAFE',
        'sub FILE_NOT_REGULAR',
        'missing.txt FILE_MISSING',
        `inside-link/ok2.txt ${allowLinks ? 'ok' : 'PATH_UNSAFE'}`
      ],
      `concurrency ${concurrency}, allowLinks ${allowLinks}`
    )
    for (const o of outcomes) if (!o.ok) assert.ok(o.error.message.startsWith(o.name + ':'), o.error.message)
  }
})

;(process.platform !== 'linux' ? test.skip : test)(
  'a file whose size differs from what was read is FILE_CHANGED, in a worker and here',
  async () => {
    // /proc files say size 0 and then read as text: exactly "changed while it was hashed".
    for (const concurrency of [1, 2]) {
      const outcomes = await hashMany('/proc/self', ['status', 'cmdline'], 'sha256', { concurrency })
      assert.deepEqual(
        outcomes.map(o => (o.ok ? 'ok' : o.error.code)),
        ['FILE_CHANGED', 'FILE_CHANGED'],
        `concurrency ${concurrency}`
      )
    }
  }
)

test('a hashing thread that fails or dies with files claimed rejects the job instead of hanging it', async () => {
  // About 480 MiB: far more than this thread hashes before a worker has started and claimed a batch.
  const job = {
    baseDir: base,
    realBase: base,
    names: Array<string>(40).fill('large.bin'),
    algorithm: 'sha256' as const,
    allowLinks: false
  }
  // Each claims a batch of names through the shared counter, as the real worker does, then fails.
  const claim = `const { workerData } = require('node:worker_threads'); Atomics.add(new Int32Array(workerData.shared, 0, 1), 0, 1);`
  const broken = [`${claim} throw new Error('boom')`, `${claim} process.exit(3)`]
  for (const workerSource of broken) {
    const started = Date.now()
    await assert.rejects(
      hashInThreads(job, { threads: 2, workerSource }),
      /hashing thread (failed: boom|stopped unexpectedly \(exit code 3\))/
    )
    assert.ok(Date.now() - started < 10_000)
  }
  // A worker that cannot start has claimed nothing: the job fails, or this thread hashes every file itself.
  const outcome = await hashInThreads(job, { threads: 2, workerSource: `throw new Error('cannot even start')` }).catch(
    (error: Error) => error
  )
  if (outcome instanceof Error) assert.match(outcome.message, /hashing thread failed: cannot even start/)
  else assert.deepEqual(new Set(outcome.map(r => (r.ok ? r.digest : r.code))), new Set([sha256(large)]))
  // The real source works with the same job: the failures above are the workers', not the job's.
  assert.equal((await hashInThreads(job, { threads: 2, workerSource: WORKER_SOURCE })).filter(r => r.ok).length, 40)
})

test('progress counts the files and bytes of every thread while they are busy', async () => {
  const job = {
    baseDir: base,
    realBase: base,
    names: Array<string>(40).fill('large.bin'),
    algorithm: 'sha256' as const,
    allowLinks: false
  }
  const seen: { done: number; bytes: number }[] = []
  await hashInThreads(job, {
    threads: 2,
    progressIntervalMs: 20,
    onProgress: p => seen.push({ done: p.done, bytes: p.bytes })
  })
  assert.ok(seen.length >= 3, `progress reported ${seen.length} times`)
  for (let i = 1; i < seen.length; i++)
    assert.ok(seen[i].bytes >= seen[i - 1].bytes && seen[i].done >= seen[i - 1].done)
  const last = seen[seen.length - 1]
  assert.ok(last.done > 0 && last.done <= 40 && last.bytes <= 40 * large.length)
})

test('progress lines show files, bytes and rate', () => {
  assert.equal(
    progressLine(1200, 20000, 3.2 * 1024 ** 3, 1.5 * 1024 ** 3),
    'hashed 1200/20000 files, 3.2 GiB, 1.5 GiB/s'
  )
  assert.equal(formatBytes(512), '512 B')
  assert.equal(formatBytes(1536), '1.5 KiB')
})

test('work given alongside runs once while the threads hash, leaves the digests intact, and its failure fails the job', async () => {
  const expected = names.map(n => sha256(files[n]))
  for (const threads of [1, 2]) {
    let calls = 0
    const results = await hashInThreads(
      { baseDir: base, realBase: base, names, algorithm: 'sha256', allowLinks: false },
      { threads, alongside: () => void calls++ }
    )
    assert.equal(calls, 1, `threads ${threads}`)
    assert.deepEqual(
      results.map(r => (r.ok ? r.digest : r.message)),
      expected
    )
  }
  const broken = (): void => {
    throw new Error('walk broke')
  }
  await assert.rejects(
    hashInThreads(
      { baseDir: base, realBase: base, names, algorithm: 'sha256', allowLinks: false },
      { threads: 2, alongside: broken }
    ),
    /walk broke/
  )
})
