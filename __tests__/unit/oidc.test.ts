import { afterEach, beforeAll, afterAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import nock from '../helpers/nock.js'
import { SealError } from '../../src/core/errors.js'
import { describeClaims, getOidcToken } from '../../src/keys/oidc.js'
import { Secrets } from '../../src/keys/secrets.js'
import { fakeJwt, oidcEnv, RUNTIME_TOKEN, TOKEN_HOST, TOKEN_PATH } from '../helpers/oidc.js'

beforeAll(() => nock.disableNetConnect())
afterAll(() => nock.enableNetConnect())
afterEach(() => nock.cleanAll())

function collect(): { secrets: Secrets; masked: string[] } {
  const masked: string[] = []
  return { secrets: new Secrets(v => masked.push(v)), masked }
}

test('asks the runner for a token with the audience, the bearer request token, and masks both', async () => {
  const jwt = fakeJwt({ aud: 'https://vault.example.com' })
  const scope = nock(TOKEN_HOST, { reqheaders: { authorization: `Bearer ${RUNTIME_TOKEN}` } })
    .get(TOKEN_PATH)
    .query({ 'api-version': '2.0', audience: 'https://vault.example.com' })
    .reply(200, { count: 1, value: jwt })
  const { secrets, masked } = collect()
  const token = await getOidcToken({
    audience: 'https://vault.example.com',
    env: oidcEnv(),
    secrets,
    purpose: 'key-source vault'
  })
  assert.equal(token, jwt)
  scope.done()
  assert.ok(masked.includes(RUNTIME_TOKEN) && masked.includes(jwt))
  assert.ok(masked.indexOf(RUNTIME_TOKEN) < masked.indexOf(jwt), 'the request token is masked before it is used')
})

test('without an audience, none is asked for (GitHub then uses its default)', async () => {
  const scope = nock(TOKEN_HOST).get(TOKEN_PATH).query({ 'api-version': '2.0' }).reply(200, { value: fakeJwt() })
  await getOidcToken({ env: oidcEnv(), secrets: collect().secrets, purpose: 'key-source vault' })
  scope.done()
})

test('no id-token permission: says exactly what to add to the workflow', async () => {
  await assert.rejects(
    getOidcToken({ env: {}, secrets: collect().secrets, purpose: 'key-source aws-kms' }),
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'KEY_SOURCE' &&
      e.message.includes("key-source aws-kms needs the job's OIDC token") &&
      e.message.includes('add `permissions: id-token: write` to the job') &&
      !e.message.includes('ARTIFACT_SEAL_OIDC_TOKEN')
  )
})

test('the CLI outside Actions names ARTIFACT_SEAL_OIDC_TOKEN, and takes the token from it', async () => {
  await assert.rejects(
    getOidcToken({ env: {}, secrets: collect().secrets, purpose: 'key-source vault', allowEnvToken: true }),
    /set ARTIFACT_SEAL_OIDC_TOKEN/
  )
  const jwt = fakeJwt()
  const { secrets, masked } = collect()
  assert.equal(
    await getOidcToken({
      env: { ARTIFACT_SEAL_OIDC_TOKEN: jwt },
      secrets,
      purpose: 'key-source vault',
      allowEnvToken: true
    }),
    jwt
  )
  assert.deepEqual(masked, [jwt])
})

test('a refused token request fails with the status and without the request token', async () => {
  nock(TOKEN_HOST)
    .get(TOKEN_PATH)
    .query(true)
    .reply(403, { message: `bad token ${RUNTIME_TOKEN}` })
  await assert.rejects(
    getOidcToken({ env: oidcEnv(), secrets: collect().secrets, purpose: 'key-source vault', retry: { delaysMs: [] } }),
    (e: unknown) => {
      assert.ok(e instanceof SealError)
      assert.match(e.message, /HTTP 403/)
      assert.ok(!e.message.includes(RUNTIME_TOKEN))
      return true
    }
  )
})

test('claims for messages come from the token payload, never the token', () => {
  const jwt = fakeJwt({ sub: 'repo:acme/widgets:ref:refs/heads/main', aud: 'sts.amazonaws.com' })
  const line = describeClaims(jwt, ['sub', 'aud'])
  assert.equal(line, "this job's token has sub=repo:acme/widgets:ref:refs/heads/main, aud=sts.amazonaws.com")
  assert.equal(describeClaims('not a jwt'), '')
})

test('an injected fetcher (the action passes core.getIDToken) gets the audience; its token is masked, its refusals worded as ours', async () => {
  const jwt = fakeJwt()
  const asked: (string | undefined)[] = []
  const { secrets, masked } = collect()
  const fetch = async (audience: string | undefined): Promise<string> => (asked.push(audience), jwt)
  assert.equal(
    await getOidcToken({
      audience: 'sts.amazonaws.com',
      env: oidcEnv(),
      secrets,
      purpose: 'key-source aws-kms',
      fetch
    }),
    jwt
  )
  assert.deepEqual(asked, ['sts.amazonaws.com'])
  assert.deepEqual(masked, [RUNTIME_TOKEN, jwt])
  // @actions/core's words for a 403, over several lines.
  const refusal = async (): Promise<string> => {
    throw new Error(
      `Error message: Failed to get ID Token. \n \n        Error Code : 403\n \n        Error Message: bad ${RUNTIME_TOKEN}`
    )
  }
  await assert.rejects(
    getOidcToken({ env: oidcEnv(), secrets: collect().secrets, purpose: 'key-source vault', fetch: refusal }),
    (e: unknown) => {
      assert.ok(e instanceof SealError && e.code === 'KEY_SOURCE')
      assert.match(
        e.message,
        /refused the OIDC token request \(HTTP 403\); check that the job has `permissions: id-token: write`/
      )
      return true
    }
  )
  const broken = async (): Promise<string> => {
    throw new Error(`Error message: self-signed certificate ${RUNTIME_TOKEN}\n`)
  }
  await assert.rejects(
    getOidcToken({ env: oidcEnv(), secrets: collect().secrets, purpose: 'key-source vault', fetch: broken }),
    (e: unknown) => {
      assert.ok(e instanceof SealError)
      assert.equal(
        e.message,
        `could not get the OIDC token from ${TOKEN_HOST}: Error message: self-signed certificate ***`
      )
      return true
    }
  )
})
