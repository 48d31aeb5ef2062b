import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { listTree, OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { GITHUB_CONTEXT, runAction, type StepResult } from '../helpers/runner.js'
import { envelopeWith, statementOf } from '../helpers/manifest.js'

function workspace(): string {
  const dir = tempDir()
  writeTree(dir, {
    'dist/app.tar.gz': 'the app',
    'dist/lib/libx.so': 'a library',
    'dist/.config': 'hidden file',
    'dist/app.js.map': 'source map',
    'src/main.c': 'not an artifact'
  })
  return dir
}

/** Every text the step left where a user or another job could read it. */
function everythingWritten(step: StepResult, dir: string): string {
  const files = listTree(dir).map(f => fs.readFileSync(path.join(dir, f), 'utf8'))
  return [
    step.stdout.replace(/^::add-mask::.*$/gm, ''),
    step.stderr,
    JSON.stringify(step.outputs),
    step.summary,
    ...files
  ].join('\n')
}

const SIGN = { path: 'dist/**\n!dist/**/*.map', key: TEST_KEY_HEX }

test('sign: outputs, manifest, summary, and the key masked in every encoding before use', async () => {
  const dir = workspace()
  const step = await runAction(dir, { ...SIGN, 'expires-in': '90d' })
  assert.equal(step.exitCode, 0, step.stdout + step.stderr)
  const manifest = path.join(dir, 'artifact-seal.json')
  const bytes = fs.readFileSync(manifest)
  assert.equal(step.outputs['manifest-path'], manifest)
  assert.equal(step.outputs['manifest-sha256'], createHash('sha256').update(bytes).digest('hex'))
  assert.equal(step.outputs['subject-count'], '3')
  assert.match(step.outputs['key-id'], /^hmac:[0-9a-f]{32}$/)

  const statement = statementOf(bytes.toString())
  assert.deepEqual(
    statement.subject.map((s: any) => s.name),
    ['dist/.config', 'dist/app.tar.gz', 'dist/lib/libx.so']
  )
  assert.equal(statement.predicate.repository, GITHUB_CONTEXT.GITHUB_REPOSITORY)
  assert.equal(statement.predicate.commit, GITHUB_CONTEXT.GITHUB_SHA)
  assert.equal(statement.predicate.ref, GITHUB_CONTEXT.GITHUB_REF)
  assert.equal(statement.predicate.workflowRef, GITHUB_CONTEXT.GITHUB_WORKFLOW_REF)
  assert.equal(statement.predicate.runId, '4242')
  assert.equal(statement.predicate.runAttempt, '1')
  assert.ok(Date.parse(statement.predicate.expiresAt) - Date.parse(statement.predicate.createdAt) === 90 * 86_400_000)

  // Masked before anything else is printed, in every form we could print it in.
  const key = Buffer.from(TEST_KEY_HEX, 'hex')
  for (const form of [TEST_KEY_HEX, TEST_KEY_HEX.toUpperCase(), key.toString('base64'), key.toString('base64url')]) {
    assert.ok(step.masks.includes(form), `masked ${form}`)
  }
  const firstMask = step.stdout.indexOf('::add-mask::')
  assert.ok(firstMask >= 0 && step.stdout.slice(0, firstMask).trim() === '', 'nothing printed before the key is masked')
  const written = everythingWritten(step, dir)
  for (const form of [TEST_KEY_HEX, key.toString('base64')])
    assert.ok(!written.includes(form), 'the key appears nowhere')

  assert.match(step.summary, /## artifact-seal: sealed/)
  assert.match(step.summary, /\| `dist\/app.tar.gz` \| 7 B \| `[0-9a-f]{12}…` \|/)
})

test('verify: passes on the untouched set, then fails with every problem in log, annotations, outputs and summary', async () => {
  const dir = workspace()
  assert.equal((await runAction(dir, SIGN)).exitCode, 0)
  const ok = await runAction(dir, {
    mode: 'verify',
    path: 'dist/**\n!dist/**/*.map',
    key: TEST_KEY_HEX,
    'max-age': '1h'
  })
  assert.equal(ok.exitCode, 0, ok.stdout)
  assert.deepEqual([ok.outputs.result, ok.outputs['verified-count']], ['verified', '3'])
  assert.match(ok.summary, /✅ verified/)

  fs.appendFileSync(path.join(dir, 'dist/app.tar.gz'), ' with a backdoor')
  fs.rmSync(path.join(dir, 'dist/lib/libx.so'))
  fs.writeFileSync(path.join(dir, 'dist/extra.sh'), 'unlisted')
  const bad = await runAction(dir, { mode: 'verify', path: 'dist/**\n!dist/**/*.map', key: TEST_KEY_HEX })
  assert.equal(bad.exitCode, 1)
  assert.deepEqual([bad.outputs.result, bad.outputs['verified-count']], ['failed', '1'])
  assert.match(
    bad.stdout,
    /^::error title=artifact-seal%3A DIGEST_MISMATCH,file=dist\/app.tar.gz::dist\/app.tar.gz: sha256 digest does not match the manifest$/m
  )
  assert.match(
    bad.stdout,
    /^::error title=artifact-seal%3A FILE_MISSING,file=dist\/lib\/libx.so::dist\/lib\/libx.so: no such file$/m
  )
  assert.match(bad.stdout, /^::error title=artifact-seal%3A UNLISTED_FILE,file=dist\/extra.sh::/m)
  assert.match(bad.stdout, /^::error::artifact-seal: verification failed with 3 problem\(s\)/m)
  assert.match(bad.summary, /❌ verification failed/)
  assert.match(bad.summary, /### 3 problem\(s\)/)
  for (const code of ['DIGEST_MISMATCH', 'FILE_MISSING', 'UNLISTED_FILE']) assert.ok(bad.summary.includes(code))

  const unlistedAllowed = await runAction(dir, {
    mode: 'verify',
    path: 'dist/**',
    key: TEST_KEY_HEX,
    'allow-unlisted': 'true'
  })
  assert.ok(!unlistedAllowed.stdout.includes('UNLISTED_FILE'))
})

test('verify: wrong key, repository, commit, expiry and max-age each fail the step', async () => {
  const dir = workspace()
  assert.equal((await runAction(dir, { ...SIGN, 'expires-in': '1s' })).exitCode, 0)
  const wrongKey = await runAction(dir, { mode: 'verify', key: OTHER_KEY_HEX })
  assert.equal(wrongKey.exitCode, 1)
  assert.match(wrongKey.stdout, /SIGNATURE_INVALID/)
  assert.equal(wrongKey.outputs.result, 'failed')

  // Another repository's deploy job (the default expected-repository is the running one).
  const fork = await runAction(
    dir,
    { mode: 'verify', key: TEST_KEY_HEX, 'expected-commit': 'b'.repeat(40) },
    { GITHUB_REPOSITORY: 'someone/fork' }
  )
  assert.equal(fork.exitCode, 1)
  assert.match(fork.stdout, /REPOSITORY_MISMATCH.*signed in repository acme\/widgets, expected someone\/fork/)
  assert.match(fork.stdout, /COMMIT_MISMATCH/)

  await new Promise(resolve => setTimeout(resolve, 1100))
  const expired = await runAction(dir, { mode: 'verify', key: TEST_KEY_HEX, 'max-age': '1s' })
  assert.equal(expired.exitCode, 1)
  assert.match(expired.stdout, /EXPIRED/)
  assert.match(expired.stdout, /TOO_OLD/)
})

test('bad inputs: one line naming the input, no stack trace, nothing written', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ path: 'dist/**', key: 'ab'.repeat(16) }, /key input is 16 bytes after hex decoding; at least 32 are required/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, algorithm: 'md5' }, /Unrecognized algorithm input. Provided: md5/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, 'key-encoding': 'raw' }, /Unrecognized key-encoding input/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, mode: 'check' }, /Unrecognized mode input. Provided: check/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, 'expires-in': 'soon' }, /Invalid expires-in input: "soon"/],
    [{ path: 'nothing/**', key: TEST_KEY_HEX }, /path matched no files/],
    [{ key: TEST_KEY_HEX }, /path input is required to sign/],
    [{ path: 'dist/**' }, /key input is required/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, 'base-dir': 'nope' }, /base-dir .*nope is not a directory/],
    [{ path: 'dist/**', key: TEST_KEY_HEX, 'key-source': 'hsm' }, /Unrecognized key-source input. Provided: hsm/]
  ]
  const dir = workspace()
  const before = listTree(dir)
  await Promise.all(
    cases.map(async ([inputs, message]) => {
      const step = await runAction(dir, inputs)
      assert.equal(step.exitCode, 1, JSON.stringify(inputs))
      const errors = step.stdout.split('\n').filter(l => l.startsWith('::error::'))
      assert.equal(errors.length, 1, step.stdout)
      assert.match(errors[0], message)
      assert.ok(!/\n\s+at /.test(step.stdout + step.stderr), 'no stack trace')
      const unmasked = step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr
      if (inputs.key) assert.ok(!unmasked.includes(inputs.key), 'a key, even a refused one, is never echoed')
    })
  )
  assert.deepEqual(listTree(dir), before, 'no partial output')
})

