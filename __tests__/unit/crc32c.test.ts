import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { crc32c, crc32cMatches, crc32cString } from '../../src/keys/crc32c.js'

// Check values of CRC-32C: "123456789" from the CRC catalogue (Castagnoli, check=0xe3069283), and
// the 32-byte vectors of RFC 3720 (iSCSI), appendix B.4.
test('CRC-32C matches the catalogue check value and the RFC 3720 vectors', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283)
  assert.equal(crc32c(Buffer.alloc(0)), 0)
  assert.equal(crc32c(Buffer.alloc(32, 0x00)), 0x8a9136aa)
  assert.equal(crc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43)
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i))), 0x46dd794e)
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i))), 0x113fdb5c)
})

test('CRC-32C travels as Google writes an int64: a decimal string, compared by value', () => {
  const data = Buffer.from('123456789')
  assert.equal(crc32cString(data), '3808858755')
  assert.ok(crc32cMatches('3808858755', data))
  assert.ok(crc32cMatches(3808858755, data))
  assert.ok(!crc32cMatches('3808858754', data))
  assert.ok(!crc32cMatches(undefined, data))
  assert.ok(!crc32cMatches('0x e3069283', data))
})
