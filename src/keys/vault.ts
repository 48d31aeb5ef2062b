import { keysFromText, type LocalHmacKey } from '../core/keys.js'
import { SealError } from '../core/errors.js'
import type { OptionReader } from './options.js'
import { oidcToken, type SourceContext } from './source-context.js'
import { VaultClient } from './vault-client.js'

/** Where and as whom the Vault sources log in. */
export interface VaultLoginOptions {
  url: string
  role: string
  authPath: string
  namespace: string | undefined
}

/**
 * Reads the login options that `vault` and `vault-transit` share. Sources call it before reading
 * their own options, so that a missing vault-url or vault-role is the error named first.
 */
export function vaultLoginOptions(o: OptionReader): VaultLoginOptions {
  return {
    url: o.need('vault-url'),
    role: o.need('vault-role', 'the JWT auth role whose bound_claims match this repository'),
    authPath: o.path('vault-auth-path'),
    namespace: o.get('vault-namespace')
  }
}

/** Logs in to Vault with the job's OIDC token (shared by `vault` and `vault-transit`). */
export async function vaultLogin(ctx: SourceContext, login: VaultLoginOptions): Promise<VaultClient> {
  const client = new VaultClient(login.url, ctx.secrets, { namespace: login.namespace, retry: ctx.retry })
  const jwt = await oidcToken(ctx)
  await client.login(login.authPath, login.role, jwt)
  ctx.log(`Logged in to Vault at ${client.url} (auth/${login.authPath}, role ${login.role})`)
  return client
}

/**
 * key-source `vault`: the key is a field of a KV v2 secret, read with the token from a JWT login.
 * The field may hold several lines (one key per line, for rotation), decoded by key-encoding.
 */
export async function vaultKeys(ctx: SourceContext): Promise<LocalHmacKey[]> {
  const o = ctx.options
  const login = vaultLoginOptions(o)
  const path = o.path('vault-secret', 'the KV v2 API path after /v1/, e.g. secret/data/ci/artifact-seal')
  const field = o.need('vault-secret-field')
  const client = await vaultLogin(ctx, login)
  const response = await client.read(path)
  if (response.status === 404) {
    throw new SealError(
      'KEY_SOURCE',
      `Vault has no secret at ${path} (HTTP 404); check vault-secret: the KV v2 API path includes data/, e.g. secret/data/ci/artifact-seal`,
      'vault-secret'
    )
  }
  if (response.status !== 200)
    throw client.fail(
      response,
      `Vault refused to read ${path}`,
      'check vault-secret and the policy of the role',
      'vault-secret'
    )
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
  return keysFromText(value, ctx.encoding, ctx.algorithm, `Vault secret ${path} field ${field}`, v =>
    ctx.secrets.add(v)
  )
}