test('a symlink out of base-dir is refused when signing, with the file named', async () => {
  const dir = workspace()
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, 'id_rsa'), 'secret')
  fs.symlinkSync(path.join(outside, 'id_rsa'), path.join(dir, 'dist', 'innocent.txt'))
  const step = await runAction(dir, SIGN)
  assert.equal(step.exitCode, 1)
  assert.match(step.stdout, /::error::dist\/innocent.txt: resolves outside base-dir/)
  assert.ok(!fs.existsSync(path.join(dir, 'artifact-seal.json')))
})

test('a file name with a newline and a workflow command in it cannot forge a command, refused at sign or found unlisted at verify', async () => {
  const dir = tempDir()
  // The name holds ":" as well, so sign refuses it (an alternate data stream on Windows).
  const evil = 'dist/evil\n::warning::forged.js'
  writeTree(dir, { 'dist/app.js': 'the app', [evil]: 'x' })
  const refused = await runAction(dir, { path: 'dist/**', key: TEST_KEY_HEX })
  assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr)
  assert.match(refused.stdout, /^::error::path: subject name "dist\/evil\\n::warning::forged\.js" contains ":"/m)
  assert.ok(!/^::warning::forged/m.test(refused.stdout), 'no line of the log starts a workflow command from the name')
  assert.ok(!fs.existsSync(path.join(dir, 'artifact-seal.json')))

  fs.rmSync(path.join(dir, evil))
  const signed = await runAction(dir, { path: 'dist/**', key: TEST_KEY_HEX })
  assert.equal(signed.exitCode, 0, signed.stdout + signed.stderr)
  assert.equal(
    (await runAction(dir, { mode: 'verify', path: 'dist/**', key: TEST_KEY_HEX })).outputs.result,
    'verified'
  )

  // Planted after the seal: the problem names it with its newline escaped.
  fs.writeFileSync(path.join(dir, evil), 'planted')
  const step = await runAction(dir, { mode: 'verify', path: 'dist/**', key: TEST_KEY_HEX })
  assert.equal(step.exitCode, 1)
  assert.match(step.stdout, /UNLISTED_FILE/)
  assert.match(step.stdout, /dist\/evil\\n::warning::forged\.js/, 'the name is printed with its newline escaped')
  assert.ok(!/^::warning::forged/m.test(step.stdout), 'no line of the log starts a workflow command from the name')
  assert.ok(!step.summary.includes('\n::warning::'), 'nor does the summary')
})

