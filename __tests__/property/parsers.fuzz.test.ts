import { test } from '@jest/globals'
import { diagnostic, reporter } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import fc from 'fast-check'
import { decodeEnvelope, encodeEnvelope, IN_TOTO_PAYLOAD_TYPE, pae } from '../../src/core/dsse.js'
import { SealError, type SealErrorCode } from '../../src/core/errors.js'
import { MAX_JSON_DEPTH, parseJsonStrict } from '../../src/core/json.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement } from '../../src/core/seal.js'
import { decodeStatement, encodeStatement } from '../../src/core/statement.js'
import { MAX_NAME_LENGTH } from '../../src/core/subjects.js'
import { verify, type ProblemCode } from '../../src/core/verify.js'
import { TEST_KEY_HEX, tempDir } from '../helpers/fixtures.js'
import { checkAsyncProperty, checkProperty } from '../helpers/property.js'

const SEAL_ERROR_CODES: readonly SealErrorCode[] = [
  'INPUT_INVALID',
  'KEY_INVALID',
  'KEY_SOURCE',
  'NO_FILES',
  'PATH_UNSAFE',
  'FILE_MISSING',
  'FILE_UNREADABLE',
  'FILE_NOT_REGULAR',
  'FILE_CHANGED',
  'MANIFEST_INVALID',
  'MANIFEST_TOO_LARGE',
  'WRITE_FAILED',
  'REMOTE'
]
const PROBLEM_CODES: readonly ProblemCode[] = [
  'MANIFEST_INVALID',
  'MANIFEST_TOO_LARGE',
  'SIGNATURE_INVALID',
  'STATEMENT_INVALID',
  'REPOSITORY_MISMATCH',
  'COMMIT_MISMATCH',
  'EXPIRED',
  'TOO_OLD',
  'CREATED_IN_FUTURE',
  'DIGEST_MISMATCH',
  'FILE_MISSING',
  'FILE_UNREADABLE',
  'FILE_NOT_REGULAR',
  'FILE_CHANGED',
  'PATH_UNSAFE',
  'UNLISTED_FILE'
]
/** A message may name a file in full (at most MAX_NAME_LENGTH characters) but never echoes unbounded hostile input. */
const MAX_MESSAGE = MAX_NAME_LENGTH + 1024
/** Per case: far above what a linear parser needs for these inputs, far below a hang. */
const MAX_CASE_MS = 2000

let slowest = 0
/** Runs `fn`; it must return, or throw a SealError with a known code and a bounded message: nothing else. */
function resultOrTypedError<T>(fn: () => T): T | SealError {
  const started = performance.now()
  try {
    return fn()
  } catch (error) {
    assert.ok(error instanceof SealError, `threw something other than a SealError: ${String(error)}`)
    assert.ok(SEAL_ERROR_CODES.includes(error.code), `unknown code ${error.code}`)
    assert.ok(
      error.message.length <= MAX_MESSAGE,
      `message of ${error.message.length} characters: ${error.message.slice(0, 200)}…`
    )
    return error
  } finally {
    const ms = performance.now() - started
    slowest = Math.max(slowest, ms)
    assert.ok(ms < MAX_CASE_MS, `one case took ${ms} ms`)
  }
}

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
const validStatement = buildStatement(
  [
    { name: 'a.txt', size: 1, digest: 'a'.repeat(64) },
    { name: 'dir/b.bin', size: 2, digest: 'b'.repeat(64) }
  ],
  'sha256',
  CONTEXT,
  new Date('2026-01-01T00:00:00Z')
)
const validEnvelope = JSON.parse(
  encodeEnvelope(IN_TOTO_PAYLOAD_TYPE, encodeStatement(validStatement), [
    { keyid: key.keyId, sig: Buffer.alloc(32, 1) }
  ]).toString()
)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value inside `value`, depth first. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out)
  return out
}

