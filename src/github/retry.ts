/** Statuses worth another try: the server or a proxy in front of it failed, not the request. */
const TRANSIENT = new Set([500, 502, 503, 504])

/**
 * An Octokit `request` hook that retries transient failures (5xx, and network errors, which
 * Octokit reports as 500) after each of `delaysMs`. 4xx answers are the caller's to handle and
 * are never retried. Request bodies here are Buffers, so a retry resends the same bytes.
 */
export function retryTransient(delaysMs: readonly number[]) {
  return async <O, R>(request: (options: O) => R | Promise<R>, options: O): Promise<R> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options)
      } catch (error) {
        const status = statusOf(error)
        if (attempt >= delaysMs.length || status === undefined || !TRANSIENT.has(status)) throw error
        await new Promise(resolve => setTimeout(resolve, delaysMs[attempt]))
      }
    }
  }
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
