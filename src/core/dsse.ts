import { decodeBase64Strict } from './encoding.js'
import { SealError } from './errors.js'
import { isObject } from './json.js'

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
export function encodeEnvelope(
  payloadType: string,
  payload: Uint8Array,
  signatures: { keyid: string; sig: Uint8Array }[]
): Buffer {
  const envelope = {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: signatures.map(s => ({ keyid: s.keyid, sig: Buffer.from(s.sig).toString('base64') }))
  }
  return Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8')
}

/** A base64 field of the envelope (core/encoding.ts: either alphabet, padding optional), naming the field when it is not. */
function base64Field(text: string, field: string): Buffer {
  const decoded = decodeBase64Strict(text)
  if (!decoded.ok) throw new SealError('MANIFEST_INVALID', `manifest field ${field} is ${decoded.why}`, field)
  return decoded.bytes
}

function field(obj: Record<string, unknown>, name: string, path: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, name)) {
    throw new SealError('MANIFEST_INVALID', `manifest field ${path} is missing`, path)
  }
  return obj[name]
}

/** At most this many signatures are tried: enough for any rotation, not enough to make verify slow. */
export const MAX_SIGNATURES = 16

/** Parses already-JSON-parsed envelope text into its parts, naming the field at fault. */
export function decodeEnvelope(value: unknown): DecodedEnvelope {
  if (!isObject(value))
    throw new SealError('MANIFEST_INVALID', 'manifest is not a JSON object (expected a DSSE envelope)', '$')
  const payloadType = field(value, 'payloadType', 'payloadType')
  if (typeof payloadType !== 'string')
    throw new SealError('MANIFEST_INVALID', 'manifest field payloadType is not a string', 'payloadType')
  const payloadText = field(value, 'payload', 'payload')
  if (typeof payloadText !== 'string')
    throw new SealError('MANIFEST_INVALID', 'manifest field payload is not a string', 'payload')
  const sigs = field(value, 'signatures', 'signatures')
  if (!Array.isArray(sigs) || sigs.length === 0) {
    throw new SealError('MANIFEST_INVALID', 'manifest field signatures is not a non-empty array', 'signatures')
  }
  if (sigs.length > MAX_SIGNATURES) {
    throw new SealError(
      'MANIFEST_INVALID',
      `manifest field signatures has ${sigs.length} entries; at most ${MAX_SIGNATURES} are accepted`,
      'signatures'
    )
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
    return { keyid, sig: base64Field(sig, `${path}.sig`) }
  })
  return { payloadType, payload: base64Field(payloadText, 'payload'), signatures }
}
