/** Statuses worth another try: the server or a proxy in front of it failed, not the request. */
const TRANSIENT = new Set([500, 502, 503, 504])

/** The longest wait a rate limit may ask for before we give up instead (a job has better uses for its minutes). */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000

/**
 * An Octokit `request` hook that retries transient failures (5xx, and network errors, which
 * Octokit reports as 500) after each of `delaysMs`, and rate limits (429, or 403 with
 * `retry-after` or `x-ratelimit-remaining: 0`) after the wait GitHub asks for, when that is at
 * most MAX_RATE_LIMIT_WAIT_MS. Other 4xx answers are the caller's to handle and are never
 * retried. Request bodies here are Buffers, so a retry resends the same bytes.
 */
export function retryTransient(delaysMs: readonly number[], now: () => number = Date.now) {
  return async <O, R>(request: (options: O) => R | Promise<R>, options: O): Promise<R> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options)
      } catch (error) {
        if (attempt >= delaysMs.length) throw error
        const status = statusOf(error)
        const limitWait = rateLimitWaitMs(error, now())
        let wait: number
        if (limitWait !== undefined) {
          if (limitWait > MAX_RATE_LIMIT_WAIT_MS) throw error
          wait = limitWait
        } else if (status !== undefined && TRANSIENT.has(status)) {
          wait = delaysMs[attempt]
        } else {
          throw error
        }
        await new Promise(resolve => setTimeout(resolve, wait))
      }
    }
  }
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * How long a rate-limited answer asks us to wait, per GitHub's documentation: `retry-after`
 * seconds, else until `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0, else
 * a minute for a bare 429. Undefined when the answer is not a rate limit (a plain 403 is a
 * permission problem and is not retried).
 */
export function rateLimitWaitMs(error: unknown, nowMs: number): number | undefined {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return undefined
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {}
  const raw = headers['retry-after']
  const retryAfter = Number(raw)
  if ((typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs)
  }
  return status === 429 ? 60_000 : undefined
}
