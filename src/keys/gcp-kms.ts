import type { DigestAlgorithm } from '../core/algorithms.js'
import { SealError } from '../core/errors.js'
import { splitKeyLines, type MacKey } from '../core/keys.js'
import type { JsonResponse } from '../net/http-json.js'
import { answerBytes, call, failure, serviceMessage, type CallSite } from './cloud-http.js'
import { crc32cMatches, crc32cString } from './crc32c.js'
import { gcpFederate } from './gcp.js'
import { MAC_LENGTH, remoteMacInput } from './remote-mac.js'
import type { SourceContext } from './source-context.js'

const KEY_VERSION =
  /^projects\/[^/\s]+\/locations\/[^/\s]+\/keyRings\/[^/\s]+\/cryptoKeys\/[^/\s]+\/cryptoKeyVersions\/\d+$/

/** Cloud KMS's algorithm for each of our hashes (a MAC key version has exactly one). */
export const GCP_MAC_ALGORITHM: Record<DigestAlgorithm, string> = {
  sha256: 'HMAC_SHA256',
  sha384: 'HMAC_SHA384',
  sha512: 'HMAC_SHA512'
}

/** An answer's proto3 boolean: JSON omits a false one, so absent is false. */
const flag = (value: unknown): boolean => value === true

/**
 * One version of a Cloud KMS MAC key: `macSign` to sign, `macVerify` to verify, over the digest of
 * the PAE (the scheme of Vault transit and AWS KMS, docs/remote-keys.md). Both directions carry
 * CRC32C checksums, as Google asks of every client: we send `dataCrc32c` (and `macCrc32c`) and
 * discard an answer that does not confirm it received them, or whose MAC does not match its
 * `macCrc32c`. The key id names the version, so a rotation gives a new key id.
 */
export class GcpKmsKey implements MacKey {
  readonly keyId: string

  constructor(
    readonly name: string,
    private readonly algorithm: DigestAlgorithm,
    private readonly site: CallSite,
    private readonly base: string,
    private readonly token: string,
    private readonly principal: string
  ) {
    this.keyId = `gcp-kms:${name}`
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const data = remoteMacInput(this.algorithm, message)
    const answer = await call(this.site, 'POST', `${this.base}/v1/${this.name}:macSign`, {
      bearer: this.token,
      body: { data: data.toString('base64'), dataCrc32c: crc32cString(data) }
    })
    if (answer.status !== 200)
      throw this.fail(
        answer,
        'macSign',
        'cloudkms.cryptoKeyVersions.useToSign (roles/cloudkms.signer, build jobs only)'
      )
    const body = answer.body as { name?: unknown; mac?: unknown; macCrc32c?: unknown; verifiedDataCrc32c?: unknown }
    this.checkName(body.name, 'macSign')
    if (!flag(body.verifiedDataCrc32c))
      throw this.integrity('macSign', 'did not confirm the request’s dataCrc32c (verifiedDataCrc32c is not true)')
    const mac = answerBytes(body.mac, `Cloud KMS macSign for ${this.name}`, 'mac', 'gcp-kms-key')
    if (!crc32cMatches(body.macCrc32c, mac))
      throw this.integrity('macSign', 'has a mac that does not match its macCrc32c')
    if (mac.length !== MAC_LENGTH[this.algorithm]) {
      throw new SealError(
        'KEY_SOURCE',
        `Cloud KMS macSign for ${this.name} answered with a ${mac.length}-byte MAC; ${this.algorithm} gives ${MAC_LENGTH[this.algorithm]}: set algorithm to match the key (${GCP_MAC_ALGORITHM[this.algorithm]} is needed)`,
        'gcp-kms-key'
      )
    }
    return mac
  }

