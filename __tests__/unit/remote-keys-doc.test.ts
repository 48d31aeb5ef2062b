import { afterAll, beforeAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import nock from '../helpers/nock.js'
import type { DigestAlgorithm } from '../../src/core/algorithms.js'
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../../src/core/dsse.js'
import { remoteMacInput } from '../../src/keys/remote-mac.js'
import { Secrets } from '../../src/keys/secrets.js'
import { VaultClient } from '../../src/keys/vault-client.js'
import { VaultTransitKey } from '../../src/keys/vault-transit.js'
import { ROOT, TEST_KEY_HEX } from '../helpers/fixtures.js'
import { crc32c } from '../../src/keys/crc32c.js'
import { GcpKmsKey } from '../../src/keys/gcp-kms.js'
import { AzureManagedHsmKey } from '../../src/keys/azure-managed-hsm.js'

// docs/remote-keys.md is the specification other verifiers implement: its vectors must be what
// the code computes and sends.
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'remote-keys.md'), 'utf8')
const M = pae(IN_TOTO_PAYLOAD_TYPE, Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'))

beforeAll(() => nock.disableNetConnect())
afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

test('the documented PAE is the PAE the code builds', () => {
  assert.ok(DOC.includes(`M = PAE     = ${M.toString('utf8')}`))
  assert.ok(DOC.includes(`(${M.length} bytes)`))
})

for (const algorithm of ['sha256', 'sha512'] as DigestAlgorithm[]) {
  test(`${algorithm}: the documented digest, request and MAC are what a transit key sends and stores`, async () => {
    const digest = remoteMacInput(algorithm, M)
    const mac = createHmac(algorithm, Buffer.from(TEST_KEY_HEX, 'hex')).update(digest).digest()
    for (const value of [
      digest.toString('hex'),
      digest.toString('base64'),
      mac.toString('hex'),
      mac.toString('base64')
    ]) {
      assert.ok(DOC.includes(value), `docs/remote-keys.md lacks ${value}`)
    }
    const hash = algorithm === 'sha256' ? 'sha2-256' : 'sha2-512'
    assert.ok(DOC.includes(`/v1/transit/hmac/artifact-seal/${hash}`))
    const scope = nock('https://vault.example.com')
      .post(`/v1/transit/hmac/artifact-seal/${hash}`, { input: digest.toString('base64'), key_version: 3 })
      .reply(200, { data: { hmac: `vault:v3:${mac.toString('base64')}` } })
    const key = new VaultTransitKey(
      new VaultClient('https://vault.example.com', new Secrets(() => {})),
      'transit',
      'artifact-seal',
      3,
      algorithm
    )
    assert.deepEqual(Buffer.from(await key.sign(M)), mac)
    scope.done()
    if (algorithm === 'sha256') assert.ok(DOC.includes(`{"keyid":"${key.keyId}","sig":"${mac.toString('base64')}"}`))
  })
}

const KMS_VERSION = 'projects/acme-ci/locations/global/keyRings/ci/cryptoKeys/artifact-seal/cryptoKeyVersions/1'
const HSM = 'https://acme-ci.managedhsm.azure.net'
const HSM_VERSION = '9885aa558e8d448789683188f8c194b0'
const site = { service: 'test', subject: 'test', secrets: new Secrets(() => {}), retry: { delaysMs: [] } }

for (const algorithm of ['sha256', 'sha512'] as DigestAlgorithm[]) {
  test(`${algorithm}: the documented Cloud KMS and Managed HSM requests, CRC-32Cs and answers are what the code sends and accepts`, async () => {
    const digest = remoteMacInput(algorithm, M)
    const mac = createHmac(algorithm, Buffer.from(TEST_KEY_HEX, 'hex')).update(digest).digest()
    for (const value of [String(crc32c(digest)), String(crc32c(mac)), digest.toString('base64url')]) {
      assert.ok(DOC.includes(value), `docs/remote-keys.md lacks ${value}`)
    }
    const kms = nock('https://cloudkms.googleapis.com')
      .post(`/v1/${KMS_VERSION}:macSign`, { data: digest.toString('base64'), dataCrc32c: String(crc32c(digest)) })
      .reply(200, {
        name: KMS_VERSION,
        mac: mac.toString('base64'),
        macCrc32c: String(crc32c(mac)),
        verifiedDataCrc32c: true
      })
      .post(`/v1/${KMS_VERSION}:macVerify`, {
        data: digest.toString('base64'),
        dataCrc32c: String(crc32c(digest)),
        mac: mac.toString('base64'),
        macCrc32c: String(crc32c(mac))
      })
      .reply(200, {
        name: KMS_VERSION,
        success: true,
        verifiedDataCrc32c: true,
        verifiedMacCrc32c: true,
        verifiedSuccessIntegrity: true
      })
    const gcp = new GcpKmsKey(KMS_VERSION, algorithm, site, 'https://cloudkms.googleapis.com', 'token', 'someone')
    assert.deepEqual(Buffer.from(await gcp.sign(M)), mac)
    assert.equal(await gcp.verify(M, mac), true)
    kms.done()

    const alg = algorithm === 'sha256' ? 'HS256' : 'HS512'
    const hsm = nock(HSM)
      .post(`/keys/artifact-seal/${HSM_VERSION}/sign`, { alg, value: digest.toString('base64url') })
      .query({ 'api-version': '7.4' })
      .reply(200, { kid: `${HSM}/keys/artifact-seal/${HSM_VERSION}`, value: mac.toString('base64url') })
      .post(`/keys/artifact-seal/${HSM_VERSION}/verify`, {
        alg,
        digest: digest.toString('base64url'),
        value: mac.toString('base64url')
      })
      .query({ 'api-version': '7.4' })
      .reply(200, { value: true })
    const azure = new AzureManagedHsmKey(HSM, 'artifact-seal', HSM_VERSION, algorithm, site, 'token', 'client')
    assert.deepEqual(Buffer.from(await azure.sign(M)), mac)
    assert.equal(await azure.verify(M, mac), true)
    hsm.done()
    if (algorithm === 'sha256') {
      for (const key of [gcp, azure])
        assert.ok(
          DOC.includes(`{"keyid":"${key.keyId}","sig":"${mac.toString('base64')}"}`),
          `docs/remote-keys.md lacks the envelope of ${key.keyId}`
        )
      assert.ok(DOC.includes(`{"alg":"HS256","value":"${digest.toString('base64url')}"}`))
      assert.ok(DOC.includes(`{"data":"${digest.toString('base64')}","dataCrc32c":"${crc32c(digest)}"}`))
    }
  })
}
