import type { DigestAlgorithm } from '../core/algorithms.js'
import { parseChoice } from '../core/choice.js'
import { SealError } from '../core/errors.js'
import { keysFromText, type KeyEncoding, type MacKey } from '../core/keys.js'
import type { RetryPolicy } from '../net/retry.js'
import { OptionReader, type StoreOption, type StoreOptions } from './options.js'
import { Secrets } from './secrets.js'
import { KEY_SOURCES, type KeySource } from '../options/table.js'
import type { OidcTokenFetcher, SourceContext } from './source-context.js'

export { KEY_SOURCES, type KeySource }

export function parseKeySource(value: string, inputName = 'key-source'): KeySource {
  return parseChoice(value, KEY_SOURCES, inputName)
}

/** What any key source may need; adapters fill it from inputs or flags. */
export interface KeyRequest {
  source: KeySource
  algorithm: DigestAlgorithm
  encoding: KeyEncoding
  /** The key lines, for source `input`. */
  keyText?: string
  /** Names the key's origin in messages (an input or flag name, never the key). */
  keyLabel: string
  /** Registers a secret with the log mask; called for every secret the moment it exists. */
  onSecret: (value: string) => void
  /** Sign gets the key(s) to sign with; verify may get every version a store still accepts. */
  purpose: 'sign' | 'verify'
  /** The remote sources' options (vault-url, aws-role-arn, …). */
  store?: StoreOptions
  /** How an option is named to the user: `vault-url input` (default) or `--vault-url`. */
  optionName?: (option: StoreOption) => string
  /** The environment: the runner's OIDC variables, AWS_REGION, AWS_ENDPOINT_URL*. Default process.env. */
  env?: NodeJS.ProcessEnv
  /** Progress lines for the log (never secrets). */
  log?: (line: string) => void
  /** CLI: outside GitHub Actions, take the OIDC token from ARTIFACT_SEAL_OIDC_TOKEN. */
  allowEnvToken?: boolean
  /** Retries of Vault and the token endpoint (tests shorten them). */
  retry?: RetryPolicy
  /** How to ask the runner for the job's OIDC token; default: our own request to its endpoint. */
  fetchOidcToken?: OidcTokenFetcher
}

/**
 * Sources whose verify keys are the versions a store still accepts, the one sign uses first
 * (Vault transit's latest version, the first GCP KMS or Managed HSM key listed).
 */
const VERSIONED_SOURCES: ReadonlySet<KeySource> = new Set(['vault-transit', 'gcp-kms', 'azure-managed-hsm'])

/**
 * Of the keys resolved to verify, those that sign: every key line for local keys and fetched
 * secrets (one signature each), the signing version for a versioned store. Merge verifies its
 * parts with all of them and signs with these, from one lookup.
 */
export function signingKeysOf(source: KeySource, verifyKeys: readonly MacKey[]): MacKey[] {
  return VERSIONED_SOURCES.has(source) ? verifyKeys.slice(0, 1) : [...verifyKeys]
}

/** Resolves the keys a request names. */
export async function resolveKeys(request: KeyRequest): Promise<MacKey[]> {
  if (request.source === 'input') {
    if (!request.keyText || request.keyText.trim() === '') {
      throw new SealError('KEY_INVALID', `${request.keyLabel} is required with key-source input`, request.keyLabel)
    }
    return keysFromText(request.keyText, request.encoding, request.algorithm, request.keyLabel, request.onSecret)
  }
  if (request.keyText && request.keyText.trim() !== '') {
    throw new SealError(
      'INPUT_INVALID',
      `${request.keyLabel} is set but key-source is ${request.source}: remove one of them`,
      request.keyLabel
    )
  }
  const ctx: SourceContext = {
    source: request.source,
    options: new OptionReader(request.store ?? {}, request.source, request.optionName ?? (o => `${o} input`)),
    algorithm: request.algorithm,
    encoding: request.encoding,
    purpose: request.purpose,
    env: request.env ?? process.env,
    secrets: new Secrets(request.onSecret),
    log: request.log ?? (() => {}),
    allowEnvToken: request.allowEnvToken ?? false,
    retry: request.retry,
    fetchOidcToken: request.fetchOidcToken
  }
  // Each source in its own module, loaded only when chosen (the AWS ones bring the AWS SDK), so
  // that `key-source: input` starts as fast as before.
  switch (request.source) {
    case 'vault':
      return (await import('./vault.js')).vaultKeys(ctx)
    case 'vault-transit':
      return (await import('./vault-transit.js')).vaultTransitKeys(ctx)
    case 'aws-secrets-manager':
      return (await import('./aws-secrets-manager.js')).awsSecretsManagerKeys(ctx)
    case 'aws-kms':
      return (await import('./aws-kms.js')).awsKmsKeys(ctx)
    case 'gcp-secret-manager':
      return (await import('./gcp-secret-manager.js')).gcpSecretManagerKeys(ctx)
    case 'gcp-kms':
      return (await import('./gcp-kms.js')).gcpKmsKeys(ctx)
    case 'azure-key-vault':
      return (await import('./azure-key-vault.js')).azureKeyVaultKeys(ctx)
    case 'azure-managed-hsm':
      return (await import('./azure-managed-hsm.js')).azureManagedHsmKeys(ctx)
  }
}