test('without a job summary file the step still passes, with a warning; a step that stops on an error says why in the summary', async () => {
  const dir = workspace()
  const signed = await runAction(dir, SIGN, { GITHUB_STEP_SUMMARY: '' })
  assert.equal(signed.exitCode, 0, signed.stdout + signed.stderr)
  assert.match(signed.stdout, /^::warning::artifact-seal: no job summary written/m)
  const verified = await runAction(dir, { ...SIGN, mode: 'verify' }, { GITHUB_STEP_SUMMARY: '' })
  assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
  assert.equal(verified.outputs.result, 'verified')
  assert.equal(verified.outputs['verified-count'], '3')

  // No manifest at all: verify stops before it has a report, and still fills every output and the summary.
  fs.rmSync(path.join(dir, 'artifact-seal.json'))
  const missing = await runAction(dir, { ...SIGN, mode: 'verify' })
  assert.equal(missing.exitCode, 1)
  assert.equal(missing.outputs.result, 'failed')
  assert.equal(missing.outputs['verified-count'], '0')
  assert.match(missing.summary, /verification failed[^]*artifact-seal\.json/)
})

test('cache: true is refused in one line, before any key store is asked or any file is hashed or written', async () => {
  const dir = workspace()
  fs.rmSync(path.join(dir, 'artifact-seal.json'), { force: true })
  for (const mode of ['sign', 'verify']) {
    const r = await runAction(dir, { ...SIGN, mode, cache: 'true' })
    assert.equal(r.exitCode, 1)
    const errors = r.stdout.split(/\r?\n/).filter(l => l.startsWith('::error'))
    assert.equal(errors.length, 1, r.stdout)
    assert.match(
      errors[0],
      /cache input is no longer supported: restoring an Actions cache entry extracts the whole archive/
    )
    assert.ok(!/at .*\.js:\d+/.test(r.stdout + r.stderr), 'no stack trace')
    assert.ok(!fs.existsSync(path.join(dir, 'artifact-seal.json')), `${mode} wrote no manifest`)
  }
})

