import { TOOL_NAME, TOOL_VERSION } from '../core/version.js'

/** A JSON answer: the status, the raw text, and the parsed body (undefined when not JSON). */
export interface JsonResponse {
  status: number
  text: string
  body: unknown
}

/** When to try again: 5xx (Vault answers 503 while sealed), 429, and failures to connect. */
export interface RetryPolicy {
  /** Pauses before each retry; their count is the number of retries. */
  delaysMs: readonly number[]
}

/** 0.5 s, 1 s, 2 s, 4 s: a Vault that is unsealing or failing over has about 8 s to come back. */
export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [500, 1000, 2000, 4000] }

/** A request that never got an answer, after every retry. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Sends one JSON request with retries and backoff on answers worth retrying. Every answer that
 * arrives is returned (the caller words the error, it knows the service); only a request that
 * never got an answer throws, as a NetworkError without the request's headers or body.
 */
export async function requestJson(
  method: 'GET' | 'POST',
  url: string,
  options: {
    body?: unknown
    /** Sent as application/x-www-form-urlencoded instead of a JSON body (OAuth token endpoints). */
    form?: Record<string, string>
    headers?: Record<string, string>
    retry?: RetryPolicy
  } = {}
): Promise<JsonResponse> {
  // Our own retries below; the client's would retry without backoff on the same statuses.
  // Loaded on first use: undici, under it, is a third of the CLI's start-up, and `key-source: input` never needs it.
  const { HttpClient } = await import('@actions/http-client')
  const client = new HttpClient(`${TOOL_NAME}/${TOOL_VERSION}`, [], { allowRetries: false, socketTimeout: 30_000 })
  const retry = options.retry ?? DEFAULT_RETRY
  const contentType = options.form ? 'application/x-www-form-urlencoded' : options.body !== undefined ? 'application/json' : undefined
  const headers = { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...options.headers }
  const data = options.form ? new URLSearchParams(options.form).toString() : options.body !== undefined ? JSON.stringify(options.body) : null
  let lastError = ''
  try {
    for (let attempt = 0; ; attempt++) {
      let response: JsonResponse | undefined
      try {
        const answer = await client.request(method, url, data, headers)
        const text = await answer.readBody()
        response = { status: answer.message.statusCode ?? 0, text, body: parse(text) }
      } catch (error) {
        lastError = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }
      if (response && (!isRetryable(response.status) || attempt >= retry.delaysMs.length)) return response
      if (!response && attempt >= retry.delaysMs.length) {
        throw new NetworkError(`no answer after ${attempt + 1} attempt(s): ${lastError}`)
      }
      await sleep(retry.delaysMs[attempt])
    }
  } finally {
    client.dispose()
  }
}

/** The origin of a URL, for messages (never its path or query, which may carry identifiers). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(invalid URL)'
  }
}
