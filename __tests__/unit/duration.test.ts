import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { parseDuration } from '../../src/core/duration.js'
import { parseAlgorithm } from '../../src/core/algorithms.js'

test('durations in s, m, h, d and w', () => {
  assert.equal(parseDuration('45s', 'expires-in'), 45_000)
  assert.equal(parseDuration('30m', 'expires-in'), 1_800_000)
  assert.equal(parseDuration('12h', 'expires-in'), 43_200_000)
  assert.equal(parseDuration('90d', 'max-age'), 90 * 86_400_000)
  assert.equal(parseDuration('2w', 'max-age'), 14 * 86_400_000)
})

test('bad durations name the input', () => {
  for (const bad of ['', '0s', '-5m', '1.5h', '7', 'd', '7 days', '10y']) {
    assert.throws(() => parseDuration(bad, 'max-age'), /Invalid max-age input/, bad)
  }
})

test('algorithm input is validated with the options listed', () => {
  assert.equal(parseAlgorithm('SHA512'), 'sha512')
  assert.throws(
    () => parseAlgorithm('md5'),
    /Unrecognized algorithm input. Provided: md5. Available options: sha256, sha384, sha512/
  )
})
