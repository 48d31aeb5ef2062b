import { SealError } from '../core/errors.js'
import { describeClaims } from './oidc.js'
import { baseUrl, call, failure, malformed, serviceMessage, type CallSite } from './cloud-http.js'
import type { StoreOption } from './options.js'
import { oidcToken, type SourceContext } from './source-context.js'

/** Google's APIs that the GCP sources reach, with the variable that moves each one. */
export const GCP_ENDPOINTS = {
  sts: { variable: 'GCP_ENDPOINT_STS', default: 'https://sts.googleapis.com' },
  iamcredentials: { variable: 'GCP_ENDPOINT_IAMCREDENTIALS', default: 'https://iamcredentials.googleapis.com' },
  secretmanager: { variable: 'GCP_ENDPOINT_SECRETMANAGER', default: 'https://secretmanager.googleapis.com' },
  cloudkms: { variable: 'GCP_ENDPOINT_CLOUDKMS', default: 'https://cloudkms.googleapis.com' }
} as const
export type GcpService = keyof typeof GCP_ENDPOINTS

/** The base URL of a Google API: its environment variable (Private Service Connect, tests) or Google's own. */
export function gcpEndpoint(env: NodeJS.ProcessEnv, service: GcpService): string {
  const { variable, default: fallback } = GCP_ENDPOINTS[service]
  const override = env[variable]?.trim()
  return override ? baseUrl(override, variable, fallback) : fallback
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform'
const PROVIDER =
  /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([a-z0-9-]{4,32})\/providers\/([a-z0-9-]{4,32})$/

/** The provider's resource name; a pasted `//iam.googleapis.com/` or `https://iam.googleapis.com/` prefix is dropped. */
export function workloadIdentityProvider(ctx: SourceContext): { name: string; project: string; pool: string } {
  const raw = ctx.options.need(
    'gcp-workload-identity-provider',
    'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER'
  )
  const name = raw.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '')
  const m = PROVIDER.exec(name)
  if (!m) {
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('gcp-workload-identity-provider')} ${raw} is not projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id; gcloud iam workload-identity-pools providers describe … --format='value(name)' prints it)`,
      'gcp-workload-identity-provider'
    )
  }
  return { name, project: m[1], pool: m[2] }
}

/** The `aud` that a provider accepts by default: its full name after https://iam.googleapis.com/. */
export function gcpDefaultAudience(provider: string): string {
  return `https://iam.googleapis.com/${provider}`
}

/** An access token for Google's APIs, and who holds it (for messages that say whom to grant a role). */
export interface GcpSession {
  token: string
  /** The service account impersonated, or the job's federated principal. */
  principal: string
  endpoint: (service: GcpService) => string
  site: (service: string, subject: StoreOption) => CallSite
}

/**
 * Workload Identity Federation: the job's OIDC token is exchanged at Google's STS for a federated
 * access token (RFC 8693 token exchange, as google-auth-library sends it), which then either is
 * used directly (direct resource access) or impersonates `gcp-service-account` through IAM
 * Credentials generateAccessToken. Every token is masked the moment it is parsed.
 */
