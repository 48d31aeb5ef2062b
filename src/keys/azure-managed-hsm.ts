import type { DigestAlgorithm } from '../core/algorithms.js'
import { SealError } from '../core/errors.js'
import { splitKeyLines, type MacKey } from '../core/keys.js'
import type { JsonResponse } from '../net/http-json.js'
import { azureResourceUrl, azureScope, entraToken, KEY_VAULT_API_VERSION, keyVaultCode } from './azure.js'
import { answerBytes, call, failure, malformed, type CallSite } from './cloud-http.js'
import { MAC_LENGTH, remoteMacInput } from './remote-mac.js'
import type { SourceContext } from './source-context.js'

/** The JSON Web Algorithm of an HMAC with each of our hashes (RFC 7518). */
export const HSM_ALGORITHM: Record<DigestAlgorithm, string> = { sha256: 'HS256', sha384: 'HS384', sha512: 'HS512' }

const KEY = /^([0-9a-zA-Z-]{1,127})(?:\/([0-9a-zA-Z]{1,64}))?$/

/**
 * One version of an `oct-HSM` key in Azure Managed HSM: `sign` to MAC, `verify` to check, over
 * the digest of the PAE (docs/remote-keys.md). Requests go to the configured HSM URL, never to a
 * URL read from an answer. The key id is the key's id URL, version included.
 */
export class AzureManagedHsmKey implements MacKey {
  readonly keyId: string
  readonly kid: string

  constructor(
    hsm: string,
    readonly name: string,
    readonly version: string,
    private readonly algorithm: DigestAlgorithm,
    private readonly site: CallSite,
    private readonly token: string,
    private readonly clientId: string
  ) {
    this.kid = `${hsm}/keys/${name}/${version}`
    this.keyId = `azure-managed-hsm:${this.kid}`
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const digest = remoteMacInput(this.algorithm, message)
    const answer = await call(this.site, 'POST', `${this.kid}/sign?api-version=${KEY_VAULT_API_VERSION}`, {
      bearer: this.token,
      body: { alg: HSM_ALGORITHM[this.algorithm], value: digest.toString('base64url') }
    })
    if (answer.status !== 200)
      throw this.fail(answer, 'sign', 'Microsoft.KeyVault/managedHsm/keys/sign/action (build jobs only)')
    const mac = answerBytes(
      (answer.body as { value?: unknown } | undefined)?.value,
      `Managed HSM sign with ${this.kid}`,
      'value',
      'azure-hsm-key'
    )
    if (mac.length !== MAC_LENGTH[this.algorithm]) {
      throw new SealError(
        'KEY_SOURCE',
        `Managed HSM sign with ${this.kid} answered with a ${mac.length}-byte MAC; ${HSM_ALGORITHM[this.algorithm]} gives ${MAC_LENGTH[this.algorithm]}`,
        'azure-hsm-key'
      )
    }
    return mac
  }

  async verify(message: Uint8Array, mac: Uint8Array): Promise<boolean> {
    // A MAC of the wrong length cannot be ours; no need to ask the HSM.
    if (mac.length !== MAC_LENGTH[this.algorithm]) return false
    const digest = remoteMacInput(this.algorithm, message)
    const answer = await call(this.site, 'POST', `${this.kid}/verify?api-version=${KEY_VAULT_API_VERSION}`, {
      bearer: this.token,
      body: {
        alg: HSM_ALGORITHM[this.algorithm],
        digest: digest.toString('base64url'),
        value: Buffer.from(mac).toString('base64url')
      }
    })
    if (answer.status !== 200) throw this.fail(answer, 'verify', 'Microsoft.KeyVault/managedHsm/keys/verify/action')
    return (answer.body as { value?: unknown } | undefined)?.value === true
  }

  toJSON(): string {
    return `[MacKey ${this.keyId}]`
  }

  private fail(answer: JsonResponse, operation: string, action: string): SealError {
    return failure(
      this.site,
      answer,
      `Managed HSM ${operation} failed for ${this.kid}`,
      hsmHint(answer, this.clientId, action)
    )
  }
}

