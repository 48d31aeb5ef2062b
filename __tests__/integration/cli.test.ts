import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { listTree, OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runCli } from '../helpers/runner.js'
import { envelopeWith, statementOf } from '../helpers/manifest.js'

function project(): string {
  const dir = tempDir()
  writeTree(dir, { 'dist/a.bin': 'alpha', 'dist/b/c.txt': 'charlie', 'dist/d.map': 'map' })
  return dir
}
const env = { ARTIFACT_SEAL_KEY: TEST_KEY_HEX }
const noStack = (text: string) => assert.ok(!/\n\s+at .*:\d+:\d+/.test(text), `no stack trace in: ${text}`)

test('sign and verify round-trip with exit code 0 and a JSON report', async () => {
  const dir = project()
  const sign = await runCli(dir, ['sign', '--path', 'dist/**', '--path', '!dist/**/*.map', '--json'], env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  const signed = JSON.parse(sign.stdout)
  assert.equal(signed.result, 'signed')
  assert.equal(signed.subjectCount, 2)
  assert.equal(signed.manifestPath, path.join(fs.realpathSync(dir), 'artifact-seal.json'))

  const verify = await runCli(dir, ['verify', '--path', 'dist/**', '--path', '!dist/**/*.map', '--json'], env)
  assert.equal(verify.exitCode, 0, verify.stderr)
  const report = JSON.parse(verify.stdout)
  assert.equal(report.result, 'verified')
  assert.equal(report.verifiedCount, 2)
  assert.deepEqual(report.problems, [])

  const text = await runCli(dir, ['verify'], env)
  assert.equal(text.exitCode, 0)
  assert.match(text.stdout, /^verified 2 file\(s\) against .*artifact-seal.json \(key hmac:[0-9a-f]{32}\)$/m)
})

test('a failed verification exits 1 and lists every problem, in text and in --json', async () => {
  const dir = project()
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  fs.writeFileSync(path.join(dir, 'dist/a.bin'), 'tampered')
  fs.rmSync(path.join(dir, 'dist/d.map'))
  fs.writeFileSync(path.join(dir, 'dist/new'), 'unlisted')
  const text = await runCli(dir, ['verify', '--path', 'dist/**'], env)
  assert.equal(text.exitCode, 1)
  assert.match(text.stdout, /^FAIL DIGEST_MISMATCH: dist\/a.bin: sha256 digest does not match the manifest$/m)
  assert.match(text.stdout, /^FAIL FILE_MISSING: dist\/d.map: no such file$/m)
  assert.match(text.stdout, /^FAIL UNLISTED_FILE: dist\/new: /m)
  assert.match(text.stdout, /^verification failed: 3 problem\(s\), 1 file\(s\) verified$/m)
  const json = await runCli(dir, ['verify', '--path', 'dist/**', '--json'], env)
  assert.equal(json.exitCode, 1)
  const report = JSON.parse(json.stdout)
  assert.equal(report.result, 'failed')
  assert.deepEqual(report.problems.map((p: any) => p.code).sort(), ['DIGEST_MISMATCH', 'FILE_MISSING', 'UNLISTED_FILE'])
  // With another key: exit 1, the signature is the problem.
  const wrong = await runCli(dir, ['verify'], { ARTIFACT_SEAL_KEY: OTHER_KEY_HEX })
  assert.equal(wrong.exitCode, 1)
  assert.match(wrong.stdout, /FAIL SIGNATURE_INVALID/)
})

test('keys from --key-file (two lines for rotation) and from the environment', async () => {
  const dir = project()
  const keyFile = path.join(tempDir(), 'keys')
  fs.writeFileSync(keyFile, `${TEST_KEY_HEX}\n${OTHER_KEY_HEX}\n`)
  const sign = await runCli(dir, ['sign', '--path', 'dist/**', '--key-file', keyFile, '--json'], {})
  assert.equal(sign.exitCode, 0, sign.stderr)
  assert.equal(JSON.parse(sign.stdout).keyIds.length, 2)
  for (const key of [TEST_KEY_HEX, OTHER_KEY_HEX]) {
    assert.equal((await runCli(dir, ['verify'], { ARTIFACT_SEAL_KEY: key })).exitCode, 0)
  }
})

test('usage and configuration errors exit 2 with one line, no stack trace, no output file', async () => {
  const dir = project()
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [[], env, /expected one command: sign, verify or checksums/],
    [['frobnicate'], env, /expected one command: sign, verify or checksums \(got frobnicate\)/],
    [['sign', '--bogus'], env, /Unknown option '--bogus'/],
    [['sign'], env, /--path is required to sign: give one or more glob patterns/],
    [['sign', '--path', 'dist/**'], {}, /no key: give --key-file FILE or set ARTIFACT_SEAL_KEY/],
    [['sign', '--path', 'dist/**', '--key-file', '/nonexistent/key'], {}, /--key-file \/nonexistent\/key: cannot read: no such file/],
    [['sign', '--path', 'dist/**'], { ARTIFACT_SEAL_KEY: 'abcd' }, /ARTIFACT_SEAL_KEY is 2 bytes after hex decoding; at least 32 are required/],
    [['sign', '--path', 'dist/**', '--algorithm', 'sha1'], env, /Unrecognized --algorithm input. Provided: sha1/],
    [['sign', '--path', 'nothing/**'], env, /path matched no files/],
    [['verify', '--max-age', 'forever'], env, /Invalid --max-age input: "forever"/],
    [['verify', '--expected-commit', 'abc'], env, /--expected-commit is "abc", not a full commit SHA/]
  ]
  const before = listTree(dir)
  for (const [args, e, message] of cases) {
    const r = await runCli(dir, args, e)
    assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.match(r.stderr, message)
    assert.equal(r.stderr.trim().split('\n').filter(l => !l.startsWith('Run artifact-seal --help')).length, 1, r.stderr)
    noStack(r.stderr)
    assert.ok(!r.stderr.includes('abcd'), 'a refused key is not echoed')
  }
  assert.deepEqual(listTree(dir), before)
})

