import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { OTHER_KEY_HEX, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { GITHUB_CONTEXT, runAction, runCli } from '../helpers/runner.js'

const OS = ['ubuntu-latest', 'windows-latest', 'macos-latest']
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/**
 * A release job's workspace after actions/download-artifact: one folder per matrix job, each with
 * the files that job built and the manifest it sealed them into (label: the matrix OS).
 */
async function matrixBuild(env: NodeJS.ProcessEnv = {}, key = TEST_KEY_HEX): Promise<string> {
  const ws = tempDir()
  for (const os of OS) {
    writeTree(ws, { [`${os}/app-${os}.tar.gz`]: `app for ${os}`, [`${os}/LICENSE`]: 'MIT' })
    const step = await runAction(
      ws,
      { path: `${os}/*`, 'base-dir': os, manifest: `${os}/artifact-seal.json`, key, label: os },
      { GITHUB_JOB: 'build', ...env }
    )
    assert.equal(step.exitCode, 0, step.stdout)
  }
  return ws
}

const MERGE = { mode: 'merge', manifests: '*/artifact-seal.json', manifest: 'artifact-seal.json', key: TEST_KEY_HEX }

test('three parts merged by the action bundle: one manifest, every file once, parts recorded; verify shows the parts', async () => {
  const ws = await matrixBuild()
  const merged = await runAction(ws, { ...MERGE, 'expires-in': '30d', label: 'release' }, { GITHUB_JOB: 'release' })
  assert.equal(merged.exitCode, 0, merged.stdout)
  assert.equal(merged.outputs['part-count'], '3')
  assert.equal(
    merged.outputs['subject-count'],
    '4',
    'three apps and one LICENSE listed once (same digest in every part)'
  )
  const bytes = fs.readFileSync(path.join(ws, 'artifact-seal.json'))
  assert.equal(merged.outputs['manifest-sha256'], sha256(bytes))
  assert.match(
    merged.stdout,
    /Part 1: macos-latest\/artifact-seal\.json \(label macos-latest, job build, run 4242\), 2 file\(s\)/
  )
  const statement = JSON.parse(Buffer.from(JSON.parse(bytes.toString()).payload, 'base64').toString())
  assert.deepEqual(
    statement.subject.map((s: { name: string }) => s.name),
    ['LICENSE', 'app-macos-latest.tar.gz', 'app-ubuntu-latest.tar.gz', 'app-windows-latest.tar.gz']
  )
  const { parts } = statement.predicate
  assert.equal(statement.predicate.label, 'release')
  assert.equal(statement.predicate.job, 'release')
  assert.deepEqual(
    parts.map((p: { label: string }) => p.label),
    ['macos-latest', 'ubuntu-latest', 'windows-latest']
  )
  for (const part of parts) {
    assert.equal(part.manifestSha256, sha256(fs.readFileSync(path.join(ws, part.manifest))))
    assert.match(part.keyId, /^hmac:/)
    assert.deepEqual(part.subjects, ['LICENSE', `app-${part.label}.tar.gz`])
    assert.equal(part.commit, GITHUB_CONTEXT.GITHUB_SHA)
  }
  // No part sealed with an expiry, so the merge's own expiry (30 days) stands.
  assert.ok(Date.parse(statement.predicate.expiresAt) > Date.now() + 29 * 86_400_000)
  assert.match(merged.summary, /### Parts[\s\S]*macos-latest/)

  // The consumer has one asset and the merged manifest.
  const deploy = tempDir()
  fs.copyFileSync(path.join(ws, 'artifact-seal.json'), path.join(deploy, 'artifact-seal.json'))
  fs.copyFileSync(
    path.join(ws, 'ubuntu-latest/app-ubuntu-latest.tar.gz'),
    path.join(deploy, 'app-ubuntu-latest.tar.gz')
  )
  const verified = await runAction(deploy, {
    mode: 'verify',
    key: TEST_KEY_HEX,
    subjects: 'app-ubuntu-*',
    'expected-ref': 'refs/tags/v*',
    'expected-workflow': '.github/workflows/build.yml'
  })
  assert.equal(verified.exitCode, 0, verified.stdout)
  assert.equal(verified.outputs['verified-count'], '1')
  assert.match(verified.stdout, /Part 2: ubuntu-latest\/artifact-seal\.json \(label ubuntu-latest/)
  assert.match(verified.summary, /### Parts/)

  const cli = await runCli(deploy, ['verify', '--subject', 'app-ubuntu-latest.tar.gz', '--json'], {
    ARTIFACT_SEAL_KEY: TEST_KEY_HEX,
    GITHUB_REPOSITORY: 'acme/widgets'
  })
  assert.equal(cli.exitCode, 0, cli.stdout + cli.stderr)
  const report = JSON.parse(cli.stdout)
  assert.equal(report.statement.predicate.parts.length, 3)
  assert.deepEqual(report.selection, ['app-ubuntu-latest.tar.gz'])
  const missing = await runCli(deploy, ['verify', '--subject', 'app-plan9-*'], {
    ARTIFACT_SEAL_KEY: TEST_KEY_HEX,
    GITHUB_REPOSITORY: 'acme/widgets'
  })
  assert.equal(missing.exitCode, 1)
  assert.match(missing.stdout, /FAIL SUBJECT_NOT_LISTED: subjects pattern app-plan9-\* matches no subject/)
})

test('a merge expires no later than its earliest part, and the CLI merges as the action does', async () => {
  const ws = tempDir()
  const env = {
    ARTIFACT_SEAL_KEY: TEST_KEY_HEX,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_SHA: GITHUB_CONTEXT.GITHUB_SHA
  }
  writeTree(ws, { 'a/one': '1', 'b/two': '2' })
  fs.mkdirSync(path.join(ws, 'parts'))
  for (const [dir, expires] of [
    ['a', '2d'],
    ['b', '9d']
  ]) {
    const r = await runCli(
      ws,
      ['sign', '--path', `${dir}/*`, '--base-dir', dir, '--manifest', `parts/${dir}.json`, '--expires-in', expires],
      env
    )
    assert.equal(r.exitCode, 0, r.stderr)
  }
  const merged = await runCli(ws, ['merge', '--manifests', 'parts/*.json', '--manifest', 'merged.json', '--json'], env)
  assert.equal(merged.exitCode, 0, merged.stderr)
  const out = JSON.parse(merged.stdout)
  assert.equal(out.partCount, 2)
  const statement = JSON.parse(
    Buffer.from(JSON.parse(fs.readFileSync(path.join(ws, 'merged.json'), 'utf8')).payload, 'base64').toString()
  )
  assert.equal(statement.predicate.expiresAt, out.parts[0].expiresAt, 'the 2-day part decides')
})

/** Runs the merge the test expects to be refused: exit 1 by the action, one error line per problem, no manifest. */
async function refused(
  ws: string,
  inputs: Record<string, string>,
  pattern: RegExp,
  env: NodeJS.ProcessEnv = {}
): Promise<void> {
  const step = await runAction(ws, { ...MERGE, ...inputs }, env)
  assert.equal(step.exitCode, 1, step.stdout)
  assert.match(step.stdout, pattern)
  assert.match(step.stdout, /nothing was written/)
  assert.equal(fs.existsSync(path.join(ws, inputs.manifest ?? 'artifact-seal.json')), false, 'no merged manifest')
  assert.equal(step.stdout.includes('    at '), false, 'no stack trace')
}

test('conflicting, tampered, foreign-key and other-commit parts are refused, named, and nothing is written', async () => {
  const conflict = await matrixBuild()
  // The Windows job built a LICENSE of its own: one name, two digests.
  fs.writeFileSync(path.join(conflict, 'windows-latest/LICENSE'), 'GPL')
  const step = await runAction(conflict, {
    path: 'windows-latest/*',
    'base-dir': 'windows-latest',
    manifest: 'windows-latest/artifact-seal.json',
    key: TEST_KEY_HEX,
    label: 'windows-latest'
  })
  assert.equal(step.exitCode, 0)
  await refused(
    conflict,
    {},
    /::error title=artifact-seal%3A SUBJECT_CONFLICT::LICENSE: part macos-latest\/artifact-seal\.json lists sha256 [0-9a-f]{64} but part windows-latest\/artifact-seal\.json lists [0-9a-f]{64}/
  )

  const tampered = await matrixBuild()
  const file = path.join(tampered, 'macos-latest/artifact-seal.json')
  const envelope = JSON.parse(fs.readFileSync(file, 'utf8'))
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString())
  statement.subject[0].digest.sha256 = 'f'.repeat(64)
  envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
  fs.writeFileSync(file, JSON.stringify(envelope))
  await refused(
    tampered,
    {},
    /%3A SIGNATURE_INVALID::part macos-latest\/artifact-seal\.json: manifest .* no signature matches/
  )

  const foreign = await matrixBuild()
  fs.rmSync(path.join(foreign, 'ubuntu-latest'), { recursive: true })
  writeTree(foreign, { 'ubuntu-latest/app-ubuntu-latest.tar.gz': 'x' })
  const other = await runAction(foreign, {
    path: 'ubuntu-latest/*',
    'base-dir': 'ubuntu-latest',
    manifest: 'ubuntu-latest/artifact-seal.json',
    key: OTHER_KEY_HEX
  })
  assert.equal(other.exitCode, 0)
  await refused(foreign, {}, /%3A SIGNATURE_INVALID::part ubuntu-latest\/artifact-seal\.json/)

  // Parts of another build: by default the merge expects this run's commit.
  const stale = await matrixBuild({ GITHUB_SHA: 'f'.repeat(40) })
  await refused(
    stale,
    {},
    /%3A COMMIT_MISMATCH::part macos-latest\/artifact-seal\.json: manifest was signed at commit f{40}, expected 0123456789abcdef/
  )
  // And the policy applies to every part.
  const good = await matrixBuild()
  await refused(
    good,
    { 'expected-workflow': '.github/workflows/release.yml' },
    /%3A WORKFLOW_MISMATCH::part ubuntu-latest\/artifact-seal\.json/
  )
})

test('bad merge input is one line naming the input, exit 2 for the CLI, before anything is read', async () => {
  const ws = await matrixBuild()
  const noManifests = await runAction(ws, { mode: 'merge', key: TEST_KEY_HEX })
  assert.equal(noManifests.exitCode, 1)
  assert.match(noManifests.stdout, /^::error::manifests input is required to merge/m)
  const none = await runCli(ws, ['merge', '--manifests', 'nowhere/*.json'], { ARTIFACT_SEAL_KEY: TEST_KEY_HEX })
  assert.equal(none.exitCode, 2)
  assert.match(none.stderr, /^artifact-seal: error: --manifests matched no manifest/m)
  const withPath = await runCli(ws, ['merge', '--manifests', '*/artifact-seal.json', '--path', 'x'], {
    ARTIFACT_SEAL_KEY: TEST_KEY_HEX
  })
  assert.equal(withPath.exitCode, 2)
  assert.match(withPath.stderr, /--path is for sign and verify only/)
  // The merged manifest is never one of the parts, even when the patterns match it.
  const self = await runCli(
    ws,
    ['merge', '--manifests', '**/artifact-seal.json', '--expected-commit', GITHUB_CONTEXT.GITHUB_SHA, '--json'],
    { ARTIFACT_SEAL_KEY: TEST_KEY_HEX, GITHUB_REPOSITORY: 'acme/widgets' }
  )
  assert.equal(self.exitCode, 0, self.stdout + self.stderr)
  assert.equal(JSON.parse(self.stdout).partCount, 3)
  const again = await runCli(
    ws,
    ['merge', '--manifests', '**/artifact-seal.json', '--expected-commit', GITHUB_CONTEXT.GITHUB_SHA, '--json'],
    { ARTIFACT_SEAL_KEY: TEST_KEY_HEX, GITHUB_REPOSITORY: 'acme/widgets' }
  )
  assert.equal(JSON.parse(again.stdout).partCount, 3, 'a second run does not merge the first merge')
})
