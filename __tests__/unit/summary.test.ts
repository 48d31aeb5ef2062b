import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { signSummary, verifySummary, code, MAX_ROWS } from '../../src/action/summary.js'
import { buildStatement, type SealResult } from '../../src/core/seal.js'
import type { VerifyReport } from '../../src/core/verify.js'

const context = {
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

function sealResult(count: number): SealResult {
  const subjects = Array.from({ length: count }, (_, i) => ({
    name: `dist/file-${String(i).padStart(5, '0')}.bin`,
    size: 1024 + i,
    digest: 'ab'.repeat(32)
  }))
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

test('file names are code spans: no HTML, link or autolink, and the table holds', () => {
  assert.equal(code('<img src=x onerror=alert(1)>|a\nb'), '`<img src=x onerror=alert(1)>\\|a↵b`')
  // A backtick in the name cannot close the span: the fence is longer than any run inside.
  assert.equal(code('a``b'), '```a``b```')
  assert.equal(code('`x'), '`` `x ``')
  const result = sealResult(1)
  result.subjects[0].name = 'dist/[click](https://evil.example)'
  const md = signSummary(result)
  assert.ok(md.includes('| `dist/[click](https://evil.example)` |'), md)
})

test('a failed verification lists every problem, and failures come before verified rows', () => {
  const subjects = Array.from({ length: 1500 }, (_, i) => ({
    name: `f${i}`,
    status: 'verified' as const,
    size: 1,
    actual: 'a'.repeat(64)
  }))
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
    ],
    policy: null
  }
  const md = verifySummary(report)
  assert.match(md, /❌ verification failed/)
  assert.match(md, /### 2 problem\(s\)/)
  assert.match(md, /\*\*DIGEST_MISMATCH\*\*: `evil: sha256 digest/)
  assert.match(md, /\*\*EXPIRED\*\*/)
  const rows = md.split('\n').filter(l => l.startsWith('| `'))
  assert.match(rows[0], /`evil` \| ❌ digest mismatch/)
})

test('the summary shows the policy asked for beside what the manifest says, in code spans, with each verdict', () => {
  const signed = {
    ...context,
    ref: 'refs/heads/v1',
    workflowRef: 'acme/widgets/.github/workflows/release.yml@refs/heads/v1',
    job: 'seal',
    label: 'linux',
    eventName: 'push',
    runnerEnvironment: null
  }
  const report: VerifyReport = {
    result: 'failed',
    manifestPath: '/w/m.json',
    algorithm: 'sha256',
    keyId: 'hmac:1',
    statement: buildStatement([], 'sha256', signed, new Date(), undefined),
    subjects: [],
    verifiedCount: 0,
    problems: [
      { code: 'REF_MISMATCH', message: 'manifest was signed at ref "refs/heads/v1"', subject: 'predicate.ref' },
      {
        code: 'RUNNER_MISMATCH',
        message: 'manifest was signed on runner environment (not recorded)',
        subject: 'predicate.runnerEnvironment'
      }
    ],
    policy: {
      refs: ['refs/tags/v*', '!refs/tags/v*-rc*'],
      workflows: ['.github/workflows/release.yml'],
      events: ['push', 'release'],
      hostedRunner: true
    }
  }
  const md = verifySummary(report)
  assert.match(md, /### Policy/)
  assert.match(md, /\| Check \| Asked for \| The manifest says \| Result \|/)
  assert.ok(md.includes('| ref | `refs/tags/v*`<br>`!refs/tags/v*-rc*` | `refs/heads/v1` | ❌ mismatch |'), md)
  assert.ok(
    md.includes('| workflow | `.github/workflows/release.yml` | `.github/workflows/release.yml` | ✅ matches |'),
    md
  )
  assert.ok(md.includes('| event | `push`, `release` | `push` | ✅ matches |'), md)
  assert.ok(md.includes('| runner | `github-hosted` | *(not recorded)* | ❌ mismatch |'), md)
  assert.match(
    md,
    /- Run: workflow `acme\/widgets\/\.github\/workflows\/release\.yml@refs\/heads\/v1`, job `seal`, label `linux`, event `push`/
  )

  // Before the signature checks, the manifest's word is not shown and nothing is called a match.
  const unsigned = verifySummary({
    ...report,
    statement: null,
    keyId: null,
    problems: [{ code: 'SIGNATURE_INVALID', message: 'no signature matches' }]
  })
  assert.ok(unsigned.includes('| ref | `refs/tags/v*`<br>`!refs/tags/v*-rc*` |  | not checked |'), unsigned)
  assert.ok(!unsigned.includes('✅'))

  // A label holding Markdown or HTML stays text.
  const evil = verifySummary({
    ...report,
    statement: buildStatement([], 'sha256', { ...signed, label: '`<img src=x>`|' }, new Date(), undefined)
  })
  // A code span whose fence outruns the backticks inside: no HTML, and the pipe cannot split the row.
  assert.ok(evil.includes('label `` `<img src=x>`\\| ``'), evil)
  // No policy asked: no policy section.
  assert.ok(!verifySummary({ ...report, policy: null }).includes('### Policy'))
  assert.ok(!verifySummary({ ...report, policy: { refs: [], hostedRunner: false } }).includes('### Policy'))
})
