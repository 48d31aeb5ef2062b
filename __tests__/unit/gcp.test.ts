import { afterEach, afterAll, beforeAll, beforeEach, test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import nock from '../helpers/nock.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { resolveKeys, type KeyRequest } from '../../src/keys/key-source.js'
import type { StoreOptions } from '../../src/keys/options.js'
import { crc32cString } from '../../src/keys/crc32c.js'
import { oidcEnv, RUNTIME_TOKEN } from '../helpers/oidc.js'
import { TEST_KEY_HEX } from '../helpers/fixtures.js'
import { keyRequest } from '../helpers/key-request.js'
import { refusalWithout } from '../helpers/refusal.js'
import {
  CloudFakes,
  GCP_AUDIENCE,
  GCP_BUILD_SA,
  GCP_DEPLOY_SA,
  GCP_KMS_DISABLED,
  GCP_KMS_KEY,
  GCP_KMS_SIGNING_KEY,
  GCP_PROVIDER,
  GCP_SECRET
} from '../helpers/cloud-fakes.js'
import { GOOGLE, serve, serveClouds, serveTokenEndpoint } from '../helpers/cloud-nock.js'

// Google's STS, IAM Credentials, Secret Manager and Cloud KMS faked at the HTTP boundary with the
// shapes of their REST references (see helpers/cloud-fakes.ts); the real code runs against them.
const PAE = Buffer.from('DSSEv1 28 application/vnd.in-toto+json 2 {}')

let fakes: CloudFakes
let audiences: string[]
beforeAll(() => nock.disableNetConnect())
afterAll(() => nock.enableNetConnect())
beforeEach(() => {
  fakes = new CloudFakes()
  audiences = []
  serveTokenEndpoint(fakes, audiences)
  serveClouds(fakes)
})
afterEach(() => nock.cleanAll())

function request(
  source: KeyRequest['source'],
  store: StoreOptions,
  extra: Partial<KeyRequest> = {}
): KeyRequest & { masked: string[] } {
  return keyRequest(
    source,
    { env: oidcEnv(), retry: { delaysMs: [1] }, store: { 'gcp-workload-identity-provider': GCP_PROVIDER } },
    store,
    extra
  )
}
const rejectsWith = (pattern: RegExp, subject?: string) =>
  refusalWithout([RUNTIME_TOKEN, TEST_KEY_HEX, ...fakes.secrets()], pattern, subject)

test('gcp-secret-manager: OIDC → STS → generateAccessToken → versions/latest:access; the key is the payload, and every token is masked', async () => {
  const req = request('gcp-secret-manager', { 'gcp-service-account': GCP_BUILD_SA, 'gcp-secret': GCP_SECRET })
  const keys = await resolveKeys(req)
  assert.deepEqual(audiences, [GCP_AUDIENCE])
  assert.deepEqual(fakes.requests, [
    'sts token',
    `iam generateAccessToken ${GCP_BUILD_SA}`,
    `secretmanager GET /v1/${GCP_SECRET}/versions/latest:access`
  ])
  const local = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  assert.equal(keys.length, 1)
  assert.equal(keys[0].keyId, local.keyId)
  assert.deepEqual(await keys[0].sign(PAE), await local.sign(PAE))
  // The runner's request token, the JWT, the federated token, the service account's token, the key.
  for (const secret of [RUNTIME_TOKEN, TEST_KEY_HEX, ...fakes.secrets()])
    assert.ok(req.masked.includes(secret), `not masked: ${secret.slice(0, 10)}`)
})

test('gcp: the STS request is the RFC 8693 token exchange Google documents, and generateAccessToken asks for cloud-platform', async () => {
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences)
  const sts = nock(GOOGLE.sts)
    .post('/v1/token', (body: string) => {
      const form = new URLSearchParams(body)
      return (
        form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:token-exchange' &&
        form.get('audience') === `//iam.googleapis.com/${GCP_PROVIDER}` &&
        form.get('scope') === 'https://www.googleapis.com/auth/cloud-platform' &&
        form.get('requested_token_type') === 'urn:ietf:params:oauth:token-type:access_token' &&
        form.get('subject_token_type') === 'urn:ietf:params:oauth:token-type:jwt' &&
        fakes.oidcTokens.has(form.get('subject_token') ?? '')
      )
    })
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .reply(200, {
      access_token: 'ya29.federated-abcdef',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: 3600
    })
  const iam = nock(GOOGLE.iamcredentials, { reqheaders: { authorization: 'Bearer ya29.federated-abcdef' } })
    .post(`/v1/projects/-/serviceAccounts/${encodeURIComponent(GCP_DEPLOY_SA)}:generateAccessToken`, {
      scope: ['https://www.googleapis.com/auth/cloud-platform'],
      lifetime: '600s'
    })
    .reply(200, { accessToken: 'ya29.c.deploy-123456', expireTime: '2099-01-01T00:00:00Z' })
  const keys = await resolveKeys(
    request('gcp-kms', { 'gcp-service-account': GCP_DEPLOY_SA, 'gcp-kms-key': GCP_KMS_KEY }, { purpose: 'verify' })
  )
  sts.done()
  iam.done()
  assert.deepEqual(
    keys.map(k => k.keyId),
    [`gcp-kms:${GCP_KMS_KEY}`]
  )

  // macVerify carries the digest of the PAE with its CRC32C, and the MAC with its own.
  const digest = createHash('sha256').update(PAE).digest()
  const mac = Buffer.alloc(32, 7)
  const verify = nock(GOOGLE.cloudkms, { reqheaders: { authorization: 'Bearer ya29.c.deploy-123456' } })
    .post(`/v1/${GCP_KMS_KEY}:macVerify`, {
      data: digest.toString('base64'),
      dataCrc32c: crc32cString(digest),
      mac: mac.toString('base64'),
      macCrc32c: crc32cString(mac)
    })
    .reply(200, {
      name: GCP_KMS_KEY,
      success: true,
      verifiedDataCrc32c: true,
      verifiedMacCrc32c: true,
      verifiedSuccessIntegrity: true,
      protectionLevel: 'HSM'
    })
  assert.equal(await keys[0].verify(PAE, mac), true)
  verify.done()
})

