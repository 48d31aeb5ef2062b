import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  checkPolicy,
  parseEvents,
  parsePatterns,
  PatternList,
  workflowPath,
  type VerifyPolicy
} from '../../src/core/policy.js'
import { SealError } from '../../src/core/errors.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement, seal } from '../../src/core/seal.js'
import { decodeStatement, type SealContext } from '../../src/core/statement.js'
import { verify } from '../../src/core/verify.js'
import { ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { envelopeWith } from '../helpers/manifest.js'

const RELEASE: SealContext = {
  repository: 'acme/widgets',
  commit: 'c'.repeat(40),
  ref: 'refs/tags/v1.2.3',
  workflowRef: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3',
  runId: '1',
  runAttempt: '1',
  serverUrl: 'https://github.com',
  job: 'seal',
  label: 'linux',
  eventName: 'push',
  runnerEnvironment: 'github-hosted',
  workflowSha: 'd'.repeat(40)
}
const UNKNOWN: SealContext = {
  ...RELEASE,
  ref: null,
  workflowRef: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
}
const STRICT: VerifyPolicy = {
  refs: ['refs/tags/v*'],
  workflows: ['.github/workflows/release.yml'],
  events: ['push', 'release'],
  hostedRunner: true
}

const predicate = (context: SealContext) =>
  buildStatement([{ name: 'a', digest: 'a'.repeat(64) }], 'sha256', context, new Date(), undefined).predicate
const codes = (problems: { code: string }[]) => problems.map(p => p.code)
const refused = (option: string) => (e: unknown) =>
  e instanceof SealError && e.code === 'INPUT_INVALID' && e.subject === option && !e.message.includes('\n')

test('ref patterns use the path glob rules: * stays within a segment, ** crosses, the whole ref must match', () => {
  const tags = new PatternList(['refs/tags/v*'])
  assert.equal(tags.matches('refs/tags/v1.2.3'), true)
  assert.equal(tags.matches('refs/heads/v1'), false)
  assert.equal(tags.matches('refs/tags/v1/evil'), false, '* does not cross /')
  assert.equal(tags.matches('refs/tags/release-v1'), false)
  assert.equal(tags.matches('refs/tags/V1'), false, 'refs are compared case-sensitively on every OS')
  assert.equal(new PatternList(['refs/tags/**']).matches('refs/tags/a/b/c'), true)
  assert.equal(new PatternList(['refs/heads/main']).matches('refs/heads/main-evil'), false)
  // {a,b} and +(a|b) are literal, as in path.
  assert.equal(new PatternList(['refs/heads/{main,dev}']).matches('refs/heads/main'), false)
})

test('a later ! pattern excludes, and an including pattern after it includes again, as in path', () => {
  const list = new PatternList(['refs/tags/v*', '!refs/tags/v*-rc*'])
  assert.equal(list.matches('refs/tags/v2.0.0'), true)
  assert.equal(list.matches('refs/tags/v2.0.0-rc1'), false)
  assert.equal(
    new PatternList(['refs/tags/v*', '!refs/tags/v*-rc*', 'refs/tags/v9-rc1']).matches('refs/tags/v9-rc1'),
    true
  )
})

test('the workflow path is the text between owner/name/ and the @ that starts the ref', () => {
  assert.equal(workflowPath('acme/widgets/.github/workflows/release.yml@refs/tags/v1'), '.github/workflows/release.yml')
  assert.equal(
    workflowPath('acme/widgets/.github/workflows/release.yml@refs/heads/feat@2'),
    '.github/workflows/release.yml',
    'an @ in the branch'
  )
  // A file named to look like release.yml followed by a ref is not release.yml.
  assert.equal(
    workflowPath('acme/widgets/.github/workflows/release.yml@x.yml@refs/heads/main'),
    '.github/workflows/release.yml@x.yml'
  )
  assert.equal(workflowPath('acme/widgets/ci/build.yml@v1'), 'ci/build.yml', 'another shape, given to the CLI')
  assert.equal(workflowPath('acme/widgets/.github/workflows/build.yml'), '.github/workflows/build.yml')
  assert.equal(workflowPath('build.yml@refs/heads/main'), null)
  assert.equal(workflowPath('acme/widgets/@refs/heads/main'), null)

  const release = predicate(RELEASE)
  assert.deepEqual(checkPolicy(release, { workflows: ['.github/workflows/release.yml'] }), [])
  assert.deepEqual(checkPolicy(release, { workflows: ['.github/workflows/*.yml'] }), [])
  // The pattern is the path, not a file name and not repo-qualified: both are mistakes that fail.
  assert.deepEqual(codes(checkPolicy(release, { workflows: ['release.yml'] })), ['WORKFLOW_MISMATCH'])
  assert.deepEqual(codes(checkPolicy(release, { workflows: ['acme/widgets/.github/workflows/release.yml'] })), [
    'WORKFLOW_MISMATCH'
  ])
  assert.deepEqual(
    codes(
      checkPolicy(
        predicate({ ...RELEASE, workflowRef: 'acme/widgets/.github/workflows/release.yml@x.yml@refs/heads/main' }),
        { workflows: ['.github/workflows/release.yml'] }
      )
    ),
    ['WORKFLOW_MISMATCH']
  )
})

test('a matching predicate passes every check; a mismatch of each field fails with its own code, all at once', () => {
  assert.deepEqual(checkPolicy(predicate(RELEASE), STRICT), [])
  const branch = predicate({
    ...RELEASE,
    ref: 'refs/heads/v1',
    workflowRef: 'acme/widgets/.github/workflows/throwaway.yml@refs/heads/v1',
    eventName: 'pull_request',
    runnerEnvironment: 'self-hosted'
  })
  const problems = checkPolicy(branch, STRICT)
  assert.deepEqual(codes(problems), ['REF_MISMATCH', 'WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH'])
  assert.deepEqual(
    problems.map(p => p.subject),
    ['predicate.ref', 'predicate.workflowRef', 'predicate.eventName', 'predicate.runnerEnvironment']
  )
  assert.match(problems[0].message, /"refs\/heads\/v1".*refs\/tags\/v\*/)
  assert.match(problems[1].message, /"\.github\/workflows\/throwaway\.yml"/)
  assert.match(problems[2].message, /"pull_request".*push, release/)
  assert.match(problems[3].message, /"self-hosted"/)
  // Only what is asked is checked.
  assert.deepEqual(codes(checkPolicy(branch, { events: ['pull_request'] })), [])
  assert.deepEqual(checkPolicy(branch, {}), [])
})

test('a field that is null, or absent from a 1.0.0 manifest, fails the check that asks about it', async () => {
  const problems = checkPolicy(predicate(UNKNOWN), STRICT)
  assert.deepEqual(codes(problems), ['REF_MISMATCH', 'WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH'])
  for (const p of problems) assert.match(p.message, /\(not recorded\)/)

  // The documented 1.0.0 statement has none of the later fields: it decodes, they read as null,
  // and a policy on them fails while a policy on the 1.0.0 fields passes.
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'manifest.md'), 'utf8')
  const v100 = /## Test vector\n[\s\S]*?```json\n(.*)\n```/.exec(doc)?.[1]
  assert.ok(v100, 'docs/manifest.md has the 1.0.0 test vector')
  assert.ok(!v100.includes('eventName'))
  const decoded = decodeStatement(Buffer.from(v100), 'sha256').predicate
  assert.equal(decoded.eventName, null)
  assert.equal(decoded.runnerEnvironment, null)
  assert.deepEqual(checkPolicy(decoded, { refs: ['refs/tags/v*'], workflows: ['.github/workflows/build.yml'] }), [])
  assert.deepEqual(codes(checkPolicy(decoded, { refs: ['refs/heads/*'] })), ['REF_MISMATCH'])
  assert.deepEqual(codes(checkPolicy(decoded, { events: ['push'], hostedRunner: true })), [
    'EVENT_MISMATCH',
    'RUNNER_MISMATCH'
  ])
})

