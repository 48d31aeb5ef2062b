import nock from 'nock'

// nock 15 intercepts through @mswjs/interceptors, which calls Promise.withResolvers (Node 22+).
// Node 20 lacks it; this is the standard shape of that function, for the test process only.
const P = Promise as unknown as { withResolvers?: () => unknown }
if (typeof P.withResolvers !== 'function') {
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

export default nock