test('gcp-kms: the build identity MACs, the deploy identity verifies, and may not MAC', async () => {
  const build = await resolveKeys(
    request('gcp-kms', { 'gcp-service-account': GCP_BUILD_SA, 'gcp-kms-key': GCP_KMS_KEY })
  )
  assert.equal(build[0].keyId, `gcp-kms:${GCP_KMS_KEY}`)
  const mac = await build[0].sign(PAE)
  assert.equal(mac.length, 32)

  const deploy = await resolveKeys(
    request('gcp-kms', { 'gcp-service-account': GCP_DEPLOY_SA, 'gcp-kms-key': GCP_KMS_KEY }, { purpose: 'verify' })
  )
  assert.equal(await deploy[0].verify(PAE, mac), true)
  const flipped = Buffer.from(mac)
  flipped[0] ^= 1
  assert.equal(await deploy[0].verify(PAE, flipped), false)
  assert.equal(await deploy[0].verify(Buffer.from(PAE.toString().replace('{}', '[]')), mac), false)
  assert.equal(await deploy[0].verify(PAE, mac.subarray(0, 31)), false)

  await assert.rejects(
    deploy[0].sign(PAE),
    rejectsWith(
      /^Cloud KMS macSign failed for projects\/acme-ci\/.*cryptoKeyVersions\/1: HTTP 403: PERMISSION_DENIED: Permission 'cloudkms\.cryptoKeyVersions\.useToSign' denied .*; gcp-service-account artifact-seal-deploy@acme-ci\.iam\.gserviceaccount\.com needs cloudkms\.cryptoKeyVersions\.useToSign \(roles\/cloudkms\.signer, build jobs only\) on the key of gcp-kms-key$/,
      'gcp-kms-key'
    )
  )
  assert.deepEqual(
    fakes.requests.filter(r => r.startsWith('kms')),
    ['kms macSign', 'kms macVerify', 'kms macVerify', 'kms macVerify', 'kms macSign']
  )
})

