import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { networkFailure } from '../../src/net/network-error.js'

test('network failures are named as such, with the host, from the error, its causes or its text', () => {
  assert.match(
    networkFailure(
      Object.assign(new Error('x'), { status: 500, message: 'getaddrinfo ENOTFOUND api.github.example' })
    )!,
    /^cannot reach api\.github\.example: no such host \(DNS lookup failed\) \(ENOTFOUND\)/
  )
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), {
    code: 'ECONNREFUSED',
    address: '127.0.0.1',
    port: 4566
  })
  assert.match(
    networkFailure(new Error('fetch failed', { cause: refused }))!,
    /^cannot reach 127\.0\.0\.1:4566: connection refused/
  )
  assert.equal(networkFailure(Object.assign(new Error('Bad credentials'), { status: 401 })), null)
  assert.equal(
    networkFailure(Object.assign(new Error('AccessDenied'), { name: 'AccessDenied', code: 'AccessDenied' })),
    null
  )
})
