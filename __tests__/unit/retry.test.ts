import assert from 'node:assert/strict'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, test } from '@jest/globals'
import { NetworkError, requestJson } from '../../src/net/http-json.js'
import {
  DEFAULT_RETRY,
  MAX_SERVER_WAIT_MS,
  retryWaitMs,
  serverWaitMs,
  withRetries,
  type Outcome
} from '../../src/net/retry.js'

/** Runs the engine over a scripted list of outcomes; returns the waits it slept and how many tries it made. */
async function script(
  outcomes: Outcome[],
  policy = DEFAULT_RETRY
): Promise<{ waits: number[]; tries: number; last: Outcome }> {
  const waits: number[] = []
  let tries = 0
  const last = await withRetries(
    async () => outcomes[Math.min(tries++, outcomes.length - 1)],
    settled => (settled.ok && settled.value.status === 200 ? undefined : settled.ok ? settled.value : {}),
    { policy, now: () => 0, sleep: async ms => void waits.push(ms) }
  )
  return { waits, tries, last }
}

describe('the retry policy', () => {
  test('5xx, 429 and no answer are retried after 0.5, 1, 2 and 4 s, then the last answer stands', async () => {
    for (const status of [500, 502, 503, 504, 429]) {
      const run = await script([{ status }])
      assert.deepEqual(run.waits, [500, 1000, 2000, 4000], String(status))
      assert.equal(run.tries, 5)
      assert.equal(run.last.status, status)
    }
    const recovered = await script([{ status: 503 }, { status: 503 }, { status: 200 }])
    assert.deepEqual(recovered.waits, [500, 1000])
    assert.equal(recovered.last.status, 200)
    assert.equal(retryWaitMs({}, 0), 500, 'no answer at all is retried')
  })

  test('4xx is never retried, a plain 403 included', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const run = await script([{ status }, { status: 200 }])
      assert.deepEqual(run.waits, [], String(status))
      assert.equal(run.tries, 1)
    }
  })

  test('Retry-After (seconds or a date) and GitHub rate-limit headers set the wait; more than a minute is not waited for', async () => {
    assert.equal(retryWaitMs({ status: 429, headers: { 'retry-after': '3' } }, 0), 3000)
    assert.equal(retryWaitMs({ status: 503, headers: { 'retry-after': '0' } }, 0), 0)
    assert.equal(serverWaitMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000), 6000)
    assert.equal(
      retryWaitMs(
        { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' } },
        0,
        DEFAULT_RETRY,
        2000
      ),
      3000
    )
    assert.equal(
      retryWaitMs({ status: 429, headers: { 'retry-after': String(MAX_SERVER_WAIT_MS / 1000 + 1) } }, 0),
      undefined
    )
    assert.equal(
      retryWaitMs({ status: 429, headers: { 'retry-after': 'soon' } }, 0),
      500,
      'an unreadable Retry-After falls back to the schedule'
    )
  })

  test('stops after as many retries as the policy has delays', async () => {
    assert.equal((await script([{ status: 503 }], { delaysMs: [1, 1] })).tries, 3)
    assert.equal((await script([{ status: 503 }], { delaysMs: [] })).tries, 1)
  })

  test('an error no judge calls retryable is thrown at once, and the last error after the retries', async () => {
    let tries = 0
    const boom = new Error('boom')
    await assert.rejects(
      withRetries(
        async () => {
          tries++
          throw boom
        },
        () => undefined
      ),
      boom
    )
    assert.equal(tries, 1)
    await assert.rejects(
      withRetries(
        async () => Promise.reject(boom),
        () => ({}),
        { policy: { delaysMs: [0, 0] } }
      ),
      boom
    )
  })
})

describe('requestJson through the policy (a loopback server)', () => {
  let server: http.Server
  let base = ''
  const answers: Array<{ status: number; headers?: Record<string, string> }> = []
  const seen: string[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const next = answers.shift() ?? { status: 200 }
      res
        .writeHead(next.status, { 'content-type': 'application/json', ...next.headers })
        .end(JSON.stringify({ status: next.status }))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.close()
  })

  test('a 503 and a 429 with Retry-After: 0 are retried to the 200; a 404 is returned at once', async () => {
    answers.push({ status: 503 }, { status: 429, headers: { 'retry-after': '0' } })
    seen.length = 0
    const ok = await requestJson('GET', `${base}/v1/sys/health`, { retry: { delaysMs: [1, 1, 1] } })
    assert.equal(ok.status, 200)
    assert.deepEqual(seen, ['GET /v1/sys/health', 'GET /v1/sys/health', 'GET /v1/sys/health'])
    answers.push({ status: 404 })
    seen.length = 0
    assert.equal((await requestJson('GET', `${base}/missing`, { retry: { delaysMs: [1, 1, 1] } })).status, 404)
    assert.equal(seen.length, 1)
  })

  test('no answer at all: retried, then one NetworkError saying how many tries', async () => {
    const closed = http.createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    await assert.rejects(
      requestJson('GET', `http://127.0.0.1:${port}/`, { retry: { delaysMs: [1, 1] } }),
      (e: unknown) => {
        assert.ok(e instanceof NetworkError)
        assert.match(e.message, /^no answer after 3 attempt\(s\): ECONNREFUSED$/)
        return true
      }
    )
  })
})
