import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runCli } from '../helpers/runner.js'

/*
 * The attacks of docs/threat-model.md "Attacks tried, and what stops them", replayed against the
 * CLI bundle: artifacts, manifests and file names in the attacker's hands, no key.
 */

const env = { ARTIFACT_SEAL_KEY: TEST_KEY_HEX }
const noStack = (text: string): void => assert.ok(!/\n\s+at .*:\d+:\d+/.test(text), `no stack trace in: ${text}`)

;(!fs.existsSync('/proc/self/pagemap') && 'no /proc here' ? test.skip : test)(
  'a manifest that is a link to /proc/self/pagemap (fstat size 0, endless) is refused after 64 MiB, not read until memory runs out',
  async () => {
    const dir = tempDir()
    writeTree(dir, { 'dist/a.bin': 'a' })
    fs.symlinkSync('/proc/self/pagemap', path.join(dir, 'artifact-seal.json'))
    const started = Date.now()
    const r = await runCli(dir, ['verify', '--json'], env)
    assert.equal(r.exitCode, 1, r.stderr)
    const report = JSON.parse(r.stdout)
    assert.deepEqual(
      report.problems.map((p: { code: string }) => p.code),
      ['MANIFEST_TOO_LARGE']
    )
    assert.match(report.problems[0].message, /holds more than 67108864 bytes/)
    assert.ok(Date.now() - started < 30_000)
    // The same reader serves sign's subject-checksums.
    const list = await runCli(dir, ['sign', '--subject-checksums', '/proc/self/pagemap'], env)
    assert.equal(list.exitCode, 2, list.stderr)
    assert.match(list.stderr, /subject-checksums \/proc\/self\/pagemap holds more than 67108864 bytes/)
    noStack(r.stderr + list.stderr)
  }
)

test('a key file given as the manifest: the error names the file and an offset, never a byte of the key', async () => {
  const dir = tempDir()
  const key = 'c900144300a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b'
  writeTree(dir, { 'dist/a.bin': 'a', 'key.hex': `${key}\n` })
  for (const args of [
    ['verify', '--manifest', 'key.hex'],
    ['verify', '--manifest', 'key.hex', '--json'],
    ['checksums', '--manifest', 'key.hex']
  ]) {
    const r = await runCli(dir, [...args, '--key-file', 'key.hex'])
    assert.equal(r.exitCode, 1, r.stdout + r.stderr)
    const all = r.stdout + r.stderr
    for (let i = 0; i + 6 <= key.length; i += 6)
      assert.ok(!all.includes(key.slice(i, i + 6)), `a fragment of the key in: ${all}`)
    assert.match(all, /key\.hex is not valid JSON \(unexpected character\)/)
  }
})

