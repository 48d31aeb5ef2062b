import { afterEach, afterAll, beforeAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash, createHmac } from 'node:crypto'
import nock from '../helpers/nock.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { resolveKeys, type KeyRequest } from '../../src/keys/key-source.js'
import type { StoreOptions } from '../../src/keys/options.js'
import { fakeJwt, oidcEnv, RUNTIME_TOKEN, TOKEN_HOST, TOKEN_PATH } from '../helpers/oidc.js'
import { TEST_KEY_HEX } from '../helpers/fixtures.js'
import { keyRequest } from '../helpers/key-request.js'
import { refusalWithout } from '../helpers/refusal.js'

// Request and response shapes from Vault's API documentation: JWT auth login
// (POST /v1/auth/:path/login), KV v2 read (GET /v1/:mount/data/:path), transit read key
// (GET /v1/transit/keys/:name), generate HMAC (POST /v1/transit/hmac/:name/:algorithm) and
// verify HMAC (POST /v1/transit/verify/:name).
const VAULT = 'https://vault.example.com:8200'
const VAULT_TOKEN = 'hvs.CAESIJlWh7dK3Gxbq0-test-token'
const JWT = fakeJwt({ aud: 'https://vault.example.com' })
const PAE = Buffer.from('DSSEv1 28 application/vnd.in-toto+json 2 {}')

beforeAll(() => nock.disableNetConnect())
afterAll(() => nock.enableNetConnect())
afterEach(() => nock.cleanAll())

function tokenEndpoint(audience = 'https://vault.example.com'): nock.Scope {
  return nock(TOKEN_HOST).get(TOKEN_PATH).query({ 'api-version': '2.0', audience }).reply(200, { value: JWT })
}

function loginReply(): nock.Scope {
  return nock(VAULT, { reqheaders: { 'x-vault-namespace': 'ci' } })
    .post('/v1/auth/jwt/login', { role: 'artifact-seal-build', jwt: JWT })
    .reply(200, {
      request_id: 'a0b1',
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      auth: {
        client_token: VAULT_TOKEN,
        accessor: 'acc-1',
        policies: ['default', 'artifact-seal-build'],
        lease_duration: 600,
        renewable: true
      }
    })
}

function request(
  source: KeyRequest['source'],
  store: StoreOptions,
  extra: Partial<KeyRequest> = {}
): KeyRequest & { masked: string[] } {
  const defaults = {
    'vault-url': VAULT,
    'vault-namespace': 'ci',
    'vault-role': 'artifact-seal-build',
    'oidc-audience': 'https://vault.example.com'
  }
  return keyRequest(source, { env: oidcEnv(), retry: { delaysMs: [1, 1, 1] }, store: defaults }, store, extra)
}

const KV = { 'vault-secret': 'secret/data/ci/artifact-seal' }

function kvReply(data: Record<string, unknown>): nock.Scope {
  return nock(VAULT, { reqheaders: { 'x-vault-token': VAULT_TOKEN, 'x-vault-namespace': 'ci' } })
    .get('/v1/secret/data/ci/artifact-seal')
    .reply(200, {
      data: {
        data,
        metadata: { created_time: '2026-01-02T03:04:05Z', version: 2, destroyed: false, deletion_time: '' }
      }
    })
}

const rejectsWith = (pattern: RegExp, subject?: string) =>
  refusalWithout([JWT, VAULT_TOKEN, RUNTIME_TOKEN, TEST_KEY_HEX], pattern, subject)

test('vault: logs in with the OIDC token and role, reads the KV v2 field, and masks token, JWT and key', async () => {
  const scopes = [tokenEndpoint(), loginReply(), kvReply({ key: TEST_KEY_HEX, note: 'rotated 2026-01' })]
  const req = request('vault', KV)
  const keys = await resolveKeys(req)
  for (const s of scopes) s.done()
  assert.equal(keys.length, 1)
  const local = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
  assert.equal(keys[0].keyId, local.keyId)
  assert.deepEqual(await keys[0].sign(PAE), await local.sign(PAE))
  for (const secret of [RUNTIME_TOKEN, JWT, VAULT_TOKEN, TEST_KEY_HEX])
    assert.ok(req.masked.includes(secret), `masked: ${secret.slice(0, 6)}`)
})

