import { afterEach, afterAll, beforeAll, beforeEach, test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import nock from '../helpers/nock.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { resolveKeys, type KeyRequest } from '../../src/keys/key-source.js'
import type { StoreOptions } from '../../src/keys/options.js'
import { azureScope } from '../../src/keys/azure.js'
import { oidcEnv, RUNTIME_TOKEN } from '../helpers/oidc.js'
import { TEST_KEY_HEX } from '../helpers/fixtures.js'
import { keyRequest } from '../helpers/key-request.js'
import { refusalWithout } from '../helpers/refusal.js'
import {
  AZURE_BUILD_CLIENT,
  AZURE_DEPLOY_CLIENT,
  AZURE_HSM_KEY,
  AZURE_HSM_VERSION,
  AZURE_SECRET,
  AZURE_SECRET_VERSION,
  AZURE_TENANT,
  CloudFakes
} from '../helpers/cloud-fakes.js'
import { ENTRA, HSM_URL, serve, serveClouds, serveTokenEndpoint, VAULT_URL } from '../helpers/cloud-nock.js'

// Microsoft Entra's token endpoint, Key Vault and Managed HSM faked at the HTTP boundary with the
// shapes of their REST references (helpers/cloud-fakes.ts); the real code runs against them.
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
  const defaults = {
    'azure-tenant-id': AZURE_TENANT,
    'azure-client-id': AZURE_BUILD_CLIENT,
    'azure-key-vault-url': VAULT_URL,
    'azure-managed-hsm-url': HSM_URL
  }
  return keyRequest(source, { env: oidcEnv(), retry: { delaysMs: [1] }, store: defaults }, store, extra)
}
const rejectsWith = (pattern: RegExp, subject?: string) =>
  refusalWithout([RUNTIME_TOKEN, TEST_KEY_HEX, ...fakes.secrets()], pattern, subject)

test('azure-key-vault: OIDC (aud api://AzureADTokenExchange) → Entra client assertion → GET secrets/NAME; token, JWT and key masked', async () => {
  const req = request('azure-key-vault', { 'azure-secret': AZURE_SECRET })
  const keys = await resolveKeys(req)
  assert.deepEqual(audiences, ['api://AzureADTokenExchange'])
  assert.deepEqual(fakes.requests, [
    `entra /${AZURE_TENANT}/oauth2/v2.0/token`,
    `keyvault GET /secrets/${AZURE_SECRET}?api-version=7.4`
  ])
  const local = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  assert.equal(keys[0].keyId, local.keyId)
  assert.deepEqual(await keys[0].sign(PAE), await local.sign(PAE))
  for (const secret of [RUNTIME_TOKEN, TEST_KEY_HEX, ...fakes.secrets()])
    assert.ok(req.masked.includes(secret), `not masked: ${secret.slice(0, 10)}`)
})

test('azure: the token request is the client-credentials grant with the OIDC token as jwt-bearer client assertion', async () => {
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences)
  const entra = nock(ENTRA)
    .post(`/${AZURE_TENANT}/oauth2/v2.0/token`, (body: string) => {
      const form = new URLSearchParams(body)
      return (
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === AZURE_DEPLOY_CLIENT &&
        form.get('scope') === 'https://managedhsm.azure.net/.default' &&
        form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' &&
        fakes.oidcTokens.has(form.get('client_assertion') ?? '')
      )
    })
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .reply(200, {
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: 'eyJ0eXAi.hsm-token-abcdef'
    })
  const keys = await resolveKeys(
    request(
      'azure-managed-hsm',
      { 'azure-client-id': AZURE_DEPLOY_CLIENT, 'azure-hsm-key': `${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}` },
      { purpose: 'verify', algorithm: 'sha384' }
    )
  )
  entra.done()
  const kid = `${HSM_URL}/keys/${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}`
  assert.deepEqual(
    keys.map(k => k.keyId),
    [`azure-managed-hsm:${kid}`]
  )
  const digest = createHash('sha384').update(PAE).digest()
  const mac = Buffer.alloc(48, 3)
  const verify = nock(HSM_URL, { reqheaders: { authorization: 'Bearer eyJ0eXAi.hsm-token-abcdef' } })
    .post(`/keys/${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}/verify`, {
      alg: 'HS384',
      digest: digest.toString('base64url'),
      value: mac.toString('base64url')
    })
    .query({ 'api-version': '7.4' })
    .reply(200, { value: true })
  assert.equal(await keys[0].verify(PAE, mac), true)
  verify.done()
})

