import { SealError } from '../core/errors.js'
import { serverWaitMs, withRetries, type RetryPolicy } from '../net/retry.js'
import { networkFailure } from '../net/network-error.js'

/** The REST client every GitHub call goes through. */
export type GitHubClient = ReturnType<typeof import('@actions/github').getOctokit>

/** A repository as the API addresses it. */
export interface RepoRef {
  owner: string
  repo: string
}

export interface ClientOptions {
  token: string
  /** The REST API root; GitHub Enterprise Server sets GITHUB_API_URL (https://HOST/api/v3). */
  apiUrl?: string
  /** Retries of transient failures and rate limits (net/retry.ts; tests shorten them). */
  retry?: RetryPolicy
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']

/**
 * A client for github.com or GHES. It sends through the global fetch, which nock (and any other
 * interceptor of Node's fetch) sees; @actions/github's own undici fetch is kept only when a proxy
 * is configured, because the global fetch ignores proxy variables on Node 20.
 */
export async function createGitHubClient(
  options: ClientOptions,
  env: NodeJS.ProcessEnv = process.env
): Promise<GitHubClient> {
  if (!options.token)
    throw new SealError(
      'INPUT_INVALID',
      'a GitHub token is needed for releases: set github-token (or GITHUB_TOKEN for the CLI)',
      'github-token'
    )
  const baseUrl = (options.apiUrl || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const behindProxy = PROXY_VARIABLES.some(name => env[name])
  // Loaded when a release is used: Octokit and undici are a third of the CLI's start-up otherwise.
  const { getOctokit } = await import('@actions/github')
  const client = getOctokit(options.token, {
    baseUrl,
    ...(behindProxy ? {} : { request: { fetch: globalThis.fetch } }),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  })
  // Octokit reports an answer worth retrying as a RequestError with its status (500 when no
  // answer came); request bodies here are Buffers, so a retry resends the same bytes.
  client.hook.wrap('request', (request, route) =>
    withRetries(
      async () => request(route),
      settled =>
        settled.ok || statusOf(settled.error) === undefined
          ? undefined
          : { status: statusOf(settled.error), headers: headersOf(settled.error) },
      { policy: options.retry }
    )
  )
  return client
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

function headersOf(error: unknown): Record<string, unknown> {
  return (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {}
}

/** How long a rate-limited answer (403 or 429) asks us to wait; a bare 429 means a minute, as GitHub documents it. */
function rateLimitWaitMs(error: unknown): number | undefined {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return undefined
  return serverWaitMs(headersOf(error)) ?? (status === 429 ? 60_000 : undefined)
}

/** Parses `owner/name`, naming the input or flag it came from when it is not one. */
export function parseRepository(value: string, label: string): RepoRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim())
  if (!m)
    throw new SealError(
      'INPUT_INVALID',
      `${label}: ${JSON.stringify(value)} is not a repository of the form owner/name`,
      label
    )
  return { owner: m[1], repo: m[2] }
}

/**
 * Turns an API failure into one line that says what to do. `what` names the operation
 * ("upload artifact-seal.json to release v1 of acme/widgets"); `writes` picks the permission
 * that a 403 asks for. The token never appears: only the status and GitHub's own message do.
 */
export function gitHubError(error: unknown, what: string, writes: boolean): SealError {
  const unreachable = networkFailure(error)
  if (unreachable) return new SealError('REMOTE', `${what}: ${unreachable}`, what, { cause: error })
  const status = statusOf(error)
  const message = (error as Error)?.message ?? String(error)
  let hint = ''
  const limitWait = rateLimitWaitMs(error)
  if (limitWait !== undefined)
    hint = `: GitHub's rate limit (about ${Math.ceil(limitWait / 1000)} s until it resets); run the job again later`
  else if (status === 401) hint = ': the token was refused (check github-token / GITHUB_TOKEN)'
  else if (status === 403)
    hint = writes
      ? ': the token may not write releases; give the job `permissions: contents: write`'
      : ': the token may not read this repository; give the job `permissions: contents: read`'
  else if (status !== undefined && status >= 500) hint = ' (GitHub kept failing; retried)'
  return new SealError('REMOTE', `${what}: GitHub answered ${status ?? 'with an error'} ${message}${hint}`, what, {
    cause: error
  })
}
