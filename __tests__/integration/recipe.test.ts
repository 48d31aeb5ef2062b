import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pae } from '../../src/core/dsse.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { checkPolicy } from '../../src/core/policy.js'
import { decodeStatement } from '../../src/core/statement.js'
import { ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runCli } from '../helpers/runner.js'

const doc = fs.readFileSync(path.join(ROOT, 'docs', 'manifest.md'), 'utf8')

/** The fenced block of `lang` that follows `heading` in docs/manifest.md. */
function blockAfter(heading: string, lang: string): string {
  const from = doc.indexOf(heading)
  assert.ok(from >= 0, `docs/manifest.md has "${heading}"`)
  const open = doc.indexOf('```' + lang + '\n', from)
  const close = doc.indexOf('\n```', open + lang.length + 4)
  return doc.slice(open + lang.length + 4, close)
}

test('the documented test vector is what the code computes', async () => {
  const statement = Buffer.from(blockAfter('## Test vector', 'json'), 'utf8')
  assert.equal(statement.length, 669)
  const message = pae('application/vnd.in-toto+json', statement)
  assert.equal(message.length, 712)
  assert.ok(message.toString().startsWith('DSSEv1 28 application/vnd.in-toto+json 669 {'))
  const paeSha = createHash('sha256').update(message).digest('hex')
  const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  const sig = Buffer.from(await key.sign(message)).toString('base64')
  for (const value of [paeSha, sig, key.keyId, TEST_KEY_HEX])
    assert.ok(doc.includes(value), `docs/manifest.md shows ${value}`)
  // The openssl commands in the doc reproduce sig and keyid.
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'statement.json'), statement)
  const commands = blockAfter('Check it with openssl', 'sh')
  const out = execFileSync('bash', ['-c', commands], { cwd: dir }).toString().trim().split('\n')
  assert.deepEqual(out, [sig, key.keyId.slice('hmac:'.length)])
})

test('the test vector with the run fields is what the code computes, and the policy reads it as documented', async () => {
  const statement = Buffer.from(blockAfter('## Test vector with the run fields', 'json'), 'utf8')
  assert.equal(statement.length, 816)
  const message = pae('application/vnd.in-toto+json', statement)
  assert.equal(message.length, 859)
  const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  const sig = Buffer.from(await key.sign(message)).toString('base64')
  for (const value of [createHash('sha256').update(message).digest('hex'), sig])
    assert.ok(doc.includes(value), `docs/manifest.md shows ${value}`)
  const predicate = decodeStatement(statement, 'sha256').predicate
  const policy = {
    refs: ['refs/tags/v*'],
    workflows: ['.github/workflows/release.yml'],
    events: ['push'],
    hostedRunner: true
  }
  assert.deepEqual(checkPolicy(predicate, policy), [])
  const v100 = decodeStatement(Buffer.from(blockAfter('## Test vector', 'json'), 'utf8'), 'sha256').predicate
  assert.deepEqual(
    checkPolicy(v100, policy).map(p => p.code),
    ['WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH']
  )
})

test('the standard-tools recipe accepts what the CLI signs and rejects tampering', async () => {
  const recipe = blockAfter('## Checking a manifest with standard tools', 'sh')
  const dir = tempDir()
  writeTree(dir, { 'dist/app.tar.gz': 'app', 'dist/sub dir/notes.txt': 'with a space', 'dist/.hidden': 'h' })
  const env = { ARTIFACT_SEAL_KEY: TEST_KEY_HEX, GITHUB_REPOSITORY: 'acme/widgets', GITHUB_SHA: 'a'.repeat(40) }
  const signed = await runCli(dir, ['sign', '--path', 'dist/**', '--expires-in', '1h'], env)
  assert.equal(signed.exitCode, 0, signed.stderr)
  // Its temporary folder goes away whatever happens, a failed check included.
  const tmp = tempDir('artifact-seal-recipe-tmp-')
  const run = () => {
    const r = spawnSync('bash', ['-c', recipe], {
      cwd: dir,
      env: { PATH: process.env.PATH, KEY: TEST_KEY_HEX, TMPDIR: tmp },
      encoding: 'utf8'
    })
    assert.deepEqual(fs.readdirSync(tmp), [], 'the recipe leaves no temporary folder behind')
    return r
  }

  let r = run()
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.match(r.stdout, /signature: OK\nfiles: OK\nrepository acme\/widgets commit a{40}/)

  fs.appendFileSync(path.join(dir, 'dist/sub dir/notes.txt'), '!')
  r = run()
  assert.notEqual(r.status, 0)
  assert.match(r.stdout + r.stderr, /notes.txt: FAILED/)
  fs.writeFileSync(path.join(dir, 'dist/sub dir/notes.txt'), 'with a space')

  const manifest = path.join(dir, 'artifact-seal.json')
  const envelope = JSON.parse(fs.readFileSync(manifest, 'utf8'))
  const sig = Buffer.from(envelope.signatures[0].sig, 'base64')
  sig[0] ^= 1
  envelope.signatures[0].sig = sig.toString('base64')
  fs.writeFileSync(manifest, JSON.stringify(envelope))
  r = run()
  assert.notEqual(r.status, 0)
  assert.match(r.stdout, /signature: FAILED/)

  // An expired manifest is refused by the recipe too.
  const expired = await runCli(dir, ['sign', '--path', 'dist/**', '--expires-in', '1s'], env)
  assert.equal(expired.exitCode, 0)
  await new Promise(resolve => setTimeout(resolve, 1100))
  r = run()
  assert.notEqual(r.status, 0)
  assert.match(r.stdout, /manifest: EXPIRED/)
})
