import { SealError } from './errors.js'

/** The only payload type we write or accept. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/** A decoded signature: the key id hint and the MAC bytes. */
export interface DecodedSignature {
  keyid: string
  sig: Buffer
}

/** A parsed envelope: nothing in it is trusted until a signature over the PAE checks. */
export interface DecodedEnvelope {
  payloadType: string
  payload: Buffer
  signatures: DecodedSignature[]
}

/** DSSE pre-authentication encoding: "DSSEv1" SP len(type) SP type SP len(body) SP body. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${payload.length} `, 'ascii'),
    payload
  ])
}

/** Serializes an envelope the way we always write it: standard base64 with padding. */
export function encodeEnvelope(payloadType: string, payload: Uint8Array, signatures: { keyid: string; sig: Uint8Array }[]): Buffer {
  const envelope = {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: signatures.map(s => ({ keyid: s.keyid, sig: Buffer.from(s.sig).toString('base64') }))
  }
  return Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8')
}

/**
 * Decodes base64 strictly, in the standard or URL-safe alphabet, with or without padding (DSSE
 * asks verifiers to accept both). Node's own decoder skips characters it does not know, so the
 * alphabet and length are checked first: a string that is not base64 is an error, not garbage.
 */
export function decodeBase64Strict(text: string, field: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
    throw new SealError('MANIFEST_INVALID', `manifest field ${field} is not base64`, field)
  }
  const body = text.replace(/=+$/, '')
  if (body.length % 4 === 1 || (text.length !== body.length && text.length % 4 !== 0)) {
    throw new SealError('MANIFEST_INVALID', `manifest field ${field} is not base64 (bad length or padding)`, field)
  }
  return Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
}

function field(obj: Record<string, unknown>, name: string, path: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, name)) {
    throw new SealError('MANIFEST_INVALID', `manifest field ${path} is missing`, path)
  }
  return obj[name]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** At most this many signatures are tried: enough for any rotation, not enough to make verify slow. */
export const MAX_SIGNATURES = 16

/** Parses already-JSON-parsed envelope text into its parts, naming the field at fault. */
export function decodeEnvelope(value: unknown): DecodedEnvelope {
  if (!isObject(value)) throw new SealError('MANIFEST_INVALID', 'manifest is not a JSON object (expected a DSSE envelope)', '$')
  const payloadType = field(value, 'payloadType', 'payloadType')
  if (typeof payloadType !== 'string') throw new SealError('MANIFEST_INVALID', 'manifest field payloadType is not a string', 'payloadType')
  const payloadText = field(value, 'payload', 'payload')
  if (typeof payloadText !== 'string') throw new SealError('MANIFEST_INVALID', 'manifest field payload is not a string', 'payload')
  const sigs = field(value, 'signatures', 'signatures')
  if (!Array.isArray(sigs) || sigs.length === 0) {
    throw new SealError('MANIFEST_INVALID', 'manifest field signatures is not a non-empty array', 'signatures')
  }
  if (sigs.length > MAX_SIGNATURES) {
    throw new SealError('MANIFEST_INVALID', `manifest field signatures has ${sigs.length} entries; at most ${MAX_SIGNATURES} are accepted`, 'signatures')
  }
  const signatures = sigs.map((s, i): DecodedSignature => {
    const path = `signatures[${i}]`
    if (!isObject(s)) throw new SealError('MANIFEST_INVALID', `manifest field ${path} is not an object`, path)
    const sig = field(s, 'sig', `${path}.sig`)
    if (typeof sig !== 'string' || sig.length === 0) {
      throw new SealError('MANIFEST_INVALID', `manifest field ${path}.sig is not a non-empty string`, `${path}.sig`)
    }
    // keyid is optional in DSSE and only a hint to us: one that is not a string is no hint, and
    // must not make a valid signature fail (the contract's keyid rule).
    const keyid = typeof s.keyid === 'string' ? s.keyid : ''
    return { keyid, sig: decodeBase64Strict(sig, `${path}.sig`) }
  })
  return { payloadType, payload: decodeBase64Strict(payloadText, 'payload'), signatures }
}
