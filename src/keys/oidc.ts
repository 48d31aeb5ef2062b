import { SealError } from '../core/errors.js'
import { NetworkError, originOf, requestJson } from '../net/http-json.js'
import type { RetryPolicy } from '../net/retry.js'
import type { Secrets } from './secrets.js'

/** What the runner sets in a job that has `permissions: id-token: write`. */
export const OIDC_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL'
export const OIDC_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
/** The CLI outside GitHub Actions: a JWT from another issuer, given as is. */
export const OIDC_TOKEN_ENV = 'ARTIFACT_SEAL_OIDC_TOKEN'

export interface OidcRequest {
  /** The `aud` claim to ask for; omitted: GitHub's default (https://github.com/OWNER). */
  audience?: string
  env: NodeJS.ProcessEnv
  secrets: Secrets
  /** Who needs the token, for messages: `key-source vault`. */
  purpose: string
  /** The CLI also accepts ARTIFACT_SEAL_OIDC_TOKEN; the action does not. */
  allowEnvToken?: boolean
  retry?: RetryPolicy
  /** Asks the runner for the token (the action passes @actions/core's getIDToken); default: our own request. */
  fetch?: OidcTokenFetcher
}

/** Gets the JWT for `audience` (undefined: the issuer's default) from the runner's endpoint, which the environment names. */
export type OidcTokenFetcher = (audience: string | undefined) => Promise<string>

/**
 * Gets the job's OIDC token from the runner's token endpoint. The request token and the JWT are
 * registered as secrets before anything else is done with them.
 */
export async function getOidcToken(request: OidcRequest): Promise<string> {
  const { env, secrets } = request
  const url = env[OIDC_REQUEST_URL]
  const bearer = secrets.add(env[OIDC_REQUEST_TOKEN])
  if (!url || !bearer) {
    const preset = request.allowEnvToken ? secrets.add(env[OIDC_TOKEN_ENV]?.trim()) : undefined
    if (preset) return preset
    throw new SealError(
      'KEY_SOURCE',
      `${request.purpose} needs the job's OIDC token, but ${OIDC_REQUEST_URL} and ${OIDC_REQUEST_TOKEN} are not set: ` +
        'add `permissions: id-token: write` to the job (or the workflow) that runs artifact-seal' +
        (request.allowEnvToken
          ? `; outside GitHub Actions, set ${OIDC_TOKEN_ENV} to a JWT that the key store accepts`
          : ''),
      OIDC_REQUEST_URL
    )
  }
  if (request.fetch) return secrets.add(await fetchWith(request.fetch, request.audience, url, secrets))
  // The runner's URL already carries ?api-version=2.0.
  const target = request.audience
    ? `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(request.audience)}`
    : url
  let response
  try {
    response = await requestJson('GET', target, {
      headers: { authorization: `Bearer ${bearer}` },
      retry: request.retry
    })
  } catch (error) {
    const reason = error instanceof NetworkError ? error.message : String(error)
    throw new SealError(
      'KEY_SOURCE',
      secrets.redact(`could not get the OIDC token from ${originOf(url)}: ${reason}`),
      OIDC_REQUEST_URL
    )
  }
  const value = (response.body as { value?: unknown } | undefined)?.value
  if (response.status !== 200 || typeof value !== 'string' || value === '') {
    throw new SealError(
      'KEY_SOURCE',
      secrets.redact(refused(`${response.status}${response.status === 200 ? ', no value in the answer' : ''}`)),
      OIDC_REQUEST_URL
    )
  }
  return secrets.add(value)
}

/**
 * The token from an injected fetcher, with its failures worded as our own request words them.
 * @actions/core's getIDToken reports a refusal as several lines holding `Error Code : 403`.
 */
async function fetchWith(
  fetch: OidcTokenFetcher,
  audience: string | undefined,
  url: string,
  secrets: Secrets
): Promise<string> {
  let value: string
  try {
    value = await fetch(audience)
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim()
    const status = /Error Code : (\d{3})/.exec(text)?.[1]
    throw new SealError(
      'KEY_SOURCE',
      secrets.redact(status ? refused(status) : `could not get the OIDC token from ${originOf(url)}: ${text}`),
      OIDC_REQUEST_URL
    )
  }
  if (typeof value !== 'string' || value === '')
    throw new SealError('KEY_SOURCE', refused('200, no value in the answer'), OIDC_REQUEST_URL)
  return value
}

const refused = (status: string | number): string =>
  `the runner refused the OIDC token request (HTTP ${status}); check that the job has \`permissions: id-token: write\``

/**
 * The claims of a JWT, read without checking its signature: only to say in an error message
 * which `sub`, `aud`, `repository` and `ref` the store compared. The claims are not secret; the
 * token is, and is never printed.
 */
export function tokenClaims(jwt: string): Record<string, unknown> {
  try {
    const payload = jwt.split('.')[1] ?? ''
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null ? claims : {}
  } catch {
    return {}
  }
}

/** "sub=repo:o/r:ref:refs/heads/main, aud=…": the claims that trust policies and bound claims match on. */
export function describeClaims(jwt: string, names: readonly string[] = ['sub', 'aud', 'repository', 'ref']): string {
  const claims = tokenClaims(jwt)
  const parts = names
    .filter(n => claims[n] !== undefined)
    .map(n => `${n}=${Array.isArray(claims[n]) ? (claims[n] as unknown[]).join(',') : String(claims[n])}`)
  return parts.length ? `this job's token has ${parts.join(', ')}` : ''
}
