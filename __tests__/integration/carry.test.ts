import { test, beforeEach, afterEach } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as net from 'node:net'
import { once } from 'node:events'
import { main } from '../../src/cli/main.js'
import {
  API,
  assetJson,
  OWNER,
  REPO,
  releaseJson,
  serveAssetDownload,
  serveAssetPages,
  UPLOADS
} from '../helpers/github-api.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runInProcess } from '../helpers/in-process.js'
import nock from '../helpers/nock.js'
import { runAction, runCli } from '../helpers/runner.js'

const TOKEN = 'ghs_clitoken0123456789abcdefghijklmnopqrs'
const TAG = 'v1.2.3'

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

async function cli(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: t => (stdout += t),
    stderr: t => (stderr += t),
    env: { ARTIFACT_SEAL_KEY: TEST_KEY_HEX, ...env },
    cwd
  })
  return { code, stdout, stderr }
}

test('CLI with --repo: sign attaches manifest and SHA256SUMS; verify on a clean machine fetches both manifest and files', async () => {
  const build = tempDir()
  writeTree(build, { 'app.tar.gz': 'the app', 'checksums.txt': 'x' })
  let sums = ''
  const api = nock(API).matchHeader('authorization', `token ${TOKEN}`)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(1, 'app.tar.gz', 7)]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query({ name: 'artifact-seal.json' })
    .reply(201, assetJson(10, 'artifact-seal.json', 500))
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`, (body: unknown) => ((sums = String(body)), true))
    .query({ name: 'SHA256SUMS' })
    .reply(201, assetJson(11, 'SHA256SUMS', 90))
  const signed = await cli(
    build,
    [
      'sign',
      '--path',
      path.join(build, 'app.tar.gz'),
      '--base-dir',
      build,
      '--release-tag',
      TAG,
      '--repo',
      `${OWNER}/${REPO}`,
      '--checksums',
      '--repository',
      `${OWNER}/${REPO}`
    ],
    { GITHUB_TOKEN: TOKEN }
  )
  assert.equal(signed.code, 0, signed.stderr)
  assert.match(
    signed.stdout,
    /release asset https:\/\/github\.com\/acme\/widgets\/releases\/download\/v1\.2\.3\/artifact-seal\.json/
  )
  assert.ok(nock.isDone())
  assert.ok(!signed.stdout.includes(TOKEN) && !signed.stderr.includes(TOKEN))

  const deploy = tempDir()
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).times(2).reply(200, releaseJson(TAG))
  const manifest = fs.readFileSync(path.join(build, 'artifact-seal.json'))
  const assets = [
    assetJson(1, 'app.tar.gz', 7),
    assetJson(10, 'artifact-seal.json', manifest.length),
    assetJson(11, 'SHA256SUMS', sums.length)
  ]
  serveAssetPages(api, [assets])
  serveAssetPages(api, [assets])
  serveAssetDownload(api, 10, manifest)
  // The checksum list sign attached is read too: it must be exactly the manifest's list.
  assert.match(sums, /^[0-9a-f]{64} {2}app\.tar\.gz\n$/)
  serveAssetDownload(api, 11, sums)
  serveAssetDownload(api, 1, 'the app')
  const verified = await cli(
    deploy,
    [
      'verify',
      '--release-tag',
      TAG,
      '--repo',
      `${OWNER}/${REPO}`,
      '--release-assets',
      '--expected-repository',
      `${OWNER}/${REPO}`
    ],
    { GITHUB_TOKEN: TOKEN }
  )
  assert.equal(verified.code, 0, verified.stdout + verified.stderr)
  assert.match(verified.stdout, /verified 1 file\(s\)/)
  assert.deepEqual(fs.readdirSync(deploy), ['app.tar.gz'])

  // Usage errors: one line, exit 2, before any request.
  for (const [args, env, message] of [
    [
      ['verify', '--release-tag', TAG, '--repo', 'acme'],
      { GITHUB_TOKEN: TOKEN },
      /--repo: "acme" is not a repository of the form owner\/name/
    ],
    [
      ['verify', '--release-tag', TAG, '--repo', `${OWNER}/${REPO}`],
      {},
      /--release-tag needs a token: set GITHUB_TOKEN/
    ],
    [['verify', '--release-assets'], {}, /--release-assets needs --release-tag/],
    [['sign', '--path', 'x', '--subject-checksums', 'l'], {}, /--path and --subject-checksums exclude each other/]
  ] as const) {
    const r = await cli(deploy, [...args], env)
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stderr, message)
  }
})

test('the action: release-asset-url on success; a 403 names contents: write and leaks no token', async () => {
  const ws = tempDir()
  writeTree(ws, { 'dist/app.js': 'app' })
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).times(2).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[]])
  serveAssetPages(api, [[]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query({ name: 'artifact-seal.json' })
    .reply(201, assetJson(10, 'artifact-seal.json', 500))
  const inputs = { path: 'dist/**', key: TEST_KEY_HEX, 'release-tag': TAG, 'github-token': TOKEN }
  const ok = await runInProcess(ws, inputs)
  assert.equal(ok.failed, false, ok.log)
  assert.equal(
    ok.outputs['release-asset-url'],
    `https://github.com/${OWNER}/${REPO}/releases/download/${TAG}/artifact-seal.json`
  )
  assert.ok(ok.log.includes(`::add-mask::${TOKEN}`))

  nock(UPLOADS).post(`/repos/${OWNER}/${REPO}/releases/1/assets`).query(true).reply(403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
    status: '403'
  })
  const denied = await runInProcess(ws, inputs)
  assert.equal(denied.failed, true)
  assert.match(
    denied.log,
    /::error::upload artifact-seal\.json to release v1\.2\.3 of acme\/widgets: GitHub answered 403 .*permissions: contents: write/
  )
  assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')), 'a failed upload leaves no manifest on disk')
  const leaks = denied.log.split('\n').filter(line => line.includes(TOKEN) && line !== `::add-mask::${TOKEN}`)
  assert.deepEqual(leaks, [], 'the token appears only in its own add-mask command')
  assert.ok(nock.isDone())
})