test("vault: a login refused by bound claims passes Vault's errors on and says which claims the job has", async () => {
  tokenEndpoint()
  nock(VAULT)
    .post('/v1/auth/jwt/login')
    .reply(400, {
      errors: ['error validating claims: claim "repository" does not match any associated bound claim values']
    })
  await assert.rejects(
    resolveKeys(request('vault', KV)),
    rejectsWith(
      /Vault refused the login at auth\/jwt\/login with role artifact-seal-build: HTTP 400: error validating claims: claim "repository" does not match.*bound_claims.*repository=acme\/widgets, ref=refs\/tags\/v1\.2\.3/,
      'vault-role'
    )
  )
})

test('vault: a missing secret path and a missing field are named', async () => {
  tokenEndpoint()
  loginReply()
  nock(VAULT).get('/v1/secret/data/ci/artifact-seal').reply(404, { errors: [] })
  await assert.rejects(
    resolveKeys(request('vault', KV)),
    rejectsWith(
      /Vault has no secret at secret\/data\/ci\/artifact-seal \(HTTP 404\); check vault-secret/,
      'vault-secret'
    )
  )

  tokenEndpoint()
  loginReply()
  kvReply({ hmac: TEST_KEY_HEX })
  await assert.rejects(
    resolveKeys(request('vault', KV)),
    rejectsWith(
      /Vault secret secret\/data\/ci\/artifact-seal has no field key \(its fields: hmac\); set vault-secret-field/,
      'vault-secret-field'
    )
  )
})

test('vault: a sealed Vault is retried with backoff, then succeeds', async () => {
  tokenEndpoint()
  const sealed = nock(VAULT)
    .post('/v1/auth/jwt/login')
    .times(2)
    .reply(503, { errors: ['Vault is sealed'] })
  loginReply()
  kvReply({ key: TEST_KEY_HEX })
  const keys = await resolveKeys(request('vault', KV))
  sealed.done()
  assert.equal(keys.length, 1)
})

test('vault: 5xx after every retry fails with Vault\'s errors; 403 passes "permission denied" on', async () => {
  tokenEndpoint()
  const sealed = nock(VAULT)
    .post('/v1/auth/jwt/login')
    .times(4)
    .reply(503, { errors: ['Vault is sealed'] })
  await assert.rejects(
    resolveKeys(request('vault', KV)),
    rejectsWith(/HTTP 503: Vault is sealed \(still failing after retries; Vault may be sealed or in standby\)/)
  )
  sealed.done()

  tokenEndpoint()
  loginReply()
  nock(VAULT)
    .get('/v1/secret/data/ci/artifact-seal')
    .reply(403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] })
  await assert.rejects(
    resolveKeys(request('vault', KV)),
    rejectsWith(
      /Vault refused to read secret\/data\/ci\/artifact-seal: HTTP 403: permission denied; the Vault token's policy does not allow this/
    )
  )
})

