import { afterEach, afterAll, beforeAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import nock from '../helpers/nock.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { resolveKeys, type KeyRequest } from '../../src/keys/key-source.js'
import type { StoreOptions } from '../../src/keys/options.js'
import { fakeJwt, oidcEnv, RUNTIME_TOKEN, TOKEN_HOST, TOKEN_PATH } from '../helpers/oidc.js'
import { TEST_KEY_HEX } from '../helpers/fixtures.js'
import { keyRequest } from '../helpers/key-request.js'
import { refusalWithout } from '../helpers/refusal.js'
import {
  AWS_CREDENTIALS,
  awsJsonError,
  describeKeyAnswer,
  JSON_11,
  KMS_KEY_ARN,
  ROLE_ARN,
  SECRET_ARN,
  stsCredentialsXml,
  stsErrorXml
} from '../helpers/aws-shapes.js'

const STS = 'https://sts.us-east-1.amazonaws.com'
const SM = 'https://secretsmanager.us-east-1.amazonaws.com'
const KMS = 'https://kms.us-east-1.amazonaws.com'
const JWT = fakeJwt({ sub: 'repo:acme/widgets:ref:refs/heads/main', aud: 'sts.amazonaws.com' })
const PAE = Buffer.from('DSSEv1 28 application/vnd.in-toto+json 2 {}')
const SECRETS = [JWT, RUNTIME_TOKEN, AWS_CREDENTIALS.secretAccessKey, AWS_CREDENTIALS.sessionToken, TEST_KEY_HEX]

beforeAll(() => nock.disableNetConnect())
afterAll(() => nock.enableNetConnect())
afterEach(() => nock.cleanAll())

function request(
  source: KeyRequest['source'],
  store: StoreOptions,
  extra: Partial<KeyRequest> = {}
): KeyRequest & { masked: string[] } {
  const env = { ...oidcEnv(), GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' }
  return keyRequest(source, { env, store: { 'aws-region': 'us-east-1', 'aws-role-arn': ROLE_ARN } }, store, extra)
}

/** The token request (audience sts.amazonaws.com by default) and STS, asserting what we send. */
function tokenAndSts(): nock.Scope[] {
  return [
    nock(TOKEN_HOST)
      .get(TOKEN_PATH)
      .query({ 'api-version': '2.0', audience: 'sts.amazonaws.com' })
      .reply(200, { value: JWT }),
    nock(STS)
      .post('/', (body: string) => {
        const form = new URLSearchParams(body)
        return (
          form.get('Action') === 'AssumeRoleWithWebIdentity' &&
          form.get('Version') === '2011-06-15' &&
          form.get('RoleArn') === ROLE_ARN &&
          form.get('RoleSessionName') === 'artifact-seal-4242-1' &&
          form.get('WebIdentityToken') === JWT
        )
      })
      .reply(200, stsCredentialsXml(), { 'content-type': 'text/xml' })
  ]
}

/** Requests signed with the credentials STS gave (SigV4 names the access key id and service). */
function signedWith(service: string): Record<string, (v: string) => boolean> {
  return {
    authorization: (v: string) =>
      v.startsWith(`AWS4-HMAC-SHA256 Credential=${AWS_CREDENTIALS.accessKeyId}/`) &&
      v.includes(`/us-east-1/${service}/aws4_request`)
  }
}

const rejectsWith = (pattern: RegExp, subject?: string) => refusalWithout(SECRETS, pattern, subject)

test('aws-secrets-manager: OIDC → STS → GetSecretValue; SecretString decoded by key-encoding; credentials masked', async () => {
  const scopes = [
    ...tokenAndSts(),
    nock(SM, {
      reqheaders: {
        'x-amz-target': 'secretsmanager.GetSecretValue',
        'x-amz-security-token': AWS_CREDENTIALS.sessionToken,
        ...signedWith('secretsmanager')
      }
    })
      .post('/', { SecretId: 'ci/artifact-seal' })
      .reply(
        200,
        {
          ARN: SECRET_ARN,
          Name: 'ci/artifact-seal',
          SecretString: TEST_KEY_HEX,
          VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1.523477145713e9
        },
        JSON_11
      )
  ]
  const req = request('aws-secrets-manager', { 'aws-secret-id': 'ci/artifact-seal' })
  const [key] = await resolveKeys(req)
  for (const s of scopes) s.done()
  assert.equal(key.keyId, new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256').keyId)
  for (const s of [RUNTIME_TOKEN, JWT, ...Object.values(AWS_CREDENTIALS), TEST_KEY_HEX])
    assert.ok(req.masked.includes(s), `masked ${s.slice(0, 6)}`)
})

test('aws-secrets-manager: SecretBinary is the raw key; AWS_ENDPOINT_URL_SECRETS_MANAGER is honoured', async () => {
  tokenAndSts()
  const scope = nock('http://secrets.internal:4566')
    .post('/', { SecretId: SECRET_ARN })
    .reply(
      200,
      { ARN: SECRET_ARN, Name: 'ci/artifact-seal', SecretBinary: Buffer.from(TEST_KEY_HEX, 'hex').toString('base64') },
      JSON_11
    )
  const req = request('aws-secrets-manager', { 'aws-secret-id': SECRET_ARN })
  req.env = { ...req.env, AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://secrets.internal:4566' }
  const [key] = await resolveKeys(req)
  scope.done()
  assert.equal(key.keyId, new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256').keyId)
  assert.ok(req.masked.includes(TEST_KEY_HEX))
})

test('aws: a role that cannot be assumed (trust policy sub mismatch) says which sub the job has', async () => {
  nock(TOKEN_HOST).get(TOKEN_PATH).query(true).reply(200, { value: JWT })
  nock(STS)
    .post('/')
    .reply(403, stsErrorXml('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'), {
      'content-type': 'text/xml'
    })
  await assert.rejects(
    resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN })),
    rejectsWith(
      /AWS STS refused to let this job assume arn:aws:iam::123456789012:role\/artifact-seal-build: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity; the role's trust policy .* token\.actions\.githubusercontent\.com:sub condition must match \(this job's token has sub=repo:acme\/widgets:ref:refs\/heads\/main, aud=sts\.amazonaws\.com\)/,
      'aws-role-arn'
    )
  )
})

test('aws: access denied to the secret, and a secret that does not exist, are named', async () => {
  tokenAndSts()
  nock(SM)
    .post('/')
    .reply(
      400,
      awsJsonError(
        'AccessDeniedException',
        `User: arn:aws:sts::123456789012:assumed-role/artifact-seal-build/artifact-seal-4242-1 is not authorized to perform: secretsmanager:GetSecretValue on resource: ci/artifact-seal`
      ),
      JSON_11
    )
  await assert.rejects(
    resolveKeys(request('aws-secrets-manager', { 'aws-secret-id': 'ci/artifact-seal' })),
    rejectsWith(
      /AccessDeniedException: User: .* is not authorized to perform: secretsmanager:GetSecretValue .*; the role .* needs secretsmanager:GetSecretValue on the secret/,
      'aws-secret-id'
    )
  )
  tokenAndSts()
  nock(SM)
    .post('/')
    .reply(400, awsJsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."), JSON_11)
  await assert.rejects(
    resolveKeys(request('aws-secrets-manager', { 'aws-secret-id': 'ci/artifact-seal' })),
    rejectsWith(
      /ResourceNotFoundException: Secrets Manager can't find the specified secret\.; check aws-secret-id and aws-region \(us-east-1\)/
    )
  )
})

test('aws-kms: GenerateMac and VerifyMac get the digest of the PAE; KMSInvalidMacException is a failed check', async () => {
  const digest = createHash('sha256').update(PAE).digest()
  const mac = Buffer.alloc(32, 5)
  const kms = (target: string) =>
    nock(KMS, {
      reqheaders: {
        'x-amz-target': `TrentService.${target}`,
        'content-type': 'application/x-amz-json-1.1',
        ...signedWith('kms')
      }
    })
  const scopes = [
    ...tokenAndSts(),
    kms('DescribeKey').post('/', { KeyId: 'alias/artifact-seal' }).reply(200, describeKeyAnswer(), JSON_11),
    kms('GenerateMac')
      .post('/', { KeyId: KMS_KEY_ARN, MacAlgorithm: 'HMAC_SHA_256', Message: digest.toString('base64') })
      .reply(200, { KeyId: KMS_KEY_ARN, Mac: mac.toString('base64'), MacAlgorithm: 'HMAC_SHA_256' }, JSON_11),
    kms('VerifyMac')
      .post('/', {
        KeyId: KMS_KEY_ARN,
        MacAlgorithm: 'HMAC_SHA_256',
        Message: digest.toString('base64'),
        Mac: mac.toString('base64')
      })
      .reply(200, { KeyId: KMS_KEY_ARN, MacValid: true, MacAlgorithm: 'HMAC_SHA_256' }, JSON_11),
    kms('VerifyMac').post('/').reply(400, awsJsonError('KMSInvalidMacException', ''), JSON_11)
  ]
  const [key] = await resolveKeys(request('aws-kms', { 'aws-kms-key-id': 'alias/artifact-seal' }))
  assert.equal(key.keyId, `aws-kms:${KMS_KEY_ARN}`)
  assert.deepEqual(Buffer.from(await key.sign(PAE)), mac)
  assert.equal(await key.verify(PAE, mac), true)
  assert.equal(await key.verify(PAE, Buffer.alloc(32, 6)), false)
  assert.equal(await key.verify(PAE, Buffer.alloc(7)), false, 'a MAC of the wrong length is refused without asking KMS')
  for (const s of scopes) s.done()
})

test('aws-kms: a disabled key, a key of the wrong usage, and access denied are named before anything is signed', async () => {
  tokenAndSts()
  nock(KMS)
    .post('/')
    .reply(200, describeKeyAnswer({ KeyState: 'Disabled', Enabled: false }), JSON_11)
  await assert.rejects(
    resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN })),
    rejectsWith(/AWS KMS key arn:aws:kms:.* is Disabled; it must be Enabled to sign/, 'aws-kms-key-id')
  )

  tokenAndSts()
  nock(KMS)
    .post('/')
    .reply(
      200,
      describeKeyAnswer({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', MacAlgorithms: undefined }),
      JSON_11
    )
  await assert.rejects(
    resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN })),
    rejectsWith(/has key usage ENCRYPT_DECRYPT; aws-kms needs an HMAC key \(key usage GENERATE_VERIFY_MAC/)
  )

  tokenAndSts()
  nock(KMS).post('/').reply(200, describeKeyAnswer(), JSON_11)
  await assert.rejects(
    resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN }, { algorithm: 'sha512' })),
    rejectsWith(/supports HMAC_SHA_256, not HMAC_SHA_512; set algorithm to match the key/)
  )

  tokenAndSts()
  nock(KMS).post('/').reply(200, describeKeyAnswer(), JSON_11)
  nock(KMS)
    .post('/')
    .reply(
      400,
      awsJsonError(
        'AccessDeniedException',
        `User: arn:aws:sts::123456789012:assumed-role/artifact-seal-deploy/x is not authorized to perform: kms:GenerateMac on resource: ${KMS_KEY_ARN}`
      ),
      JSON_11
    )
  const [key] = await resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN }))
  await assert.rejects(
    key.sign(PAE),
    rejectsWith(
      /AWS KMS GenerateMac failed for .*: AccessDeniedException: .*; the role .* needs kms:GenerateMac on the key/,
      'aws-kms-key-id'
    )
  )
})

