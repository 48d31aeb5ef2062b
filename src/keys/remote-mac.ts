import { createHash } from 'node:crypto'
import type { DigestAlgorithm } from '../core/algorithms.js'

/**
 * What a remote key (Vault transit, AWS KMS) computes its MAC over: the configured digest of the
 * DSSE PAE, not the PAE itself. AWS KMS takes at most 4,096 bytes per message and a manifest's PAE
 * is usually larger; hashing first keeps one scheme for every store. Specified, with test vectors,
 * in docs/remote-keys.md.
 */
export function remoteMacInput(algorithm: DigestAlgorithm, pae: Uint8Array): Buffer {
  return createHash(algorithm).update(pae).digest()
}

/** Length of an HMAC with each hash: a signature of any other length cannot verify. */
export const MAC_LENGTH: Record<DigestAlgorithm, number> = { sha256: 32, sha384: 48, sha512: 64 }
