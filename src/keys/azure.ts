import { SealError } from '../core/errors.js'
import { describeClaims } from './oidc.js'
import { baseUrl, call, failure, malformed, serviceMessage, type CallSite } from './cloud-http.js'
import type { StoreOption } from './options.js'
import { oidcToken, type SourceContext } from './source-context.js'

/** The audience Microsoft Entra's federated credentials for GitHub expect by default. */
export const AZURE_DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
export const AZURE_DEFAULT_AUTHORITY = 'https://login.microsoftonline.com'
/** The Key Vault and Managed HSM data plane API version we speak. */
export const KEY_VAULT_API_VERSION = '7.4'

/** Microsoft Entra's host: AZURE_AUTHORITY_HOST (sovereign clouds, stand-ins) or the public cloud's. */
export function authorityHost(env: NodeJS.ProcessEnv): string {
  const override = env.AZURE_AUTHORITY_HOST?.trim()
  return override ? baseUrl(override, 'AZURE_AUTHORITY_HOST', AZURE_DEFAULT_AUTHORITY) : AZURE_DEFAULT_AUTHORITY
}

export type AzureService = 'vault' | 'managedhsm'

/**
 * The token scope for a vault or HSM URL: Azure's own hosts name their cloud (public, China, US
 * Government). Any other host (a private endpoint's alias, a stand-in) gets the public cloud's
 * resource. The scope is ours to choose, never the server's: unlike the Key Vault SDKs, which read
 * the resource from the server's 401 challenge and so must check it against the vault's domain
 * (`disableChallengeResourceVerification`), this client never asks the server which token to get.
 */
export function azureScope(service: AzureService, url: string): string {
  const host = new URL(url).hostname.toLowerCase()
  const clouds = ['azure.net', 'azure.cn', 'usgovcloudapi.net']
  const suffix = clouds.find(cloud => host.endsWith(`.${service}.${cloud}`))
  return `https://${service}.${suffix ?? 'azure.net'}/.default`
}

/** A vault or HSM URL input (https; trailing slashes dropped). */
export function azureResourceUrl(ctx: SourceContext, option: StoreOption, example: string): string {
  return baseUrl(ctx.options.need(option, `e.g. ${example}`), option, example)
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An access token for one Azure resource, with the call site its requests use. */
export interface AzureSession {
  token: string
  clientId: string
  site: (service: string, subject: StoreOption) => CallSite
}

/**
 * Microsoft Entra client-credentials grant with the job's OIDC token as the client assertion
 * (workload identity federation), posted straight to `<authority>/<tenant>/oauth2/v2.0/token`.
 * No instance discovery is asked of login.microsoftonline.com (MSAL does that whatever
 * AZURE_AUTHORITY_HOST says), so a sovereign or private authority is the only host contacted.
 */
export async function entraToken(ctx: SourceContext, scope: string): Promise<AzureSession> {
  const tenant = ctx.options.need('azure-tenant-id', 'the directory (tenant) id of the app registration')
  const clientId = ctx.options.need(
    'azure-client-id',
    'the application (client) id whose federated credential trusts this repository'
  )
  if (!GUID.test(tenant) && !/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(tenant)) {
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('azure-tenant-id')} ${tenant} is not a tenant id (a GUID) or a verified domain`,
      'azure-tenant-id'
    )
  }
  if (!GUID.test(clientId)) {
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('azure-client-id')} ${clientId} is not an application (client) id (a GUID)`,
      'azure-client-id'
    )
  }
  const url = `${authorityHost(ctx.env)}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`
  const jwt = await oidcToken(ctx, AZURE_DEFAULT_AUDIENCE)
  const site = (service: string, subject: StoreOption): CallSite => ({
    service,
    subject,
    secrets: ctx.secrets,
    retry: ctx.retry
  })
  const entra = site('Microsoft Entra', 'azure-client-id')
  const answer = await call(entra, 'POST', url, {
    form: {
      client_id: clientId,
      scope,
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt
    }
  })
  if (answer.status !== 200) throw entraFailure(ctx, entra, answer, tenant, clientId, jwt)
  const token = (answer.body as { access_token?: unknown } | undefined)?.access_token
  if (typeof token !== 'string' || token === '') throw malformed(entra, 'Microsoft Entra token request', 'access_token')
  ctx.secrets.add(token)
  ctx.log(`Signed in to Microsoft Entra tenant ${tenant} as application ${clientId} (scope ${scope})`)
  return { token, clientId, site }
}

/** Entra's AADSTS codes, mapped to the input that fixes them. */
function entraFailure(
  ctx: SourceContext,
  site: CallSite,
  response: Parameters<typeof failure>[1],
  tenant: string,
  clientId: string,
  jwt: string
): SealError {
  const { message } = serviceMessage(response)
  const code = /AADSTS(\d+)/.exec(message)?.[1] ?? ''
  const claims = describeClaims(jwt, ['iss', 'sub', 'aud'])
  const said = claims ? ` (${claims})` : ''
  const what = `Microsoft Entra refused this job's OIDC token for application ${clientId} in tenant ${tenant}`
  if (['90002', '900023', '90013'].includes(code))
    return failure(site, response, what, 'check azure-tenant-id', 'azure-tenant-id')
  if (['700016', '700038'].includes(code))
    return failure(site, response, what, `check azure-client-id: no such application in tenant ${tenant}`)
  if (code === '700212' && ctx.options.get('oidc-audience')) {
    return failure(
      site,
      response,
      what,
      `the federated credential's audience must be oidc-audience${said}, or leave oidc-audience empty for ${AZURE_DEFAULT_AUDIENCE}`,
      'oidc-audience'
    )
  }
  if (['70021', '700211', '700212', '700213'].includes(code)) {
    return failure(
      site,
      response,
      what,
      `the application of azure-client-id needs a federated credential with issuer https://token.actions.githubusercontent.com, the subject and audience of this job${said}`
    )
  }
  return failure(
    site,
    response,
    what,
    "check azure-tenant-id, azure-client-id and the application's federated credential"
  )
}

/** The hint for a Key Vault or Managed HSM error answer, by status and Key Vault's error code. */
export function keyVaultCode(response: Parameters<typeof failure>[1]): string {
  return serviceMessage(response).code
}
