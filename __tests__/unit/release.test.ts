import { test, beforeEach, afterEach } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import nock from '../helpers/nock.js'
import { SealError } from '../../src/core/errors.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement, seal, type SealResult } from '../../src/core/seal.js'
import { statementChecksumList } from '../../src/formats/sha256sum.js'
import { createGitHubClient } from '../../src/github/client.js'
import { shipSeal, verifyCarried } from '../../src/transport/carry.js'
import { downloadListedAssets, fetchManifestAsset, type ReleaseTarget } from '../../src/transport/release.js'
import {
  API,
  assetJson,
  NOT_FOUND,
  OWNER,
  REPO,
  releaseJson,
  serveAssetDownload,
  serveAssetPages,
  UPLOADS
} from '../helpers/github-api.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'

const TOKEN = 'ghs_testtoken0123456789abcdefghijklmnopq'
const TAG = 'v1.2.3'
const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const quiet = { log: () => {}, warn: () => {} }
const CONTEXT = {
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
const RULES = { algorithm: 'sha256' as const, manifestName: 'artifact-seal.json', allowUnlisted: false }

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

async function target(apiUrl = API): Promise<ReleaseTarget> {
  return {
    client: await createGitHubClient({ token: TOKEN, apiUrl, retry: { delaysMs: [0, 0, 0] } }, {}),
    repo: { owner: OWNER, repo: REPO },
    tag: TAG
  }
}

async function sealed(
  files: Record<string, string> = { 'app.tar.gz': 'the app', 'notes.txt': 'notes' }
): Promise<{ dir: string; result: SealResult }> {
  const dir = tempDir()
  writeTree(dir, files)
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

function refusal(code: string, pattern: RegExp) {
  return (e: unknown) =>
    e instanceof SealError && e.code === code && pattern.test(e.message) && !e.message.includes(TOKEN)
}

test('sign attaches the manifest and SHA256SUMS to the release: tag lookup, paged asset list, upload to uploads.github.com', async () => {
  const { result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const api = nock(API).matchHeader('authorization', `token ${TOKEN}`)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(7, 'app.tar.gz', 7)], [assetJson(8, 'notes.txt', 5)]])
  const [first, second] = result.statement.subject.map(s => s.digest.sha256)
  const uploads = nock(UPLOADS).matchHeader('authorization', `token ${TOKEN}`)
  uploads
    .post(
      `/repos/${OWNER}/${REPO}/releases/1/assets`,
      (body: unknown) => JSON.stringify(body) === JSON.stringify(JSON.parse(manifest.toString()))
    )
    .query({ name: 'artifact-seal.json' })
    .matchHeader('content-type', 'application/json')
    .matchHeader('content-length', String(manifest.length))
    .reply(201, assetJson(10, 'artifact-seal.json', manifest.length))
  uploads
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`, `${first}  app.tar.gz\n${second}  notes.txt\n`)
    .query({ name: 'SHA256SUMS' })
    .matchHeader('content-type', 'text/plain')
    .reply(201, assetJson(11, 'SHA256SUMS', 150))
  const shipped = await shipSeal(result, { ...quiet, release: { ...(await target()), checksums: true } })
  assert.equal(
    shipped.manifestAsset?.browserDownloadUrl,
    `https://github.com/${OWNER}/${REPO}/releases/download/${TAG}/artifact-seal.json`
  )
  assert.ok(nock.isDone())
})

