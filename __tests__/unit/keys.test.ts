import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { inspect } from 'node:util'
import {
  decodeKey,
  keyRenderings,
  keysFromText,
  LocalHmacKey,
  localKeyId,
  parseKeyEncoding
} from '../../src/core/keys.js'
import { SealError } from '../../src/core/errors.js'
import { TEST_KEY_HEX } from '../helpers/fixtures.js'
import { liveBuiltin } from '../helpers/live-builtins.js'

const isCode = (code: string) => (e: unknown) => e instanceof SealError && e.code === code

test('keys decode from hex, base64 (both alphabets) and utf8', () => {
  const bytes = Buffer.from(TEST_KEY_HEX, 'hex')
  assert.deepEqual(decodeKey(TEST_KEY_HEX, 'hex', 'key input'), bytes)
  assert.deepEqual(decodeKey(TEST_KEY_HEX.toUpperCase(), 'hex', 'key input'), bytes)
  assert.deepEqual(decodeKey(bytes.toString('base64'), 'base64', 'key input'), bytes)
  assert.deepEqual(decodeKey(bytes.toString('base64url'), 'base64', 'key input'), bytes)
  assert.deepEqual(decodeKey('a'.repeat(32), 'utf8', 'key input'), Buffer.from('a'.repeat(32)))
})

test('a key under 32 bytes is refused, naming the input and never quoting the key', () => {
  const short = 'ab'.repeat(31)
  assert.throws(
    () => decodeKey(short, 'hex', 'key input'),
    (e: unknown) => {
      assert.ok(isCode('KEY_INVALID')(e))
      const message = (e as Error).message
      assert.match(message, /key input is 31 bytes .* at least 32/)
      assert.ok(!message.includes(short))
      return true
    }
  )
  assert.throws(() => decodeKey('x'.repeat(31), 'utf8', 'key input'), isCode('KEY_INVALID'))
})

test('malformed hex and base64 are refused without echoing the text', () => {
  const bad = 'zz' + TEST_KEY_HEX.slice(2)
  assert.throws(
    () => decodeKey(bad, 'hex', 'key input'),
    (e: unknown) => isCode('KEY_INVALID')(e) && !(e as Error).message.includes(bad)
  )
  assert.throws(() => decodeKey(TEST_KEY_HEX + 'a', 'hex', 'key input'), isCode('KEY_INVALID'))
  assert.throws(() => decodeKey('not base64 at all!!', 'base64', 'key input'), isCode('KEY_INVALID'))
})

test('key-encoding values are validated with the options listed', () => {
  assert.equal(parseKeyEncoding('Base64'), 'base64')
  assert.throws(
    () => parseKeyEncoding('raw'),
    /Unrecognized key-encoding input. Provided: raw. Available options: hex, base64, utf8/
  )
})

test('every rendering of the key is offered for masking before the key is used', () => {
  const seen: string[] = []
  const text = `${TEST_KEY_HEX}\n\n  ${'ff'.repeat(32)}  \n`
  const keys = keysFromText(text, 'hex', 'sha256', 'key input', v => seen.push(v))
  assert.equal(keys.length, 2, 'one key per non-empty line')
  const bytes = Buffer.from(TEST_KEY_HEX, 'hex')
  for (const form of [
    TEST_KEY_HEX,
    TEST_KEY_HEX.toUpperCase(),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('base64').replace(/=+$/, '')
  ]) {
    assert.ok(seen.includes(form), `masked ${form}`)
  }
  assert.ok(seen.includes('ff'.repeat(32)), 'the second line is masked too, trimmed')
})

test('a bad key line is masked before it is refused', () => {
  const seen: string[] = []
  const bad = 'q'.repeat(64)
  assert.throws(
    () => keysFromText(`${TEST_KEY_HEX}\n${bad}`, 'hex', 'sha256', 'key input', v => seen.push(v)),
    /key input \(line 2\) is not valid hex/
  )
  assert.ok(seen.includes(bad))
})

test('keyRenderings covers hex, base64 and the raw text of a utf8 key', () => {
  const text = 'correct horse battery staple 1234'
  const forms = keyRenderings(text, Buffer.from(text))
  assert.ok(forms.includes(text))
  assert.ok(forms.includes(Buffer.from(text).toString('hex')))
  assert.ok(forms.includes(Buffer.from(text).toString('base64')))
})

test('the key id is HMAC-SHA256(key, label), not the key and not a plain hash of it', () => {
  const key = Buffer.from(TEST_KEY_HEX, 'hex')
  const id = localKeyId(key)
  assert.equal(id, 'hmac:' + createHmac('sha256', key).update('artifact-seal/key-id/v1').digest('hex').slice(0, 32))
  assert.ok(!id.includes(TEST_KEY_HEX.slice(0, 16)))
  assert.notEqual(id.slice(5), createHmac('sha256', '').update(key).digest('hex').slice(0, 32))
  assert.notEqual(localKeyId(Buffer.from('ff'.repeat(32), 'hex')), id)
})

test('LocalHmacKey signs with the configured hash and verifies only the exact MAC', async () => {
  const bytes = Buffer.from(TEST_KEY_HEX, 'hex')
  for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
    const key = new LocalHmacKey(bytes, algorithm)
    const mac = await key.sign(Buffer.from('message'))
    assert.deepEqual(Buffer.from(mac), createHmac(algorithm, bytes).update('message').digest())
    assert.equal(await key.verify(Buffer.from('message'), mac), true)
    assert.equal(await key.verify(Buffer.from('messagE'), mac), false)
    const flipped = Buffer.from(mac)
    flipped[flipped.length - 1] ^= 1
    assert.equal(await key.verify(Buffer.from('message'), flipped), false)
    // A truncated MAC or one of another length is a mismatch, not a crash of timingSafeEqual.
    assert.equal(await key.verify(Buffer.from('message'), mac.subarray(0, 16)), false)
    assert.equal(await key.verify(Buffer.from('message'), Buffer.alloc(0)), false)
  }
})

test('the MAC comparison is constant-time: every same-length comparison goes through crypto.timingSafeEqual', async () => {
  // Observed, not assumed: node:crypto's export is wrapped (and published to ESM importers) while verify runs.
  const cryptoCjs = liveBuiltin(
    createRequire(import.meta.url)('node:crypto') as { timingSafeEqual: (a: Uint8Array, b: Uint8Array) => boolean }
  )
  const original = cryptoCjs.timingSafeEqual
  const calls: number[] = []
  cryptoCjs.timingSafeEqual = (a, b) => (calls.push(a.length), original(a, b))
  syncBuiltinESMExports()
  try {
    const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
    const mac = Buffer.from(await key.sign(Buffer.from('message')))
    const early = Buffer.from(mac)
    early[0] ^= 1
    const late = Buffer.from(mac)
    late[31] ^= 1
    assert.deepEqual(
      [
        await key.verify(Buffer.from('message'), mac),
        await key.verify(Buffer.from('message'), early),
        await key.verify(Buffer.from('message'), late)
      ],
      [true, false, false]
    )
    assert.deepEqual(calls, [32, 32, 32], 'each verify compared the full 32-byte MACs with timingSafeEqual')
  } finally {
    cryptoCjs.timingSafeEqual = original
    syncBuiltinESMExports()
  }
})

test('a key object never prints its bytes', () => {
  const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  const shown = inspect(key, { showHidden: true, depth: 5 }) + JSON.stringify({ key }) + String(key)
  assert.ok(!shown.includes(TEST_KEY_HEX))
  assert.ok(!shown.includes(Buffer.from(TEST_KEY_HEX, 'hex').toString('base64')))
})
