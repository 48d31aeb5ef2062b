import { createHmac, timingSafeEqual } from 'node:crypto'
import { crc32c } from '../../src/keys/crc32c.js'
import { TEST_KEY_HEX } from './fixtures.js'
import { tokenClaims } from '../../src/keys/oidc.js'

// Stand-ins for Google's STS, IAM Credentials, Secret Manager and Cloud KMS, and Microsoft Entra,
// Key Vault and Managed HSM, with the request and response shapes of their REST references:
//   STS          POST /v1/token (RFC 8693 form) → {access_token, issued_token_type, token_type, expires_in}
//                errors {error, error_description}
//   IAM Creds    POST /v1/projects/-/serviceAccounts/SA:generateAccessToken {scope[], lifetime} → {accessToken, expireTime}
//   Secret Mgr   GET /v1/projects/P/secrets/S/versions/V:access → {name, payload: {data, dataCrc32c}}
//   Cloud KMS    POST /v1/…/cryptoKeyVersions/V:macSign {data, dataCrc32c} → {name, mac, macCrc32c, verifiedDataCrc32c, protectionLevel}
//                POST …:macVerify {data, dataCrc32c, mac, macCrc32c} → {name, success, verifiedDataCrc32c, verifiedMacCrc32c, verifiedSuccessIntegrity}
//                Google errors {error: {code, message, status}}; proto3 JSON omits false booleans
//   Entra        POST /TENANT/oauth2/v2.0/token (client_credentials, client_assertion) → {token_type, expires_in, ext_expires_in, access_token}
//                errors {error, error_description: "AADSTS…", error_codes, trace_id, correlation_id}
//   Key Vault    GET /secrets/NAME[/VERSION]?api-version=7.4 → {value, id, attributes}
//   Managed HSM  GET /keys/NAME → {key: {kid, kty, key_ops}, attributes}; POST /keys/NAME/VERSION/sign {alg, value}
//                → {kid, value}; …/verify {alg, digest, value} → {value: bool}; errors {error: {code, message, innererror}}
// Pure functions of a request, so that nock (unit tests) and a loopback HTTPS server (dist/ end
// to end) serve the same fakes. They compute real HMACs, so sign then verify is a round trip.

export const GCP_PROJECT_NUMBER = '123456789012'
export const GCP_PROVIDER = `projects/${GCP_PROJECT_NUMBER}/locations/global/workloadIdentityPools/github-pool/providers/github-acme`
export const GCP_AUDIENCE = `https://iam.googleapis.com/${GCP_PROVIDER}`
export const GCP_BUILD_SA = 'artifact-seal-build@acme-ci.iam.gserviceaccount.com'
export const GCP_DEPLOY_SA = 'artifact-seal-deploy@acme-ci.iam.gserviceaccount.com'
export const GCP_SECRET = 'projects/acme-ci/secrets/artifact-seal'
export const GCP_KMS_KEY = 'projects/acme-ci/locations/global/keyRings/ci/cryptoKeys/artifact-seal/cryptoKeyVersions/1'
export const GCP_KMS_DISABLED =
  'projects/acme-ci/locations/global/keyRings/ci/cryptoKeys/artifact-seal/cryptoKeyVersions/2'
export const GCP_KMS_SIGNING_KEY =
  'projects/acme-ci/locations/global/keyRings/ci/cryptoKeys/release-signing/cryptoKeyVersions/1'

export const AZURE_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const AZURE_BUILD_CLIENT = '11111111-2222-3333-4444-555555555555'
export const AZURE_DEPLOY_CLIENT = '66666666-7777-8888-9999-000000000000'
export const AZURE_SECRET = 'artifact-seal'
export const AZURE_SECRET_VERSION = '4387e9f3d6e14c459867679a90fd0f79'
export const AZURE_HSM_KEY = 'artifact-seal'
export const AZURE_HSM_VERSION = '9885aa558e8d448789683188f8c194b0'