test('an existing asset is refused unless overwrite; a replacement is uploaded first, then the old deleted and the new renamed', async () => {
  const { result } = await sealed()
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(3, 'artifact-seal.json', 900)]])
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    refusal('REMOTE', /already has artifact-seal\.json; set overwrite: true/)
  )
  assert.ok(nock.isDone(), 'nothing was deleted or uploaded (no interceptor for it, and none was called)')

  const order: string[] = []
  let staged = ''
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(3, 'artifact-seal.json', 900)]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query((q: Record<string, string>) => /^artifact-seal\.json\.[0-9a-f]{8}\.new$/.test(q.name))
    .reply((uri: string) => {
      staged = new URL(uri, UPLOADS).searchParams.get('name') ?? ''
      order.push('upload')
      return [201, assetJson(4, staged, 900)]
    })
  api.delete(`/repos/${OWNER}/${REPO}/releases/assets/3`).reply(() => (order.push('delete'), [204, '']))
  // REST "update a release asset": PATCH with the new name.
  api
    .patch(`/repos/${OWNER}/${REPO}/releases/assets/4`, { name: 'artifact-seal.json' })
    .reply(() => (order.push('rename'), [200, assetJson(4, 'artifact-seal.json', 900)]))
  const shipped = await shipSeal(result, { ...quiet, release: { ...(await target()), overwrite: true } })
  assert.deepEqual(order, ['upload', 'delete', 'rename'])
  assert.equal(
    shipped.manifestAsset?.browserDownloadUrl,
    `https://github.com/${OWNER}/${REPO}/releases/download/${TAG}/artifact-seal.json`
  )
  assert.ok(nock.isDone())

  // The upload of the replacement fails: the old asset is never deleted.
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(3, 'artifact-seal.json', 900)]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query(true)
    .reply(422, {
      message: 'Validation Failed',
      errors: [{ resource: 'ReleaseAsset', code: 'custom', field: 'name' }],
      status: '422'
    })
  await assert.rejects(
    shipSeal(result, { ...quiet, release: { ...(await target()), overwrite: true } }),
    refusal(
      'REMOTE',
      /upload artifact-seal\.json\.[0-9a-f]{8}\.new to release v1\.2\.3 of acme\/widgets: GitHub answered 422/
    )
  )
  assert.ok(nock.isDone(), 'no delete was sent (none is intercepted, and disableNetConnect refuses the rest)')
})

test('a replacement survives a delete whose first answer was lost: a 404 on the retry means already deleted', async () => {
  const { result } = await sealed()
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(3, 'artifact-seal.json', 900)]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query(true)
    .reply(201, (uri: string) => assetJson(4, new URL(uri, UPLOADS).searchParams.get('name') ?? '', 900))
  // GitHub deleted it, but a proxy answered 502; the retried DELETE finds nothing.
  api
    .delete(`/repos/${OWNER}/${REPO}/releases/assets/3`)
    .reply(502, 'Bad Gateway')
    .delete(`/repos/${OWNER}/${REPO}/releases/assets/3`)
    .reply(404, NOT_FOUND)
  api
    .patch(`/repos/${OWNER}/${REPO}/releases/assets/4`, { name: 'artifact-seal.json' })
    .reply(200, assetJson(4, 'artifact-seal.json', 900))
  const shipped = await shipSeal(result, { ...quiet, release: { ...(await target()), overwrite: true } })
  assert.equal(shipped.manifestAsset?.name, 'artifact-seal.json')
  assert.ok(nock.isDone(), 'the staged replacement was renamed, not deleted')
})

test('rate limits: a 429 with retry-after is waited out and retried; a limit that resets too late fails naming it', async () => {
  const { result } = await sealed()
  const api = nock(API)
  // GitHub's secondary rate limit: 429 (or 403) with retry-after in seconds.
  api
    .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
    .reply(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' })
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[]])
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query(true)
    .reply(201, (uri: string) => assetJson(9, new URL(uri, UPLOADS).searchParams.get('name') ?? '', 1))
  const started = Date.now()
  await shipSeal(result, { ...quiet, release: await target() })
  assert.ok(Date.now() - started >= 900, 'waited the second that retry-after asked for')
  assert.ok(nock.isDone())

  // The primary limit: 403 with x-ratelimit-remaining 0 and a reset an hour away. Not retried.
  // 3601: the header is in whole seconds, so an hour from a moment late in this second, less the
  // time the request takes on a loaded machine, must still read as "about 36xx s".
  const reset = Math.floor(Date.now() / 1000) + 3601
  api
    .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
    .reply(
      403,
      { message: 'API rate limit exceeded for installation ID 1.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }
    )
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    refusal('REMOTE', /GitHub answered 403 .*rate limit \(about 36\d\d s until it resets\); run the job again later/)
  )
  assert.ok(nock.isDone())
})