test('--help and --version', async () => {
  const help = await runCli(tempDir(), ['--help'])
  assert.equal(help.exitCode, 0)
  for (const flag of ['--path', '--base-dir', '--manifest', '--key-file', '--key-encoding', '--algorithm', '--expires-in', '--max-age', '--expected-repository', '--expected-commit', '--allow-unlisted', '--json', 'Exit codes']) {
    assert.ok(help.stdout.includes(flag), flag)
  }
  const version = await runCli(tempDir(), ['--version'])
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/)
})

test('hostile manifests fail verification (exit 1) with the field named, and touch nothing outside base-dir', async () => {
  const dir = project()
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const manifest = path.join(dir, 'artifact-seal.json')
  const original = fs.readFileSync(manifest, 'utf8')
  const statement = statementOf(original)

  const cases: [string, RegExp][] = [
    ['{"payloadType": 1}', /FAIL MANIFEST_INVALID: manifest field payloadType is not a string/],
    ['{"a":1,"a":2}', /FAIL MANIFEST_INVALID: .*duplicate key at character 7/],
    [envelopeWith({ ...statement, subject: [{ name: '../../../etc/passwd', digest: { sha256: 'a'.repeat(64) } }] }, TEST_KEY_HEX), /FAIL STATEMENT_INVALID: .*subject\[0\]\.name.* contains "\.\."/],
    [envelopeWith({ ...statement, subject: [{ name: '/etc/passwd', digest: { sha256: 'a'.repeat(64) } }] }, TEST_KEY_HEX), /FAIL STATEMENT_INVALID: .*is absolute/],
    [envelopeWith({ ...statement, subject: [{ name: 'dist/a.bin', digest: { md5: 'a'.repeat(32) } }] }, TEST_KEY_HEX), /FAIL STATEMENT_INVALID: statement field subject\[0\]\.digest has md5/]
  ]
  for (const [content, message] of cases) {
    fs.writeFileSync(manifest, content)
    const r = await runCli(dir, ['verify'], env)
    assert.equal(r.exitCode, 1, r.stdout + r.stderr)
    assert.match(r.stdout, message)
    noStack(r.stdout + r.stderr)
  }
  // The algorithm is the verifier's: verifying a sha256 manifest as sha512 fails on the signature.
  fs.writeFileSync(manifest, original)
  const r = await runCli(dir, ['verify', '--algorithm', 'sha512'], env)
  assert.equal(r.exitCode, 1)
  assert.match(r.stdout, /FAIL SIGNATURE_INVALID/)
})

