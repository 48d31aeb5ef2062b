/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum Google's Secret Manager and
 * Cloud KMS use to detect corruption between the client and the service. Node has no CRC-32C of
 * its own (zlib's crc32 is the IEEE polynomial), and a table of 256 words is all it takes.
 */
const TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** The CRC-32C of `data` as an unsigned 32-bit number. */
export function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** As Google's JSON APIs carry it: an int64 written as a decimal string. */
export function crc32cString(data: Uint8Array): string {
  return String(crc32c(data))
}

/** Whether a checksum field from an answer (a decimal string or a number) is the CRC-32C of `data`. */
export function crc32cMatches(field: unknown, data: Uint8Array): boolean {
  if (typeof field !== 'string' && typeof field !== 'number') return false
  const text = String(field).trim()
  return /^\d{1,10}$/.test(text) && Number(text) === crc32c(data)
}