test('403 says the job needs contents: write; 5xx is retried; a missing release is named; the token never shows', async () => {
  const { result } = await sealed()
  const api = nock(API)
  api
    .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
    .reply(502, 'Bad Gateway')
    .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
    .reply(200, releaseJson(TAG))
  serveAssetPages(api, [[]])
  nock(UPLOADS).post(`/repos/${OWNER}/${REPO}/releases/1/assets`).query(true).reply(403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
    status: '403'
  })
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    refusal(
      'REMOTE',
      /upload artifact-seal\.json to release v1\.2\.3 of acme\/widgets: GitHub answered 403 .*permissions: contents: write/
    )
  )
  assert.ok(nock.isDone(), 'the 502 was retried')

  // A tag without a release: the tag lookup 404s, the release list (drafts included) has no such tag.
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(404, NOT_FOUND)
  api
    .get(`/repos/${OWNER}/${REPO}/releases`)
    .query({ per_page: '100' })
    .reply(200, [releaseJson('v0.9.0', { id: 2 })])
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    refusal('REMOTE', /^release v1\.2\.3 of acme\/widgets does not exist/)
  )

  // Persistent 5xx gives up after the retries with the status in the message.
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).times(4).reply(503, 'unavailable')
  await assert.rejects(
    shipSeal(result, { ...quiet, release: await target() }),
    refusal('REMOTE', /GitHub answered 503.*retried/)
  )
  assert.ok(nock.isDone())
})

test('a draft release is found through the release list (drafts have no tag lookup)', async () => {
  const { result } = await sealed()
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(404, NOT_FOUND)
  api
    .get(`/repos/${OWNER}/${REPO}/releases`)
    .query({ per_page: '100' })
    .reply(200, [releaseJson(TAG, { id: 5, draft: true })])
  serveAssetPages(api, [[]], API, 5)
  nock(UPLOADS)
    .post(`/repos/${OWNER}/${REPO}/releases/5/assets`)
    .query({ name: 'artifact-seal.json' })
    .reply(201, assetJson(9, 'artifact-seal.json', 1))
  await shipSeal(result, { ...quiet, release: await target() })
  assert.ok(nock.isDone())
})

