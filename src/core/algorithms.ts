import { parseChoice } from './choice.js'

/** The content digests we support; the HMAC uses the same hash. */
export const DIGEST_ALGORITHMS = ['sha256', 'sha384', 'sha512'] as const
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number]

/** Hex length of each algorithm's digest, used to validate manifest digests. */
export const DIGEST_HEX_LENGTH: Record<DigestAlgorithm, number> = {
  sha256: 64,
  sha384: 96,
  sha512: 128
}

/** Parses the `algorithm` input; the verifier takes it from here, never from a manifest. */
export function parseAlgorithm(value: string, inputName = 'algorithm'): DigestAlgorithm {
  return parseChoice(value, DIGEST_ALGORITHMS, inputName)
}
