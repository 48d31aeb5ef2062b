import { createHmac } from 'node:crypto'
import { pae } from '../../src/core/dsse.js'

/** Re-signs an edited statement with a key, as an attacker who held the key could: for tests of checks after the signature. */
export function envelopeWith(
  statement: unknown,
  keyHex: string,
  algorithm = 'sha256',
  payloadType = 'application/vnd.in-toto+json'
): string {
  const payload = Buffer.from(typeof statement === 'string' ? statement : JSON.stringify(statement))
  const sig = createHmac(algorithm, Buffer.from(keyHex, 'hex')).update(pae(payloadType, payload)).digest('base64')
  return JSON.stringify({ payloadType, payload: payload.toString('base64'), signatures: [{ keyid: 'x', sig }] })
}

/** The statement inside a manifest file's text. */
export function statementOf(manifestText: string): any {
  return JSON.parse(Buffer.from(JSON.parse(manifestText).payload, 'base64').toString('utf8'))
}
