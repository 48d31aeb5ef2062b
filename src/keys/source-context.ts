import type { DigestAlgorithm } from '../core/algorithms.js'
import type { KeyEncoding } from '../core/keys.js'
import { getOidcToken, type OidcTokenFetcher } from './oidc.js'
import type { RetryPolicy } from '../net/retry.js'
import type { OptionReader } from './options.js'
import type { Secrets } from './secrets.js'

/** What every remote key source module gets from `resolveKeys`. */
export interface SourceContext {
  source: string
  options: OptionReader
  algorithm: DigestAlgorithm
  encoding: KeyEncoding
  /** Sign needs one key to sign with; verify may need every version the store still accepts. */
  purpose: 'sign' | 'verify'
  env: NodeJS.ProcessEnv
  secrets: Secrets
  /** Progress for the log: which store, which role, which key (never a secret). */
  log: (line: string) => void
  /** The CLI also takes a ready JWT from ARTIFACT_SEAL_OIDC_TOKEN outside GitHub Actions. */
  allowEnvToken: boolean
  retry?: RetryPolicy
  fetchOidcToken?: OidcTokenFetcher
}

export type { OidcTokenFetcher }

/** The job's OIDC token for this source, with `oidc-audience` (or `fallback`) as its audience. */
export function oidcToken(ctx: SourceContext, fallbackAudience?: string): Promise<string> {
  return getOidcToken({
    audience: ctx.options.get('oidc-audience') ?? fallbackAudience,
    env: ctx.env,
    secrets: ctx.secrets,
    purpose: `key-source ${ctx.source}`,
    allowEnvToken: ctx.allowEnvToken,
    retry: ctx.retry,
    fetch: ctx.fetchOidcToken
  })
}
