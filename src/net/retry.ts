/*
 * The one retry policy of every HTTP client we run (Vault, the token endpoint, the clouds' REST
 * APIs through net/http-json.ts, and GitHub through Octokit's request hook):
 *
 * - Retried: a request that got no answer (refused, reset, timed out), 429, and any 5xx (Vault
 *   answers 503 while sealed, GitHub 502 behind its load balancers).
 * - Never retried: any other 4xx, including a plain 403 (a permission, not a hiccup).
 * - The wait: what the server asks for when it asks (Retry-After in seconds or as an HTTP date,
 *   or GitHub's `x-ratelimit-remaining: 0` with `x-ratelimit-reset`, also on a 403), else the
 *   next of DEFAULT_RETRY's delays: 0.5 s, 1 s, 2 s, 4 s. A server asking for more than
 *   MAX_SERVER_WAIT_MS is not waited for: the answer is returned as it is (a job has better uses
 *   for its minutes).
 * - At most `delaysMs.length` retries, whoever sets the wait: about 7.5 s of waiting in all,
 *   enough for a Vault that is unsealing or failing over, or a GitHub blip, to come back.
 */

/** How many retries, and the pause before each when the server does not say. */
export interface RetryPolicy {
  delaysMs: readonly number[]
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [500, 1000, 2000, 4000] }

/** The longest wait a server may ask for before we stop instead. */
export const MAX_SERVER_WAIT_MS = 60_000

/** What one try came to, as far as retrying goes. */
export interface Outcome {
  /** The answer's status; undefined when no answer came. */
  status?: number
  /** The answer's headers (lower-case names). */
  headers?: Record<string, unknown>
}

/**
 * How long the server asked us to wait: Retry-After (seconds or an HTTP date), else until
 * `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0. Undefined when it did
 * not ask.
 */
export function serverWaitMs(headers: Record<string, unknown> = {}, nowMs: number = Date.now()): number | undefined {
  const raw = headers['retry-after']
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  if (text !== '') {
    const at = Date.parse(text)
    if (Number.isFinite(at)) return Math.max(0, at - nowMs)
  }
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs)
  }
  return undefined
}

/** Whether an outcome is worth another try at all (see the policy above). */
export function isRetryable(outcome: Outcome): boolean {
  const { status } = outcome
  if (status === undefined) return true
  if (status === 429 || status >= 500) return true
  // GitHub's rate limits answer 403 with the wait in the headers; any other 403 is a refusal.
  return status === 403 && serverWaitMs(outcome.headers) !== undefined
}

/** The wait before retry number `retry` (0-based) after `outcome`, or undefined: stop here. */
export function retryWaitMs(
  outcome: Outcome,
  retry: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  nowMs: number = Date.now()
): number | undefined {
  if (retry >= policy.delaysMs.length || !isRetryable(outcome)) return undefined
  const asked = outcome.status === undefined ? undefined : serverWaitMs(outcome.headers, nowMs)
  if (asked === undefined) return policy.delaysMs[retry]
  return asked > MAX_SERVER_WAIT_MS ? undefined : asked
}

/** A try that returned or threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

export interface RetryOptions {
  policy?: RetryPolicy
  /** Tests replace the clock and the pause. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Runs `attempt` until `judge` says its result is final or the policy says stop; then returns
 * the last value or throws the last error. `judge` maps a try to its Outcome, or undefined when
 * it succeeded (or failed in a way no retry can mend).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  judge: (settled: Settled<T>) => Outcome | undefined,
  options: RetryOptions = {}
): Promise<T> {
  const { policy = DEFAULT_RETRY, now = Date.now, sleep = pause } = options
  for (let retry = 0; ; retry++) {
    let settled: Settled<T>
    try {
      settled = { ok: true, value: await attempt() }
    } catch (error) {
      settled = { ok: false, error }
    }
    const outcome = judge(settled)
    const wait = outcome === undefined ? undefined : retryWaitMs(outcome, retry, policy, now())
    if (wait === undefined) {
      if (settled.ok) return settled.value
      throw settled.error
    }
    await sleep(wait)
  }
}
