import { SealError } from '../core/errors.js'
import { keysFromText, type LocalHmacKey } from '../core/keys.js'
import { azureResourceUrl, azureScope, entraToken, KEY_VAULT_API_VERSION, keyVaultCode } from './azure.js'
import { call, failure, malformed } from './cloud-http.js'
import type { SourceContext } from './source-context.js'

const SECRET = /^([0-9a-zA-Z-]{1,127})(?:\/([0-9a-zA-Z]{1,64}))?$/

/**
 * key-source `azure-key-vault`: Entra token for the vault, then Key Vault `GET secrets/{name}`
 * (the current version) or `secrets/{name}/{version}`. The secret's value is decoded by
 * key-encoding (one key per line, for rotation).
 */
export async function azureKeyVaultKeys(ctx: SourceContext): Promise<LocalHmacKey[]> {
  const vault = azureResourceUrl(ctx, 'azure-key-vault-url', 'https://NAME.vault.azure.net')
  const raw = ctx.options.need('azure-secret', 'the secret name, or name/version')
  const m = SECRET.exec(raw.replace(/^\/+|\/+$/g, ''))
  if (!m)
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('azure-secret')} ${raw} is not a secret name (letters, digits, -) or name/version`,
      'azure-secret'
    )
  const [, name, version] = m
  const session = await entraToken(ctx, azureScope('vault', vault))
  const site = session.site('Key Vault', 'azure-secret')
  const path = `secrets/${name}${version ? `/${version}` : ''}`
  const answer = await call(site, 'GET', `${vault}/${path}?api-version=${KEY_VAULT_API_VERSION}`, {
    bearer: session.token
  })
  if (answer.status !== 200) {
    const code = keyVaultCode(answer)
    const hint =
      code === 'SecretDisabled'
        ? 'the secret (version) is disabled; enable it, or name another version in azure-secret'
        : answer.status === 403
          ? `application ${session.clientId} (azure-client-id) needs the Key Vault Secrets User role on the vault or on the secret of azure-secret (or, with access policies, the secret get permission)`
          : answer.status === 401
            ? 'the vault refused the token: the vault must be in tenant azure-tenant-id'
            : answer.status === 404
              ? `check azure-secret and azure-key-vault-url (no ${path} in ${vault})`
              : 'check azure-secret and azure-key-vault-url'
    throw failure(site, answer, `Key Vault refused GET ${path}`, hint)
  }
  const value = (answer.body as { value?: unknown } | undefined)?.value
  if (typeof value !== 'string') throw malformed(site, `Key Vault GET ${path}`, 'value')
  ctx.secrets.add(value)
  ctx.log(`Read the key from Key Vault ${vault}/${path}`)
  return keysFromText(value, ctx.encoding, ctx.algorithm, `Key Vault secret ${name}`, v => ctx.secrets.add(v))
}
