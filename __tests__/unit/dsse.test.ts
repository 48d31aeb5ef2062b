import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { decodeEnvelope, encodeEnvelope, pae } from '../../src/core/dsse.js'
import { decodeBase64Strict } from '../../src/core/encoding.js'
import { SealError } from '../../src/core/errors.js'

test('PAE matches the DSSE specification example', () => {
  // From the DSSE protocol document: PAE("http://example.com/HelloWorld", "hello world")
  assert.equal(
    pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString(),
    'DSSEv1 29 http://example.com/HelloWorld 11 hello world'
  )
})

test('PAE lengths are byte counts, not character counts', () => {
  assert.equal(pae('t', Buffer.from('é', 'utf8')).toString('utf8'), 'DSSEv1 1 t 2 é')
})

test('base64 is accepted in standard and URL-safe alphabets, with or without padding', () => {
  const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x01])
  for (const text of ['+//+AQ==', '+//+AQ', '-__-AQ==', '-__-AQ'])
    assert.deepEqual(decodeBase64Strict(text), { ok: true, bytes })
})

test('text that is not base64 is refused with the field named, not decoded as garbage', () => {
  for (const text of ['a b', 'abc$', 'A', 'AB=C', 'ABC==']) {
    assert.equal(decodeBase64Strict(text).ok, false, text)
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: 'e30=',
      signatures: [{ keyid: 'k', sig: text }]
    }
    assert.throws(
      () => decodeEnvelope(envelope),
      (e: unknown) => e instanceof SealError && e.code === 'MANIFEST_INVALID' && e.subject === 'signatures[0].sig',
      text
    )
  }
})

test('an envelope round-trips and missing fields are named', () => {
  const bytes = encodeEnvelope('application/vnd.in-toto+json', Buffer.from('{}'), [
    { keyid: 'k', sig: Buffer.from([1, 2, 3]) }
  ])
  const decoded = decodeEnvelope(JSON.parse(bytes.toString()))
  assert.equal(decoded.payload.toString(), '{}')
  assert.deepEqual(decoded.signatures, [{ keyid: 'k', sig: Buffer.from([1, 2, 3]) }])
  assert.throws(() => decodeEnvelope({ payload: '', signatures: [] }), /payloadType is missing/)
  assert.throws(
    () => decodeEnvelope({ payloadType: 't', payload: '', signatures: [] }),
    /signatures is not a non-empty array/
  )
  // keyid is only a hint: one that is not a string is read as no hint, never as a reason to refuse.
  assert.deepEqual(
    decodeEnvelope({ payloadType: 't', payload: '', signatures: [{ keyid: 1, sig: 'AA==' }] }).signatures,
    [{ keyid: '', sig: Buffer.from([0]) }]
  )
})
