import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { hashFile, hashMany } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import { tempDir, writeTree } from '../helpers/fixtures.js'

const codeOf = (e: unknown) => (e instanceof SealError ? e.code : 'not a SealError')

test('digests match coreutils for every algorithm, empty and multi-chunk files included', async () => {
  const dir = tempDir()
  const big = Buffer.alloc(9 * 1024 * 1024 + 7)
  for (let i = 0; i < big.length; i += 4096) big[i] = i & 0xff
  writeTree(dir, { empty: '', small: 'hello\n', big })
  const real = fs.realpathSync(dir)
  for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
    for (const name of ['empty', 'small', 'big']) {
      const result = await hashFile(dir, real, name, algorithm)
      const tool = execFileSync(`${algorithm}sum`, [path.join(dir, name)])
        .toString()
        .split(' ')[0]
      assert.equal(result.digest, tool, `${algorithm} ${name}`)
      assert.equal(result.size, fs.statSync(path.join(dir, name)).size)
    }
  }
})

test('a symlink that resolves outside base-dir is refused with the file named', async () => {
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, 'secret'), 'x')
  const dir = tempDir()
  fs.symlinkSync(path.join(outside, 'secret'), path.join(dir, 'link'))
  fs.mkdirSync(path.join(dir, 'sub'))
  fs.symlinkSync(outside, path.join(dir, 'sub', 'escape'))
  const real = fs.realpathSync(dir)
  await assert.rejects(
    hashFile(dir, real, 'link', 'sha256'),
    (e: unknown) => codeOf(e) === 'PATH_UNSAFE' && /link: resolves outside base-dir/.test((e as Error).message)
  )
  await assert.rejects(hashFile(dir, real, 'sub/escape/secret', 'sha256'), (e: unknown) => codeOf(e) === 'PATH_UNSAFE')
  // A symlink that stays inside is refused by default, naming it; allowed, it hashes its target.
  fs.writeFileSync(path.join(dir, 'target'), 'inside')
  fs.symlinkSync('target', path.join(dir, 'inner-link'))
  await assert.rejects(
    hashFile(dir, real, 'inner-link', 'sha256'),
    (e: unknown) => codeOf(e) === 'PATH_UNSAFE' && /^inner-link: is a symbolic link/.test((e as Error).message)
  )
  assert.equal(
    (await hashFile(dir, real, 'inner-link', 'sha256', true)).digest,
    createHash('sha256').update('inside').digest('hex')
  )
  // Even allowed, a link out of base-dir is refused.
  await assert.rejects(hashFile(dir, real, 'link', 'sha256', true), (e: unknown) => codeOf(e) === 'PATH_UNSAFE')
})

test('directories, FIFOs and missing files are typed errors; a FIFO does not hang', async () => {
  const dir = tempDir()
  fs.mkdirSync(path.join(dir, 'adir'))
  execFileSync('mkfifo', [path.join(dir, 'fifo')])
  const real = fs.realpathSync(dir)
  await assert.rejects(
    hashFile(dir, real, 'adir', 'sha256'),
    (e: unknown) =>
      codeOf(e) === 'FILE_NOT_REGULAR' && /adir: not a regular file \(a directory\)/.test((e as Error).message)
  )
  await assert.rejects(
    hashFile(dir, real, 'fifo', 'sha256'),
    (e: unknown) => codeOf(e) === 'FILE_NOT_REGULAR' && /FIFO/.test((e as Error).message)
  )
  await assert.rejects(
    hashFile(dir, real, 'nope', 'sha256'),
    (e: unknown) => codeOf(e) === 'FILE_MISSING' && /nope: no such file/.test((e as Error).message)
  )
})

test('hashMany keeps order and collects every error instead of stopping at the first', async () => {
  const dir = tempDir()
  const files: Record<string, string> = {}
  for (let i = 0; i < 50; i++) files[`f${i}`] = `content ${i}`
  writeTree(dir, files)
  const names = ['missing-1', ...Object.keys(files), 'missing-2']
  const outcomes = await hashMany(dir, names, 'sha256', { concurrency: 7 })
  assert.equal(outcomes.length, names.length)
  assert.equal(outcomes.filter(o => !o.ok).length, 2)
  outcomes.forEach((o, i) => {
    if (o.ok) {
      assert.equal(o.value.name, names[i])
      assert.equal(o.value.digest, createHash('sha256').update(files[names[i]]).digest('hex'))
    } else assert.equal(o.name, names[i])
  })
})