test('vault: each required input is named when missing, before anything is sent', async () => {
  await assert.rejects(
    resolveKeys(request('vault', { 'vault-url': '', ...KV })),
    rejectsWith(/^vault-url input is required with key-source vault$/, 'vault-url')
  )
  await assert.rejects(
    resolveKeys(request('vault', {})),
    rejectsWith(/^vault-secret input is required with key-source vault \(the KV v2 API path/, 'vault-secret')
  )
  await assert.rejects(
    resolveKeys(request('vault-transit', {}, { optionName: o => `--${o}` })),
    rejectsWith(/^--vault-transit-key is required with key-source vault-transit/, 'vault-transit-key')
  )
  await assert.rejects(
    resolveKeys(request('vault', KV, { keyText: TEST_KEY_HEX })),
    rejectsWith(/key input is set but key-source is vault: remove one of them/)
  )
})

function transitKeyReply(latest: number, min: number): nock.Scope {
  return nock(VAULT, { reqheaders: { 'x-vault-token': VAULT_TOKEN } })
    .get('/v1/transit/keys/artifact-seal')
    .reply(200, {
      data: {
        name: 'artifact-seal',
        type: 'hmac',
        latest_version: latest,
        min_decryption_version: min,
        min_encryption_version: 0,
        deletion_allowed: false,
        exportable: false,
        keys: Object.fromEntries(Array.from({ length: latest }, (_, i) => [String(i + 1), 1767225600 + i]))
      }
    })
}

test('vault-transit: signs by sending the digest of the PAE to transit/hmac with the latest version', async () => {
  const digest = createHash('sha256').update(PAE).digest()
  const mac = createHmac('sha256', Buffer.alloc(32, 7)).update(digest).digest()
  const scopes = [
    tokenEndpoint(),
    loginReply(),
    transitKeyReply(3, 1),
    nock(VAULT, { reqheaders: { 'x-vault-token': VAULT_TOKEN, 'x-vault-namespace': 'ci' } })
      .post('/v1/transit/hmac/artifact-seal/sha2-256', { input: digest.toString('base64'), key_version: 3 })
      .reply(200, { data: { hmac: `vault:v3:${mac.toString('base64')}` } })
  ]
  const [key, ...rest] = await resolveKeys(request('vault-transit', { 'vault-transit-key': 'artifact-seal' }))
  assert.equal(rest.length, 0)
  assert.equal(key.keyId, 'vault-transit:transit/artifact-seal:v3')
  assert.deepEqual(Buffer.from(await key.sign(PAE)), mac)
  for (const s of scopes) s.done()
})

test('vault-transit: verifies through transit/verify with every version the key still accepts; valid:false is a failed check', async () => {
  const digest = createHash('sha384').update(PAE).digest()
  const mac = Buffer.alloc(48, 9)
  tokenEndpoint()
  loginReply()
  transitKeyReply(3, 2)
  const keys = await resolveKeys(
    request('vault-transit', { 'vault-transit-key': 'artifact-seal' }, { purpose: 'verify', algorithm: 'sha384' })
  )
  assert.deepEqual(
    keys.map(k => k.keyId),
    ['vault-transit:transit/artifact-seal:v3', 'vault-transit:transit/artifact-seal:v2']
  )
  const verify = nock(VAULT, { reqheaders: { 'x-vault-token': VAULT_TOKEN } })
    .post('/v1/transit/verify/artifact-seal', {
      input: digest.toString('base64'),
      hmac: `vault:v2:${mac.toString('base64')}`,
      hash_algorithm: 'sha2-384'
    })
    .reply(200, { data: { valid: true } })
    .post('/v1/transit/verify/artifact-seal', {
      input: digest.toString('base64'),
      hmac: `vault:v3:${mac.toString('base64')}`,
      hash_algorithm: 'sha2-384'
    })
    .reply(200, { data: { valid: false } })
  assert.equal(await keys[1].verify(PAE, mac), true)
  assert.equal(await keys[0].verify(PAE, mac), false)
  // A MAC of the wrong length is refused without asking Vault.
  assert.equal(await keys[0].verify(PAE, Buffer.alloc(32)), false)
  verify.done()
})

test('vault-transit: a missing transit key is named', async () => {
  tokenEndpoint()
  loginReply()
  nock(VAULT).get('/v1/transit/keys/artifact-seal').reply(404, { errors: [] })
  await assert.rejects(
    resolveKeys(request('vault-transit', { 'vault-transit-key': 'artifact-seal' })),
    rejectsWith(
      /Vault has no transit key artifact-seal at mount transit \(GET transit\/keys\/artifact-seal: HTTP 404\); check vault-transit-key and vault-transit-mount/,
      'vault-transit-key'
    )
  )
})
