import { test } from '@jest/globals'
import { diagnostic } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as path from 'node:path'
import { hashFile, hashMany } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { seal } from '../../src/core/seal.js'
import { verify } from '../../src/core/verify.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { onFirstRead } from '../helpers/fs-spy.js'

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
/** Faults injected in this file, printed at the end so docs/threat-model.md's count can be checked. */
let faults = 0

async function refusal(promise: Promise<unknown>, what = ''): Promise<SealError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof SealError, String(error))
    return error
  }
  assert.fail(`expected a refusal ${what}`)
}

test('faults while hashing: a file grown, truncated, rewritten in place or deleted mid-read is FILE_CHANGED, naming it', async () => {
  const dir = tempDir('artifact-seal-fault-')
  try {
    const real = fs.realpathSync(dir)
    const body = Buffer.alloc(3 * 1024 * 1024 + 17, 7) // a few reads' worth at hashFile's chunk size
    const faultsWhileReading: [string, (file: string) => void][] = [
      ['grown', file => fs.appendFileSync(file, 'appended')],
      ['truncated', file => fs.truncateSync(file, 10)],
      [
        'rewritten in place (same size, new mtime)',
        file => {
          const fd = fs.openSync(file, 'r+')
          fs.writeSync(fd, Buffer.from([8]), 0, 1, 0)
          fs.futimesSync(fd, new Date(), new Date(Date.now() + 5000))
          fs.closeSync(fd)
        }
      ],
      ['deleted', file => fs.unlinkSync(file)],
      [
        'replaced by rename',
        file => {
          fs.writeFileSync(file + '.new', body)
          fs.renameSync(file + '.new', file)
        }
      ]
    ]
    for (const [what, change] of faultsWhileReading) {
      for (const size of [100, body.length]) {
        const name = `f-${faults}.bin`
        const file = path.join(dir, name)
        fs.writeFileSync(file, body.subarray(0, size))
        const error = await refusal(
          onFirstRead(
            () => change(file),
            () => hashFile(dir, real, name, 'sha256')
          ),
          `(${what}, ${size} bytes)`
        )
        faults++
        assert.equal(error.code, 'FILE_CHANGED', `${what}, ${size} bytes: ${error.message}`)
        assert.ok(error.message.startsWith(`${name}:`), error.message)
        assert.equal(error.subject, name)
      }
    }
    // The same fault reaches a verify report as a problem naming the file, and verify fails.
    writeTree(dir, { 'app.bin': body })
    const manifestPath = path.join(dir, 'artifact-seal.json')
    await seal({
      patterns: [path.join(dir, 'app.bin')],
      baseDir: dir,
      manifestPath,
      algorithm: 'sha256',
      keys: [key],
      context: CONTEXT
    })
    // The manifest is handed over read, so that the first read the hook sees is the file's.
    const manifestBytes = fs.readFileSync(manifestPath)
    const report = await onFirstRead(
      () => fs.appendFileSync(path.join(dir, 'app.bin'), 'x'),
      () =>
        verify({
          manifestPath,
          manifestBytes,
          baseDir: dir,
          algorithm: 'sha256',
          keys: [key],
          hashing: { concurrency: 1 }
        })
    )
    faults++
    assert.equal(report.result, 'failed')
    assert.deepEqual(
      report.problems.map(p => [p.code, p.subject]),
      [['FILE_CHANGED', 'app.bin']]
    )
    diagnostic(`${faults} faults injected while hashing`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** Makes a FIFO with mkfifo(1); node has no API for it. */
function mkfifo(file: string): void {
  execFileSync('mkfifo', [file])
}

test('faults in the tree: a directory, FIFO, socket or device where a file is expected is named and refused, without hanging', async () => {
  const dir = tempDir('artifact-seal-special-')
  const server = net.createServer()
  try {
    const manifestPath = path.join(dir, 'artifact-seal.json')
    writeTree(dir, { 'dist/a/b.txt': 'b', 'dist/pipe': 'p', 'dist/dev': 'd', 'dist/ok.txt': 'ok' })
    await seal({
      patterns: [path.join(dir, 'dist/**')],
      baseDir: dir,
      manifestPath,
      algorithm: 'sha256',
      keys: [key],
      context: CONTEXT
    })

    // Verify: each listed file replaced by something that is not a regular file.
    fs.rmSync(path.join(dir, 'dist/a/b.txt'))
    fs.mkdirSync(path.join(dir, 'dist/a/b.txt'))
    fs.rmSync(path.join(dir, 'dist/pipe'))
    mkfifo(path.join(dir, 'dist/pipe')) // a reader that blocked on open would wait here for ever
    fs.rmSync(path.join(dir, 'dist/dev'))
    fs.symlinkSync('/dev/zero', path.join(dir, 'dist/dev')) // a reader that read it would never reach the end
    faults += 3
    const report = await verify({ manifestPath, baseDir: dir, algorithm: 'sha256', keys: [key] })
    assert.equal(report.result, 'failed')
    assert.equal(report.verifiedCount, 1)
    const problems = new Map(report.problems.map(p => [p.subject, p]))
    assert.match(problems.get('dist/a/b.txt')?.message ?? '', /^dist\/a\/b\.txt: not a regular file \(a directory\)/)
    assert.match(problems.get('dist/pipe')?.message ?? '', /^dist\/pipe: not a regular file \(a FIFO\)/)
    assert.match(problems.get('dist/dev')?.message ?? '', /^dist\/dev: not a regular file \(a socket or device\)/)
    assert.ok([...problems.values()].every(p => p.code === 'FILE_NOT_REGULAR'))

    // Sign: a glob that matches a FIFO, a socket or a device refuses to seal, naming the file, and writes nothing.
    fs.rmSync(manifestPath)
    fs.rmSync(path.join(dir, 'dist/a'), { recursive: true })
    await new Promise<void>(resolve => server.listen(path.join(dir, 'dist/sock'), resolve))
    const specials = ['dist/dev', 'dist/pipe', 'dist/sock']
    for (const special of specials) {
      const others = specials.filter(s => s !== special).map(s => `!${path.join(dir, s)}`)
      const error = await refusal(
        seal({
          patterns: [path.join(dir, 'dist/**'), ...others],
          baseDir: dir,
          manifestPath,
          algorithm: 'sha256',
          keys: [key],
          context: CONTEXT
        })
      )
      faults++
      assert.equal(error.code, 'FILE_NOT_REGULAR', error.message)
      assert.equal(error.subject, special)
      assert.match(error.message, new RegExp(`^${special}: not a regular file`))
      assert.ok(!fs.existsSync(manifestPath), 'no manifest is written')
    }
    // A real character device, when this user may make one (root, on a filesystem that allows devices).
    try {
      execFileSync('mknod', [path.join(dir, 'dist/chr'), 'c', '1', '5'], { stdio: 'ignore' }) // 1,5 is /dev/zero
    } catch {
      diagnostic('mknod not permitted here: the device case is covered by the /dev/zero symlink above')
    }
    if (fs.existsSync(path.join(dir, 'dist/chr'))) {
      const outcome = (await hashMany(dir, ['dist/chr'], 'sha256'))[0]
      faults++
      assert.ok(!outcome.ok && outcome.error.code === 'FILE_NOT_REGULAR', JSON.stringify(outcome))
    }
    diagnostic(`${faults} faults injected so far in this file`)
  } finally {
    server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 15_000)