/** Applies one structural mutation at the `pick`-th path: replace the value, delete it, or add a key beside it. */
function mutate(
  value: Json,
  pick: number,
  op: 'replace' | 'delete' | 'add' | 'wrap',
  replacement: Json,
  newKey: string
): Json {
  const copy = structuredClone(value)
  const all = paths(copy)
  const at = all[pick % all.length]
  if (at.length === 0) return op === 'wrap' ? [copy] : replacement
  const parent = at.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string], copy) as Record<
    string | number,
    Json
  >
  const last = at[at.length - 1]
  if (op === 'replace') parent[last] = replacement
  else if (op === 'wrap') parent[last] = [parent[last]]
  else if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else if (!Array.isArray(parent)) parent[newKey] = replacement
  return copy
}

const mutation = fc.tuple(
  fc.nat(),
  fc.constantFrom('replace', 'delete', 'add', 'wrap') as fc.Arbitrary<'replace' | 'delete' | 'add' | 'wrap'>,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.oneof(fc.string(), fc.constant('x'.repeat(20_000)), fc.constant('__proto__'))
)

test('fuzz: parseJsonStrict agrees with JSON.parse or refuses with MANIFEST_INVALID, on any text', () => {
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 6 }),
    fc
      .json({ maxDepth: 4 })
      .chain(j =>
        fc.tuple(fc.nat(j.length), fc.string({ maxLength: 4 })).map(([i, s]) => j.slice(0, i) + s + j.slice(i))
      ),
    fc.integer({ min: MAX_JSON_DEPTH - 2, max: MAX_JSON_DEPTH + 2 }).map(d => '['.repeat(d) + ']'.repeat(d)),
    fc.integer({ min: 1, max: 20_000 }).map(d => '{"a":'.repeat(d))
  )
  checkProperty(
    reporter,
    'parseJsonStrict on arbitrary text',
    fc.property(texts, text => {
      const out = resultOrTypedError(() => parseJsonStrict(text, 'manifest'))
      let reference: unknown
      let referenceFailed = false
      try {
        reference = JSON.parse(text)
      } catch {
        referenceFailed = true
      }
      if (!(out instanceof SealError)) {
        assert.ok(!referenceFailed, 'accepted text JSON.parse refuses')
        assert.deepEqual(out, reference)
      } else assert.equal(out.code, 'MANIFEST_INVALID')
    }),
    { numRuns: 1500 }
  )
})

/** How many objects (not arrays) `value` holds, itself included. */
function countObjects(value: Json): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countObjects(v), 0)
  if (value && typeof value === 'object')
    return 1 + Object.values(value).reduce<number>((n, v) => n + countObjects(v), 0)
  return 0
}

/** Serializes like JSON.stringify, but repeats one object's first key (spelled with a \u escape) with another value. */
function withDuplicateKey(value: Json, objectIndex: number): { text: string; duplicated: boolean } {
  let seen = 0
  let duplicated = false
  const write = (v: Json): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`
    if (v && typeof v === 'object') {
      const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`)
      const keys = Object.keys(v)
      if (seen++ === objectIndex && keys.length > 0) {
        const k = keys[0]
        const escaped = '"\\u' + k.charCodeAt(0).toString(16).padStart(4, '0') + JSON.stringify(k).slice(2)
        entries.push(`${escaped}:"disagrees"`)
        duplicated = true
      }
      return `{${entries.join(',')}}`
    }
    return JSON.stringify(v)
  }
  return { text: write(value), duplicated }
}

test('fuzz: a duplicate key anywhere in the envelope or the statement is refused, however it is spelled', () => {
  checkProperty(
    reporter,
    'duplicate keys refused',
    fc.property(fc.boolean(), fc.nat(40), (inStatement, objectIndex) => {
      const target = (inStatement ? validStatement : validEnvelope) as unknown as Json
      const { text, duplicated } = withDuplicateKey(target, objectIndex % countObjects(target))
      assert.ok(duplicated)
      const out = resultOrTypedError(() =>
        inStatement ? decodeStatement(Buffer.from(text), 'sha256') : decodeEnvelope(parseJsonStrict(text, 'manifest'))
      )
      assert.ok(
        out instanceof SealError && out.code === 'MANIFEST_INVALID' && /duplicate key/.test(out.message),
        String(out)
      )
    }),
    { numRuns: 60 }
  )
})