  async verify(message: Uint8Array, mac: Uint8Array): Promise<boolean> {
    // A MAC of the wrong length cannot be ours; no need to ask KMS.
    if (mac.length !== MAC_LENGTH[this.algorithm]) return false
    const data = remoteMacInput(this.algorithm, message)
    const answer = await call(this.site, 'POST', `${this.base}/v1/${this.name}:macVerify`, {
      bearer: this.token,
      body: {
        data: data.toString('base64'),
        dataCrc32c: crc32cString(data),
        mac: Buffer.from(mac).toString('base64'),
        macCrc32c: crc32cString(mac)
      }
    })
    if (answer.status !== 200)
      throw this.fail(answer, 'macVerify', 'cloudkms.cryptoKeyVersions.useToVerify (roles/cloudkms.verifier)')
    const body = answer.body as {
      name?: unknown
      success?: unknown
      verifiedDataCrc32c?: unknown
      verifiedMacCrc32c?: unknown
      verifiedSuccessIntegrity?: unknown
    }
    this.checkName(body.name, 'macVerify')
    if (!flag(body.verifiedDataCrc32c))
      throw this.integrity('macVerify', 'did not confirm the request’s dataCrc32c (verifiedDataCrc32c is not true)')
    if (!flag(body.verifiedMacCrc32c))
      throw this.integrity('macVerify', 'did not confirm the request’s macCrc32c (verifiedMacCrc32c is not true)')
    // Google: a verifiedSuccessIntegrity that contradicts success means the answer was damaged.
    if (flag(body.verifiedSuccessIntegrity) !== flag(body.success))
      throw this.integrity('macVerify', 'has a success that verifiedSuccessIntegrity contradicts')
    return flag(body.success)
  }

  toJSON(): string {
    return `[MacKey ${this.keyId}]`
  }

  private checkName(name: unknown, method: string): void {
    // Google asks clients to check that the intended version did the work.
    if (typeof name === 'string' && name !== this.name)
      throw this.integrity(method, `names ${name}, not the key version asked for`)
  }

  private integrity(method: string, what: string): SealError {
    return new SealError(
      'KEY_SOURCE',
      `Cloud KMS ${method} for ${this.name}: the answer ${what}; it was discarded (damaged on the way?); run the step again`,
      'gcp-kms-key'
    )
  }

  private fail(answer: JsonResponse, method: string, permission: string): SealError {
    const status = serviceMessage(answer).code
    let hint: string
    if (answer.status === 403 || status === 'PERMISSION_DENIED')
      hint = `${this.principal} needs ${permission} on the key of gcp-kms-key`
    else if (status === 'FAILED_PRECONDITION')
      hint =
        'the key version must be ENABLED (a disabled, destroyed or pending version cannot compute MACs); set gcp-kms-key to an enabled version'
    else if (status === 'INVALID_ARGUMENT')
      hint = `gcp-kms needs a key with purpose MAC whose algorithm is ${GCP_MAC_ALGORITHM[this.algorithm]} (the configured algorithm ${this.algorithm})`
    else if (answer.status === 404 || status === 'NOT_FOUND')
      hint = 'check gcp-kms-key (the full …/cryptoKeyVersions/V name)'
    else hint = 'check gcp-kms-key'
    return failure(this.site, answer, `Cloud KMS ${method} failed for ${this.name}`, hint)
  }
}

/**
 * key-source `gcp-kms`: federation, then one key per line of `gcp-kms-key` (full key version
 * names): the first signs, all verify. Nothing is read from KMS up front, so a deploy identity
 * needs nothing but useToVerify.
 */
export async function gcpKmsKeys(ctx: SourceContext): Promise<GcpKmsKey[]> {
  const names = splitKeyLines(
    ctx.options.need(
      'gcp-kms-key',
      'projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V; one per line to rotate'
    )
  )
  for (const name of names) {
    if (!KEY_VERSION.test(name)) {
      throw new SealError(
        'INPUT_INVALID',
        `${ctx.options.nameOf('gcp-kms-key')} ${name} is not a key version name (projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V)`,
        'gcp-kms-key'
      )
    }
  }
  const session = await gcpFederate(ctx)
  const site = session.site('Cloud KMS', 'gcp-kms-key')
  const used = ctx.purpose === 'sign' ? names.slice(0, 1) : names
  ctx.log(`Using Cloud KMS key version(s) ${used.join(', ')}`)
  return used.map(
    name => new GcpKmsKey(name, ctx.algorithm, site, session.endpoint('cloudkms'), session.token, session.principal)
  )
}