test('azure-managed-hsm: the build app MACs (current version read by GET keys/NAME), the deploy app verifies and may not MAC', async () => {
  const [build] = await resolveKeys(request('azure-managed-hsm', { 'azure-hsm-key': AZURE_HSM_KEY }))
  assert.equal(build.keyId, `azure-managed-hsm:${HSM_URL}/keys/${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}`)
  const mac = await build.sign(PAE)
  assert.equal(mac.length, 32)
  const [deploy] = await resolveKeys(
    request(
      'azure-managed-hsm',
      { 'azure-client-id': AZURE_DEPLOY_CLIENT, 'azure-hsm-key': AZURE_HSM_KEY },
      { purpose: 'verify' }
    )
  )
  assert.equal(await deploy.verify(PAE, mac), true)
  const flipped = Buffer.from(mac)
  flipped[31] ^= 0x80
  assert.equal(await deploy.verify(PAE, flipped), false)
  assert.equal(await deploy.verify(Buffer.concat([PAE, Buffer.from(' ')]), mac), false)
  await assert.rejects(
    deploy.sign(PAE),
    rejectsWith(
      /^Managed HSM sign failed for https:\/\/acme-ci\.managedhsm\.azure\.net\/keys\/artifact-seal\/9885.*: HTTP 403: AccessDenied: Caller is not authorized .*keys\/sign\/action.*; application 66666666-.* \(azure-client-id\) needs the data action Microsoft\.KeyVault\/managedHsm\/keys\/sign\/action \(build jobs only\) on the key of azure-hsm-key/,
      'azure-hsm-key'
    )
  )
  assert.deepEqual(
    fakes.requests.filter(r => r.startsWith('hsm')),
    [
      'hsm GET /keys/artifact-seal',
      'hsm sign',
      'hsm GET /keys/artifact-seal',
      'hsm verify',
      'hsm verify',
      'hsm verify',
      'hsm sign'
    ]
  )
})

test('azure-managed-hsm: a disabled key and a missing key are named', async () => {
  const keys = await resolveKeys(
    request(
      'azure-managed-hsm',
      { 'azure-hsm-key': `${AZURE_HSM_KEY}/disabled\nother-key/${AZURE_HSM_VERSION}` },
      { purpose: 'verify' }
    )
  )
  await assert.rejects(
    keys[0].verify(PAE, Buffer.alloc(32)),
    rejectsWith(
      /HTTP 403: KeyDisabled: Operation verify is not allowed on a disabled key\.; the key \(version\) is disabled/,
      'azure-hsm-key'
    )
  )
  await assert.rejects(
    keys[1].verify(PAE, Buffer.alloc(32)),
    rejectsWith(/HTTP 404: KeyNotFound: .*; check azure-hsm-key and azure-managed-hsm-url/, 'azure-hsm-key')
  )
  await assert.rejects(
    resolveKeys(request('azure-managed-hsm', { 'azure-hsm-key': 'other-key' })),
    rejectsWith(/^Managed HSM refused GET keys\/other-key: HTTP 404/, 'azure-hsm-key')
  )
})

test('azure-key-vault: a version, a disabled secret, a denied app and a missing secret', async () => {
  await resolveKeys(request('azure-key-vault', { 'azure-secret': `${AZURE_SECRET}/${AZURE_SECRET_VERSION}` }))
  assert.ok(fakes.requests.includes(`keyvault GET /secrets/${AZURE_SECRET}/${AZURE_SECRET_VERSION}?api-version=7.4`))
  await assert.rejects(
    resolveKeys(request('azure-key-vault', { 'azure-secret': `${AZURE_SECRET}/disabled0000000000000000000000` })),
    rejectsWith(
      /HTTP 403: SecretDisabled: Operation get is not allowed on a disabled secret\.; the secret \(version\) is disabled/,
      'azure-secret'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', {
        'azure-secret': `${AZURE_SECRET}/buildonly`,
        'azure-client-id': AZURE_DEPLOY_CLIENT
      })
    ),
    rejectsWith(
      /HTTP 403: ForbiddenByRbac: Caller is not authorized.*; application 66666666-.* \(azure-client-id\) needs the Key Vault Secrets User role on the vault or on the secret of azure-secret/,
      'azure-secret'
    )
  )
  await assert.rejects(
    resolveKeys(request('azure-key-vault', { 'azure-secret': 'nope' })),
    rejectsWith(/HTTP 404: SecretNotFound: A secret with \(name\/id\) nope was not found/, 'azure-secret')
  )
})