test('gcp-kms: CRC32C is checked both ways: a damaged MAC, or a request KMS did not confirm, is discarded', async () => {
  const [key] = await resolveKeys(
    request('gcp-kms', { 'gcp-service-account': GCP_BUILD_SA, 'gcp-kms-key': GCP_KMS_KEY })
  )
  fakes.tamper.kmsMacCrc = true
  await assert.rejects(
    key.sign(PAE),
    rejectsWith(
      /^Cloud KMS macSign for .*: the answer has a mac that does not match its macCrc32c; it was discarded/,
      'gcp-kms-key'
    )
  )
  fakes.tamper = { kmsUnverifiedData: true }
  await assert.rejects(
    key.sign(PAE),
    rejectsWith(/the answer did not confirm the request’s dataCrc32c \(verifiedDataCrc32c is not true\)/, 'gcp-kms-key')
  )

  nock.cleanAll()
  nock(GOOGLE.cloudkms)
    .post(`/v1/${GCP_KMS_KEY}:macVerify`)
    .reply(200, { name: GCP_KMS_KEY, success: true, verifiedDataCrc32c: true, verifiedMacCrc32c: true })
  await assert.rejects(
    key.verify(PAE, Buffer.alloc(32)),
    rejectsWith(/macVerify .*success that verifiedSuccessIntegrity contradicts/, 'gcp-kms-key')
  )
  nock(GOOGLE.cloudkms).post(`/v1/${GCP_KMS_KEY}:macVerify`).reply(200, { name: GCP_KMS_KEY, verifiedDataCrc32c: true })
  await assert.rejects(key.verify(PAE, Buffer.alloc(32)), rejectsWith(/verifiedMacCrc32c is not true/, 'gcp-kms-key'))
  nock(GOOGLE.cloudkms)
    .post(`/v1/${GCP_KMS_KEY}:macSign`)
    .reply(200, {
      name: GCP_KMS_SIGNING_KEY,
      mac: Buffer.alloc(32).toString('base64'),
      macCrc32c: crc32cString(Buffer.alloc(32)),
      verifiedDataCrc32c: true
    })
  await assert.rejects(
    key.sign(PAE),
    rejectsWith(/names projects\/acme-ci\/.*release-signing.*, not the key version asked for/, 'gcp-kms-key')
  )
})

test('gcp-kms: a disabled version, a key of the wrong purpose and a missing key are named', async () => {
  const keys = await resolveKeys(
    request(
      'gcp-kms',
      {
        'gcp-service-account': GCP_BUILD_SA,
        'gcp-kms-key': [GCP_KMS_DISABLED, GCP_KMS_SIGNING_KEY, GCP_KMS_KEY.replace('ci/', 'other/')].join('\n')
      },
      { purpose: 'verify' }
    )
  )
  assert.equal(keys.length, 3)
  await assert.rejects(
    keys[0].verify(PAE, Buffer.alloc(32)),
    rejectsWith(/HTTP 400: FAILED_PRECONDITION: .*DISABLED.*; the key version must be ENABLED/, 'gcp-kms-key')
  )
  await assert.rejects(
    keys[1].verify(PAE, Buffer.alloc(32)),
    rejectsWith(
      /HTTP 400: INVALID_ARGUMENT: .*ASYMMETRIC_SIGN.*; gcp-kms needs a key with purpose MAC whose algorithm is HMAC_SHA256/,
      'gcp-kms-key'
    )
  )
  await assert.rejects(
    keys[2].verify(PAE, Buffer.alloc(32)),
    rejectsWith(/HTTP 404: NOT_FOUND: .*; check gcp-kms-key/, 'gcp-kms-key')
  )
  // Sign uses the first line only.
  const sign = await resolveKeys(
    request('gcp-kms', { 'gcp-service-account': GCP_BUILD_SA, 'gcp-kms-key': `${GCP_KMS_KEY}\n${GCP_KMS_DISABLED}` })
  )
  assert.deepEqual(
    sign.map(k => k.keyId),
    [`gcp-kms:${GCP_KMS_KEY}`]
  )
})