/** What each store holds and never hands out (except the secrets, which are the point). */
const KMS_KEY = Buffer.alloc(32, 0x44)
const HSM_KEY = Buffer.alloc(32, 0x55)
const NODE_HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }

export interface FakeRequest {
  method: string
  /** Path and query, as the server saw them. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}
export interface FakeResponse {
  status: number
  body: unknown
}

const json = (status: number, body: unknown): FakeResponse => ({ status, body })
const googleError = (code: number, status: string, message: string): FakeResponse =>
  json(code, { error: { code, message, status } })
const vaultError = (status: number, code: string, message: string, inner?: string): FakeResponse =>
  json(status, { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } })
const same = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)
const bearer = (req: FakeRequest): string => String(req.headers.authorization ?? '').replace(/^Bearer /, '')

/** The stand-ins' state: tokens they issued, and every request in order ("sts token", "kms macSign …"). */
export class CloudFakes {
  readonly requests: string[] = []
  /** OIDC tokens that the runner's token endpoint issued; STS and Entra accept only those. */
  readonly oidcTokens = new Set<string>()
  readonly #gcpTokens = new Map<string, string>() // access token → principal
  readonly #azureTokens = new Map<string, { client: string; scope: string }>()
  /** Knobs for refusal tests. */
  tamper: { secretCrc?: boolean; kmsMacCrc?: boolean; kmsUnverifiedData?: boolean } = {}
  #n = 0

  /** Every secret the stand-ins issued or hold, for leak checks. */
  secrets(): string[] {
    return [TEST_KEY_HEX, ...this.oidcTokens, ...this.#gcpTokens.keys(), ...this.#azureTokens.keys()]
  }

  #mint(prefix: string): string {
    return `${prefix}${(++this.#n).toString().padStart(4, '0')}-${Buffer.from(`fake-${prefix}-${this.#n}`).toString('base64url')}`
  }

  // --- Google -----------------------------------------------------------------------------------

  sts(req: FakeRequest): FakeResponse {
    this.requests.push('sts token')
    const form = new URLSearchParams(req.body)
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange')
      return json(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' })
    if (
      form.get('subject_token_type') !== 'urn:ietf:params:oauth:token-type:jwt' ||
      form.get('requested_token_type') !== 'urn:ietf:params:oauth:token-type:access_token'
    ) {
      return json(400, {
        error: 'invalid_request',
        error_description: 'Invalid subject_token_type or requested_token_type.'
      })
    }
    if (form.get('audience') !== `//iam.googleapis.com/${GCP_PROVIDER}`) {
      return json(400, {
        error: 'invalid_target',
        error_description:
          'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.'
      })
    }
    const jwt = form.get('subject_token') ?? ''
    const claims = tokenClaims(jwt)
    if (!this.oidcTokens.has(jwt))
      return json(400, { error: 'invalid_grant', error_description: 'ID Token issued at 0 is stale to sign-in.' })
    if (claims.aud !== GCP_AUDIENCE) {
      return json(400, {
        error: 'invalid_grant',
        error_description: `The audience in ID Token [${String(claims.aud)}] does not match the expected audience ${GCP_AUDIENCE}.`
      })
    }
    if (claims.repository !== 'acme/widgets')
      return json(400, {
        error: 'unauthorized_client',
        error_description: 'The given credential is rejected by the attribute condition.'
      })
    const token = this.#mint('ya29.federated-')
    this.#gcpTokens.set(
      token,
      `principal://iam.googleapis.com/${GCP_PROVIDER.replace(/\/providers\/.*/, '')}/subject/${String(claims.sub)}`
    )
    return json(200, {
      access_token: token,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: 3600
    })
  }

  iamCredentials(req: FakeRequest): FakeResponse {
    const m = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(req.url)
    this.requests.push(`iam generateAccessToken ${m ? decodeURIComponent(m[1]) : req.url}`)
    const principal = this.#gcpTokens.get(bearer(req))
    if (!principal?.startsWith('principal://'))
      return googleError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.'
      )
    const sa = m ? decodeURIComponent(m[1]) : ''
    const body = JSON.parse(req.body || '{}') as { scope?: string[] }
    if (![GCP_BUILD_SA, GCP_DEPLOY_SA].includes(sa)) {
      return googleError(
        403,
        'PERMISSION_DENIED',
        `Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`
      )
    }
    if (!body.scope?.includes('https://www.googleapis.com/auth/cloud-platform'))
      return googleError(400, 'INVALID_ARGUMENT', 'Scope required.')
    const token = this.#mint('ya29.c.sa-')
    this.#gcpTokens.set(token, sa)
    return json(200, { accessToken: token, expireTime: '2099-10-02T15:01:23Z' })
  }

