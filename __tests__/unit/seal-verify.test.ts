import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { seal } from '../../src/core/seal.js'
import { verify, type VerifyOptions } from '../../src/core/verify.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { SealError } from '../../src/core/errors.js'
import type { DigestAlgorithm } from '../../src/core/algorithms.js'
import { listTree, OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { envelopeWith, statementOf } from '../helpers/manifest.js'

const key = (hex = TEST_KEY_HEX, algorithm: DigestAlgorithm = 'sha256') =>
  new LocalHmacKey(Buffer.from(hex, 'hex'), algorithm)
const context = {
  repository: 'acme/widgets',
  commit: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/tags/v1',
  workflowRef: null,
  runId: '1',
  runAttempt: '1',
  serverUrl: 'https://github.com',
  job: 'build',
  label: 'linux',
  eventName: 'push',
  runnerEnvironment: 'github-hosted',
  workflowSha: '89abcdef0123456789abcdef0123456789abcdef'
}

/** A workspace with dist/ sealed; patterns are relative to the working directory, so we chdir. */
async function sealed(
  options: { algorithm?: DigestAlgorithm; keys?: LocalHmacKey[]; expiresInMs?: number; now?: Date } = {}
) {
  const dir = tempDir()
  process.chdir(dir)
  writeTree(dir, {
    'dist/app.tar.gz': 'app',
    'dist/lib/x.so': 'lib',
    'dist/.env.example': 'hidden',
    'dist/app.map': 'map'
  })
  const algorithm = options.algorithm ?? 'sha256'
  const result = await seal({
    patterns: ['dist/**', '!dist/**/*.map'],
    baseDir: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm,
    keys: options.keys ?? [key(TEST_KEY_HEX, algorithm)],
    context,
    expiresInMs: options.expiresInMs,
    now: options.now
  })
  const base: VerifyOptions = {
    manifestPath: path.join(dir, 'artifact-seal.json'),
    baseDir: dir,
    algorithm,
    keys: [key(TEST_KEY_HEX, algorithm)],
    expectedRepository: 'acme/widgets'
  }
  return { dir, result, base }
}
const codes = (r: { problems: { code: string }[] }) => r.problems.map(p => p.code).sort()

test('sign then verify passes for every algorithm; subjects sorted, excludes honoured', async () => {
  for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
    const { dir, result, base } = await sealed({ algorithm })
    assert.deepEqual(
      result.subjects.map(s => s.name),
      ['dist/.env.example', 'dist/app.tar.gz', 'dist/lib/x.so']
    )
    assert.deepEqual(
      listTree(dir).filter(f => !f.startsWith('dist/')),
      ['artifact-seal.json'],
      'no temp file left'
    )
    const report = await verify(base)
    assert.deepEqual(report.problems, [])
    assert.equal(report.result, 'verified')
    assert.equal(report.verifiedCount, 3)
    assert.equal(report.keyId, result.keyIds[0])
  }
})

test('the manifest itself is never sealed, even when the patterns match it', async () => {
  const dir = tempDir()
  process.chdir(dir)
  writeTree(dir, { 'a.txt': 'a', 'artifact-seal.json': 'old manifest' })
  const result = await seal({
    patterns: ['**'],
    baseDir: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm: 'sha256',
    keys: [key()],
    context
  })
  assert.deepEqual(
    result.subjects.map(s => s.name),
    ['a.txt']
  )
  const report = await verify({
    manifestPath: path.join(dir, 'artifact-seal.json'),
    baseDir: dir,
    algorithm: 'sha256',
    keys: [key()],
    patterns: ['**']
  })
  assert.equal(report.result, 'verified', JSON.stringify(report.problems))
})

test('zero matches is an error and writes no manifest', async () => {
  const dir = tempDir()
  process.chdir(dir)
  await assert.rejects(
    seal({
      patterns: ['dist/**'],
      baseDir: dir,
      manifestPath: path.join(dir, 'm.json'),
      algorithm: 'sha256',
      keys: [key()],
      context
    }),
    (e: unknown) => e instanceof SealError && e.code === 'NO_FILES' && /path matched no files/.test(e.message)
  )
  assert.deepEqual(listTree(dir), [])
})