test('aws-kms: a key disabled after DescribeKey (DisabledException on VerifyMac) is an error, not a failed check', async () => {
  tokenAndSts()
  nock(KMS).post('/').reply(200, describeKeyAnswer(), JSON_11)
  nock(KMS)
    .post('/')
    .reply(400, awsJsonError('DisabledException', `${KMS_KEY_ARN} is disabled.`), JSON_11)
  const [key] = await resolveKeys(request('aws-kms', { 'aws-kms-key-id': KMS_KEY_ARN }, { purpose: 'verify' }))
  await assert.rejects(
    key.verify(PAE, Buffer.alloc(32)),
    rejectsWith(/AWS KMS VerifyMac failed .*: DisabledException: .* is disabled\.; the key is disabled/)
  )
})

test('aws: required inputs are named; AWS_REGION stands in for aws-region', async () => {
  await assert.rejects(
    resolveKeys(request('aws-kms', { 'aws-region': '' })),
    rejectsWith(/^aws-kms-key-id input is required with key-source aws-kms/, 'aws-kms-key-id')
  )
  await assert.rejects(
    resolveKeys(request('aws-secrets-manager', { 'aws-region': '', 'aws-secret-id': 'x' })),
    rejectsWith(/^aws-region input is required with key-source aws-secrets-manager/, 'aws-region')
  )
  await assert.rejects(
    resolveKeys(request('aws-secrets-manager', { 'aws-role-arn': '', 'aws-secret-id': 'x' })),
    rejectsWith(/^aws-role-arn input is required/, 'aws-role-arn')
  )
  tokenAndSts()
  nock(SM).post('/').reply(200, { ARN: SECRET_ARN, Name: 'x', SecretString: TEST_KEY_HEX }, JSON_11)
  const req = request('aws-secrets-manager', { 'aws-region': '', 'aws-secret-id': 'x' })
  req.env = { ...req.env, AWS_REGION: 'us-east-1' }
  assert.equal((await resolveKeys(req)).length, 1)
})