function hsmHint(answer: JsonResponse, clientId: string, action: string): string {
  const code = keyVaultCode(answer)
  if (code === 'KeyDisabled' || /disabled/i.test(JSON.stringify(answer.body ?? '')))
    return 'the key (version) is disabled; enable it, or set azure-hsm-key to an enabled version'
  if (answer.status === 403)
    return `application ${clientId} (azure-client-id) needs the data action ${action} on the key of azure-hsm-key (a Managed HSM local role assignment, scope /keys/NAME)`
  if (answer.status === 401) return 'the HSM refused the token: the HSM must be in tenant azure-tenant-id'
  if (answer.status === 404) return 'check azure-hsm-key and azure-managed-hsm-url'
  if (answer.status === 400)
    return "azure-managed-hsm needs an HMAC key (key type oct-HSM, key_ops sign and verify) of the configured algorithm's size"
  return 'check azure-hsm-key'
}

/**
 * key-source `azure-managed-hsm`: an Entra token for the HSM, then one key per line of
 * `azure-hsm-key` (`name/version`, or `name` for the key's current version, which is read with
 * keys/read/action): the first signs, all verify.
 */
export async function azureManagedHsmKeys(ctx: SourceContext): Promise<AzureManagedHsmKey[]> {
  const hsm = azureResourceUrl(ctx, 'azure-managed-hsm-url', 'https://NAME.managedhsm.azure.net')
  const lines = splitKeyLines(
    ctx.options.need('azure-hsm-key', 'the key name, or name/version; one per line to rotate')
  )
  const wanted = lines.map(line => {
    const m = KEY.exec(line.replace(/^\/+|\/+$/g, ''))
    if (!m)
      throw new SealError(
        'INPUT_INVALID',
        `${ctx.options.nameOf('azure-hsm-key')} ${line} is not a key name (letters, digits, -) or name/version`,
        'azure-hsm-key'
      )
    return { name: m[1], version: m[2] }
  })
  const used = ctx.purpose === 'sign' ? wanted.slice(0, 1) : wanted
  const session = await entraToken(ctx, azureScope('managedhsm', hsm))
  const site = session.site('Managed HSM', 'azure-hsm-key')
  const keys: AzureManagedHsmKey[] = []
  for (const { name, version } of used) {
    keys.push(
      new AzureManagedHsmKey(
        hsm,
        name,
        version ?? (await currentVersion(site, hsm, name, session.token, session.clientId)),
        ctx.algorithm,
        site,
        session.token,
        session.clientId
      )
    )
  }
  ctx.log(`Using Managed HSM key(s) ${keys.map(k => k.kid).join(', ')}`)
  return keys
}

/** GET keys/{name}: the current version's id, after checking that it is an enabled HMAC key. */
async function currentVersion(
  site: CallSite,
  hsm: string,
  name: string,
  token: string,
  clientId: string
): Promise<string> {
  const answer = await call(site, 'GET', `${hsm}/keys/${name}?api-version=${KEY_VAULT_API_VERSION}`, { bearer: token })
  if (answer.status !== 200) {
    const hint =
      answer.status === 403
        ? `application ${clientId} (azure-client-id) needs Microsoft.KeyVault/managedHsm/keys/read/action on the key to find its current version; or give azure-hsm-key as NAME/VERSION`
        : hsmHint(answer, clientId, 'Microsoft.KeyVault/managedHsm/keys/read/action')
    throw failure(site, answer, `Managed HSM refused GET keys/${name}`, hint)
  }
  const body = answer.body as
    { key?: { kid?: unknown; kty?: unknown; key_ops?: unknown }; attributes?: { enabled?: unknown } } | undefined
  const kid = body?.key?.kid
  const m = typeof kid === 'string' ? /\/keys\/([^/]+)\/([^/?]+)$/.exec(kid) : null
  if (!m || m[1] !== name) throw malformed(site, `Managed HSM GET keys/${name}`, 'key.kid naming a version of that key')
  if (body?.key?.kty !== undefined && body.key.kty !== 'oct-HSM' && body.key.kty !== 'oct') {
    throw new SealError(
      'KEY_SOURCE',
      `Managed HSM key ${name} is of type ${String(body.key.kty)}; azure-managed-hsm needs an HMAC key (key type oct-HSM)`,
      'azure-hsm-key'
    )
  }
  if (body?.attributes?.enabled === false) {
    throw new SealError(
      'KEY_SOURCE',
      `Managed HSM key ${name} (version ${m[2]}) is disabled; enable it, or set azure-hsm-key to an enabled version`,
      'azure-hsm-key'
    )
  }
  return m[2]
}