  secretManager(req: FakeRequest): FakeResponse {
    this.requests.push(`secretmanager ${req.method} ${req.url}`)
    const who = this.#gcpTokens.get(bearer(req))
    if (!who) return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.')
    const m = /^\/v1\/(projects\/[^/]+\/secrets\/[^/]+)\/versions\/([^/:]+):access$/.exec(req.url)
    if (!m || m[1] !== GCP_SECRET)
      return googleError(404, 'NOT_FOUND', `Secret [${m?.[1] ?? req.url}] not found or has no versions.`)
    if (who === GCP_DEPLOY_SA && m[2] === '7')
      return googleError(
        403,
        'PERMISSION_DENIED',
        `Permission 'secretmanager.versions.access' denied for resource '${m[1]}/versions/7' (or it may not exist).`
      )
    if (m[2] === '2')
      return googleError(
        400,
        'FAILED_PRECONDITION',
        `Secret Version [projects/${GCP_PROJECT_NUMBER}/secrets/artifact-seal/versions/2] is in DISABLED state.`
      )
    const data = Buffer.from(TEST_KEY_HEX + '\n')
    const crc = crc32c(data) ^ (this.tamper.secretCrc ? 1 : 0)
    return json(200, {
      name: `projects/${GCP_PROJECT_NUMBER}/secrets/artifact-seal/versions/3`,
      payload: { data: data.toString('base64'), dataCrc32c: String(crc >>> 0) }
    })
  }

  kms(req: FakeRequest): FakeResponse {
    const m = /^\/v1\/(projects\/.+\/cryptoKeyVersions\/\d+):(macSign|macVerify)$/.exec(req.url)
    this.requests.push(`kms ${m?.[2] ?? req.url}`)
    const who = this.#gcpTokens.get(bearer(req))
    if (!who) return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.')
    if (!m) return googleError(404, 'NOT_FOUND', 'Method not found.')
    const [, name, method] = m
    const permission = method === 'macSign' ? 'useToSign' : 'useToVerify'
    if (method === 'macSign' && who !== GCP_BUILD_SA) {
      return googleError(
        403,
        'PERMISSION_DENIED',
        `Permission 'cloudkms.cryptoKeyVersions.${permission}' denied on resource '${name}' (or it may not exist).`
      )
    }
    if (name === GCP_KMS_DISABLED)
      return googleError(
        400,
        'FAILED_PRECONDITION',
        `The request cannot be fulfilled. Resource ${name} has value DISABLED in field crypto_key_version.state.`
      )
    if (name === GCP_KMS_SIGNING_KEY)
      return googleError(
        400,
        'INVALID_ARGUMENT',
        `The request cannot be fulfilled. Resource ${name} has value ASYMMETRIC_SIGN in field crypto_key.purpose.`
      )
    if (name !== GCP_KMS_KEY) return googleError(404, 'NOT_FOUND', `${name} not found.`)
    const body = JSON.parse(req.body || '{}') as {
      data?: string
      dataCrc32c?: string
      mac?: string
      macCrc32c?: string
    }
    const data = Buffer.from(body.data ?? '', 'base64')
    if (body.dataCrc32c !== undefined && Number(body.dataCrc32c) !== crc32c(data))
      return googleError(
        400,
        'INVALID_ARGUMENT',
        'The checksum in field data_crc32c did not match the data in field data.'
      )
    const mac = createHmac('sha256', KMS_KEY).update(data).digest()
    if (method === 'macSign') {
      const macCrc = crc32c(mac) ^ (this.tamper.kmsMacCrc ? 1 : 0)
      return json(200, {
        name,
        mac: mac.toString('base64'),
        macCrc32c: String(macCrc >>> 0),
        ...(this.tamper.kmsUnverifiedData ? {} : { verifiedDataCrc32c: true }),
        protectionLevel: 'HSM'
      })
    }
    const given = Buffer.from(body.mac ?? '', 'base64')
    if (body.macCrc32c !== undefined && Number(body.macCrc32c) !== crc32c(given))
      return googleError(
        400,
        'INVALID_ARGUMENT',
        'The checksum in field mac_crc32c did not match the data in field mac.'
      )
    const ok = same(mac, given)
    // proto3 JSON: false booleans are left out.
    return json(200, {
      name,
      ...(ok ? { success: true, verifiedSuccessIntegrity: true } : {}),
      verifiedDataCrc32c: body.dataCrc32c !== undefined,
      verifiedMacCrc32c: body.macCrc32c !== undefined,
      protectionLevel: 'HSM'
    })
  }

