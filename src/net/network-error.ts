/*
 * A request that never got an answer (no DNS name, nothing listening, a connection cut) is a
 * network failure, not a refusal: "GitHub answered 500 getaddrinfo ENOTFOUND" sends a user to
 * their token when the host name is wrong. Octokit reports such failures as status 500, the AWS
 * SDK as an error whose code is the errno; both keep Node's text ("connect ECONNREFUSED
 * 127.0.0.1:8200"), so the errno and the host are read from the error, its causes or that text.
 */

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'no such host (DNS lookup failed)',
  EAI_AGAIN: 'DNS lookup failed for now',
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed'
}

const IN_TEXT =
  /\b(?:getaddrinfo|connect|read|write|queryA)? ?(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b(?: ([^\s,;)]+))?/

/** "cannot reach HOST: what happened (ERRNO)" when `error` is a network failure, else null. */
export function networkFailure(error: unknown, fallbackHost?: string): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; hostname?: unknown; address?: unknown; port?: unknown; message?: unknown }
    const text = typeof x.message === 'string' ? x.message : ''
    const match = IN_TEXT.exec(text)
    const code = typeof x.code === 'string' && x.code in NETWORK_CODES ? x.code : match?.[1]
    if (!code) continue
    const host =
      (typeof x.hostname === 'string' && x.hostname) ||
      (typeof x.address === 'string' && `${x.address}${typeof x.port === 'number' ? `:${x.port}` : ''}`) ||
      match?.[2] ||
      fallbackHost ||
      'the server'
    return `cannot reach ${host}: ${NETWORK_CODES[code]} (${code}); a network failure, not a refusal: check the URL, DNS, proxy (https_proxy) and firewall`
  }
  return null
}
