import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { decodeStatement, encodeStatement, PREDICATE_TYPE, STATEMENT_TYPE } from '../../src/core/statement.js'
import { buildStatement } from '../../src/core/seal.js'
import { SealError } from '../../src/core/errors.js'
import { TOOL_VERSION } from '../../src/core/version.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../helpers/fixtures.js'

const context = {
  repository: 'acme/widgets',
  commit: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  workflowRef: 'acme/widgets/.github/workflows/build.yml@refs/heads/main',
  runId: '7',
  runAttempt: '2',
  serverUrl: 'https://github.com',
  job: 'build',
  label: 'linux',
  eventName: 'push',
  runnerEnvironment: 'github-hosted',
  workflowSha: '89abcdef0123456789abcdef0123456789abcdef'
}
const now = new Date('2026-11-23T10:00:00.000Z')
const digest = 'a'.repeat(64)

function valid(): any {
  return JSON.parse(
    encodeStatement(
      buildStatement(
        [
          { name: 'b', size: 1, digest },
          { name: 'a', size: 1, digest }
        ],
        'sha256',
        context,
        now,
        3_600_000
      )
    ).toString()
  )
}
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value))
const refusedAt = (field: string) => (e: unknown) =>
  e instanceof SealError && e.code === 'MANIFEST_INVALID' && e.subject === field

test('the statement binds subjects (sorted) and every predicate field', () => {
  const s = valid()
  assert.equal(s._type, STATEMENT_TYPE)
  assert.equal(s.predicateType, PREDICATE_TYPE)
  assert.deepEqual(
    s.subject.map((x: any) => x.name),
    ['a', 'b']
  )
  assert.deepEqual(s.subject[0].digest, { sha256: digest })
  assert.deepEqual(s.predicate, {
    ...context,
    algorithm: 'sha256',
    createdAt: '2026-11-23T10:00:00.000Z',
    expiresAt: '2026-11-23T11:00:00.000Z',
    tool: { name: 'artifact-seal', version: TOOL_VERSION }
  })
  assert.deepEqual(decodeStatement(bytes(s), 'sha256'), s)
})

test('the tool version in the predicate is the package version', () => {
  assert.equal(TOOL_VERSION, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version)
})

test('a digest of another algorithm than configured is refused, as is a manifest claiming another algorithm', () => {
  const s = valid()
  s.subject[0].digest = { sha512: 'a'.repeat(128) }
  assert.throws(() => decodeStatement(bytes(s), 'sha256'), refusedAt('subject[0].digest'))
  const both = valid()
  both.subject[0].digest = { sha256: digest, sha512: 'b'.repeat(128) }
  assert.throws(() => decodeStatement(bytes(both), 'sha256'), refusedAt('subject[0].digest'))
  // The verifier's configuration wins: a sha256 manifest read by a sha512 verifier is refused.
  assert.throws(() => decodeStatement(bytes(valid()), 'sha512'), refusedAt('predicate.algorithm'))
})

test('every malformed field is refused with its path', () => {
  const cases: [string, (s: any) => void][] = [
    ['_type', s => (s._type = 'https://in-toto.io/Statement/v0.1')],
    ['predicateType', s => (s.predicateType = 'https://slsa.dev/provenance/v1')],
    ['subject', s => (s.subject = [])],
    ['subject[1].name', s => (s.subject[1].name = 'a')],
    ['subject[0].digest.sha256', s => (s.subject[0].digest.sha256 = 'A'.repeat(64))],
    ['subject[0].digest.sha256', s => (s.subject[0].digest.sha256 = 'a'.repeat(63))],
    ['subject[0].uri', s => (s.subject[0].uri = 'https://x')],
    ['predicate', s => (s.predicate = null)],
    ['predicate.createdAt', s => (s.predicate.createdAt = 'yesterday')],
    ['predicate.expiresAt', s => (s.predicate.expiresAt = 5)],
    ['predicate.repository', s => (s.predicate.repository = ['acme/widgets'])],
    ['predicate.tool', s => delete s.predicate.tool],
    ['predicate.job', s => (s.predicate.job = 7)],
    ['predicate.runnerEnvironment', s => (s.predicate.runnerEnvironment = { hosted: true })],
    ['predicate.ref', s => delete s.predicate.ref],
    ['extra', s => (s.extra = 1)]
  ]
  for (const [field, edit] of cases) {
    const s = valid()
    edit(s)
    assert.throws(() => decodeStatement(bytes(s), 'sha256'), refusedAt(field), field)
  }
})

test('dangerous subject names in a statement are refused', () => {
  for (const name of ['/etc/passwd', '../x', 'a/../../x', 'C:\\x', 'a\\..\\..\\x']) {
    const s = valid()
    s.subject[0].name = name
    assert.throws(
      () => decodeStatement(bytes(s), 'sha256'),
      (e: unknown) => e instanceof SealError && e.code === 'PATH_UNSAFE',
      name
    )
  }
})

test('payload bytes that are not UTF-8, not JSON, or have duplicate keys are refused', () => {
  assert.throws(() => decodeStatement(Buffer.from([0xff, 0xfe]), 'sha256'), refusedAt('payload'))
  assert.throws(() => decodeStatement(Buffer.from('{'), 'sha256'), /not valid JSON/)
  const text = JSON.stringify(valid()).replace('"_type":', '"_type":"x","_type":')
  assert.throws(() => decodeStatement(Buffer.from(text), 'sha256'), /duplicate key at character \d+/)
})

test('a 1.0.0 predicate, without the run fields, decodes with them null; a new one binds them all', () => {
  const s = valid()
  assert.deepEqual(Object.keys(s.predicate), [
    'repository',
    'commit',
    'ref',
    'workflowRef',
    'runId',
    'runAttempt',
    'serverUrl',
    'job',
    'label',
    'eventName',
    'runnerEnvironment',
    'workflowSha',
    'algorithm',
    'createdAt',
    'expiresAt',
    'tool'
  ])
  const old = valid()
  for (const field of ['job', 'label', 'eventName', 'runnerEnvironment', 'workflowSha']) delete old.predicate[field]
  const decoded = decodeStatement(bytes(old), 'sha256').predicate
  for (const field of ['job', 'label', 'eventName', 'runnerEnvironment', 'workflowSha'] as const)
    assert.equal(decoded[field], null, field)
  assert.equal(decoded.ref, context.ref)
  // Fields a later version adds are ignored, as 1.0.0 ignores these.
  const later = valid()
  later.predicate.somethingNew = { x: 1 }
  assert.equal(decodeStatement(bytes(later), 'sha256').predicate.job, 'build')
})