test('azure: Entra refusals name the tenant, the client or the audience, with the AADSTS message and no trace ids', async () => {
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', {
        'azure-secret': AZURE_SECRET,
        'azure-tenant-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
      })
    ),
    rejectsWith(
      /^Microsoft Entra refused .*: HTTP 400: invalid_request: AADSTS90002: Tenant 'aaaaaaaa-.*' not found\. Check to make sure you have the correct tenant ID and are signing into the correct cloud\.; check azure-tenant-id$/,
      'azure-tenant-id'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', {
        'azure-secret': AZURE_SECRET,
        'azure-client-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
      })
    ),
    rejectsWith(
      /AADSTS700016: Application with identifier .* was not found in the directory 'Acme'\.; check azure-client-id/,
      'azure-client-id'
    )
  )
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', { 'azure-secret': AZURE_SECRET, 'oidc-audience': 'https://github.com/acme' })
    ),
    rejectsWith(
      /AADSTS700212: No matching federated identity record found for presented assertion audience 'https:\/\/github\.com\/acme'\.; the federated credential's audience must be oidc-audience/,
      'oidc-audience'
    )
  )
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences, { repository: 'evil/fork', sub: 'repo:evil/fork:ref:refs/heads/main' })
  serveClouds(fakes)
  await assert.rejects(
    resolveKeys(request('azure-managed-hsm', { 'azure-hsm-key': AZURE_HSM_KEY })),
    rejectsWith(
      /AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:evil\/fork:ref:refs\/heads\/main'\.; the application of azure-client-id needs a federated credential with issuer https:\/\/token\.actions\.githubusercontent\.com/,
      'azure-client-id'
    )
  )
  for (const r of fakes.requests) assert.ok(!r.includes('Trace ID'))
})

test('azure: missing or malformed inputs are named before anything is sent', async () => {
  await assert.rejects(
    resolveKeys(request('azure-key-vault', {})),
    rejectsWith(/^azure-secret input is required with key-source azure-key-vault/, 'azure-secret')
  )
  await assert.rejects(
    resolveKeys(request('azure-key-vault', { 'azure-secret': AZURE_SECRET, 'azure-key-vault-url': '' })),
    rejectsWith(/^azure-key-vault-url input is required/, 'azure-key-vault-url')
  )
  await assert.rejects(
    resolveKeys(request('azure-managed-hsm', { 'azure-hsm-key': AZURE_HSM_KEY, 'azure-tenant-id': '' })),
    rejectsWith(/^azure-tenant-id input is required with key-source azure-managed-hsm/, 'azure-tenant-id')
  )
  await assert.rejects(
    resolveKeys(
      request(
        'azure-managed-hsm',
        { 'azure-hsm-key': AZURE_HSM_KEY, 'azure-client-id': '' },
        { optionName: o => `--${o}` }
      )
    ),
    rejectsWith(/^--azure-client-id is required with key-source azure-managed-hsm/, 'azure-client-id')
  )
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', {
        'azure-secret': AZURE_SECRET,
        'azure-key-vault-url': 'http://acme-ci.vault.azure.net'
      })
    ),
    rejectsWith(/must be an https:\/\/ URL/, 'azure-key-vault-url')
  )
  await assert.rejects(
    resolveKeys(
      request('azure-key-vault', { 'azure-secret': AZURE_SECRET, 'azure-key-vault-url': 'acme-ci.vault.azure.net' })
    ),
    rejectsWith(/is not a URL \(expected e\.g\. https:\/\/NAME\.vault\.azure\.net\)/, 'azure-key-vault-url')
  )
  await assert.rejects(
    resolveKeys(request('azure-key-vault', { 'azure-secret': 'a/b/c' })),
    rejectsWith(/is not a secret name/, 'azure-secret')
  )
  await assert.rejects(
    resolveKeys(request('azure-key-vault', { 'azure-secret': AZURE_SECRET, 'azure-client-id': 'my-app' })),
    rejectsWith(/is not an application \(client\) id/, 'azure-client-id')
  )
  assert.deepEqual(fakes.requests, [])
  assert.deepEqual(audiences, [])
})

test('azure: AZURE_AUTHORITY_HOST is the only authority contacted (no instance discovery); scopes follow the cloud of the vault', async () => {
  nock.cleanAll()
  serveTokenEndpoint(fakes, audiences)
  const authority = 'https://login.partner.microsoftonline.cn'
  serve(authority, r => fakes.entra(r))
  serve(VAULT_URL, r => fakes.keyVault(r, VAULT_URL))
  const keys = await resolveKeys(
    request(
      'azure-key-vault',
      { 'azure-secret': AZURE_SECRET },
      { env: { ...oidcEnv(), AZURE_AUTHORITY_HOST: `${authority}/` } }
    )
  )
  assert.equal(keys.length, 1)
  assert.deepEqual(fakes.requests, [
    `entra /${AZURE_TENANT}/oauth2/v2.0/token`,
    `keyvault GET /secrets/${AZURE_SECRET}?api-version=7.4`
  ])
  assert.equal(azureScope('vault', 'https://x.vault.azure.cn'), 'https://vault.azure.cn/.default')
  assert.equal(azureScope('vault', 'https://x.vault.usgovcloudapi.net'), 'https://vault.usgovcloudapi.net/.default')
  assert.equal(azureScope('managedhsm', 'https://x.managedhsm.azure.net'), 'https://managedhsm.azure.net/.default')
  // A private endpoint's alias or a stand-in: the public cloud's resource, chosen by us, not by the server.
  assert.equal(azureScope('vault', 'https://127.0.0.1:8443'), 'https://vault.azure.net/.default')
  assert.equal(azureScope('vault', 'https://evil.example/.vault.azure.cn'), 'https://vault.azure.net/.default')
})
