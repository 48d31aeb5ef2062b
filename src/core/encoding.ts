/*
 * Strict decoders for text that arrives from outside (manifests, keys, key stores' answers).
 * Node's own decoders never fail: base64 skips characters it does not know and UTF-8 turns bad
 * bytes into U+FFFD, so two readers of the same bytes could see different things. These refuse.
 */

/** Base64 decoded, or why the text is not base64 (to follow "… is" in a message). */
export type Base64Result =
  { ok: true; bytes: Buffer } | { ok: false; why: 'not base64' | 'not base64 (bad length or padding)' }

/**
 * Decodes base64 in the standard or URL-safe alphabet, with or without padding (DSSE asks
 * verifiers to accept both; Google and Azure answer in either). Padding, when present, must make
 * the length a multiple of four.
 */
export function decodeBase64Strict(text: string): Base64Result {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return { ok: false, why: 'not base64' }
  const body = text.replace(/=+$/, '')
  if (body.length % 4 === 1 || (text.length !== body.length && text.length % 4 !== 0))
    return { ok: false, why: 'not base64 (bad length or padding)' }
  return { ok: true, bytes: Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64') }
}

/** Decodes UTF-8, or null when the bytes are not valid UTF-8 (never replacement characters). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