test('GitHub Enterprise Server: the API root from GITHUB_API_URL and the upload URL the release names', async () => {
  const { result } = await sealed()
  const ghesApi = 'https://ghes.example.com/api/v3'
  const ghesUploads = 'https://ghes.example.com/api/uploads'
  const api = nock(ghesApi)
  api
    .get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`)
    .reply(200, releaseJson(TAG, { api: ghesApi, uploads: ghesUploads }))
  serveAssetPages(api, [[]], ghesApi)
  nock(ghesUploads)
    .post(`/repos/${OWNER}/${REPO}/releases/1/assets`)
    .query({ name: 'artifact-seal.json' })
    .reply(201, assetJson(9, 'artifact-seal.json', 1, TAG, ghesApi))
  const client = await createGitHubClient({ token: TOKEN, retry: { delaysMs: [] } }, { GITHUB_API_URL: ghesApi })
  await shipSeal(result, { ...quiet, release: { client, repo: { owner: OWNER, repo: REPO }, tag: TAG } })
  assert.ok(nock.isDone())
})

test('verify fetches the manifest asset through the storage redirect when the file is absent, and names a missing asset', async () => {
  const { dir, result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  fs.rmSync(result.manifestPath)
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(1, 'app.tar.gz', 7)], [assetJson(10, 'artifact-seal.json', manifest.length)]])
  serveAssetDownload(api, 10, manifest)
  const lines: string[] = []
  const report = await verifyCarried(
    { manifestPath: result.manifestPath, baseDir: dir, algorithm: 'sha256', keys: [key] },
    { log: l => lines.push(l), warn: () => {}, release: await target() }
  )
  assert.equal(report.result, 'verified', JSON.stringify(report.problems))
  assert.equal(report.verifiedCount, 2)
  assert.match(lines.join('\n'), /Fetched the manifest from release v1\.2\.3/)
  assert.equal(fs.existsSync(result.manifestPath), false, 'verify does not write the fetched manifest')

  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(1, 'app.tar.gz', 7)]])
  await assert.rejects(
    fetchManifestAsset(await target(), 'artifact-seal.json'),
    refusal('REMOTE', /release v1\.2\.3 of acme\/widgets has no asset artifact-seal\.json/)
  )
  assert.ok(nock.isDone())
})

test('release-assets: only listed assets are downloaded, after the signature checks, into base-dir and nowhere else', async () => {
  const { dir, result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const deploy = tempDir()
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, 'victim'), 'keep me')
  // A symlink planted where an asset will land must be replaced, not written through.
  fs.symlinkSync(path.join(outside, 'victim'), path.join(deploy, 'app.tar.gz'))
  const api = nock(API)
  // One lookup and one listing serve both the manifest and the listed assets (nock refuses a second).
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  const assets = [
    assetJson(1, 'app.tar.gz', 7),
    assetJson(2, 'notes.txt', 5),
    assetJson(3, 'unlisted.sh', 3),
    assetJson(10, 'artifact-seal.json', manifest.length)
  ]
  serveAssetPages(api, [assets])
  serveAssetDownload(api, 10, manifest)
  serveAssetDownload(api, 1, 'the app')
  serveAssetDownload(api, 2, 'notes')
  const report = await verifyCarried(
    { manifestPath: path.join(deploy, 'artifact-seal.json'), baseDir: deploy, algorithm: 'sha256', keys: [key] },
    { ...quiet, release: { ...(await target()), assets: true, allowUnlistedAssets: true } }
  )
  assert.equal(report.result, 'verified', JSON.stringify(report.problems))
  assert.deepEqual(fs.readdirSync(deploy).sort(), ['app.tar.gz', 'notes.txt'])
  assert.equal(fs.lstatSync(path.join(deploy, 'app.tar.gz')).isSymbolicLink(), false)
  assert.equal(fs.readFileSync(path.join(outside, 'victim'), 'utf8'), 'keep me')
  assert.ok(nock.isDone())
  void dir

  // A manifest signed by another key: nothing is downloaded at all.
  const other = new LocalHmacKey(Buffer.alloc(32, 7), 'sha256')
  const empty = tempDir()
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [assets])
  serveAssetDownload(api, 10, manifest)
  const refused = await verifyCarried(
    { manifestPath: path.join(empty, 'artifact-seal.json'), baseDir: empty, algorithm: 'sha256', keys: [other] },
    { ...quiet, release: { ...(await target()), assets: true } }
  )
  assert.equal(refused.problems[0].code, 'SIGNATURE_INVALID')
  assert.deepEqual(fs.readdirSync(empty), [])
})

test('an asset name that is not a plain file name is never written', async () => {
  const deploy = tempDir()
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  serveAssetPages(api, [[assetJson(1, 'dir\\x', 1)]])
  const statement = buildStatement([{ name: 'dir\\x', digest: 'a'.repeat(64) }], 'sha256', CONTEXT, new Date())
  await assert.rejects(
    downloadListedAssets(await target(), statement, statement.subject, deploy, RULES),
    (e: unknown) => e instanceof SealError && e.code === 'PATH_UNSAFE'
  )
  assert.deepEqual(fs.readdirSync(deploy), [])
})

test('release-assets: an asset the manifest does not list, and a forged SHA256SUMS, fail the check, naming them', async () => {
  const { result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const genuineList = statementChecksumList(result.statement, 'sha256')
  const run = async (list: string, extra: ReturnType<typeof assetJson>[], allowUnlistedAssets = false) => {
    const deploy = tempDir()
    const api = nock(API)
    api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
    const assets = [
      assetJson(1, 'app.tar.gz', 7),
      assetJson(2, 'notes.txt', 5),
      assetJson(4, 'SHA256SUMS', list.length),
      ...extra,
      assetJson(10, 'artifact-seal.json', manifest.length)
    ]
    serveAssetPages(api, [assets])
    serveAssetDownload(api, 10, manifest)
    serveAssetDownload(api, 4, list)
    serveAssetDownload(api, 1, 'the app')
    serveAssetDownload(api, 2, 'notes')
    return verifyCarried(
      { manifestPath: path.join(deploy, 'artifact-seal.json'), baseDir: deploy, algorithm: 'sha256', keys: [key] },
      { ...quiet, release: { ...(await target()), assets: true, allowUnlistedAssets } }
    )
  }
  const genuine = await run(genuineList, [])
  assert.equal(genuine.result, 'verified', JSON.stringify(genuine.problems))

  const forged = genuineList.replace(/^[0-9a-f]{64}/, 'f'.repeat(64)) + `${'e'.repeat(64)}  installer-evil.exe\n`
  const evil = await run(forged, [assetJson(5, 'installer-evil.exe', 4)])
  assert.equal(evil.result, 'failed')
  const problems = evil.problems.map(p => `${p.code} ${p.subject}`)
  assert.ok(problems.includes('UNLISTED_FILE installer-evil.exe'), problems.join('; '))
  assert.ok(problems.includes('DIGEST_MISMATCH SHA256SUMS'), problems.join('; '))
  assert.match(
    evil.problems.find(p => p.subject === 'installer-evil.exe')!.message,
    /release asset installer-evil\.exe of release v1\.2\.3 is not listed in the manifest/
  )

  // allow-unlisted-assets lets the extra asset pass, never a list that is not the manifest's.
  const allowed = await run(forged, [assetJson(5, 'installer-evil.exe', 4)], true)
  assert.deepEqual(
    allowed.problems.map(p => p.code),
    ['DIGEST_MISMATCH']
  )
})

test('release-assets: a tampered or oversized download never replaces the local file', async () => {
  const { result } = await sealed()
  const manifest = fs.readFileSync(result.manifestPath)
  const deploy = tempDir()
  fs.writeFileSync(path.join(deploy, 'app.tar.gz'), 'the app')
  fs.writeFileSync(path.join(deploy, 'notes.txt'), 'notes')
  const api = nock(API)
  api.get(`/repos/${OWNER}/${REPO}/releases/tags/${TAG}`).reply(200, releaseJson(TAG))
  // app.tar.gz is served with other bytes of its size; notes.txt far larger than the listing says.
  serveAssetPages(api, [
    [assetJson(1, 'app.tar.gz', 7), assetJson(2, 'notes.txt', 5), assetJson(10, 'artifact-seal.json', manifest.length)]
  ])
  serveAssetDownload(api, 10, manifest)
  serveAssetDownload(api, 1, 'evil!!!')
  serveAssetDownload(api, 2, Buffer.alloc(4 * 1024 * 1024, 1))
  const report = await verifyCarried(
    { manifestPath: path.join(deploy, 'artifact-seal.json'), baseDir: deploy, algorithm: 'sha256', keys: [key] },
    { ...quiet, release: { ...(await target()), assets: true } }
  )
  assert.equal(report.result, 'failed')
  const messages = report.problems.map(p => p.message).join('\n')
  assert.match(
    messages,
    /release asset app\.tar\.gz does not match the manifest's sha256 digest; the local file was left as it was/
  )
  assert.match(messages, /release asset notes\.txt sent more than its listed 5 bytes/)
  assert.equal(fs.readFileSync(path.join(deploy, 'app.tar.gz'), 'utf8'), 'the app')
  assert.equal(fs.readFileSync(path.join(deploy, 'notes.txt'), 'utf8'), 'notes')
  assert.deepEqual(fs.readdirSync(deploy).sort(), ['app.tar.gz', 'notes.txt'], 'no temporary file is left behind')
})