test('a failure while signing leaves no manifest and no temp file behind', async () => {
  const dir = tempDir()
  process.chdir(dir)
  writeTree(dir, { 'dist/a': 'a' })
  fs.mkdirSync(path.join(dir, 'ro'))
  // The manifest path is a directory: the rename fails after the temp file was written.
  fs.mkdirSync(path.join(dir, 'ro', 'm.json'))
  await assert.rejects(
    seal({
      patterns: ['dist/**'],
      baseDir: dir,
      manifestPath: path.join(dir, 'ro', 'm.json'),
      algorithm: 'sha256',
      keys: [key()],
      context
    }),
    (e: unknown) => e instanceof SealError && e.code === 'WRITE_FAILED' && e.message.includes('m.json')
  )
  assert.deepEqual(listTree(path.join(dir, 'ro')), [])
  // A symlink out of base-dir is refused with the file named, before anything is written.
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, 'passwd'), 'x')
  fs.symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'dist', 'evil'))
  await assert.rejects(
    seal({
      patterns: ['dist/**'],
      baseDir: dir,
      manifestPath: path.join(dir, 'm.json'),
      algorithm: 'sha256',
      keys: [key()],
      context
    }),
    (e: unknown) =>
      e instanceof SealError && e.code === 'PATH_UNSAFE' && e.message.startsWith('dist/evil: resolves outside base-dir')
  )
  assert.ok(!fs.existsSync(path.join(dir, 'm.json')))
})

test('rotation: one signature per key line, and either key verifies', async () => {
  const { result, base } = await sealed({ keys: [key(TEST_KEY_HEX), key(OTHER_KEY_HEX)] })
  assert.equal(result.keyIds.length, 2)
  const envelope = JSON.parse(fs.readFileSync(result.manifestPath, 'utf8'))
  assert.deepEqual(
    envelope.signatures.map((s: any) => s.keyid),
    result.keyIds
  )
  assert.equal((await verify({ ...base, keys: [key(OTHER_KEY_HEX)] })).result, 'verified')
  assert.equal((await verify({ ...base, keys: [key('ab'.repeat(32)), key(TEST_KEY_HEX)] })).result, 'verified')
})

test('more key lines than verify tries signatures are refused before anything is hashed or written', async () => {
  const seventeen = Array.from({ length: 17 }, (_, i) => key(i.toString(16).padStart(2, '0').repeat(32)))
  const dir = tempDir()
  writeTree(dir, { 'a.txt': 'a' })
  const manifestPath = path.join(dir, 'artifact-seal.json')
  await assert.rejects(
    seal({
      patterns: [path.join(dir, '*')],
      baseDir: dir,
      manifestPath,
      algorithm: 'sha256',
      keys: seventeen,
      context
    }),
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'KEY_INVALID' &&
      e.subject === 'key' &&
      /17 key lines; at most 16/.test(e.message)
  )
  assert.ok(!fs.existsSync(manifestPath))
  // Sixteen sign, and the last of them verifies alone.
  await seal({
    patterns: [path.join(dir, '*')],
    baseDir: dir,
    manifestPath,
    algorithm: 'sha256',
    keys: seventeen.slice(0, 16),
    context
  })
  assert.equal(
    (await verify({ manifestPath, baseDir: dir, algorithm: 'sha256', keys: [seventeen[15]] })).result,
    'verified'
  )
})

