import { keysFromText, type LocalHmacKey } from '../core/keys.js'
import { SealError } from '../core/errors.js'
import { oidcToken, type SourceContext } from './source-context.js'
import { VaultClient } from './vault-client.js'

/** Logs in to Vault with the job's OIDC token (shared by `vault` and `vault-transit`). */
export async function vaultLogin(ctx: SourceContext): Promise<VaultClient> {
  const o = ctx.options
  const url = o.need('vault-url')
  const role = o.need('vault-role', 'the JWT auth role whose bound_claims match this repository')
  const authPath = o.path('vault-auth-path')
  const client = new VaultClient(url, ctx.secrets, { namespace: o.get('vault-namespace'), retry: ctx.retry })
  const jwt = await oidcToken(ctx)
  await client.login(authPath, role, jwt)
  ctx.log(`Logged in to Vault at ${client.url} (auth/${authPath}, role ${role})`)
  return client
}

/**
 * key-source `vault`: the key is a field of a KV v2 secret, read with the token from a JWT login.
 * The field may hold several lines (one key per line, for rotation), decoded by key-encoding.
 */
export async function vaultKeys(ctx: SourceContext): Promise<LocalHmacKey[]> {
  const o = ctx.options
  o.need('vault-url')
  o.need('vault-role', 'the JWT auth role whose bound_claims match this repository')
  const path = o.path('vault-secret', 'the KV v2 API path after /v1/, e.g. secret/data/ci/artifact-seal')
  const field = o.need('vault-secret-field')
  const client = await vaultLogin(ctx)
  const response = await client.read(path)
  if (response.status === 404) {
    throw new SealError(
      'KEY_SOURCE',
      `Vault has no secret at ${path} (HTTP 404); check vault-secret: the KV v2 API path includes data/, e.g. secret/data/ci/artifact-seal`,
      'vault-secret'
    )
  }
  if (response.status !== 200) throw client.fail(response, `Vault refused to read ${path}`, 'check vault-secret and the policy of the role', 'vault-secret')
  const data = (response.body as { data?: { data?: unknown } } | undefined)?.data?.data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SealError(
      'KEY_SOURCE',
      `Vault answered ${path} without data.data: vault-secret must be a KV v2 API path with data/ (e.g. secret/data/ci/artifact-seal)`,
      'vault-secret'
    )
  }
  const fields = data as Record<string, unknown>
  const value = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined
  if (typeof value === 'string') ctx.secrets.add(value)
  if (value === undefined) {
    const names = Object.keys(fields)
    throw new SealError(
      'KEY_SOURCE',
      `Vault secret ${path} has no field ${field}${names.length ? ` (its fields: ${names.join(', ')})` : ''}; set vault-secret-field`,
      'vault-secret-field'
    )
  }
  if (typeof value !== 'string') {
    throw new SealError('KEY_SOURCE', `Vault secret ${path} field ${field} is not a string`, 'vault-secret-field')
  }
  ctx.log(`Read the key from Vault secret ${path} (field ${field})`)
  return keysFromText(value, ctx.encoding, ctx.algorithm, `Vault secret ${path} field ${field}`, v => ctx.secrets.add(v))
}
