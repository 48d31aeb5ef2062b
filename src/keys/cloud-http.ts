import { decodeBase64Strict } from '../core/encoding.js'
import { SealError } from '../core/errors.js'
import { NetworkError, originOf, requestJson, type JsonResponse } from '../net/http-json.js'
import type { RetryPolicy } from '../net/retry.js'
import type { Secrets } from './secrets.js'

/** Loopback hosts, where plain http carries nothing off the machine (stand-ins, local proxies). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * A service's base URL from an input or an environment variable, without trailing slashes. It
 * must be https (tokens travel on it); plain http is accepted for loopback only.
 */
export function baseUrl(raw: string, subject: string, example: string): string {
  const value = raw.trim().replace(/\/+$/, '')
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new SealError('INPUT_INVALID', `${subject} ${value} is not a URL (expected e.g. ${example})`, subject)
  }
  const plainLocal = parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname)
  if (
    (parsed.protocol !== 'https:' && !plainLocal) ||
    parsed.username ||
    parsed.password ||
    parsed.search ||
    parsed.hash
  ) {
    throw new SealError(
      'INPUT_INVALID',
      `${subject} ${value} must be an https:// URL without credentials, query or fragment (e.g. ${example})`,
      subject
    )
  }
  return value
}

/**
 * The service's own words from an error answer, in one line: Google's `{"error":{"message",
 * "status"}}`, Key Vault's `{"error":{"code","message"}}`, or OAuth's `{"error",
 * "error_description"}` (Entra appends trace and correlation ids on further lines; they are cut).
 */
export function serviceMessage(response: JsonResponse): { code: string; message: string } {
  const body = response.body as { error?: unknown; error_description?: unknown } | undefined
  const error = body?.error
  let code = ''
  let message = ''
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; code?: unknown; message?: unknown; innererror?: { code?: unknown } }
    code = String(e.status ?? e.innererror?.code ?? e.code ?? '')
    message = typeof e.message === 'string' ? e.message : ''
  } else if (typeof error === 'string') {
    code = error
    message = typeof body?.error_description === 'string' ? body.error_description : ''
  } else {
    message = response.text.slice(0, 300)
  }
  message = message.split(/\r?\n\s*(?=Trace ID:|Correlation ID:|Timestamp:)/)[0]
  return { code, message: message.replace(/\s+/g, ' ').trim() }
}

/** What one call to a cloud API is, for its messages. */
export interface CallSite {
  /** "Google STS", "Cloud KMS macSign", "Key Vault". */
  service: string
  /** The input a failure to reach the service names. */
  subject: string
  secrets: Secrets
  retry?: RetryPolicy
}

/** One request; a service that never answered becomes one line naming the host and the input. */
export async function call(
  site: CallSite,
  method: 'GET' | 'POST',
  url: string,
  options: { body?: unknown; form?: Record<string, string>; bearer?: string } = {}
): Promise<JsonResponse> {
  const headers: Record<string, string> = options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}
  try {
    return await requestJson(method, url, { body: options.body, form: options.form, headers, retry: site.retry })
  } catch (error) {
    const reason = error instanceof NetworkError ? error.message : String(error)
    throw new SealError(
      'KEY_SOURCE',
      site.secrets.redact(`${site.service} at ${originOf(url)}: ${reason}`),
      site.subject
    )
  }
}

/**
 * One line for an answer that is not a success: what was tried, the status, the service's own
 * code and message, and what to change. Every known secret is cut out of the service's text.
 */
export function failure(
  site: CallSite,
  response: JsonResponse,
  what: string,
  hint: string,
  subject = site.subject
): SealError {
  const { code, message } = serviceMessage(response)
  const said = [code, message].filter(Boolean).join(': ')
  const retried = response.status >= 500 || response.status === 429 ? ' (still failing after retries)' : ''
  return new SealError(
    'KEY_SOURCE',
    site.secrets.redact(`${what}: HTTP ${response.status}${said ? `: ${said}` : ''}${retried}; ${hint}`),
    subject
  )
}

/** An answer of the right status whose body lacks what it must carry. */
export function malformed(site: CallSite, what: string, missing: string, subject = site.subject): SealError {
  return new SealError('KEY_SOURCE', `${what}: the answer has no ${missing}`, subject)
}

/** Bytes from a base64 or base64url field of an answer; anything else is the service's fault, named. */
export function answerBytes(value: unknown, what: string, field: string, subject: string): Buffer {
  const decoded = typeof value === 'string' ? decodeBase64Strict(value) : undefined
  if (decoded?.ok) return decoded.bytes
  throw new SealError('KEY_SOURCE', `${what}: the answer's ${field} is ${decoded ? decoded.why : 'missing'}`, subject)
}