/** A run of a throwaway workflow on a feature branch, on a self-hosted runner. */
const FEATURE_RUN = {
  GITHUB_REF: 'refs/heads/v1',
  GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/throwaway.yml@refs/heads/v1',
  GITHUB_EVENT_NAME: 'pull_request',
  RUNNER_ENVIRONMENT: 'self-hosted',
  GITHUB_JOB: 'build',
  GITHUB_WORKFLOW_SHA: 'f'.repeat(40)
}
const RELEASE_RUN = {
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3',
  GITHUB_EVENT_NAME: 'push',
  RUNNER_ENVIRONMENT: 'github-hosted',
  GITHUB_JOB: 'seal',
  GITHUB_WORKFLOW_SHA: 'e'.repeat(40)
}
const POLICY = {
  'expected-ref': 'refs/tags/v*',
  'expected-workflow': '.github/workflows/release.yml',
  'expected-event': 'push, release',
  'require-hosted-runner': 'true'
}

test('policy: the predicate binds the run; each mismatch fails with its code in log, annotations and summary, all at once', async () => {
  const dir = workspace()
  const signed = await runAction(dir, { ...SIGN, label: 'ubuntu-24.04' }, FEATURE_RUN)
  assert.equal(signed.exitCode, 0, signed.stdout)
  const p = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual(
    [p.ref, p.workflowRef, p.eventName, p.runnerEnvironment, p.job, p.workflowSha, p.label],
    [...Object.values(FEATURE_RUN), 'ubuntu-24.04']
  )

  fs.appendFileSync(path.join(dir, 'dist/app.tar.gz'), ' tampered')
  const bad = await runAction(dir, { mode: 'verify', key: TEST_KEY_HEX, ...POLICY })
  assert.equal(bad.exitCode, 1)
  assert.equal(bad.outputs.result, 'failed')
  for (const code of ['REF_MISMATCH', 'WORKFLOW_MISMATCH', 'EVENT_MISMATCH', 'RUNNER_MISMATCH']) {
    assert.match(bad.stdout, new RegExp(`^::error title=artifact-seal%3A ${code}::manifest was signed`, 'm'), code)
    assert.ok(bad.summary.includes(`**${code}**`), code)
  }
  assert.match(bad.stdout, /^::error title=artifact-seal%3A DIGEST_MISMATCH,file=dist\/app.tar.gz::/m)
  assert.match(bad.stdout, /verification failed with 5 problem\(s\)/)
  assert.ok(bad.summary.includes('| ref | `refs/tags/v*` | `refs/heads/v1` | ❌ mismatch |'), bad.summary)
  assert.ok(
    bad.summary.includes(
      '| workflow | `.github/workflows/release.yml` | `.github/workflows/throwaway.yml` | ❌ mismatch |'
    ),
    bad.summary
  )
  assert.ok(bad.summary.includes('| event | `push`, `release` | `pull_request` | ❌ mismatch |'), bad.summary)
  assert.ok(bad.summary.includes('| runner | `github-hosted` | `self-hosted` | ❌ mismatch |'), bad.summary)

  // Each check alone: its mismatch fails with its own code and nothing else.
  fs.writeFileSync(path.join(dir, 'dist/app.tar.gz'), 'the app')
  for (const [input, value] of Object.entries(POLICY)) {
    const one = await runAction(dir, { mode: 'verify', key: TEST_KEY_HEX, [input]: value })
    assert.equal(one.exitCode, 1, input)
    assert.equal(
      one.stdout.split('\n').filter(l => l.startsWith('::error title=')).length,
      1,
      `${input}: ${one.stdout}`
    )
  }
})

