import { afterAll } from '@jest/globals'
import nock from 'nock'

// nock 15 depends on @mswjs/interceptors, whose current releases call Promise.withResolvers
// (Node 22+) when a request is intercepted; Node 20, which we also support, lacks it.
const P = Promise as unknown as { withResolvers?: () => unknown }
if (!P.withResolvers) {
  P.withResolvers = () => {
    let resolve!: (value: unknown) => void
    let reject!: (reason?: unknown) => void
    const promise = new Promise((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
}

// No request leaves a test that fakes HTTP unless nock answers it or a loopback server does.
nock.disableNetConnect()
nock.enableNetConnect(host => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host))

// Jest loads a fresh nock for each test file but runs several files in one worker process: each
// nock patches Node's http when loaded, so the one of a finished file must let go of it.
afterAll(() => {
  nock.cleanAll()
  nock.restore()
})

export default nock
