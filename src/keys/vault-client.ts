import { SealError } from '../core/errors.js'
import { describeClaims } from './oidc.js'
import { NetworkError, requestJson, type JsonResponse } from '../net/http-json.js'
import type { RetryPolicy } from '../net/retry.js'
import type { Secrets } from './secrets.js'

/**
 * A thin Vault HTTP API client: JWT login, read and write. Vault has no official JavaScript SDK
 * and we need four endpoints. Every request carries X-Vault-Namespace when one is configured;
 * 5xx answers (503 while sealed) are retried with backoff; Vault's `{"errors":[…]}` is passed on.
 */
export class VaultClient {
  #token: string | undefined

  constructor(
    readonly url: string,
    private readonly secrets: Secrets,
    private readonly options: { namespace?: string; retry?: RetryPolicy } = {}
  ) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new SealError(
        'INPUT_INVALID',
        `vault-url ${url} is not a URL (expected e.g. https://vault.example.com:8200)`,
        'vault-url'
      )
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new SealError('INPUT_INVALID', `vault-url ${url} must start with https://`, 'vault-url')
    }
    this.url = url.replace(/\/+$/, '')
  }

  /** Logs in with the JWT auth method; the client token is masked before it is kept. */
  async login(authPath: string, role: string, jwt: string): Promise<void> {
    const path = `auth/${authPath}/login`
    const response = await this.#send('POST', path, { role, jwt })
    if (response.status !== 200) {
      const claims = describeClaims(jwt, ['repository', 'ref', 'sub', 'aud'])
      throw this.fail(
        response,
        `Vault refused the login at ${path} with role ${role}`,
        `check vault-role, vault-auth-path and the role's bound_claims and bound_audiences${claims ? ` (${claims})` : ''}`,
        'vault-role'
      )
    }
    const token = (response.body as { auth?: { client_token?: unknown } } | undefined)?.auth?.client_token
    if (typeof token !== 'string' || token === '') {
      throw new SealError('KEY_SOURCE', `Vault answered the login at ${path} without auth.client_token`, 'vault-role')
    }
    this.#token = this.secrets.add(token)
  }

  /** GET /v1/<path>; returns the answer whatever its status, for the caller to word. */
  read(path: string): Promise<JsonResponse> {
    return this.#send('GET', path)
  }

  /** POST /v1/<path> with a JSON body. */
  write(path: string, body: unknown): Promise<JsonResponse> {
    return this.#send('POST', path, body)
  }

  async #send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<JsonResponse> {
    const headers: Record<string, string> = {}
    if (this.options.namespace) headers['x-vault-namespace'] = this.options.namespace
    if (this.#token) headers['x-vault-token'] = this.#token
    const url = `${this.url}/v1/${path.split('/').map(encodeURIComponent).join('/')}`
    try {
      return await requestJson(method, url, { body, headers, retry: this.options.retry })
    } catch (error) {
      const reason = error instanceof NetworkError ? error.message : String(error)
      throw new SealError('KEY_SOURCE', this.secrets.redact(`Vault at ${this.url} (${path}): ${reason}`), 'vault-url')
    }
  }

  /**
   * One line for a failed answer: what we tried, the status, Vault's own errors (or the sealed
   * state after the retries ran out), and what to check. Secrets are cut out of Vault's text.
   */
  fail(response: JsonResponse, what: string, hint: string, subject: string): SealError {
    return new SealError('KEY_SOURCE', this.secrets.redact(describeFailure(response, what, hint)), subject)
  }
}

/** Vault's `errors` array as one line ("permission denied", "Vault is sealed"). */
export function vaultErrors(body: unknown): string {
  const errors = (body as { errors?: unknown } | undefined)?.errors
  if (!Array.isArray(errors)) return ''
  return errors
    .map(e =>
      String(e)
        .replace(/\s+/g, ' ')
        .replace(/^1 error occurred: \* /, '')
        .trim()
    )
    .filter(Boolean)
    .join('; ')
}

function describeFailure(response: JsonResponse, what: string, hint: string): string {
  const errors = vaultErrors(response.body)
  let detail = errors ? `: ${errors}` : ''
  if (response.status === 403 && !errors) detail = ': permission denied'
  if (response.status >= 500 || response.status === 429) {
    return `${what}: HTTP ${response.status}${detail} (still failing after retries${response.status === 503 ? '; Vault may be sealed or in standby' : ''})`
  }
  if (response.status === 403) hint = `the Vault token's policy does not allow this; ${hint}`
  return `${what}: HTTP ${response.status}${detail}; ${hint}`
}