test('verify reports policy problems together with every other problem', async () => {
  const dir = tempDir()
  writeTree(dir, { 'dist/app': 'app', 'dist/lib': 'lib' })
  process.chdir(dir)
  const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  const manifestPath = path.join(dir, 'artifact-seal.json')
  const feature = {
    ...RELEASE,
    ref: 'refs/heads/feature',
    eventName: 'workflow_dispatch',
    runnerEnvironment: 'self-hosted'
  }
  await seal({
    patterns: ['dist/**'],
    baseDir: dir,
    manifestPath,
    algorithm: 'sha256',
    keys: [key],
    context: feature,
    expiresInMs: 1000,
    now: new Date(Date.now() - 60_000)
  })
  fs.writeFileSync(path.join(dir, 'dist/app'), 'tampered')
  const report = await verify({
    manifestPath,
    baseDir: dir,
    algorithm: 'sha256',
    keys: [key],
    expectedRepository: 'acme/other',
    policy: STRICT
  })
  assert.equal(report.result, 'failed')
  assert.deepEqual(codes(report.problems).sort(), [
    'DIGEST_MISMATCH',
    'EVENT_MISMATCH',
    'EXPIRED',
    'REF_MISMATCH',
    'REPOSITORY_MISMATCH',
    'RUNNER_MISMATCH'
  ])
  assert.deepEqual(report.policy, STRICT)

  // The same manifest, the bytes restored, passes a policy it meets.
  fs.writeFileSync(path.join(dir, 'dist/app'), 'app')
  await seal({ patterns: ['dist/**'], baseDir: dir, manifestPath, algorithm: 'sha256', keys: [key], context: feature })
  const ok = await verify({
    manifestPath,
    baseDir: dir,
    algorithm: 'sha256',
    keys: [key],
    policy: { refs: ['refs/heads/*'], events: ['workflow_dispatch'] }
  })
  assert.deepEqual(ok.problems, [])

  // A predicate field of the wrong type is refused as a malformed statement, not read as absent.
  const statement = JSON.parse(
    Buffer.from(JSON.parse(fs.readFileSync(manifestPath, 'utf8')).payload, 'base64').toString()
  )
  statement.predicate.eventName = ['push']
  fs.writeFileSync(manifestPath, envelopeWith(statement, TEST_KEY_HEX))
  const bad = await verify({
    manifestPath,
    baseDir: dir,
    algorithm: 'sha256',
    keys: [key],
    policy: { events: ['push'] }
  })
  assert.deepEqual(
    bad.problems.map(p => [p.code, p.subject]),
    [['STATEMENT_INVALID', 'predicate.eventName']]
  )
})

