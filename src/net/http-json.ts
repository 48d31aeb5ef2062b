import { TOOL_NAME, TOOL_VERSION } from '../core/version.js'
import { withRetries, type RetryPolicy } from './retry.js'

/** A JSON answer: the status, the raw text, and the parsed body (undefined when not JSON). */
export interface JsonResponse {
  status: number
  text: string
  body: unknown
}

/** A request that never got an answer, after every retry. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

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
  // Our own retries (net/retry.ts); the client's would retry without backoff on the same statuses.
  // Loaded on first use: undici, under it, is a third of the CLI's start-up, and `key-source: input` never needs it.
  const { HttpClient } = await import('@actions/http-client')
  const client = new HttpClient(`${TOOL_NAME}/${TOOL_VERSION}`, [], { allowRetries: false, socketTimeout: 30_000 })
  const contentType = options.form
    ? 'application/x-www-form-urlencoded'
    : options.body !== undefined
      ? 'application/json'
      : undefined
  const headers = {
    accept: 'application/json',
    ...(contentType ? { 'content-type': contentType } : {}),
    ...options.headers
  }
  const data = options.form
    ? new URLSearchParams(options.form).toString()
    : options.body !== undefined
      ? JSON.stringify(options.body)
      : null
  let attempts = 0
  try {
    const { response } = await withRetries(
      async () => {
        attempts++
        const answer = await client.request(method, url, data, headers)
        const text = await answer.readBody()
        return {
          response: { status: answer.message.statusCode ?? 0, text, body: parse(text) },
          headers: answer.message.headers
        }
      },
      settled => (settled.ok ? { status: settled.value.response.status, headers: settled.value.headers } : {}),
      { policy: options.retry }
    )
    return response
  } catch (error) {
    throw new NetworkError(
      `no answer after ${attempts} attempt(s): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    )
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
