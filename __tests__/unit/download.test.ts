import { test, afterAll, beforeAll } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { seal } from '../../src/core/seal.js'
import { createGitHubClient } from '../../src/github/client.js'
import { verifyCarried } from '../../src/transport/carry.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'

/*
 * Downloads against a real HTTP server on loopback (no nock in this file: what is tested is the
 * socket behaviour): one that answers HTTP/1.0-style and closes the connection (the undici#5360
 * crash), one that trickles, one that redirects to storage on another host name, one that cuts the
 * body short, one that stalls.
 */

const TOKEN = 'ghs_loopbacktoken0123456789abcdefghijklm'
const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const BIG = Buffer.alloc(8 * 1024 * 1024, 'x') // far above every buffer between the socket and the reader
const FILES: Record<string, Buffer> = {
  'closes.bin': BIG,
  'trickles.bin': Buffer.from('slow '.repeat(200)),
  'redirects.bin': Buffer.from('from storage'),
  'cut.bin': Buffer.alloc(100_000, 'c'),
  'stalls.bin': Buffer.alloc(1000, 's')
}
const NAMES = Object.keys(FILES)
const requests: { url: string; authorization?: string; host?: string }[] = []
let server: http.Server
let port = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization, host: req.headers.host })
    const api = `http://127.0.0.1:${port}`
    const json = (body: unknown): void =>
      void res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body))
    if (req.url === '/repos/acme/widgets/releases/tags/v1')
      return json({ id: 1, tag_name: 'v1', upload_url: `${api}/upload{?name,label}`, draft: false, immutable: true })
    if (req.url?.startsWith('/repos/acme/widgets/releases/1/assets')) {
      return json(
        NAMES.map((name, i) => ({
          id: i + 1,
          name,
          size: FILES[name].length,
          state: 'uploaded',
          browser_download_url: `${api}/dl/${name}`,
          digest: null
        }))
      )
    }
    const asset = /^\/repos\/acme\/widgets\/releases\/assets\/(\d+)$/.exec(req.url ?? '')
    const name = asset ? NAMES[Number(asset[1]) - 1] : undefined
    const body = name ? FILES[name] : undefined
    if (name === 'closes.bin') {
      // HTTP/1.0: no length, the body ends when the server closes the connection.
      req.socket.write('HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n')
      req.socket.end(body!)
      return
    }
    if (name === 'trickles.bin') {
      res.writeHead(200, { 'content-length': body!.length, connection: 'close' })
      let at = 0
      const timer = setInterval(() => {
        res.write(body!.subarray(at, at + 100))
        at += 100
        if (at >= body!.length) {
          clearInterval(timer)
          res.end()
        }
      }, 30)
      return
    }
    if (name === 'redirects.bin')
      return void res
        .writeHead(302, { location: `http://localhost:${port}/storage/redirects.bin?sig=abc`, connection: 'close' })
        .end()
    if (req.url === '/storage/redirects.bin?sig=abc')
      return void res.writeHead(200, { 'content-length': FILES['redirects.bin'].length }).end(FILES['redirects.bin'])
    if (name === 'cut.bin') {
      res.writeHead(200, { 'content-length': body!.length })
      res.write(body!.subarray(0, 40_000), () => req.socket.destroy())
      return
    }
    if (name === 'stalls.bin') {
      res.writeHead(200, { 'content-length': body!.length })
      res.write(body!.subarray(0, 10)) // and nothing more
      return
    }
    res.writeHead(404).end('{"message":"Not Found"}')
  })
  await new Promise<void>(resolve => server.listen(0, resolve)) // every address: 127.0.0.1 and localhost
  port = (server.address() as AddressInfo).port
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

async function manifest(): Promise<Buffer> {
  const dir = tempDir()
  writeTree(dir, FILES)
  const result = await seal({
    patterns: [path.join(dir, '*')],
    baseDir: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm: 'sha256',
    keys: [key],
    context: {
      repository: 'acme/widgets',
      commit: null,
      ref: null,
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
  return result.manifestBytes
}

async function download(subjects: string[]) {
  const deploy = tempDir()
  const client = await createGitHubClient(
    { token: TOKEN, apiUrl: `http://127.0.0.1:${port}`, retry: { delaysMs: [] } },
    {}
  )
  const run = verifyCarried(
    {
      manifestPath: path.join(deploy, 'artifact-seal.json'),
      manifestBytes: await manifest(),
      baseDir: deploy,
      algorithm: 'sha256',
      keys: [key],
      subjects
    },
    {
      log: () => {},
      warn: () => {},
      release: { client, repo: { owner: 'acme', repo: 'widgets' }, tag: 'v1', assets: true, allowUnlistedAssets: true }
    }
  )
  return { deploy, run }
}

test('a server that closes the connection after an 8 MiB HTTP/1.0 body, one that trickles, and a redirect to storage: all complete', async () => {
  const { deploy, run } = await download(['closes.bin', 'trickles.bin', 'redirects.bin'])
  const report = await run
  assert.equal(report.result, 'verified', JSON.stringify(report.problems))
  assert.deepEqual(fs.readdirSync(deploy).sort(), ['closes.bin', 'redirects.bin', 'trickles.bin'])
  assert.ok(fs.readFileSync(path.join(deploy, 'closes.bin')).equals(BIG))
  const storage = requests.find(r => r.url.startsWith('/storage/'))
  assert.ok(storage, 'the redirect was followed')
  assert.equal(storage.authorization, undefined, 'the token does not go to storage')
  assert.equal(requests.find(r => r.url === '/repos/acme/widgets/releases/assets/3')?.authorization, `token ${TOKEN}`)
})

test('a body cut short fails in one line naming the asset, and leaves no half-downloaded file', async () => {
  const { deploy, run } = await download(['cut.bin'])
  await assert.rejects(
    run,
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'REMOTE' &&
      /^asset cut\.bin of release v1: the download broke off after \d+ of 100000 bytes/.test(e.message) &&
      !e.message.includes('\n')
  )
  assert.deepEqual(fs.readdirSync(deploy), [], 'no temporary or partial file')
})

test('a server that stalls mid-body is given up on after the idle time, naming the asset', async () => {
  process.env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS = '1'
  try {
    const { deploy, run } = await download(['stalls.bin'])
    const started = Date.now()
    await assert.rejects(
      run,
      (e: unknown) =>
        e instanceof SealError &&
        /asset stalls\.bin of release v1: the download broke off after 10 of 1000 bytes \(no data for 1 s\)/.test(
          e.message
        )
    )
    assert.ok(Date.now() - started < 5000)
    assert.deepEqual(fs.readdirSync(deploy), [])
  } finally {
    delete process.env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS
  }
})