test('a file name holding workflow commands is printed escaped by the CLI, and --json still carries the exact name', async () => {
  const dir = tempDir()
  const name = '##[add-mask]hunter2'
  writeTree(dir, { [`dist/${name}`]: 'x', 'dist/ok': 'y' })
  const sign = await runCli(dir, ['sign', '--path', 'dist/**', '--json'], env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  assert.ok(!sign.stdout.includes('##['), sign.stdout)
  assert.deepEqual(
    JSON.parse(sign.stdout).subjects.map((s: { name: string }) => s.name),
    [`dist/${name}`, 'dist/ok']
  )
  // Tampered, the name reaches a FAIL line and the checksum list: neither is a command.
  fs.writeFileSync(path.join(dir, 'dist', name), 'tampered')
  const verify = await runCli(dir, ['verify', '--path', 'dist/**'], env)
  assert.equal(verify.exitCode, 1)
  assert.match(verify.stdout, /FAIL DIGEST_MISMATCH: dist\/#\\u0023\[add-mask\]hunter2/)
  const list = await runCli(dir, ['checksums'], env)
  for (const text of [verify.stdout, verify.stderr, list.stdout, list.stderr]) {
    assert.ok(!text.includes('##['), text)
    assert.ok(!/^\s*::/m.test(text), text)
  }
})

test('listed names that are symbolic links fail verify unless allowed; sign refuses them the same way; a link out of base-dir never passes', async () => {
  const dir = tempDir()
  const elsewhere = tempDir()
  writeTree(dir, { 'dist/app.js': 'app', 'dist/lib.js': 'lib' })
  const sign = await runCli(dir, ['sign', '--path', 'dist/**'], env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  // The attacker swaps a file for a link to an identical copy outside, and another for one inside.
  fs.writeFileSync(path.join(elsewhere, 'app.js'), 'app')
  fs.rmSync(path.join(dir, 'dist/app.js'))
  fs.symlinkSync(path.join(elsewhere, 'app.js'), path.join(dir, 'dist/app.js'))
  fs.writeFileSync(path.join(dir, 'dist/.lib-copy'), 'lib')
  fs.rmSync(path.join(dir, 'dist/lib.js'))
  fs.symlinkSync('.lib-copy', path.join(dir, 'dist/lib.js'))
  const refused = await runCli(dir, ['verify', '--json'], env)
  assert.equal(refused.exitCode, 1)
  const problems = JSON.parse(refused.stdout).problems.map(
    (p: { code: string; subject: string }) => `${p.code} ${p.subject}`
  )
  assert.deepEqual(problems.sort(), ['PATH_UNSAFE dist/app.js', 'PATH_UNSAFE dist/lib.js'])
  const allowed = await runCli(dir, ['verify', '--allow-symlinks', '--json'], env)
  assert.deepEqual(
    JSON.parse(allowed.stdout).problems.map((p: { subject: string }) => p.subject),
    ['dist/app.js'],
    'the link out of base-dir still fails'
  )
  // Sign refuses a link too, naming it, and writes nothing; allowed, it seals what the link points to.
  fs.rmSync(path.join(dir, 'artifact-seal.json'))
  fs.rmSync(path.join(dir, 'dist/app.js'))
  const signLink = await runCli(dir, ['sign', '--path', 'dist/**'], env)
  assert.equal(signLink.exitCode, 2)
  assert.match(signLink.stderr, /dist\/lib\.js: is a symbolic link or lies below one/)
  assert.ok(!fs.existsSync(path.join(dir, 'artifact-seal.json')))
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--allow-symlinks'], env)).exitCode, 0)
})

test('a linked directory out of base-dir is refused once, named, not walked; link chains cost what their files cost', async () => {
  const dir = tempDir()
  writeTree(dir, { 'dist/app.js': 'app' })
  fs.symlinkSync('/', path.join(dir, 'dist/root'))
  const started = Date.now()
  const sign = await runCli(dir, ['sign', '--path', 'dist/**'], env)
  assert.equal(sign.exitCode, 2)
  assert.match(sign.stderr, /dist\/root is a symbolic link to \/, outside base-dir .*; it is not followed/)
  fs.writeFileSync(path.join(dir, 'artifact-seal.json'), '{}')
  const verify = await runCli(dir, ['verify', '--path', 'dist/**'], env)
  assert.equal(verify.exitCode, 1)
  assert.ok(Date.now() - started < 20_000, 'neither walked the whole file system')
  noStack(sign.stderr + verify.stderr)
})

test('an empty --expected-repository means the default ($GITHUB_REPOSITORY), as an empty input does in the action', async () => {
  const dir = tempDir()
  writeTree(dir, { 'dist/app.js': 'app' })
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--repository', 'evil/fork'], env)).exitCode, 0)
  const r = await runCli(dir, ['verify', '--expected-repository', ''], { ...env, GITHUB_REPOSITORY: 'acme/widgets' })
  assert.equal(r.exitCode, 1)
  assert.match(r.stdout, /REPOSITORY_MISMATCH: manifest was signed in repository evil\/fork, expected acme\/widgets/)
})
