import { SealError } from '../core/errors.js'
import { OPTIONS, STORE_OPTIONS, type StoreOption } from '../options/table.js'

export { STORE_OPTIONS, type StoreOption }
export type StoreOptions = Partial<Record<StoreOption, string>>

/** Reads store options for one key source, naming the input or flag the user must set. */
export class OptionReader {
  constructor(
    private readonly options: StoreOptions,
    private readonly source: string,
    /** How an option is called where the user sets it: `vault-url input` or `--vault-url`. */
    readonly nameOf: (option: StoreOption) => string
  ) {}

  /** The trimmed value, or the table's default, or undefined. */
  get(option: StoreOption): string | undefined {
    const value = this.options[option]?.trim()
    return value ? value : (OPTIONS[option] as { default?: string }).default || undefined
  }

  /** The value; a clear error naming the input when it is missing. */
  need(option: StoreOption, hint = ''): string {
    const value = this.get(option)
    if (!value) {
      throw new SealError(
        'INPUT_INVALID',
        `${this.nameOf(option)} is required with key-source ${this.source}${hint ? ` (${hint})` : ''}`,
        option
      )
    }
    return value
  }

  /** An API path given by the user, without leading slashes or a leading `v1/`. */
  path(option: StoreOption, hint = ''): string {
    return this.need(option, hint).replace(/^\/+/, '').replace(/^v1\//, '').replace(/\/+$/, '')
  }
}