  // --- Microsoft ---------------------------------------------------------------------------------

  entra(req: FakeRequest): FakeResponse {
    this.requests.push(`entra ${req.url}`)
    const aad = (status: number, error: string, code: number, text: string): FakeResponse =>
      json(status, {
        error,
        error_description: `AADSTS${code}: ${text}\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-12-02 10:00:00Z`,
        error_codes: [code],
        timestamp: '2026-12-02 10:00:00Z',
        trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333',
        correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd'
      })
    if (!req.url.startsWith(`/${AZURE_TENANT}/oauth2/v2.0/token`)) {
      return aad(
        400,
        'invalid_request',
        90002,
        `Tenant '${req.url.split('/')[1]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
      )
    }
    const form = new URLSearchParams(req.body)
    if (form.get('grant_type') !== 'client_credentials')
      return aad(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.')
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return aad(400, 'invalid_request', 900023, 'Specified client_assertion_type is not supported.')
    const client = form.get('client_id') ?? ''
    if (![AZURE_BUILD_CLIENT, AZURE_DEPLOY_CLIENT].includes(client)) {
      return aad(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${client}' was not found in the directory 'Acme'.`
      )
    }
    const jwt = form.get('client_assertion') ?? ''
    const claims = tokenClaims(jwt)
    if (!this.oidcTokens.has(jwt))
      return aad(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.')
    if (claims.aud !== 'api://AzureADTokenExchange') {
      return aad(
        401,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${String(claims.aud)}'.`
      )
    }
    if (claims.repository !== 'acme/widgets') {
      return aad(
        401,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'.`
      )
    }
    const scope = form.get('scope') ?? ''
    if (!['https://vault.azure.net/.default', 'https://managedhsm.azure.net/.default'].includes(scope)) {
      return aad(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid.`)
    }
    const token = this.#mint('eyJ0eXAiOiJKV1Qi.azure-')
    this.#azureTokens.set(token, { client, scope })
    return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token })
  }

  keyVault(req: FakeRequest, vaultUrl: string): FakeResponse {
    this.requests.push(`keyvault ${req.method} ${req.url}`)
    const who = this.#azureTokens.get(bearer(req))
    if (!who || who.scope !== 'https://vault.azure.net/.default') {
      return vaultError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.')
    }
    const url = new URL(req.url, 'https://x')
    if (url.searchParams.get('api-version') !== '7.4')
      return vaultError(400, 'BadParameter', 'The specified version (api-version) is not supported.')
    const m = /^\/secrets\/([^/]+)(?:\/([^/]*))?$/.exec(url.pathname)
    if (!m || m[1] !== AZURE_SECRET)
      return vaultError(
        404,
        'SecretNotFound',
        `A secret with (name/id) ${m?.[1] ?? url.pathname} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.`
      )
    if (m[2] === 'disabled0000000000000000000000')
      return vaultError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled')
    if (who.client === AZURE_DEPLOY_CLIENT && m[2] === 'buildonly') {
      return vaultError(
        403,
        'Forbidden',
        `Caller is not authorized to perform action on resource. Caller: appid=${who.client} Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'`,
        'ForbiddenByRbac'
      )
    }
    return json(200, {
      value: TEST_KEY_HEX,
      id: `${vaultUrl}/secrets/${AZURE_SECRET}/${AZURE_SECRET_VERSION}`,
      attributes: { enabled: true, created: 1767225600, updated: 1767225600, recoveryLevel: 'Recoverable+Purgeable' }
    })
  }

  managedHsm(req: FakeRequest, hsmUrl: string): FakeResponse {
    const url = new URL(req.url, 'https://x')
    const m = /^\/keys\/([^/]+)(?:\/([^/]+))?(?:\/(sign|verify))?$/.exec(url.pathname)
    this.requests.push(`hsm ${m?.[3] ?? `${req.method} ${url.pathname}`}`)
    const who = this.#azureTokens.get(bearer(req))
    if (!who || who.scope !== 'https://managedhsm.azure.net/.default')
      return vaultError(401, 'Unauthorized', 'Request is missing a Bearer or PoP token.')
    if (url.searchParams.get('api-version') !== '7.4')
      return vaultError(400, 'BadParameter', 'The specified version (api-version) is not supported.')
    if (!m || m[1] !== AZURE_HSM_KEY || (m[2] && m[2] !== AZURE_HSM_VERSION && m[2] !== 'disabled')) {
      return vaultError(
        404,
        'KeyNotFound',
        `A key with (name/id) ${m?.[1] ?? url.pathname} was not found in this key vault.`
      )
    }
    const kid = `${hsmUrl}/keys/${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}`
    if (!m[3]) {
      if (req.method !== 'GET') return vaultError(405, 'MethodNotAllowed', 'Method not allowed.')
      return json(200, {
        key: { kid, kty: 'oct-HSM', key_ops: ['sign', 'verify'] },
        attributes: { enabled: true, exportable: false, recoveryLevel: 'Recoverable' }
      })
    }
    const action = `Microsoft.KeyVault/managedHsm/keys/${m[3]}/action`
    if (m[3] === 'sign' && who.client !== AZURE_BUILD_CLIENT) {
      return vaultError(
        403,
        'Forbidden',
        `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${who.client};oid=0000\r\nAction: '${action}'\r\nResource: '/keys/${AZURE_HSM_KEY}'`,
        'AccessDenied'
      )
    }
    if (m[2] === 'disabled')
      return vaultError(403, 'Forbidden', `Operation ${m[3]} is not allowed on a disabled key.`, 'KeyDisabled')
    const body = JSON.parse(req.body || '{}') as { alg?: string; value?: string; digest?: string }
    const hash = NODE_HASH[body.alg ?? '']
    if (!hash) return vaultError(400, 'BadParameter', 'Key and algorithm are not compatible')
    const input = Buffer.from((m[3] === 'sign' ? body.value : body.digest) ?? '', 'base64url')
    const mac = createHmac(hash, HSM_KEY).update(input).digest()
    if (m[3] === 'sign') return json(200, { kid, value: mac.toString('base64url') })
    return json(200, { value: same(mac, Buffer.from(body.value ?? '', 'base64url')) })
  }
}