test('sha256sum lists end to end with the bundles: another job hashes, sign seals the list, checksums prints it for sha256sum -c', async () => {
  const files = tempDir()
  // A newline makes coreutils escape the name. (A backslash would too, but a name with one is
  // refused when sealing: it is a separator on Windows; the refusal is checked at the end.)
  const names = ['app.bin', 'new\nline.txt', 'plain.txt']
  writeTree(files, { 'app.bin': 'app', 'new\nline.txt': 'n', 'plain.txt': 'p', 'back\\slash.txt': 'b' })
  const list = execFileSync('sha256sum', ['--tag', ...names], { cwd: files })
  // The signing job never sees the files: only the list.
  const signer = tempDir()
  fs.writeFileSync(path.join(signer, 'SUMS'), list)
  const env = { ARTIFACT_SEAL_KEY: TEST_KEY_HEX, GITHUB_REPOSITORY: `${OWNER}/${REPO}` }
  const signed = await runCli(signer, ['sign', '--subject-checksums', 'SUMS', '--json'], env)
  assert.equal(signed.exitCode, 0, signed.stderr)
  assert.equal(JSON.parse(signed.stdout).subjectCount, 3)

  // The manifest verifies against the real files, and `checksums` gives coreutils a list it accepts.
  fs.copyFileSync(path.join(signer, 'artifact-seal.json'), path.join(files, 'artifact-seal.json'))
  const verified = await runCli(files, ['verify', '--path', '*', '--path', '!back*'], env)
  assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
  const printed = await runCli(files, ['checksums'], env)
  assert.equal(printed.exitCode, 0, printed.stderr)
  fs.writeFileSync(path.join(files, 'LIST'), printed.stdout)
  const check = spawnSync('sha256sum', ['-c', 'LIST'], { cwd: files, encoding: 'utf8' })
  assert.equal(check.status, 0, check.stdout + check.stderr)
  assert.equal(check.stdout.match(/: OK$/gm)?.length, 3)
  const tagged = await runCli(files, ['checksums', '--tag'], env)
  assert.equal(tagged.stdout, list.toString(), 'our --tag list is byte for byte what sha256sum --tag wrote')

  // A manifest that does not verify prints no list at all.
  const printedBad = await runCli(files, ['checksums'], { ...env, ARTIFACT_SEAL_KEY: 'ff'.repeat(32) })
  assert.equal(printedBad.exitCode, 1)
  assert.equal(printedBad.stdout, '')
  assert.match(printedBad.stderr, /SIGNATURE_INVALID[\s\S]*no checksums printed/)

  // A list naming a file with a backslash is refused, naming the list and the name: exit 2.
  fs.writeFileSync(path.join(signer, 'SUMS'), execFileSync('sha256sum', ['back\\slash.txt', 'app.bin'], { cwd: files }))
  const refused = await runCli(signer, ['sign', '--subject-checksums', 'SUMS'], env)
  assert.equal(refused.exitCode, 2)
  assert.match(
    refused.stderr,
    /--subject-checksums .*SUMS: subject name "back\\\\slash\.txt" contains "\\", a path separator on Windows/
  )
})

test('the action seals a subject-checksums list and refuses a malformed one with its line number', async () => {
  const ws = tempDir()
  const digest = 'ab'.repeat(32)
  writeTree(ws, {
    SUMS: `${digest}  dist/app.js\n${digest}  ./dist/lib.js\n`,
    BAD: `${digest}  ok\n${digest}  ../escape\n`
  })
  const ok = await runAction(ws, { 'subject-checksums': 'SUMS', key: TEST_KEY_HEX })
  assert.equal(ok.exitCode, 0, ok.stdout)
  assert.equal(ok.outputs['subject-count'], '2')
  assert.match(ok.summary, /Sealed \*\*2\*\* file\(s\), from a checksum list/)
  const bad = await runAction(ws, { 'subject-checksums': 'BAD', key: TEST_KEY_HEX, manifest: 'other.json' })
  assert.equal(bad.exitCode, 1)
  const errors = bad.stdout.split('\n').filter(l => l.startsWith('::error::'))
  assert.equal(errors.length, 1)
  assert.match(errors[0], /subject-checksums .*BAD line 2: subject name "\.\.\/escape" contains "\.\."/)
  assert.equal(fs.existsSync(path.join(ws, 'other.json')), false)
})

test('a GitHub that cannot be reached is a network failure naming the host, not a refusal', async () => {
  const ws = tempDir()
  writeTree(ws, { 'dist/app.js': 'app' })
  // A loopback port just freed: nothing listens, the connection is refused at once.
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as net.AddressInfo).port
  server.close()
  await once(server, 'close')
  const step = await runCli(ws, ['sign', '--path', 'dist/**', '--release-tag', TAG, '--repo', `${OWNER}/${REPO}`], {
    ARTIFACT_SEAL_KEY: TEST_KEY_HEX,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: `http://127.0.0.1:${port}`
  })
  assert.equal(step.exitCode, 2, step.stderr)
  assert.match(
    step.stderr,
    new RegExp(
      `cannot reach 127\\.0\\.0\\.1:${port}: connection refused \\(nothing listens there\\) \\(ECONNREFUSED\\); a network failure, not a refusal`
    )
  )
  assert.ok(!/GitHub answered/.test(step.stderr), step.stderr)
  assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')))
})
