import { test } from '@jest/globals'
import { diagnostic } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { writeFileAtomic } from '../../src/core/atomic-write.js'
import { encodeEnvelope, IN_TOTO_PAYLOAD_TYPE, pae } from '../../src/core/dsse.js'
import { SealError } from '../../src/core/errors.js'
import { MAX_JSON_DEPTH } from '../../src/core/json.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { seal } from '../../src/core/seal.js'
import { MAX_MANIFEST_BYTES, verify } from '../../src/core/verify.js'
import { listTree, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { observeFs } from '../helpers/fs-spy.js'

const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const CONTEXT = {
  repository: 'acme/widgets',
  commit: 'c'.repeat(40),
  ref: 'refs/heads/main',
  workflowRef: null,
  runId: '1',
  runAttempt: '1',
  serverUrl: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
}
let faults = 0

test('faults: a manifest over the 64 MiB limit is refused before a byte of it is read or parsed', async () => {
  const dir = tempDir('artifact-seal-big-')
  try {
    const run = (manifestPath: string, manifestBytes?: Buffer) =>
      verify({ manifestPath, manifestBytes, baseDir: dir, algorithm: 'sha256', keys: [key] })
    // Sparse files: a terabyte costs no disk, and reading it would take hours, so a quick refusal proves it was not read.
    for (const size of [MAX_MANIFEST_BYTES + 1, 1024 ** 4]) {
      const manifestPath = path.join(dir, `m-${size}.json`)
      fs.writeFileSync(manifestPath, '')
      fs.truncateSync(manifestPath, size)
      const started = Date.now()
      const { result: report, seen } = await observeFs(() => run(manifestPath))
      faults++
      assert.deepEqual(
        report.problems.map(p => p.code),
        ['MANIFEST_TOO_LARGE']
      )
      assert.match(
        report.problems[0].message,
        new RegExp(`manifest ${manifestPath} is ${size} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`)
      )
      assert.deepEqual(seen.readFrom, [], 'not one read from the manifest')
      diagnostic(`${size}-byte manifest refused in ${Date.now() - started} ms without a read`)
    }
    // The control: a manifest of exactly the limit is read (the spy sees it) and then refused as not JSON.
    const atLimit = path.join(dir, 'at-limit.json')
    fs.writeFileSync(atLimit, '')
    fs.truncateSync(atLimit, MAX_MANIFEST_BYTES)
    const { result: control, seen } = await observeFs(() => run(atLimit))
    assert.deepEqual(
      control.problems.map(p => p.code),
      ['MANIFEST_INVALID']
    )
    assert.ok(seen.readFrom.includes(fs.realpathSync(atLimit)), 'the spy sees a manifest read')
    // Bytes handed over in memory (a release asset, the cache) meet the same limit before decoding.
    const report = await run(path.join(dir, 'mem.json'), Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x5b))
    faults++
    assert.deepEqual(
      report.problems.map(p => p.code),
      ['MANIFEST_TOO_LARGE']
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 20_000)

test('faults: a manifest or statement nested deeper than the format allows is refused at the first level too deep', async () => {
  const dir = tempDir('artifact-seal-deep-')
  try {
    const manifestPath = path.join(dir, 'artifact-seal.json')
    // 48 MiB of '[' followed by text that is not JSON at all: a parser that built the document first would
    // say "not valid JSON" (or overflow its stack); the refusal names the depth, at once.
    const deep = Buffer.concat([Buffer.alloc(48 * 1024 * 1024, '['), Buffer.from('not json')])
    const started = performance.now()
    const report = await verify({ manifestPath, manifestBytes: deep, baseDir: dir, algorithm: 'sha256', keys: [key] })
    const ms = performance.now() - started
    faults++
    assert.deepEqual(
      report.problems.map(p => p.code),
      ['MANIFEST_INVALID']
    )
    assert.match(report.problems[0].message, new RegExp(`nests deeper than ${MAX_JSON_DEPTH} levels`))
    diagnostic(`48 MiB nesting refused in ${ms.toFixed(0)} ms`)

    // Behind a valid signature the statement meets the same limit.
    const payload = Buffer.from('{"_type":' + '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1) + '}')
    const sig = await key.sign(pae(IN_TOTO_PAYLOAD_TYPE, payload))
    const signed = await verify({
      manifestPath,
      manifestBytes: encodeEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, [{ keyid: key.keyId, sig }]),
      baseDir: dir,
      algorithm: 'sha256',
      keys: [key]
    })
    faults++
    assert.deepEqual(
      signed.problems.map(p => p.code),
      ['STATEMENT_INVALID']
    )
    assert.match(signed.problems[0].message, /statement nests deeper than 32 levels/)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** Mounts a tmpfs of `kib` KiB at `dir` for the body; returns false (and does nothing) where mounting is not permitted. */
function withTmpfs(dir: string, kib: number): boolean {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

test('faults: no space, a read-only filesystem, a missing directory or a directory in the way: a clear error, no partial file, the old manifest intact', async () => {
  const dir = tempDir('artifact-seal-write-')
  const mnt = path.join(dir, 'small')
  fs.mkdirSync(mnt)
  let mounted = false
  try {
    // Enough files that the manifest outgrows a 16 KiB filesystem.
    writeTree(
      dir,
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`dist/file-${String(i).padStart(3, '0')}.js`, `${i}`]))
    )
    const sign = (manifestPath: string) =>
      seal({
        patterns: [path.join(dir, 'dist/**')],
        baseDir: dir,
        manifestPath,
        algorithm: 'sha256',
        keys: [key],
        context: CONTEXT
      })
    const refusal = async (manifestPath: string): Promise<SealError> => {
      const error = await sign(manifestPath).then(
        () => assert.fail(`${manifestPath} was written`),
        (e: unknown) => e
      )
      faults++
      assert.ok(error instanceof SealError && error.code === 'WRITE_FAILED', String(error))
      assert.equal(error.subject, manifestPath)
      return error
    }

    assert.match(
      (await refusal(path.join(dir, 'no-such-dir', 'artifact-seal.json'))).message,
      /cannot write manifest .*no-such-dir\/artifact-seal\.json: no such file$/
    )
    fs.mkdirSync(path.join(dir, 'in-the-way'))
    assert.match(
      (await refusal(path.join(dir, 'in-the-way'))).message,
      /cannot write manifest .*in-the-way: is a directory$/
    )
    assert.deepEqual(fs.readdirSync(path.join(dir, 'in-the-way')), [])
    assert.deepEqual(
      fs.readdirSync(dir).filter(f => f.endsWith('.tmp')),
      [],
      'no temporary file left'
    )

    mounted = withTmpfs(mnt, 16)
    if (!mounted) {
      diagnostic(
        'not root or mount not permitted: ENOSPC and EROFS are skipped here; the CLI test covers a write refused by RLIMIT_FSIZE'
      )
      return
    }
    const old = path.join(mnt, 'artifact-seal.json')
    fs.writeFileSync(old, 'the previous manifest')
    assert.match((await refusal(old)).message, new RegExp(`cannot write manifest ${old}: no space left on device$`))
    assert.deepEqual(listTree(mnt), ['artifact-seal.json'], 'no partial or temporary file left')
    assert.equal(fs.readFileSync(old, 'utf8'), 'the previous manifest')

    execFileSync('mount', ['-o', 'remount,ro', mnt])
    assert.match((await refusal(old)).message, /: read-only file system$/)
    assert.equal(fs.readFileSync(old, 'utf8'), 'the previous manifest')
    await assert.rejects(
      writeFileAtomic(path.join(mnt, 'x'), Buffer.from('x')),
      /cannot write manifest .*: read-only file system/
    )
    faults++
  } finally {
    if (mounted) execFileSync('umount', [mnt])
    fs.rmSync(dir, { recursive: true, force: true })
    diagnostic(`${faults} faults injected in this file`)
  }
})
