import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction, runCli } from '../helpers/runner.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'

// The bundles (ESM, one file each) must start their hashing threads themselves, print nothing but
// their own output on stdout, and match patterns as @actions/glob does.

function workspace(): { dir: string; files: Record<string, string> } {
  const dir = tempDir('artifact-seal-threads-')
  const files: Record<string, string> = { '.hidden/config': 'hidden', 'dist/app.js.map': 'map' }
  // Enough files that every thread gets batches, and one large enough for the read-ahead path.
  for (let i = 0; i < 600; i++) files[`dist/part-${i % 7}/f${i}.txt`] = `content ${i}\n`.repeat(i % 50)
  files['dist/big.bin'] = 'x'.repeat(9 * 1024 * 1024 + 17)
  writeTree(dir, files)
  return { dir, files }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

test('CLI: --json stdout is pure JSON for sign and verify, with every file hashed right across threads', async () => {
  const { dir, files } = workspace()
  const env = { ARTIFACT_SEAL_KEY: TEST_KEY_HEX }
  const signed = await runCli(
    dir,
    ['sign', '--path', 'dist/**', '--path', '!dist/**/*.map', '--path', '.hidden', '--json'],
    env
  )
  assert.equal(signed.exitCode, 0, signed.stderr)
  const report = JSON.parse(signed.stdout) as { subjectCount: number; subjects: { name: string; digest: string }[] }
  const expected = Object.keys(files)
    .filter(n => !n.endsWith('.map'))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  assert.deepEqual(
    report.subjects.map(s => s.name),
    expected
  )
  for (const s of report.subjects) assert.equal(s.digest, sha256(files[s.name]), s.name)

  const verified = await runCli(dir, ['verify', '--path', 'dist/**', '--path', '!dist/**/*.map', '--json'], env)
  assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
  assert.equal((JSON.parse(verified.stdout) as { verifiedCount: number }).verifiedCount, expected.length)

  // A changed file and an unlisted one are both reported, still as pure JSON on stdout.
  fs.appendFileSync(path.join(dir, 'dist/part-3/f3.txt'), 'tampered')
  fs.writeFileSync(path.join(dir, 'dist/new.txt'), 'new')
  const failed = await runCli(dir, ['verify', '--path', 'dist/**', '--path', '!dist/**/*.map', '--json'], env)
  assert.equal(failed.exitCode, 1)
  const problems = (JSON.parse(failed.stdout) as { problems: { code: string; subject: string }[] }).problems
  assert.deepEqual(
    problems.map(p => `${p.code} ${p.subject}`),
    ['DIGEST_MISMATCH dist/part-3/f3.txt', 'UNLISTED_FILE dist/new.txt']
  )
})

test('action: the bundle signs through the runner contract with threads, and prints no ::debug:: from globbing', async () => {
  const { dir, files } = workspace()
  const step = await runAction(dir, { path: 'dist/\n!dist/**/*.map', key: TEST_KEY_HEX })
  assert.equal(step.exitCode, 0, step.stdout + step.stderr)
  assert.equal(
    step.outputs['subject-count'],
    String(Object.keys(files).filter(n => n.startsWith('dist/') && !n.endsWith('.map')).length)
  )
  assert.doesNotMatch(step.stdout, /::debug::/)
  assert.doesNotMatch(step.stdout + step.stderr, /Error|hashing thread/)
})
