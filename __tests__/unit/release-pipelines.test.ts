import { test, beforeEach, afterEach } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import nock from '../helpers/nock.js'
import { SealError } from '../../src/core/errors.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { seal, type SealResult } from '../../src/core/seal.js'
import { createGitHubClient } from '../../src/github/client.js'
import { checkCarriers, shipSeal, verifyCarried } from '../../src/transport/carry.js'
import type { ReleaseTarget } from '../../src/transport/release.js'
import { statementChecksumList } from '../../src/formats/sha256sum.js'
import {
  API,
  assetJson,
  IMMUTABLE_UPLOAD,
  NOT_FOUND,
  OWNER,
  REPO,
  releaseJson,
  serveAssetDownload,
  serveAssetPages,
  UPLOADS
} from '../helpers/github-api.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runInProcess } from '../helpers/in-process.js'

const TOKEN = 'ghs_pipelinetoken0123456789abcdefghijklm'
const TAG = 'v1.2.3'
const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const quiet = { log: () => {}, warn: () => {} }
const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

async function target(): Promise<ReleaseTarget> {
  return {
    client: await createGitHubClient({ token: TOKEN, apiUrl: API, retry: { delaysMs: [0, 0, 0] } }, {}),
    repo: { owner: OWNER, repo: REPO },
    tag: TAG
  }
}

const FILES = {
  'app-linux.tar.gz': 'linux build',
  'app-windows.zip': 'windows build',
  'app-macos.tar.gz': 'macos build'
}

async function sealed(): Promise<{ dir: string; result: SealResult }> {
  const dir = tempDir()
  writeTree(dir, FILES)
  const result = await seal({
    patterns: [path.join(dir, '*')],
    baseDir: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm: 'sha256',
    keys: [key],
    context: {
      repository: `${OWNER}/${REPO}`,
      commit: 'a'.repeat(40),
      ref: `refs/tags/${TAG}`,
      workflowRef: null,
      runId: null,
      runAttempt: null,
      serverUrl: null,
      job: null,
      label: null,
      eventName: null,
      runnerEnvironment: null,
      workflowSha: null
    }
  })
  return { dir, result }
}

test('a draft is found by listing releases (the tag lookup 404s for drafts), attached to, then published with PATCH draft:false', async () => {
  const { result } = await sealed()
  const api = nock(API).matchHeader('authorization', `token ${TOKEN}`)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(404, NOT_FOUND)
  api
    .get(`/repos/${OWNER}/${REPO}/releases`)
    .query({ per_page: '100' })
    .reply(200, [releaseJson('v1.0.0', { id: 7 }), releaseJson(TAG, { draft: true })])
  serveAssetPages(api, [[assetJson(1, 'app-linux.tar.gz', 11)]])
  const order: string[] = []
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query({ name: 'artifact-seal.json' })
    .reply(() => (order.push('upload'), [201, assetJson(10, 'artifact-seal.json', 500)]))
  let published: unknown
  api
    .patch(`/repos/${OWNER}/${REPO}/releases/1`, (body: unknown) => ((published = body), true))
    .reply(() => (order.push('publish'), [200, releaseJson(TAG, { immutable: true })]))
  const release = { ...(await target()), publish: true }
  const logged: string[] = []
  await checkCarriers({ ...quiet, release })
  await shipSeal(result, { log: l => logged.push(l), warn: () => {}, release })
  assert.deepEqual(published, { draft: false })
  assert.deepEqual(order, ['upload', 'publish'], 'published only once the manifest is attached')
  assert.match(logged.join('\n'), /Published release v1\.2\.3/)
  assert.ok(nock.isDone(), 'the release was looked up once for the check and the attach')
})

test('a published immutable release is refused before any file is hashed, in one line, overwrite or not; nothing uploaded, no manifest', async () => {
  const ws = tempDir()
  writeTree(ws, { 'dist/app': 'app' })
  for (const overwrite of ['false', 'true']) {
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
      .reply(200, releaseJson(TAG, { immutable: true }))
    const run = await runInProcess(ws, {
      path: 'dist/**',
      key: TEST_KEY_HEX,
      'release-tag': TAG,
      'github-token': TOKEN,
      overwrite
    })
    assert.equal(run.failed, true)
    const errors = run.log.split('\n').filter(l => l.startsWith('::error'))
    assert.deepEqual(errors.length, 1, run.log)
    assert.match(
      errors[0],
      /release v1\.2\.3 of acme\/widgets is immutable .*attach the manifest while the release is a draft.*overwrite cannot change that$/
    )
    assert.doesNotMatch(run.log, /Sealed/, 'nothing was hashed')
    assert.equal(fs.existsSync(path.join(ws, 'artifact-seal.json')), false)
    assert.ok(nock.isDone(), 'no asset listed, no upload')
  }
})

