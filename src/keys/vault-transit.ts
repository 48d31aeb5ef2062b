import type { DigestAlgorithm } from '../core/algorithms.js'
import { answerBytes } from './cloud-http.js'
import { SealError } from '../core/errors.js'
import type { MacKey } from '../core/keys.js'
import { MAC_LENGTH, remoteMacInput } from './remote-mac.js'
import type { SourceContext } from './source-context.js'
import type { VaultClient } from './vault-client.js'
import { vaultLogin, vaultLoginOptions } from './vault.js'

/** Vault's names for our hashes (transit's `hash_algorithm`). */
export const TRANSIT_HASH: Record<DigestAlgorithm, string> = {
  sha256: 'sha2-256',
  sha384: 'sha2-384',
  sha512: 'sha2-512'
}

/** At most this many key versions are tried when verifying: the newest ones the key still accepts. */
export const MAX_TRANSIT_VERSIONS = 16

/**
 * One version of a Vault transit key. The MAC is computed by Vault (`transit/hmac`) and checked by
 * Vault (`transit/verify`), so the key never reaches the runner. The version is part of the key id
 * because Vault needs it to verify (`vault:v<N>:…`), and so that a rotated key still verifies old
 * manifests while the key's min_decryption_version allows.
 */
export class VaultTransitKey implements MacKey {
  readonly keyId: string

  constructor(
    private readonly client: VaultClient,
    private readonly mount: string,
    private readonly name: string,
    readonly version: number,
    private readonly algorithm: DigestAlgorithm
  ) {
    this.keyId = `vault-transit:${mount}/${name}:v${version}`
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const path = `${this.mount}/hmac/${this.name}/${TRANSIT_HASH[this.algorithm]}`
    const input = remoteMacInput(this.algorithm, message).toString('base64')
    const response = await this.client.write(path, { input, key_version: this.version })
    if (response.status !== 200)
      throw this.client.fail(
        response,
        `Vault transit refused ${path}`,
        `the build job's policy needs update on ${path}`,
        'vault-transit-key'
      )
    const hmac = (response.body as { data?: { hmac?: unknown } } | undefined)?.data?.hmac
    const prefix = `vault:v${this.version}:`
    if (typeof hmac !== 'string' || !hmac.startsWith(prefix)) {
      throw new SealError(
        'KEY_SOURCE',
        `Vault transit answered ${path} without data.hmac starting with ${prefix}`,
        'vault-transit-key'
      )
    }
    const mac = answerBytes(hmac.slice(prefix.length), `Vault transit ${path}`, 'data.hmac', 'vault-transit-key')
    if (mac.length !== MAC_LENGTH[this.algorithm]) {
      throw new SealError(
        'KEY_SOURCE',
        `Vault transit answered ${path} with a ${mac.length}-byte HMAC; ${this.algorithm} gives ${MAC_LENGTH[this.algorithm]}`,
        'vault-transit-key'
      )
    }
    return mac
  }

  async verify(message: Uint8Array, mac: Uint8Array): Promise<boolean> {
    // A MAC of the wrong length cannot be ours; no need to ask Vault.
    if (mac.length !== MAC_LENGTH[this.algorithm]) return false
    const path = `${this.mount}/verify/${this.name}`
    const response = await this.client.write(path, {
      input: remoteMacInput(this.algorithm, message).toString('base64'),
      hmac: `vault:v${this.version}:${Buffer.from(mac).toString('base64')}`,
      hash_algorithm: TRANSIT_HASH[this.algorithm]
    })
    if (response.status !== 200)
      throw this.client.fail(
        response,
        `Vault transit refused ${path}`,
        `the deploy job's policy needs update on ${path}`,
        'vault-transit-key'
      )
    // A mismatch is 200 {"data":{"valid":false}}.
    return (response.body as { data?: { valid?: unknown } } | undefined)?.data?.valid === true
  }

  toJSON(): string {
    return `[MacKey ${this.keyId}]`
  }
}

/**
 * key-source `vault-transit`: reads the key's metadata (its versions; no key material), then one
 * key to sign with (the latest version) or, to verify, every version from the newest down to the
 * key's min_decryption_version (at most MAX_TRANSIT_VERSIONS).
 */
export async function vaultTransitKeys(ctx: SourceContext): Promise<VaultTransitKey[]> {
  const o = ctx.options
  const login = vaultLoginOptions(o)
  const name = o.need('vault-transit-key', 'the name of the transit key that computes the HMAC')
  const mount = o.path('vault-transit-mount')
  const client = await vaultLogin(ctx, login)
  const metaPath = `${mount}/keys/${name}`
  const response = await client.read(metaPath)
  if (response.status === 404) {
    throw new SealError(
      'KEY_SOURCE',
      `Vault has no transit key ${name} at mount ${mount} (GET ${metaPath}: HTTP 404); check vault-transit-key and vault-transit-mount`,
      'vault-transit-key'
    )
  }
  if (response.status !== 200) {
    throw client.fail(
      response,
      `Vault refused to read transit key ${metaPath}`,
      `the policy needs read on ${metaPath} (metadata only, never key material)`,
      'vault-transit-key'
    )
  }
  const data = (response.body as { data?: { latest_version?: unknown; min_decryption_version?: unknown } } | undefined)
    ?.data
  const latest = Number(data?.latest_version)
  const min = Math.max(1, Number(data?.min_decryption_version ?? 1) || 1)
  if (!Number.isInteger(latest) || latest < 1) {
    throw new SealError('KEY_SOURCE', `Vault answered ${metaPath} without data.latest_version`, 'vault-transit-key')
  }
  const versions =
    ctx.purpose === 'sign' ? [latest] : range(Math.max(min, latest - MAX_TRANSIT_VERSIONS + 1), latest).reverse()
  ctx.log(
    `Using Vault transit key ${mount}/${name} (${ctx.purpose === 'sign' ? `version ${latest}` : `versions ${versions.at(-1)}–${latest}`})`
  )
  return versions.map(v => new VaultTransitKey(client, mount, name, v, ctx.algorithm))
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
}