test('gcp-secret-manager: a payload whose CRC32C does not match is refused before it is used', async () => {
  fakes.tamper.secretCrc = true
  await assert.rejects(
    resolveKeys(request('gcp-secret-manager', { 'gcp-secret': GCP_SECRET, 'gcp-service-account': GCP_BUILD_SA })),
    rejectsWith(
      /^Secret Manager answered projects\/acme-ci\/secrets\/artifact-seal\/versions\/latest with a payload whose CRC32C does not match payload\.dataCrc32c/,
      'gcp-secret'
    )
  )
})

test('gcp-secret-manager: direct resource access (no service account), a disabled version, a denied one and a missing secret', async () => {
  const keys = await resolveKeys(request('gcp-secret-manager', { 'gcp-secret': `${GCP_SECRET}/versions/3` }))
  assert.equal(keys.length, 1)
  assert.deepEqual(fakes.requests, ['sts token', `secretmanager GET /v1/${GCP_SECRET}/versions/3:access`])

  await assert.rejects(
    resolveKeys(request('gcp-secret-manager', { 'gcp-secret': `${GCP_SECRET}/versions/2` })),
    rejectsWith(
      /HTTP 400: FAILED_PRECONDITION: Secret Version .* is in DISABLED state\.; the secret version is disabled or destroyed/,
      'gcp-secret'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('gcp-secret-manager', { 'gcp-secret': `${GCP_SECRET}/versions/7`, 'gcp-service-account': GCP_DEPLOY_SA })
    ),
    rejectsWith(
      /HTTP 403: PERMISSION_DENIED: Permission 'secretmanager\.versions\.access' denied.*; gcp-service-account artifact-seal-deploy@.* needs roles\/secretmanager\.secretAccessor .* on the secret of gcp-secret$/,
      'gcp-secret'
    )
  )
  await assert.rejects(
    resolveKeys(request('gcp-secret-manager', { 'gcp-secret': 'projects/acme-ci/secrets/nope' })),
    rejectsWith(
      /HTTP 404: NOT_FOUND: Secret \[projects\/acme-ci\/secrets\/nope\] not found.*; check gcp-secret/,
      'gcp-secret'
    )
  )
})

test("gcp: STS refusals name the provider or the audience, with STS's words and the token's claims", async () => {
  await assert.rejects(
    resolveKeys(request('gcp-kms', { 'gcp-kms-key': GCP_KMS_KEY, 'oidc-audience': 'https://github.com/acme' })),
    rejectsWith(
      /^Google STS refused this job's OIDC token for projects\/.*: HTTP 400: invalid_grant: The audience in ID Token \[https:\/\/github\.com\/acme\] does not match.*; the provider's allowed audiences must include oidc-audience \(this job's token has aud=https:\/\/github\.com\/acme/,
      'oidc-audience'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('gcp-kms', {
        'gcp-kms-key': GCP_KMS_KEY,
        'gcp-workload-identity-provider': GCP_PROVIDER.replace('github-acme', 'github-other')
      })
    ),
    rejectsWith(
      /HTTP 400: invalid_target: The target service indicated by the "audience" parameters is invalid.*; check gcp-workload-identity-provider/,
      'gcp-workload-identity-provider'
    )
  )
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences, { repository: 'evil/fork' })
  serveClouds(fakes)
  await assert.rejects(
    resolveKeys(request('gcp-kms', { 'gcp-kms-key': GCP_KMS_KEY })),
    rejectsWith(
      /unauthorized_client: The given credential is rejected by the attribute condition\.; the provider's attribute condition must accept this job \(this job's token has .*repository=evil\/fork\)/,
      'gcp-workload-identity-provider'
    )
  )
})

