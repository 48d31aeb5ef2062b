import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIST_CLI, listTree, OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { collect, runCli } from '../helpers/runner.js'
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
    [[], env, /expected one command: sign, verify, merge or checksums/],
    [['frobnicate'], env, /expected one command: sign, verify, merge or checksums \(got frobnicate\)/],
    [['sign', '--bogus'], env, /^artifact-seal: unknown flag --bogus$/m],
    [['verify', '--pth', 'dist/**'], env, /^artifact-seal: unknown flag --pth \(did you mean --path\?\)$/m],
    [['verify', '--alow-unlisted'], env, /unknown flag --alow-unlisted \(did you mean --allow-unlisted\?\)/],
    [['verify', '--key-file', 'a', '--key-file', 'b'], env, /--key-file/],
    [['verify', '--manifest', 'a.json', '--manifest=b.json'], env, /--manifest/],
    [['verify', '--allow-unlisted'], env, /--allow-unlisted/],
    [['sign'], env, /--path is required to sign: give one or more glob patterns/],
    [['sign', '--path', 'dist/**'], {}, /no key: give --key-file FILE or set ARTIFACT_SEAL_KEY/],
    [
      ['sign', '--path', 'dist/**', '--key-file', '/nonexistent/key'],
      {},
      /--key-file \/nonexistent\/key: cannot read: no such file/
    ],
    [
      ['sign', '--path', 'dist/**'],
      { ARTIFACT_SEAL_KEY: 'abcd' },
      /ARTIFACT_SEAL_KEY is 2 bytes after hex decoding; at least 32 are required/
    ],
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
    assert.equal(
      r.stderr
        .trim()
        .split('\n')
        .filter(l => !l.startsWith('Run artifact-seal --help')).length,
      1,
      r.stderr
    )
    noStack(r.stderr)
    assert.ok(!r.stderr.includes('abcd'), 'a refused key is not echoed')
  }
  assert.deepEqual(listTree(dir), before)
})