test('policy: a manifest sealed by the release workflow on a tag passes; fields it does not record fail the checks that ask', async () => {
  const dir = workspace()
  assert.equal((await runAction(dir, SIGN, RELEASE_RUN)).exitCode, 0)
  const ok = await runAction(dir, {
    mode: 'verify',
    key: TEST_KEY_HEX,
    ...POLICY,
    'expected-ref': 'refs/tags/v*\n!refs/tags/v*-rc*'
  })
  assert.equal(ok.exitCode, 0, ok.stdout)
  assert.equal(ok.outputs.result, 'verified')
  assert.ok(
    ok.summary.includes(
      '| workflow | `.github/workflows/release.yml` | `.github/workflows/release.yml` | ✅ matches |'
    ),
    ok.summary
  )

  // Signed where the runner sets none of the later variables: null in the predicate, and a policy
  // on them fails instead of passing by absence; a policy on what is recorded still passes.
  assert.equal((await runAction(dir, SIGN)).exitCode, 0)
  const p = statementOf(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).predicate
  assert.deepEqual([p.job, p.label, p.eventName, p.runnerEnvironment, p.workflowSha], [null, null, null, null, null])
  const unknown = await runAction(dir, { mode: 'verify', key: TEST_KEY_HEX, ...POLICY })
  assert.equal(unknown.exitCode, 1)
  assert.match(unknown.stdout, /EVENT_MISMATCH::manifest was signed in a run of event \(not recorded\)/)
  assert.match(unknown.stdout, /RUNNER_MISMATCH::/)
  assert.match(unknown.stdout, /WORKFLOW_MISMATCH::/, 'GITHUB_CONTEXT signs with build.yml')
  assert.ok(!unknown.stdout.includes('REF_MISMATCH'))
  assert.ok(unknown.summary.includes('| event | `push`, `release` | *(not recorded)* | ❌ mismatch |'), unknown.summary)
})

test('policy: a 1.0.0 manifest (no run fields) still verifies, and fails a policy on a field it lacks', async () => {
  const dir = workspace()
  assert.equal((await runAction(dir, SIGN)).exitCode, 0)
  const manifest = path.join(dir, 'artifact-seal.json')
  const statement = statementOf(fs.readFileSync(manifest, 'utf8'))
  for (const field of ['job', 'label', 'eventName', 'runnerEnvironment', 'workflowSha'])
    delete statement.predicate[field]
  statement.predicate.tool.version = '1.0.0'
  fs.writeFileSync(manifest, envelopeWith(statement, TEST_KEY_HEX))
  const plain = await runAction(dir, {
    mode: 'verify',
    key: TEST_KEY_HEX,
    'expected-ref': 'refs/tags/v*',
    'expected-workflow': '.github/workflows/build.yml'
  })
  assert.equal(plain.exitCode, 0, plain.stdout)
  const hosted = await runAction(dir, { mode: 'verify', key: TEST_KEY_HEX, 'require-hosted-runner': 'true' })
  assert.equal(hosted.exitCode, 1)
  assert.match(hosted.stdout, /RUNNER_MISMATCH::manifest was signed on runner environment \(not recorded\)/)
})

test('policy: bad inputs are one line naming the input, and nothing is read', async () => {
  const dir = workspace()
  // No manifest exists and the key store is unreachable: an error about either would mean it was read.
  const verifyWith = { mode: 'verify', 'key-source': 'vault', manifest: 'absent.json' }
  const cases: [Record<string, string>, RegExp][] = [
    [
      { ...verifyWith, 'require-hosted-runner': 'maybe' },
      /^::error::Invalid require-hosted-runner input. Provided: maybe. Available options: true, false$/
    ],
    [{ ...verifyWith, 'expected-ref': '!' }, /^::error::expected-ref has an empty pattern/],
    [
      { ...verifyWith, 'expected-workflow': '!.github/workflows/ci.yml' },
      /^::error::expected-workflow has no pattern that is not an exclusion/
    ],
    [{ ...verifyWith, 'expected-event': 'push,,release' }, /^::error::expected-event has an empty event name/],
    [{ ...verifyWith, label: 'linux' }, /^::error::label input is for sign and merge only$/],
    [{ ...SIGN, 'expected-ref': 'refs/tags/v*' }, /^::error::expected-ref input is for verify and merge only$/]
  ]
  const before = listTree(dir)
  for (const [inputs, message] of cases) {
    const step = await runAction(dir, inputs)
    assert.equal(step.exitCode, 1, JSON.stringify(inputs))
    const errors = step.stdout.split('\n').filter(l => l.startsWith('::error'))
    assert.equal(errors.length, 1, step.stdout)
    assert.match(errors[0], message)
    assert.ok(!/\n\s+at /.test(step.stdout + step.stderr), 'no stack trace')
  }
  assert.deepEqual(listTree(dir), before, 'nothing written')
})

