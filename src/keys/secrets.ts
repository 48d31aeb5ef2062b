/**
 * Every secret a key source handles (a fetched key, a Vault token, AWS credentials, the OIDC
 * token) goes through one `Secrets` so that it is masked the moment it exists and can be cut out
 * of any message built from a remote answer before that message is shown.
 */
export class Secrets {
  readonly #values = new Set<string>()
  readonly #onSecret: (value: string) => void

  constructor(onSecret: (value: string) => void) {
    this.#onSecret = onSecret
  }

  /** Registers a secret with the log mask and remembers it for `redact`; returns it unchanged. */
  add<T extends string | undefined>(value: T): T {
    if (value) {
      this.#onSecret(value)
      this.#values.add(value)
    }
    return value
  }

  /** The text with every registered secret replaced by `***` (longest first, so no piece survives). */
  redact(text: string): string {
    let out = text
    // Very short values would shred ordinary words; the runner still masks them in logs.
    for (const value of [...this.#values].filter(v => v.length >= 6).sort((a, b) => b.length - a.length)) {
      out = out.split(value).join('***')
    }
    return out
  }
}