test('pattern and event lists: blank lines and comments skipped, empty or exclusion-only lists refused, naming the option', () => {
  assert.deepEqual(parsePatterns(['refs/tags/v*\n\n# stable only\n!refs/tags/v*-rc*'], 'expected-ref'), [
    'refs/tags/v*',
    '!refs/tags/v*-rc*'
  ])
  assert.deepEqual(parsePatterns(['refs/tags/*', 'refs/heads/main'], '--expected-ref'), [
    'refs/tags/*',
    'refs/heads/main'
  ])
  assert.deepEqual(parsePatterns([], 'expected-ref'), [])
  assert.throws(() => parsePatterns([''], '--expected-ref'), refused('--expected-ref'))
  assert.throws(() => parsePatterns(['  '], '--expected-workflow'), refused('--expected-workflow'))
  assert.throws(() => parsePatterns(['!'], 'expected-ref'), refused('expected-ref'))
  assert.throws(() => parsePatterns(['!refs/heads/main'], 'expected-ref'), refused('expected-ref'))
  assert.throws(() => parsePatterns(['# nothing'], 'expected-ref'), refused('expected-ref'))

  assert.deepEqual(parseEvents(['push, release'], 'expected-event'), ['push', 'release'])
  assert.deepEqual(parseEvents(['push\nworkflow_dispatch'], 'expected-event'), ['push', 'workflow_dispatch'])
  assert.deepEqual(parseEvents(['push', 'release'], '--expected-event'), ['push', 'release'])
  assert.throws(() => parseEvents(['push,,release'], 'expected-event'), refused('expected-event'))
  assert.throws(() => parseEvents(['push release'], 'expected-event'), refused('expected-event'))
  assert.throws(() => parseEvents([''], '--expected-event'), refused('--expected-event'))
})
