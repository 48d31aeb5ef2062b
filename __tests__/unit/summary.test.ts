import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signSummary, verifySummary, cell, MAX_ROWS } from '../../src/action/summary.js'
import { buildStatement, type SealResult } from '../../src/core/seal.js'
import type { VerifyReport } from '../../src/core/verify.js'

const context = { repository: 'acme/widgets', commit: 'c'.repeat(40), ref: 'refs/heads/main', workflowRef: null, runId: '1', runAttempt: '1', serverUrl: null, job: null, label: null, eventName: null, runnerEnvironment: null, workflowSha: null }

function sealResult(count: number): SealResult {
  const subjects = Array.from({ length: count }, (_, i) => ({ name: `dist/file-${String(i).padStart(5, '0')}.bin`, size: 1024 + i, digest: 'ab'.repeat(32) }))
  return {
    manifestPath: '/w/artifact-seal.json',
    manifestBytes: Buffer.from('{}'),
    manifestSha256: 'f'.repeat(64),
    subjects,
    keyIds: ['hmac:0123'],
    statement: buildStatement(subjects, 'sha256', context, new Date(), undefined)
  }
}

test('a small seal summary lists every file inline with size and digest prefix', () => {
  const md = signSummary(sealResult(3))
  assert.match(md, /Sealed \*\*3\*\* file\(s\)/)
  assert.match(md, /\| `dist\/file-00000.bin` \| 1.0 KiB \| `abababababab…` \|/)
  assert.ok(!md.includes('<details>'))
})

test('10,000 files collapse into <details>, list at most MAX_ROWS rows and stay far below the 1 MiB summary limit', () => {
  const md = signSummary(sealResult(10_000))
  assert.match(md, /<details><summary>10000 files<\/summary>/)
  assert.equal(md.split('\n').filter(l => l.startsWith('| `dist/')).length, MAX_ROWS)
  assert.match(md, /… and 9000 more files/)
  assert.ok(Buffer.byteLength(md) < 200 * 1024, `${Buffer.byteLength(md)} bytes`)
})

test('file names cannot inject HTML or break the table', () => {
  assert.equal(cell('<img src=x onerror=alert(1)>|a\nb`'), '&lt;img src=x onerror=alert(1)&gt;&#124;a↵b&#96;')
})

test('a failed verification lists every problem, and failures come before verified rows', () => {
  const subjects = Array.from({ length: 1500 }, (_, i) => ({ name: `f${i}`, status: 'verified' as const, size: 1, actual: 'a'.repeat(64) }))
  const report: VerifyReport = {
    result: 'failed',
    manifestPath: '/w/m.json',
    algorithm: 'sha256',
    keyId: 'hmac:1',
    statement: buildStatement([], 'sha256', context, new Date(), undefined),
    subjects: [...subjects, { name: 'evil', status: 'mismatch', size: 2, actual: 'b'.repeat(64) }],
    verifiedCount: 1500,
    problems: [
      { code: 'DIGEST_MISMATCH', message: 'evil: sha256 digest does not match the manifest', subject: 'evil' },
      { code: 'EXPIRED', message: 'manifest expired at 2026-01-01T00:00:00.000Z', subject: 'predicate.expiresAt' }
    ]
  }
  const md = verifySummary(report)
  assert.match(md, /❌ verification failed/)
  assert.match(md, /### 2 problem\(s\)/)
  assert.match(md, /\*\*DIGEST_MISMATCH\*\*: evil/)
  assert.match(md, /\*\*EXPIRED\*\*/)
  const rows = md.split('\n').filter(l => l.startsWith('| `'))
  assert.match(rows[0], /`evil` \| ❌ digest mismatch/)
})
