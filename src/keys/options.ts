import { SealError } from '../core/errors.js'

/**
 * The options of the remote key sources, named as the action's inputs (the CLI's flags are the
 * same names with `--`). One list so that action.yml, inputs.ts and the CLI cannot drift apart.
 */
export const STORE_OPTIONS = [
  'vault-url',
  'vault-namespace',
  'vault-auth-path',
  'vault-role',
  'vault-secret',
  'vault-secret-field',
  'oidc-audience',
  'vault-transit-mount',
  'vault-transit-key',
  'aws-region',
  'aws-role-arn',
  'aws-secret-id',
  'aws-kms-key-id',
  'gcp-workload-identity-provider',
  'gcp-service-account',
  'gcp-secret',
  'gcp-kms-key',
  'azure-tenant-id',
  'azure-client-id',
  'azure-key-vault-url',
  'azure-secret',
  'azure-managed-hsm-url',
  'azure-hsm-key'
] as const
export type StoreOption = (typeof STORE_OPTIONS)[number]
export type StoreOptions = Partial<Record<StoreOption, string>>

/** Defaults applied when an option is empty (mirrors action.yml). */
export const STORE_DEFAULTS: Partial<Record<StoreOption, string>> = {
  'vault-auth-path': 'jwt',
  'vault-secret-field': 'key',
  'vault-transit-mount': 'transit'
}

/** Reads store options for one key source, naming the input or flag the user must set. */
export class OptionReader {
  constructor(
    private readonly options: StoreOptions,
    private readonly source: string,
    /** How an option is called where the user sets it: `vault-url input` or `--vault-url`. */
    readonly nameOf: (option: StoreOption) => string
  ) {}

  /** The trimmed value, or the default, or undefined. */
  get(option: StoreOption): string | undefined {
    const value = this.options[option]?.trim()
    return value ? value : STORE_DEFAULTS[option]
  }

  /** The value; a clear error naming the input when it is missing. */
  need(option: StoreOption, hint = ''): string {
    const value = this.get(option)
    if (!value) {
      throw new SealError('INPUT_INVALID', `${this.nameOf(option)} is required with key-source ${this.source}${hint ? ` (${hint})` : ''}`, option)
    }
    return value
  }

  /** An API path given by the user, without leading slashes or a leading `v1/`. */
  path(option: StoreOption, hint = ''): string {
    return this.need(option, hint)
      .replace(/^\/+/, '')
      .replace(/^v1\//, '')
      .replace(/\/+$/, '')
  }
}