test('verify fails closed: a path that matches nothing, or reaches outside base-dir, is exit 2 saying what patterns are relative to', async () => {
  const dir = project()
  fs.mkdirSync(path.join(dir, 'art/proj'), { recursive: true })
  fs.cpSync(path.join(dir, 'dist'), path.join(dir, 'art/proj/dist'), { recursive: true })
  const proj = path.join(dir, 'art/proj')
  assert.equal((await runCli(proj, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const real = fs.realpathSync(dir)
  // A typo: the unlisted check would check nothing.
  const typo = await runCli(proj, ['verify', '--path', 'dsit/**'], env)
  assert.equal(typo.exitCode, 2, typo.stdout + typo.stderr)
  assert.equal(
    typo.stderr,
    `artifact-seal: error: path matched no files: 'dsit/**' (patterns are relative to ${path.join(real, 'art/proj')}; base-dir is ${path.join(real, 'art/proj')})\n`
  )
  // One of two patterns mistyped is as bad.
  assert.equal((await runCli(proj, ['verify', '--path', 'dist/**', '--path', 'dist/*.jss'], env)).exitCode, 2)
  // Run from elsewhere with --base-dir: patterns are relative to the working directory, as for
  // sign, so a planted file cannot hide behind a pattern that looks somewhere else.
  fs.writeFileSync(path.join(proj, 'dist/evil.js'), 'planted')
  const elsewhere = await runCli(
    dir,
    ['verify', '--base-dir', 'art/proj', '--manifest', 'art/proj/artifact-seal.json', '--path', 'dist/**'],
    env
  )
  assert.equal(elsewhere.exitCode, 2, elsewhere.stdout + elsewhere.stderr)
  assert.match(
    elsewhere.stderr,
    new RegExp(
      `path matches ${real}/dist/a.bin, outside base-dir ${real}/art/proj \\(patterns are relative to ${real}\\)`
    )
  )
  fs.rmSync(path.join(dir, 'dist'), { recursive: true })
  const nothing = await runCli(
    dir,
    ['verify', '--base-dir', 'art/proj', '--manifest', 'art/proj/artifact-seal.json', '--path', 'dist/**'],
    env
  )
  assert.equal(nothing.exitCode, 2)
  assert.match(nothing.stderr, /path matched no files: 'dist\/\*\*' \(patterns are relative to /)
  const right = await runCli(
    dir,
    ['verify', '--base-dir', 'art/proj', '--manifest', 'art/proj/artifact-seal.json', '--path', 'art/proj/dist/**'],
    env
  )
  assert.equal(right.exitCode, 1)
  assert.match(right.stdout, /^FAIL UNLISTED_FILE: dist\/evil.js: matches path but is not listed in the manifest$/m)
})

test('a wrong base-dir gives one hint and at most 50 problem lines; --json has them all', async () => {
  const dir = tempDir()
  const files: Record<string, string> = {}
  for (let i = 0; i < 120; i++) files[`dist/f${i}.txt`] = `file ${i}`
  writeTree(dir, files)
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const text = await runCli(dir, ['verify', '--base-dir', 'dist'], env)
  assert.equal(text.exitCode, 1)
  const lines = text.stdout.trim().split('\n')
  assert.match(
    lines[0],
    /^HINT 120 of 120 listed files are missing under base-dir \S+\/dist; the names line up with base-dir \. \(set base-dir to it\)$/
  )
  assert.equal(lines.filter(l => l.startsWith('FAIL ')).length, 50)
  assert.ok(lines.includes('… and 70 more problem(s) (70 FILE_MISSING); all of them in --json'), text.stdout)
  const json = JSON.parse((await runCli(dir, ['verify', '--base-dir', 'dist', '--json'], env)).stdout)
  assert.equal(json.problems.length, 120)
  assert.equal(json.hints.length, 1)
})

test('a wrong key and a wrong algorithm say which: key ids on both sides, the MAC hash', async () => {
  const dir = project()
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--algorithm', 'sha512'], env)).exitCode, 0)
  const algorithm = await runCli(dir, ['verify'], env)
  assert.match(
    algorithm.stdout,
    /FAIL SIGNATURE_INVALID: .*its MACs are sha512 \(64 bytes\) and you verify with sha256: set algorithm to sha512/
  )
  const wrong = await runCli(dir, ['verify', '--algorithm', 'sha512'], { ARTIFACT_SEAL_KEY: OTHER_KEY_HEX })
  assert.match(
    wrong.stdout,
    /FAIL SIGNATURE_INVALID: .*a different key \(the manifest names key id\(s\) hmac:[0-9a-f]{32}; yours: hmac:[0-9a-f]{32}; sha512\)/
  )
  assert.ok(!wrong.stdout.includes(OTHER_KEY_HEX) && !wrong.stdout.includes(TEST_KEY_HEX))
})

test('broken symbolic links: an excluded one is no error, all others are named, and omitting them is a choice', async () => {
  const dir = project()
  fs.mkdirSync(path.join(dir, 'dist/doc'))
  for (let i = 0; i < 13; i++) fs.symlinkSync(`nowhere-${i}`, path.join(dir, `dist/doc/l${i}`))
  const signAll = await runCli(dir, ['sign', '--path', 'dist/**'], env)
  assert.equal(signAll.exitCode, 2)
  assert.match(
    signAll.stderr,
    /path: 13 broken symbolic links \(target does not exist\): .*dist\/doc\/l0, .*… and 3 more; exclude with a ! pattern or set omit-broken-symbolic-links/
  )
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--path', '!dist/doc/**'], env)).exitCode, 0)
  assert.equal((await runCli(dir, ['verify', '--path', 'dist/**', '--path', '!dist/doc/**'], env)).exitCode, 0)
  const verifyAll = await runCli(dir, ['verify', '--path', 'dist/**', '--json'], env)
  assert.equal(verifyAll.exitCode, 1)
  const problems = JSON.parse(verifyAll.stdout).problems
  assert.equal(
    problems.filter((p: any) => p.code === 'UNLISTED_FILE' && /broken symbolic link/.test(p.message)).length,
    13
  )
  assert.equal((await runCli(dir, ['verify', '--path', 'dist/**', '--omit-broken-symbolic-links'], env)).exitCode, 0)
  assert.equal(
    (await runCli(dir, ['sign', '--path', 'dist/**', '--omit-broken-symbolic-links', '--json'], env)).exitCode,
    0
  )
})

test('checksums: --json prints JSON, and a closed pipe ends it quietly', async () => {
  const dir = tempDir()
  const files: Record<string, string> = {}
  for (let i = 0; i < 5000; i++) files[`dist/f${i}.txt`] = `${i}`
  writeTree(dir, files)
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const json = await runCli(dir, ['checksums', '--json'], env)
  assert.equal(json.exitCode, 0)
  const report = JSON.parse(json.stdout)
  assert.equal(report.result, 'verified')
  assert.equal(report.checker, 'sha256sum')
  assert.equal(report.checksums.split('\n').length, 5001)
  const piped = await collect(
    'sh',
    ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(DIST_CLI)} checksums | head -2`],
    { cwd: dir, env: { PATH: process.env.PATH, ...env } }
  )
  assert.equal(piped.stdout.split('\n').length, 3)
  assert.ok(!/EPIPE|Error/.test(piped.stderr), piped.stderr)
  noStack(piped.stderr)
})

test('--help and --version', async () => {
  const help = await runCli(tempDir(), ['--help'])
  assert.equal(help.exitCode, 0)
  for (const flag of [
    '--path',
    '--base-dir',
    '--manifest',
    '--key-file',
    '--key-encoding',
    '--algorithm',
    '--expires-in',
    '--max-age',
    '--expected-repository',
    '--expected-commit',
    '--allow-unlisted',
    '--json',
    'Exit codes'
  ]) {
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
    [
      envelopeWith(
        { ...statement, subject: [{ name: '../../../etc/passwd', digest: { sha256: 'a'.repeat(64) } }] },
        TEST_KEY_HEX
      ),
      /FAIL STATEMENT_INVALID: .*subject\[0\]\.name.* contains "\.\."/
    ],
    [
      envelopeWith(
        { ...statement, subject: [{ name: '/etc/passwd', digest: { sha256: 'a'.repeat(64) } }] },
        TEST_KEY_HEX
      ),
      /FAIL STATEMENT_INVALID: .*is absolute/
    ],
    [
      envelopeWith({ ...statement, subject: [{ name: 'dist/a.bin', digest: { md5: 'a'.repeat(32) } }] }, TEST_KEY_HEX),
      /FAIL STATEMENT_INVALID: statement field subject\[0\]\.digest has md5/
    ]
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
  assert.match(
    JSON.parse(sign.stdout).keyId,
    /^hmac:[0-9a-f]{32}$/,
    'sign --json names the key id, as the key-id output does'
  )

  // A broken symbolic link planted where --path looks: the walk cannot rule out unlisted files.
  fs.symlinkSync('nowhere', path.join(dir, 'dist/planted'))
  const planted = await runCli(dir, ['verify', '--path', 'dist/**', '--json'], env)
  assert.equal(planted.exitCode, 1, planted.stderr)
  const report = JSON.parse(planted.stdout)
  assert.equal(report.result, 'failed')
  assert.ok(
    report.problems.some((p: any) => p.code === 'UNLISTED_FILE' && /broken symbolic link/.test(p.message)),
    planted.stdout
  )
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
  for (const args of [
    ['verify', '--json', '--no-such-flag'],
    ['frobnicate', '--json']
  ]) {
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
    [
      'sign',
      '--path',
      'dist/**',
      '--ref',
      'refs/heads/v1',
      '--workflow-ref',
      'acme/widgets/.github/workflows/ci.yml@refs/heads/v1',
      '--event-name',
      'workflow_dispatch',
      '--runner-environment',
      'self-hosted',
      '--job',
      'build',
      '--workflow-sha',
      'a'.repeat(40),
      '--label',
      'laptop'
    ],
    env
  )
  assert.equal(sign.exitCode, 0, sign.stderr)
  const p = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual(
    [p.ref, p.workflowRef, p.eventName, p.runnerEnvironment, p.job, p.workflowSha, p.label],
    [
      'refs/heads/v1',
      'acme/widgets/.github/workflows/ci.yml@refs/heads/v1',
      'workflow_dispatch',
      'self-hosted',
      'build',
      'a'.repeat(40),
      'laptop'
    ]
  )

  const policy = [
    '--expected-ref',
    'refs/tags/v*',
    '--expected-workflow',
    '.github/workflows/release.yml',
    '--expected-event',
    'push,release',
    '--require-hosted-runner'
  ]
  const bad = await runCli(dir, ['verify', ...policy, '--json'], env)
  assert.equal(bad.exitCode, 1, bad.stderr)
  const report = JSON.parse(bad.stdout)
  assert.equal(report.result, 'failed')
  assert.deepEqual(
    report.problems.map((x: any) => x.code),
    ['REF_MISMATCH', 'WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH']
  )
  assert.deepEqual(report.policy, {
    refs: ['refs/tags/v*'],
    workflows: ['.github/workflows/release.yml'],
    events: ['push', 'release'],
    hostedRunner: true
  })
  assert.equal(report.verifiedCount, 3, 'the files are still checked')
  const text = await runCli(dir, ['verify', ...policy], env)
  assert.equal(text.exitCode, 1)
  assert.match(
    text.stdout,
    /^FAIL REF_MISMATCH: manifest was signed at ref "refs\/heads\/v1", which matches none of the expected refs: refs\/tags\/v\*$/m
  )
  // checksums prints nothing for a manifest that fails the policy.
  const sums = await runCli(dir, ['checksums', '--expected-ref', 'refs/tags/*'], env)
  assert.equal(sums.exitCode, 1)
  assert.equal(sums.stdout, '')

  const ok = await runCli(
    dir,
    [
      'verify',
      '--expected-ref',
      'refs/heads/*',
      '--expected-ref',
      'refs/tags/v*',
      '--expected-workflow',
      '.github/workflows/*.yml',
      '--expected-event',
      'push',
      '--expected-event',
      'workflow_dispatch'
    ],
    env
  )
  assert.equal(ok.exitCode, 0, ok.stdout)

  // From the environment, as in a GitHub Actions job; flags win over it.
  const run = {
    ...env,
    GITHUB_REF: 'refs/tags/v2',
    GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/release.yml@refs/tags/v2',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_JOB: 'seal',
    GITHUB_WORKFLOW_SHA: 'b'.repeat(40)
  }
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**', '--event-name', 'release'], run)).exitCode, 0)
  const q = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual(
    [q.ref, q.eventName, q.runnerEnvironment, q.job, q.label],
    ['refs/tags/v2', 'release', 'github-hosted', 'seal', null]
  )
  const pass = await runCli(dir, ['verify', ...policy], env)
  assert.equal(pass.exitCode, 0, pass.stdout)
})

test('policy through the CLI: a field the manifest does not record fails; bad policy flags exit 2 before anything is read', async () => {
  const dir = project()
  assert.equal((await runCli(dir, ['sign', '--path', 'dist/**'], env)).exitCode, 0)
  const r = await runCli(dir, ['verify', '--expected-ref', 'refs/**', '--require-hosted-runner', '--json'], env)
  assert.equal(r.exitCode, 1)
  assert.deepEqual(
    JSON.parse(r.stdout).problems.map((x: any) => x.code),
    ['REF_MISMATCH', 'RUNNER_MISMATCH']
  )
  assert.equal(JSON.parse((await runCli(dir, ['verify', '--json'], env)).stdout).policy, null, 'no policy asked: null')

  // The key file and the manifest do not exist: an error about either would mean they were read.
  const absent = ['--key-file', 'no-such-key', '--manifest', 'no-such.json']
  const cases: [string[], RegExp][] = [
    [['verify', '--expected-ref', ''], /--expected-ref has an empty pattern/],
    [['verify', '--expected-workflow', '!x'], /--expected-workflow has no pattern that is not an exclusion/],
    [['verify', '--expected-event', 'push,'], /--expected-event has an empty event name/],
    [['verify', '--require-hosted-runner=maybe'], /--require-hosted-runner/],
    [['verify', '--label', 'x'], /--label is for sign and merge only/],
    [
      ['sign', '--path', 'dist/**', '--expected-event', 'push'],
      /--expected-event is for verify, checksums and merge only/
    ],
    [
      ['sign', '--path', 'dist/**', '--runner-environment', 'laptop'],
      /Unrecognized --runner-environment input. Provided: laptop. Available options: github-hosted, self-hosted/
    ]
  ]
  for (const [args, message] of cases) {
    const result = await runCli(dir, [...args, ...absent], {})
    assert.equal(result.exitCode, 2, `${args.join(' ')}: ${result.stderr}`)
    assert.equal(result.stderr.trim().split('\n')[0].match(message)?.length, 1, `${args.join(' ')}: ${result.stderr}`)
    assert.ok(!/no-such/.test(result.stderr), `nothing read: ${result.stderr}`)
    noStack(result.stderr)
  }
})
