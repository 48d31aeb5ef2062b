import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { seal } from '../../src/core/seal.js'
import { verify } from '../../src/core/verify.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { algorithmOfMac, capProblems, diagnoseMissing, MAX_PRINTED_PROBLEMS } from '../../src/core/diagnose.js'
import type { DigestAlgorithm } from '../../src/core/algorithms.js'
import { OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'

const key = (hex: string, algorithm: DigestAlgorithm = 'sha256') => new LocalHmacKey(Buffer.from(hex, 'hex'), algorithm)
const context = {
  repository: 'acme/widgets',
  commit: null,
  ref: null,
  workflowRef: null,
  runId: null,
  runAttempt: null,
  serverUrl: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
} as never

async function sealedDist(algorithm: DigestAlgorithm = 'sha256'): Promise<string> {
  const dir = fs.realpathSync(tempDir())
  const files: Record<string, string> = {}
  for (let i = 0; i < 30; i++) files[`dist/f${i}.js`] = `file ${i}`
  writeTree(dir, files)
  await seal({
    patterns: ['dist/**'],
    baseDir: dir,
    cwd: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm,
    keys: [key(TEST_KEY_HEX, algorithm)],
    context
  })
  return dir
}

test('a wrong key and a wrong algorithm read differently, naming key ids and never a key', async () => {
  const dir = await sealedDist('sha384')
  const ours = key(TEST_KEY_HEX, 'sha384').keyId
  const theirs = key(OTHER_KEY_HEX).keyId
  const run = (k: LocalHmacKey, algorithm: DigestAlgorithm) =>
    verify({ manifestPath: path.join(dir, 'artifact-seal.json'), baseDir: dir, algorithm, keys: [k], cwd: dir })

  const wrongAlgorithm = (await run(key(TEST_KEY_HEX), 'sha256')).problems[0]
  assert.equal(wrongAlgorithm.code, 'SIGNATURE_INVALID')
  assert.match(
    wrongAlgorithm.message,
    /its MACs are sha384 \(48 bytes\) and you verify with sha256: set algorithm to sha384/
  )
  assert.ok(wrongAlgorithm.message.includes(`names key id(s) ${ours}; yours: ${ours}`), wrongAlgorithm.message)

  const wrongKey = (await run(key(OTHER_KEY_HEX, 'sha384'), 'sha384')).problems[0]
  assert.match(
    wrongKey.message,
    /: a different key \(the manifest names key id\(s\) hmac:[0-9a-f]{32}; yours: hmac:[0-9a-f]{32}; sha384\)$/
  )
  assert.ok(wrongKey.message.includes(ours) && wrongKey.message.includes(key(OTHER_KEY_HEX, 'sha384').keyId))
  assert.ok(
    !theirs.includes(TEST_KEY_HEX) &&
      !wrongKey.message.includes(TEST_KEY_HEX) &&
      !wrongKey.message.includes(OTHER_KEY_HEX)
  )

  // The right key id with a MAC that does not match: the manifest was altered (here: re-signed
  // elsewhere under our id).
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8'))
  manifest.signatures[0].sig = Buffer.alloc(48, 1).toString('base64')
  fs.writeFileSync(path.join(dir, 'artifact-seal.json'), JSON.stringify(manifest))
  const altered = (await run(key(TEST_KEY_HEX, 'sha384'), 'sha384')).problems[0]
  assert.match(
    altered.message,
    /names your key hmac:[0-9a-f]{32} but its sha384 MAC does not match: the manifest was altered after signing/
  )
  assert.equal(algorithmOfMac(32), 'sha256')
  assert.equal(algorithmOfMac(20), null)
})

test('a wrong base-dir gives one line saying how many are missing and the base-dir that lines up', async () => {
  const dir = await sealedDist()
  const report = await verify({
    manifestPath: path.join(dir, 'artifact-seal.json'),
    baseDir: path.join(dir, 'dist'),
    algorithm: 'sha256',
    keys: [key(TEST_KEY_HEX)],
    cwd: dir
  })
  assert.equal(report.problems.length, 30)
  assert.deepEqual(report.hints, [
    `30 of 30 listed files are missing under base-dir ${path.join(dir, 'dist')}; the names line up with base-dir . (set base-dir to it)`
  ])

  // Names relative to dist/ (sealed with base-dir dist), verified from the workspace: one below.
  assert.match(
    diagnoseMissing(
      dir,
      30,
      Array.from({ length: 30 }, (_, i) => `f${i}.js`),
      dir
    )!,
    /the names line up with base-dir dist \(set base-dir to it\)$/
  )
  // Names that carry a folder the files are not in.
  const flat = fs.realpathSync(tempDir())
  writeTree(flat, { 'index.html': 'i', 'app.js': 'a' })
  assert.match(
    diagnoseMissing(flat, 2, ['dist/index.html', 'dist/app.js'], flat)!,
    /the names start with dist\/ but the files are in base-dir itself/
  )
  assert.equal(diagnoseMissing(dir, 30, ['dist/f1.js'], dir), null, 'one missing of thirty is no pattern')
  assert.match(
    diagnoseMissing(flat, 3, ['x/a', 'y/b', 'z/c'], flat)!,
    /^3 of 3 listed files are missing under base-dir .*; is base-dir right\?$/
  )
})

test('long problem lists are capped with a count by code', () => {
  const problems = Array.from({ length: 6202 }, (_, i) => ({ code: i % 2 ? 'FILE_MISSING' : 'DIGEST_MISMATCH' }))
  const { shown, rest } = capProblems(problems, 'in --json')
  assert.equal(shown.length, MAX_PRINTED_PROBLEMS)
  assert.equal(rest, `… and 6152 more problem(s) (3076 DIGEST_MISMATCH, 3076 FILE_MISSING); all of them in --json`)
  assert.equal(capProblems(problems.slice(0, 50), 'x').rest, null)
})