export async function gcpFederate(ctx: SourceContext): Promise<GcpSession> {
  const provider = workloadIdentityProvider(ctx)
  const serviceAccount = ctx.options.get('gcp-service-account')
  if (serviceAccount && !/^[^@\s/]+@[^@\s/]+$/.test(serviceAccount)) {
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('gcp-service-account')} ${serviceAccount} is not a service account email (NAME@PROJECT.iam.gserviceaccount.com)`,
      'gcp-service-account'
    )
  }
  const endpoint = (service: GcpService): string => gcpEndpoint(ctx.env, service)
  const stsUrl = `${endpoint('sts')}/v1/token`
  const jwt = await oidcToken(ctx, gcpDefaultAudience(provider.name))
  const site = (service: string, subject: StoreOption): CallSite => ({
    service,
    subject,
    secrets: ctx.secrets,
    retry: ctx.retry
  })

  const sts = site('Google STS', 'gcp-workload-identity-provider')
  const exchanged = await call(sts, 'POST', stsUrl, {
    form: {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: `//iam.googleapis.com/${provider.name}`,
      scope: CLOUD_PLATFORM,
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: jwt,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt'
    }
  })
  const federated = (exchanged.body as { access_token?: unknown } | undefined)?.access_token
  if (exchanged.status !== 200) throw stsFailure(ctx, sts, exchanged, provider.name, jwt)
  if (typeof federated !== 'string' || federated === '')
    throw malformed(sts, 'Google STS token exchange', 'access_token')
  ctx.secrets.add(federated)
  const federatedPrincipal = `principalSet://iam.googleapis.com/projects/${provider.project}/locations/global/workloadIdentityPools/${provider.pool}/…`

  if (!serviceAccount) {
    ctx.log(`Federated this job's OIDC token through ${provider.name} (no service account impersonated)`)
    return {
      token: federated,
      principal: `this job's federated identity (${federatedPrincipal}, from gcp-workload-identity-provider; or set gcp-service-account to an account that has the role)`,
      endpoint,
      site
    }
  }
  const iam = site('IAM Credentials generateAccessToken', 'gcp-service-account')
  const url = `${endpoint('iamcredentials')}/v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`
  const answer = await call(iam, 'POST', url, {
    bearer: federated,
    body: { scope: [CLOUD_PLATFORM], lifetime: '600s' }
  })
  if (answer.status !== 200) {
    const hint =
      answer.status === 403
        ? `this job's federated identity (${federatedPrincipal}) needs roles/iam.workloadIdentityUser on gcp-service-account ${serviceAccount}, granted to a principalSet that matches this repository${describeTail(jwt)}`
        : answer.status === 404
          ? `check gcp-service-account: no service account ${serviceAccount}`
          : 'check gcp-service-account'
    throw failure(iam, answer, `IAM Credentials refused to impersonate ${serviceAccount}`, hint)
  }
  const token = (answer.body as { accessToken?: unknown } | undefined)?.accessToken
  if (typeof token !== 'string' || token === '')
    throw malformed(iam, `IAM Credentials generateAccessToken for ${serviceAccount}`, 'accessToken')
  ctx.secrets.add(token)
  ctx.log(`Federated this job's OIDC token through ${provider.name} as ${serviceAccount}`)
  return { token, principal: `gcp-service-account ${serviceAccount}`, endpoint, site }
}

function describeTail(jwt: string): string {
  const claims = describeClaims(jwt, ['sub', 'repository'])
  return claims ? ` (${claims})` : ''
}

/** STS's OAuth error (`invalid_grant`, `invalid_request`, `unauthorized_client`) with what to change. */
function stsFailure(
  ctx: SourceContext,
  site: CallSite,
  response: Parameters<typeof failure>[1],
  provider: string,
  jwt: string
): SealError {
  const { message } = serviceMessage(response)
  const claims = describeClaims(jwt, ['aud', 'sub', 'repository'])
  const said = claims ? ` (${claims})` : ''
  if (/audience/i.test(message) && ctx.options.get('oidc-audience')) {
    return failure(
      site,
      response,
      `Google STS refused this job's OIDC token for ${provider}`,
      `the provider's allowed audiences must include oidc-audience${said}, or leave oidc-audience empty for the default ${gcpDefaultAudience(provider)}`,
      'oidc-audience'
    )
  }
  if (/attribute condition/i.test(message)) {
    return failure(
      site,
      response,
      `Google STS refused this job's OIDC token for ${provider}`,
      `the provider's attribute condition must accept this job${said}`
    )
  }
  return failure(
    site,
    response,
    `Google STS refused this job's OIDC token for ${provider}`,
    `check gcp-workload-identity-provider (the project number, pool and provider, an OIDC provider for https://token.actions.githubusercontent.com whose audiences accept the token${said})`
  )
}
