import { createHmac, timingSafeEqual } from 'node:crypto'
import type { DigestAlgorithm } from './algorithms.js'
import { parseChoice } from './choice.js'
import { decodeBase64Strict } from './encoding.js'
import { SealError } from './errors.js'

/** How a key's text is turned into bytes. */
export const KEY_ENCODINGS = ['hex', 'base64', 'utf8'] as const
export type KeyEncoding = (typeof KEY_ENCODINGS)[number]

/** NIST SP 800-107 asks for an HMAC key at least as long as the security level; 32 bytes is 256 bits. */
export const MIN_KEY_BYTES = 32

/** Domain separation label for key ids, so a key id is never a plain hash of the key. */
export const KEY_ID_LABEL = 'artifact-seal/key-id/v1'

/**
 * A key that computes and checks MACs. Local keys hold their bytes; remote keys (a KMS or Vault
 * transit) only name where the MAC is computed. Verification always goes through `verify` so that
 * a remote store can answer without ever handing us the key.
 */
export interface MacKey {
  /** Public, non-secret identifier written into each signature. */
  readonly keyId: string
  /** MAC over `message` with the configured hash. */
  sign(message: Uint8Array): Promise<Uint8Array>
  /** Whether `mac` is the MAC of `message`, compared in constant time. */
  verify(message: Uint8Array, mac: Uint8Array): Promise<boolean>
}

/** Parses the `key-encoding` input. */
export function parseKeyEncoding(value: string, inputName = 'key-encoding'): KeyEncoding {
  return parseChoice(value, KEY_ENCODINGS, inputName)
}

/** Splits a multi-line key input into its non-empty lines (one key per line, for rotation). */
export function splitKeyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line.length > 0)
}

/**
 * Decodes one key line. Messages name the line number and never include the key's text.
 * `label` names where the key came from (an input, a file, a secret) for the message.
 */
export function decodeKey(text: string, encoding: KeyEncoding, label: string): Buffer {
  let bytes: Buffer
  switch (encoding) {
    case 'hex':
      if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) {
        throw new SealError(
          'KEY_INVALID',
          `${label} is not valid hex (set key-encoding if it is base64 or utf8)`,
          label
        )
      }
      bytes = Buffer.from(text, 'hex')
      break
    case 'base64': {
      const decoded = decodeBase64Strict(text.replace(/\s+/g, ''))
      if (!decoded.ok) throw new SealError('KEY_INVALID', `${label} is not valid base64`, label)
      bytes = decoded.bytes
      break
    }
    case 'utf8':
      bytes = Buffer.from(text, 'utf8')
      break
  }
  if (bytes.length < MIN_KEY_BYTES) {
    throw new SealError(
      'KEY_INVALID',
      `${label} is ${bytes.length} bytes after ${encoding} decoding; at least ${MIN_KEY_BYTES} are required (make one with: openssl rand -hex 32)`,
      label
    )
  }
  return bytes
}

/**
 * Every form in which the key could appear in something we print: the text as given, and the
 * bytes as hex (both cases), base64 (standard and URL-safe, with and without padding) and UTF-8.
 * The action registers each with the runner's mask before anything else happens.
 */
export function keyRenderings(text: string, bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes)
  const b64 = buf.toString('base64')
  const forms = [
    text,
    buf.toString('hex'),
    buf.toString('hex').toUpperCase(),
    b64,
    b64.replace(/=+$/, ''),
    buf.toString('base64url')
  ]
  // Bytes that read as text could be printed as text, raw or JSON-escaped (quotes, backslashes);
  // random bytes full of control characters never are.
  const utf8 = buf.toString('utf8')
  if (!/[\u0000-\u001f\u007f\uFFFD]/.test(utf8)) forms.push(utf8, JSON.stringify(utf8).slice(1, -1))
  return [...new Set(forms.filter(f => f.length >= 8))]
}

/** The key id of a local key: HMAC-SHA256(key, label), first 16 bytes, as hex with a scheme prefix. */
export function localKeyId(key: Uint8Array): string {
  return 'hmac:' + createHmac('sha256', key).update(KEY_ID_LABEL).digest('hex').slice(0, 32)
}

/** A key whose bytes we hold: the MAC is HMAC-H over the message. */
export class LocalHmacKey implements MacKey {
  readonly keyId: string
  readonly #key: Buffer
  readonly #algorithm: DigestAlgorithm

  constructor(key: Uint8Array, algorithm: DigestAlgorithm) {
    this.#key = Buffer.from(key)
    this.#algorithm = algorithm
    this.keyId = localKeyId(this.#key)
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return createHmac(this.#algorithm, this.#key).update(message).digest()
  }

  async verify(message: Uint8Array, mac: Uint8Array): Promise<boolean> {
    const expected = createHmac(this.#algorithm, this.#key).update(message).digest()
    // timingSafeEqual throws on unequal lengths; a length mismatch reveals nothing about the key.
    return expected.length === mac.length && timingSafeEqual(expected, mac)
  }

  /** Never let the key reach a log through util.inspect or JSON. */
  toJSON(): string {
    return `[MacKey ${this.keyId}]`
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON()
  }
}

/**
 * Reads the key lines given as text into keys. `onSecret` is called with every rendering of each
 * key before the key is decoded further, so that the caller can mask them the moment they exist.
 */
export function keysFromText(
  text: string,
  encoding: KeyEncoding,
  algorithm: DigestAlgorithm,
  label: string,
  onSecret: (value: string) => void = () => {}
): LocalHmacKey[] {
  const lines = splitKeyLines(text)
  for (const line of lines) onSecret(line)
  if (lines.length === 0) throw new SealError('KEY_INVALID', `${label} is empty`, label)
  return lines.map((line, i) => {
    const where = lines.length > 1 ? `${label} (line ${i + 1})` : label
    const bytes = decodeKey(line, encoding, where)
    for (const form of keyRenderings(line, bytes)) onSecret(form)
    return new LocalHmacKey(bytes, algorithm)
  })
}