test('verify reports every problem at once: tampered, missing and unlisted files', async () => {
  const { dir, base } = await sealed()
  fs.appendFileSync(path.join(dir, 'dist/app.tar.gz'), 'x')
  fs.rmSync(path.join(dir, 'dist/lib/x.so'))
  fs.writeFileSync(path.join(dir, 'dist/backdoor.sh'), 'evil')
  const report = await verify({ ...base, patterns: ['dist/**', '!dist/**/*.map'] })
  assert.equal(report.result, 'failed')
  assert.deepEqual(codes(report), ['DIGEST_MISMATCH', 'FILE_MISSING', 'UNLISTED_FILE'])
  assert.equal(report.verifiedCount, 1)
  assert.deepEqual(report.problems.map(p => p.subject).sort(), ['dist/app.tar.gz', 'dist/backdoor.sh', 'dist/lib/x.so'])
  // allow-unlisted lets the extra file pass but not the others.
  const allowed = await verify({ ...base, patterns: ['dist/**'], allowUnlisted: true })
  assert.deepEqual(codes(allowed), ['DIGEST_MISMATCH', 'FILE_MISSING'])
})

test('wrong key, wrong repository, wrong commit, expiry and max-age are each reported', async () => {
  const signedAt = new Date('2026-11-01T00:00:00.000Z')
  const { base } = await sealed({ expiresInMs: 86_400_000, now: signedAt })
  assert.deepEqual(codes(await verify({ ...base, keys: [key(OTHER_KEY_HEX)] })), ['SIGNATURE_INVALID'])
  const later = new Date('2026-11-05T00:00:00.000Z')
  const report = await verify({
    ...base,
    now: later,
    expectedRepository: 'evil/fork',
    expectedCommit: 'f'.repeat(40),
    maxAgeMs: 86_400_000
  })
  assert.deepEqual(codes(report), ['COMMIT_MISMATCH', 'EXPIRED', 'REPOSITORY_MISMATCH', 'TOO_OLD'])
  assert.match(
    report.problems.find(p => p.code === 'REPOSITORY_MISMATCH')!.message,
    /signed in repository acme\/widgets, expected evil\/fork/
  )
  // Repository names compare case-insensitively, as GitHub's do; the exact commit passes.
  const ok = await verify({
    ...base,
    now: new Date('2026-11-01T01:00:00Z'),
    expectedRepository: 'ACME/Widgets',
    expectedCommit: context.commit,
    maxAgeMs: 7_200_000
  })
  assert.equal(ok.result, 'verified', JSON.stringify(ok.problems))
})

test('every problem message is one line, even when a signed field holds a newline', async () => {
  const { base } = await sealed()
  const statement = statementOf(fs.readFileSync(base.manifestPath, 'utf8'))
  statement.predicate.repository = 'acme/widgets\n::error::forged'
  fs.writeFileSync(base.manifestPath, envelopeWith(statement, TEST_KEY_HEX))
  const report = await verify(base)
  assert.deepEqual(codes(report), ['REPOSITORY_MISMATCH'])
  assert.equal(
    report.problems[0].message,
    'manifest was signed in repository acme/widgets\\n::error::forged, expected acme/widgets'
  )
})

test('the algorithm comes from the verifier, never from the manifest', async () => {
  const { base } = await sealed({ algorithm: 'sha256' })
  // A sha512 verifier computes HMAC-SHA512: a sha256 manifest does not verify.
  assert.deepEqual(codes(await verify({ ...base, algorithm: 'sha512', keys: [key(TEST_KEY_HEX, 'sha512')] })), [
    'SIGNATURE_INVALID'
  ])
})

test('a signature in URL-safe base64 without padding verifies; a wrong keyid neither helps nor hurts', async () => {
  const { result, base } = await sealed()
  const envelope = JSON.parse(fs.readFileSync(result.manifestPath, 'utf8'))
  envelope.signatures[0].sig = Buffer.from(envelope.signatures[0].sig, 'base64').toString('base64url')
  envelope.signatures[0].keyid = 'hmac:not-the-right-id'
  fs.writeFileSync(result.manifestPath, JSON.stringify(envelope))
  assert.equal((await verify(base)).result, 'verified')
  // A keyid that is not even a string (or is absent, as DSSE allows) is no hint, not a failure.
  for (const keyid of [null, 42, { id: 'x' }, undefined]) {
    envelope.signatures[0].keyid = keyid
    fs.writeFileSync(result.manifestPath, JSON.stringify(envelope))
    assert.equal((await verify(base)).result, 'verified', `keyid ${JSON.stringify(keyid)}`)
  }
  // A wrong signature under the right keyid still fails.
  envelope.signatures[0].keyid = result.keyIds[0]
  envelope.signatures[0].sig = Buffer.alloc(32, 1).toString('base64')
  fs.writeFileSync(result.manifestPath, JSON.stringify(envelope))
  assert.deepEqual(codes(await verify(base)), ['SIGNATURE_INVALID'])
})