test('release-publish on a release that is already published is an error before anything is hashed', async () => {
  nock(API).get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  await assert.rejects(
    checkCarriers({ ...quiet, release: { ...(await target()), publish: true } }),
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'INPUT_INVALID' &&
      /release-publish: release v1\.2\.3 of acme\/widgets is already published, not a draft/.test(e.message)
  )
  assert.ok(nock.isDone())
})

test('an upload that meets a release published meanwhile (422 immutable) fails with the draft flow in one line', async () => {
  const { result } = await sealed()
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG, { draft: true }))
  serveAssetPages(api, [[]])
  nock(UPLOADS).post(`/repos/${OWNER}/${REPO}/releases/1/assets`).query(true).reply(422, IMMUTABLE_UPLOAD)
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'RELEASE_IMMUTABLE' &&
      /is immutable/.test(e.message) &&
      !e.message.includes('\n')
  )
})

test('release-assets digests: GitHub digests compared, nothing downloaded; a different, absent or missing digest fails by name', async () => {
  const { result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const list = statementChecksumList(result.statement, 'sha256')
  const assets = (overrides: Record<string, string | null | undefined>) => [
    ...Object.entries(FILES)
      .filter(([name]) => overrides[name] !== undefined || !(name in overrides))
      .map(([name, body], i) =>
        assetJson(
          i + 1,
          name,
          body.length,
          TAG,
          API,
          name in overrides ? (overrides[name] as string | null) : `sha256:${sha256(body)}`
        )
      ),
    assetJson(10, 'artifact-seal.json', manifest.length, TAG, API, `sha256:${sha256(manifest)}`),
    assetJson(11, 'SHA256SUMS', list.length, TAG, API, `sha256:${sha256(list)}`)
  ]
  const verifyWith = async (listing: unknown[], subjects?: string[]) => {
    const api = nock(API)
    api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG, { immutable: true }))
    serveAssetPages(api, [listing])
    const deploy = tempDir()
    const report = await verifyCarried(
      {
        manifestPath: path.join(deploy, 'artifact-seal.json'),
        manifestBytes: manifest,
        baseDir: deploy,
        algorithm: 'sha256',
        keys: [key],
        subjects
      },
      { ...quiet, release: { ...(await target()), assets: 'digests' } }
    )
    assert.ok(nock.isDone())
    assert.deepEqual(fs.readdirSync(deploy), [], 'nothing downloaded')
    return report
  }
  const ok = await verifyWith(assets({}))
  assert.equal(ok.result, 'verified', JSON.stringify(ok.problems))
  assert.equal(ok.verifiedCount, 3)

  const bad = await verifyWith(
    assets({ 'app-linux.tar.gz': `sha256:${'0'.repeat(64)}`, 'app-windows.zip': null, 'app-macos.tar.gz': undefined })
  )
  assert.deepEqual(
    bad.problems.map(p => [p.code, p.subject]),
    [
      ['DIGEST_MISMATCH', 'app-linux.tar.gz'],
      ['FILE_MISSING', 'app-macos.tar.gz'],
      ['DIGEST_MISMATCH', 'app-windows.zip']
    ]
  )
  assert.match(bad.problems[2].message, /GitHub reports no digest for it/)

  // One asset asked for: the others may be anything.
  const one = await verifyWith(assets({ 'app-windows.zip': null, 'app-macos.tar.gz': undefined }), ['app-linux.*'])
  assert.equal(one.result, 'verified', JSON.stringify(one.problems))
  assert.equal(one.verifiedCount, 1)
})

test('release-assets with subjects downloads only the selected asset', async () => {
  const { result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG, { immutable: true }))
  serveAssetPages(api, [
    [
      ...Object.entries(FILES).map(([name, body], i) => assetJson(i + 1, name, body.length)),
      assetJson(10, 'artifact-seal.json', manifest.length)
    ]
  ])
  serveAssetDownload(api, 1, FILES['app-linux.tar.gz'])
  const deploy = tempDir()
  const report = await verifyCarried(
    {
      manifestPath: path.join(deploy, 'artifact-seal.json'),
      manifestBytes: manifest,
      baseDir: deploy,
      algorithm: 'sha256',
      keys: [key],
      subjects: ['app-linux.tar.gz']
    },
    { ...quiet, release: { ...(await target()), assets: true } }
  )
  assert.equal(report.result, 'verified', JSON.stringify(report.problems))
  assert.deepEqual(fs.readdirSync(deploy), ['app-linux.tar.gz'])
  assert.ok(nock.isDone(), 'one download, of the selected asset')
})