test('fuzz: decodeEnvelope and decodeStatement return a result or a typed error for any value or bytes', () => {
  checkProperty(
    reporter,
    'decodeEnvelope on arbitrary JSON values and mutated envelopes',
    fc.property(
      fc.oneof(
        fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
        mutation.map(([p, op, r, k]) => mutate(validEnvelope, p, op, r, k))
      ),
      value => {
        const out = resultOrTypedError(() => decodeEnvelope(value))
        if (!(out instanceof SealError)) {
          assert.equal(typeof out.payloadType, 'string')
          assert.ok(
            Buffer.isBuffer(out.payload) &&
              out.signatures.length > 0 &&
              out.signatures.every(s => Buffer.isBuffer(s.sig))
          )
        }
      }
    ),
    { numRuns: 1500 }
  )
  checkProperty(
    reporter,
    'decodeStatement on arbitrary bytes, text and mutated statements',
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }).map(b => Buffer.from(b)),
        fc.json({ maxDepth: 4 }).map(j => Buffer.from(j)),
        mutation.map(([p, op, r, k]) =>
          Buffer.from(JSON.stringify(mutate(validStatement as unknown as Json, p, op, r, k)))
        )
      ),
      fc.constantFrom('sha256', 'sha512') as fc.Arbitrary<'sha256' | 'sha512'>,
      (bytes, algorithm) => {
        const out = resultOrTypedError(() => decodeStatement(bytes, algorithm))
        if (!(out instanceof SealError)) {
          assert.equal(out.predicate.algorithm, algorithm)
          assert.ok(out.subject.length > 0)
        }
      }
    ),
    { numRuns: 2000 }
  )
  diagnostic(`slowest single parse: ${slowest.toFixed(1)} ms`)
})

test('fuzz: verify on arbitrary manifest bytes, signed or not, resolves to a report with typed problems', async () => {
  const dir = tempDir('artifact-seal-fuzz-')
  fs.writeFileSync(`${dir}/a.txt`, 'a')
  const manifestPath = `${dir}/artifact-seal.json`
  try {
    const run = async (bytes: Buffer): Promise<void> => {
      const started = performance.now()
      const report = await verify({
        manifestPath,
        manifestBytes: bytes,
        baseDir: dir,
        algorithm: 'sha256',
        keys: [key]
      })
      assert.ok(performance.now() - started < MAX_CASE_MS)
      for (const p of report.problems) {
        assert.ok(PROBLEM_CODES.includes(p.code), p.code)
        assert.ok(p.message.length <= MAX_MESSAGE, `message of ${p.message.length} characters`)
      }
      assert.equal(report.result, report.problems.length === 0 ? 'verified' : 'failed')
      // Nothing a signed statement does not say can make verify pass: every listed file was hashed and matched.
      if (report.result === 'verified') assert.equal(report.verifiedCount, report.statement?.subject.length)
    }
    await checkAsyncProperty(
      reporter,
      'verify on arbitrary unsigned bytes and mutated envelopes',
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map(b => Buffer.from(b)),
          fc.json({ maxDepth: 4 }).map(j => Buffer.from(j)),
          mutation.map(([p, op, r, k]) => Buffer.from(JSON.stringify(mutate(validEnvelope, p, op, r, k))))
        ),
        bytes => run(bytes)
      ),
      { numRuns: 600 }
    )
    // The parser behind the signature is reached only with a valid MAC: sign hostile statements with the verifier's key.
    await checkAsyncProperty(
      reporter,
      'verify on hostile statements signed with the verifier key',
      fc.asyncProperty(mutation, fc.boolean(), async ([p, op, r, k], sameType) => {
        const payload = Buffer.from(JSON.stringify(mutate(validStatement as unknown as Json, p, op, r, k)))
        const type = sameType ? IN_TOTO_PAYLOAD_TYPE : 'application/json'
        const sig = await key.sign(pae(type, payload))
        await run(encodeEnvelope(type, payload, [{ keyid: key.keyId, sig }]))
      }),
      { numRuns: 600 }
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