test('gcp: impersonation refused names gcp-service-account and the role to grant', async () => {
  await assert.rejects(
    resolveKeys(
      request('gcp-kms', {
        'gcp-kms-key': GCP_KMS_KEY,
        'gcp-service-account': 'someone-else@acme-ci.iam.gserviceaccount.com'
      })
    ),
    rejectsWith(
      /^IAM Credentials refused to impersonate someone-else@acme-ci\.iam\.gserviceaccount\.com: HTTP 403: PERMISSION_DENIED: Permission 'iam\.serviceAccounts\.getAccessToken' denied.*needs roles\/iam\.workloadIdentityUser on gcp-service-account someone-else@/,
      'gcp-service-account'
    )
  )
})

test('gcp: missing or malformed inputs are named before anything is sent', async () => {
  await assert.rejects(
    resolveKeys(request('gcp-kms', { 'gcp-workload-identity-provider': '' })),
    rejectsWith(/^gcp-kms-key input is required with key-source gcp-kms/, 'gcp-kms-key')
  )
  await assert.rejects(
    resolveKeys(request('gcp-kms', { 'gcp-workload-identity-provider': '', 'gcp-kms-key': GCP_KMS_KEY })),
    rejectsWith(
      /^gcp-workload-identity-provider input is required with key-source gcp-kms/,
      'gcp-workload-identity-provider'
    )
  )
  await assert.rejects(
    resolveKeys(
      request(
        'gcp-kms',
        {
          'gcp-workload-identity-provider':
            'projects/acme-ci/locations/global/workloadIdentityPools/github-pool/providers/github-acme',
          'gcp-kms-key': GCP_KMS_KEY
        },
        { optionName: o => `--${o}` }
      )
    ),
    rejectsWith(
      /^--gcp-workload-identity-provider projects\/acme-ci\/.* is not projects\/NUMBER\/.*the project number, not its id/,
      'gcp-workload-identity-provider'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('gcp-kms', { 'gcp-kms-key': 'projects/acme-ci/locations/global/keyRings/ci/cryptoKeys/artifact-seal' })
    ),
    rejectsWith(/is not a key version name/, 'gcp-kms-key')
  )
  await assert.rejects(
    resolveKeys(request('gcp-secret-manager', {})),
    rejectsWith(/^gcp-secret input is required with key-source gcp-secret-manager/, 'gcp-secret')
  )
  await assert.rejects(
    resolveKeys(request('gcp-secret-manager', { 'gcp-secret': 'acme-ci/artifact-seal' })),
    rejectsWith(/is not projects\/PROJECT\/secrets\/NAME/, 'gcp-secret')
  )
  await assert.rejects(
    resolveKeys(request('gcp-kms', { 'gcp-kms-key': GCP_KMS_KEY, 'gcp-service-account': 'not an email' })),
    rejectsWith(/is not a service account email/, 'gcp-service-account')
  )
  assert.deepEqual(fakes.requests, [])
  assert.deepEqual(audiences, [])
})

test('gcp: GCP_ENDPOINT_* move every Google endpoint (Private Service Connect); a plain-http one off loopback is refused', async () => {
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences)
  const psc = (s: string) => `https://${s}-acme.p.googleapis.com`
  serve(psc('sts'), r => fakes.sts(r))
  serve(psc('iam'), r => fakes.iamCredentials(r))
  serve(psc('kms'), r => fakes.kms(r))
  const env = {
    ...oidcEnv(),
    GCP_ENDPOINT_STS: psc('sts'),
    GCP_ENDPOINT_IAMCREDENTIALS: `${psc('iam')}/`,
    GCP_ENDPOINT_CLOUDKMS: psc('kms')
  }
  const [key] = await resolveKeys(
    request('gcp-kms', { 'gcp-kms-key': GCP_KMS_KEY, 'gcp-service-account': GCP_BUILD_SA }, { env })
  )
  assert.equal((await key.sign(PAE)).length, 32)
  await assert.rejects(
    resolveKeys(
      request(
        'gcp-kms',
        { 'gcp-kms-key': GCP_KMS_KEY },
        { env: { ...env, GCP_ENDPOINT_STS: 'http://sts.internal.example' } }
      )
    ),
    rejectsWith(/^GCP_ENDPOINT_STS http:\/\/sts\.internal\.example must be an https:\/\/ URL/, 'GCP_ENDPOINT_STS')
  )
})