test('nothing in an unsigned payload is acted on: a forged subject list touches no file', async () => {
  const { dir, result, base } = await sealed()
  const envelope = JSON.parse(fs.readFileSync(result.manifestPath, 'utf8'))
  const statement = statementOf(fs.readFileSync(result.manifestPath, 'utf8'))
  statement.subject.push({ name: '../../etc/passwd', digest: { sha256: 'a'.repeat(64) } })
  statement.predicate.repository = 'evil/fork'
  envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
  fs.writeFileSync(result.manifestPath, JSON.stringify(envelope))
  const report = await verify({ ...base, patterns: ['dist/**'] })
  assert.deepEqual(codes(report), ['SIGNATURE_INVALID'])
  assert.deepEqual(report.subjects, [])
  assert.equal(report.statement, null)
  assert.ok(fs.existsSync(path.join(dir, 'dist/app.tar.gz')))
})

test('a signed statement with a dangerous name or another digest algorithm is refused with the field named', async () => {
  const { dir, base } = await sealed()
  const manifest = path.join(dir, 'artifact-seal.json')
  const statement = statementOf(fs.readFileSync(manifest, 'utf8'))
  const escape = structuredClone(statement)
  escape.subject[0].name = '../outside'
  fs.writeFileSync(manifest, envelopeWith(escape, TEST_KEY_HEX))
  let report = await verify(base)
  assert.deepEqual(codes(report), ['STATEMENT_INVALID'])
  assert.match(report.problems[0].message, /subject\[0\]\.name: .* contains "\.\."/)
  const other = structuredClone(statement)
  other.subject[0].digest = { md5: 'a'.repeat(32) }
  fs.writeFileSync(manifest, envelopeWith(other, TEST_KEY_HEX))
  report = await verify(base)
  assert.deepEqual(codes(report), ['STATEMENT_INVALID'])
  assert.equal(report.problems[0].subject, 'subject[0].digest')
})

test('malformed and oversized manifests are problems, not crashes', async () => {
  const { dir, base } = await sealed()
  const manifest = path.join(dir, 'artifact-seal.json')
  const cases: [string | Buffer, string, RegExp][] = [
    ['not json', 'MANIFEST_INVALID', /is not valid JSON/],
    ['[]', 'MANIFEST_INVALID', /not a JSON object/],
    ['{"payloadType":"x","payload":"%%%","signatures":[{"sig":"AA=="}]}', 'MANIFEST_INVALID', /payload is not base64/],
    [Buffer.from([0xff, 0xfe, 0x00]), 'MANIFEST_INVALID', /not UTF-8/]
  ]
  for (const [content, code, message] of cases) {
    fs.writeFileSync(manifest, content)
    const report = await verify(base)
    assert.deepEqual(codes(report), [code])
    assert.match(report.problems[0].message, message)
  }
  fs.rmSync(manifest)
  assert.match((await verify(base)).problems[0].message, /cannot read manifest .*artifact-seal.json: no such file/)
  // Over 64 MiB: refused from its size alone (a sparse file, so nothing is read).
  const fd = fs.openSync(manifest, 'w')
  fs.ftruncateSync(fd, 64 * 1024 * 1024 + 1)
  fs.closeSync(fd)
  assert.deepEqual(codes(await verify(base)), ['MANIFEST_TOO_LARGE'])
})

test('configuration errors throw, naming the input', async () => {
  const { base } = await sealed()
  await assert.rejects(
    verify({ ...base, baseDir: '/nonexistent/dir' }),
    /base-dir \/nonexistent\/dir is not a directory/
  )
  await assert.rejects(verify({ ...base, keys: [] }), /no key to verify with/)
})