test('what an attacker plants among the artifacts, or an oversized manifest, is a failed verification (exit 1), not a usage error', async () => {
  const dir = project()
  const sign = await runCli(dir, ['sign', '--path', 'dist/**', '--json'], env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  assert.match(JSON.parse(sign.stdout).keyId, /^hmac:[0-9a-f]{32}$/, 'sign --json names the key id, as the key-id output does')

  // A broken symbolic link planted where --path looks: the walk cannot rule out unlisted files.
  fs.symlinkSync('nowhere', path.join(dir, 'dist/planted'))
  const planted = await runCli(dir, ['verify', '--path', 'dist/**', '--json'], env)
  assert.equal(planted.exitCode, 1, planted.stderr)
  const report = JSON.parse(planted.stdout)
  assert.equal(report.result, 'failed')
  assert.ok(report.problems.some((p: any) => p.code === 'UNLISTED_FILE' && /broken symbolic link/.test(p.message)), planted.stdout)
  fs.rmSync(path.join(dir, 'dist/planted'))

  // Over 64 MiB (sparse): refused unread, and the exit code says the check failed.
  const big = path.join(dir, 'big.json')
  fs.closeSync(fs.openSync(big, 'w'))
  fs.truncateSync(big, 64 * 1024 * 1024 + 1)
  const oversized = await runCli(dir, ['verify', '--manifest', 'big.json'], env)
  assert.equal(oversized.exitCode, 1, oversized.stderr)
  noStack(oversized.stdout + oversized.stderr)
})

test('--json answers usage errors with JSON too', async () => {
  const dir = project()
  for (const args of [['verify', '--json', '--no-such-flag'], ['frobnicate', '--json']]) {
    const r = await runCli(dir, args, env)
    assert.equal(r.exitCode, 2)
    const answer = JSON.parse(r.stdout)
    assert.equal(answer.result, 'error')
    assert.equal(answer.code, 'USAGE')
    assert.match(answer.error, /no-such-flag|expected one command/)
  }
})

test('policy through the CLI: sign binds the run from flags or the environment; verify checks it, with --json', async () => {
  const dir = project()
  const sign = await runCli(
    dir,
    ['sign', '--path', 'dist/**', '--ref', 'refs/heads/v1', '--workflow-ref', 'acme/widgets/.github/workflows/ci.yml@refs/heads/v1', '--event-name', 'workflow_dispatch', '--runner-environment', 'self-hosted', '--job', 'build', '--workflow-sha', 'a'.repeat(40), '--label', 'laptop'],
    env
  )
  assert.equal(sign.exitCode, 0, sign.stderr)
  const p = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual([p.ref, p.workflowRef, p.eventName, p.runnerEnvironment, p.job, p.workflowSha, p.label], ['refs/heads/v1', 'acme/widgets/.github/workflows/ci.yml@refs/heads/v1', 'workflow_dispatch', 'self-hosted', 'build', 'a'.repeat(40), 'laptop'])

  const policy = ['--expected-ref', 'refs/tags/v*', '--expected-workflow', '.github/workflows/release.yml', '--expected-event', 'push,release', '--require-hosted-runner']
  const bad = await runCli(dir, ['verify', ...policy, '--json'], env)
  assert.equal(bad.exitCode, 1, bad.stderr)
  const report = JSON.parse(bad.stdout)
  assert.equal(report.result, 'failed')
  assert.deepEqual(report.problems.map((x: any) => x.code), ['REF_MISMATCH', 'WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH'])
  assert.deepEqual(report.policy, { refs: ['refs/tags/v*'], workflows: ['.github/workflows/release.yml'], events: ['push', 'release'], hostedRunner: true })
  assert.equal(report.verifiedCount, 3, 'the files are still checked')
  const text = await runCli(dir, ['verify', ...policy], env)
  assert.equal(text.exitCode, 1)
  assert.match(text.stdout, /^FAIL REF_MISMATCH: manifest was signed at ref "refs\/heads\/v1", which matches none of the expected refs: refs\/tags\/v\*$/m)
  // checksums prints nothing for a manifest that fails the policy.
  const sums = await runCli(dir, ['checksums', '--expected-ref', 'refs/tags/*'], env)
  assert.equal(sums.exitCode, 1)
  assert.equal(sums.stdout, '')

  const ok = await runCli(dir, ['verify', '--expected-ref', 'refs/heads/*', '--expected-ref', 'refs/tags/v*', '--expected-workflow', '.github/workflows/*.yml', '--expected-event', 'push', '--expected-event', 'workflow_dispatch'], env)
  assert.equal(ok.exitCode, 0, ok.stdout)

  // From the environment, as in a GitHub Actions job; flags win over it.
  const run = { ...env, GITHUB_REF: 'refs/tags/v2', GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/release.yml@refs/tags/v2', GITHUB_EVENT_NAME: 'push', RUNNER_ENVIRONMENT: 'github-hosted', GITHUB_JOB: 'seal', GITHUB_WORKFLOW_SHA: 'b'.repeat(40) }
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--event-name', 'release'], run)).exitCode, 0)
  const q = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual([q.ref, q.eventName, q.runnerEnvironment, q.job, q.label], ['refs/tags/v2', 'release', 'github-hosted', 'seal', null])
  const pass = await runCli(dir, ['verify', ...policy], env)
  assert.equal(pass.exitCode, 0, pass.stdout)
})

test('policy through the CLI: a field the manifest does not record fails; bad policy flags exit 2 before anything is read', async () => {
  const dir = project()
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const r = await runCli(dir, ['verify', '--expected-ref', 'refs/**', '--require-hosted-runner', '--json'], env)
  assert.equal(r.exitCode, 1)
  assert.deepEqual(JSON.parse(r.stdout).problems.map((x: any) => x.code), ['REF_MISMATCH', 'RUNNER_MISMATCH'])
  assert.equal(JSON.parse((await runCli(dir, ['verify', '--json'], env)).stdout).policy, null, 'no policy asked: null')

  // The key file and the manifest do not exist: an error about either would mean they were read.
  const absent = ['--key-file', 'no-such-key', '--manifest', 'no-such.json']
  const cases: [string[], RegExp][] = [
    [['verify', '--expected-ref', ''], /--expected-ref has an empty pattern/],
    [['verify', '--expected-workflow', '!x'], /--expected-workflow has no pattern that is not an exclusion/],
    [['verify', '--expected-event', 'push,'], /--expected-event has an empty event name/],
    [['verify', '--require-hosted-runner=maybe'], /--require-hosted-runner/],
    [['verify', '--label', 'x'], /--label is for sign only/],
    [['sign', '--path', 'dist/**', '--expected-event', 'push'], /--expected-event is for verify and checksums only/],
    [['sign', '--path', 'dist/**', '--runner-environment', 'laptop'], /Unrecognized --runner-environment input. Provided: laptop. Available options: github-hosted, self-hosted/]
  ]
  for (const [args, message] of cases) {
    const result = await runCli(dir, [...args, ...absent], {})
    assert.equal(result.exitCode, 2, `${args.join(' ')}: ${result.stderr}`)
    assert.equal(result.stderr.trim().split('\n')[0].match(message)?.length, 1, `${args.join(' ')}: ${result.stderr}`)
    assert.ok(!/no-such/.test(result.stderr), `nothing read: ${result.stderr}`)
    noStack(result.stderr)
  }
})
