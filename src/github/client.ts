import { SealError } from '../core/errors.js'
import { networkFailure } from '../net/network-error.js'
import { rateLimitWaitMs, retryTransient, statusOf } from './retry.js'

export { statusOf }

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
  /** Waits before each retry of a transient failure; the default tries four times in about 7 s. */
  retryDelaysMs?: readonly number[]
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']

/**
 * A client for github.com or GHES. It sends through the global fetch, which nock (and any other
 * interceptor of Node's fetch) sees; @actions/github's own undici fetch is kept only when a proxy
 * is configured, because the global fetch ignores proxy variables on Node 20.
 */
export async function createGitHubClient(options: ClientOptions, env: NodeJS.ProcessEnv = process.env): Promise<GitHubClient> {
  if (!options.token) throw new SealError('INPUT_INVALID', 'a GitHub token is needed for releases: set github-token (or GITHUB_TOKEN for the CLI)', 'github-token')
  const baseUrl = (options.apiUrl || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const behindProxy = PROXY_VARIABLES.some(name => env[name])
  // Loaded when a release is used: Octokit and undici are a third of the CLI's start-up otherwise.
  const { getOctokit } = await import('@actions/github')
  const client = getOctokit(options.token, {
    baseUrl,
    ...(behindProxy ? {} : { request: { fetch: globalThis.fetch } }),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  })
  client.hook.wrap('request', retryTransient(options.retryDelaysMs ?? [500, 2000, 4500]))
  return client
}

/** Parses `owner/name`, naming the input or flag it came from when it is not one. */
export function parseRepository(value: string, label: string): RepoRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim())
  if (!m) throw new SealError('INPUT_INVALID', `${label}: ${JSON.stringify(value)} is not a repository of the form owner/name`, label)
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
  const limitWait = rateLimitWaitMs(error, Date.now())
  if (limitWait !== undefined) hint = `: GitHub's rate limit (about ${Math.ceil(limitWait / 1000)} s until it resets); run the job again later`
  else if (status === 401) hint = ': the token was refused (check github-token / GITHUB_TOKEN)'
  else if (status === 403)
    hint = writes
      ? ': the token may not write releases; give the job `permissions: contents: write`'
      : ': the token may not read this repository; give the job `permissions: contents: read`'
  else if (status !== undefined && status >= 500) hint = ' (GitHub kept failing; retried)'
  return new SealError('REMOTE', `${what}: GitHub answered ${status ?? 'with an error'} ${message}${hint}`, what, { cause: error })
}
