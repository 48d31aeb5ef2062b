import { after, before, test } from 'node:test'
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

// docs/remote-keys.md is the specification other verifiers implement: its vectors must be what
// the code computes and sends.
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'remote-keys.md'), 'utf8')
const M = pae(IN_TOTO_PAYLOAD_TYPE, Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'))

before(() => nock.disableNetConnect())
after(() => {
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
    for (const value of [digest.toString('hex'), digest.toString('base64'), mac.toString('hex'), mac.toString('base64')]) {
      assert.ok(DOC.includes(value), `docs/remote-keys.md lacks ${value}`)
    }
    const hash = algorithm === 'sha256' ? 'sha2-256' : 'sha2-512'
    assert.ok(DOC.includes(`/v1/transit/hmac/artifact-seal/${hash}`))
    const scope = nock('https://vault.example.com')
      .post(`/v1/transit/hmac/artifact-seal/${hash}`, { input: digest.toString('base64'), key_version: 3 })
      .reply(200, { data: { hmac: `vault:v3:${mac.toString('base64')}` } })
    const key = new VaultTransitKey(new VaultClient('https://vault.example.com', new Secrets(() => {})), 'transit', 'artifact-seal', 3, algorithm)
    assert.deepEqual(Buffer.from(await key.sign(M)), mac)
    scope.done()
    if (algorithm === 'sha256') assert.ok(DOC.includes(`{"keyid":"${key.keyId}","sig":"${mac.toString('base64')}"}`))
  })
}