test('verify fails closed and diagnoses: a path matching nothing, allow-unlisted alone, a wrong base-dir capped at 50 annotations', async () => {
  const dir = tempDir()
  const files: Record<string, string> = {}
  for (let i = 0; i < 120; i++) files[`dist/f${i}.txt`] = `file ${i}`
  writeTree(dir, files)
  assert.equal((await runAction(dir, { path: 'dist/**', key: TEST_KEY_HEX })).exitCode, 0)
  const typo = await runAction(dir, { mode: 'verify', path: 'dsit/**', key: TEST_KEY_HEX })
  assert.equal(typo.exitCode, 1)
  assert.match(
    typo.stdout,
    new RegExp(
      `^::error::path matched no files: 'dsit/\\*\\*' \\(patterns are relative to ${fs.realpathSync(dir)}|^::error::path matched no files: 'dsit/\\*\\*' \\(patterns are relative to ${dir}`,
      'm'
    )
  )
  assert.equal(typo.outputs.result, 'failed')
  const alone = await runAction(dir, { mode: 'verify', 'allow-unlisted': 'true', key: TEST_KEY_HEX })
  assert.match(alone.stdout, /^::error::allow-unlisted input needs path input$/m)

  const wrong = await runAction(dir, { mode: 'verify', 'base-dir': 'dist', key: TEST_KEY_HEX })
  assert.equal(wrong.exitCode, 1)
  const errors = wrong.stdout.split('\n').filter(l => l.startsWith('::error'))
  // 50 problems, one line counting the rest, and the step's own failure.
  assert.equal(errors.length, 52, errors.join('\n'))
  assert.match(
    wrong.stdout,
    /^::warning title=artifact-seal%3A hint::120 of 120 listed files are missing under base-dir \S+; the names line up with base-dir \. \(set base-dir to it\)$/m
  )
  assert.match(
    wrong.stdout,
    /^::error title=artifact-seal%3A more problems::… and 70 more problem\(s\) \(70 FILE_MISSING\); all of them in the job summary and in the group below$/m
  )
  assert.match(wrong.stdout, /^::group::70 more problem\(s\)$/m)
  assert.equal((wrong.stdout.match(/^FAIL FILE_MISSING: /gm) ?? []).length, 70, 'the rest are in the log, folded')
  assert.equal((wrong.summary.match(/^- \*\*FILE_MISSING\*\*/gm) ?? []).length, 120, 'every problem in the summary')
  assert.match(wrong.summary, /<details><summary>100 more problem\(s\)<\/summary>/)
  assert.match(wrong.summary, /> \*\*Hint\*\*: `120 of 120 listed files are missing/)
})

test('broken symbolic links in the action: excluded is no error, omit-broken-symbolic-links leaves them out, else each is named', async () => {
  const dir = workspace()
  fs.mkdirSync(path.join(dir, 'dist/doc'))
  for (let i = 0; i < 3; i++) fs.symlinkSync(`nowhere-${i}`, path.join(dir, `dist/doc/l${i}`))
  const refused = await runAction(dir, SIGN)
  assert.equal(refused.exitCode, 1)
  assert.match(
    refused.stdout,
    /^::error::path: 3 broken symbolic links \(target does not exist\): \S+dist\/doc\/l0, \S+dist\/doc\/l1, \S+dist\/doc\/l2; exclude with a ! pattern or set omit-broken-symbolic-links$/m
  )
  assert.equal((await runAction(dir, { ...SIGN, path: `${SIGN.path}\n!dist/doc/**` })).exitCode, 0)
  assert.equal((await runAction(dir, { ...SIGN, 'omit-broken-symbolic-links': 'true' })).exitCode, 0)
  const verify = await runAction(dir, { mode: 'verify', path: SIGN.path, key: TEST_KEY_HEX })
  assert.equal(
    (verify.stdout.match(/^::error title=artifact-seal%3A UNLISTED_FILE.*a broken symbolic link/gm) ?? []).length,
    3
  )
  assert.equal(
    (await runAction(dir, { mode: 'verify', path: SIGN.path, key: TEST_KEY_HEX, 'omit-broken-symbolic-links': 'true' }))
      .exitCode,
    0
  )
})
