import { afterAll, beforeAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { listTree, tempDir, writeTree } from '../helpers/fixtures.js'
import { runAction, runCli, type StepResult } from '../helpers/runner.js'
import { startFakeStores, type FakeStores } from '../helpers/fake-stores.js'
import { KMS_KEY_ARN, ROLE_ARN } from '../helpers/aws-shapes.js'

// End to end: dist/ run as the runner runs it, against a local fake of the token endpoint, Vault
// and AWS (nock cannot reach a child process). Each source signs, then verifies.

let stores: FakeStores
beforeAll(async () => {
  stores = await startFakeStores()
})
afterAll(() => stores.close())

function inputsFor(source: string): Record<string, string> {
  const vault = { 'vault-url': stores.url, 'vault-role': 'artifact-seal', 'vault-namespace': 'ci' }
  const aws = { 'aws-region': 'us-east-1', 'aws-role-arn': ROLE_ARN }
  switch (source) {
    case 'vault':
      return {
        'key-source': source,
        ...vault,
        'vault-secret': 'secret/data/ci/artifact-seal',
        'oidc-audience': 'https://vault.example.com'
      }
    case 'vault-transit':
      return { 'key-source': source, ...vault, 'vault-transit-key': 'artifact-seal' }
    case 'aws-secrets-manager':
      return { 'key-source': source, ...aws, 'aws-secret-id': 'ci/artifact-seal' }
    default:
      return { 'key-source': source, ...aws, 'aws-kms-key-id': 'alias/artifact-seal' }
  }
}

function workspace(): string {
  const ws = tempDir()
  writeTree(ws, { 'dist/app.js': 'console.log("app")\n', 'dist/lib/util.js': 'export const x = 1\n' })
  return ws
}

/** No secret anywhere a user or a later step could read it; each one was handed to the mask first. */
function assertNoLeaks(steps: StepResult[], manifest: string, mustMask: string[]): void {
  const secrets = stores.secrets()
  const masked = new Set(steps.flatMap(s => s.masks))
  for (const s of mustMask) assert.ok(masked.has(s), `not masked: ${s.slice(0, 8)}…`)
  for (const step of steps) {
    const places: Record<string, string> = {
      stdout: step.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n'),
      stderr: step.stderr,
      outputs: JSON.stringify(step.outputs),
      summary: step.summary,
      manifest
    }
    for (const file of listTree(step.runnerDir)) places[file] = fs.readFileSync(path.join(step.runnerDir, file), 'utf8')
    for (const [where, text] of Object.entries(places)) {
      for (const s of secrets) assert.ok(!text.includes(s), `${where} contains a secret (${s.slice(0, 8)}…)`)
    }
  }
}

const EXPECTED = {
  vault: { keyId: /^hmac:[0-9a-f]{32}$/ },
  'vault-transit': { keyId: /^vault-transit:transit\/artifact-seal:v2$/ },
  'aws-secrets-manager': { keyId: /^hmac:[0-9a-f]{32}$/ },
  'aws-kms': { keyId: new RegExp(`^aws-kms:${KMS_KEY_ARN}$`) }
} as const

for (const source of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
  test(`${source}: dist/ signs and verifies through the runner contract, and leaks nothing`, async () => {
    const ws = workspace()
    const first = stores.requests.length
    const sign = await runAction(ws, { path: 'dist/**', ...inputsFor(source) }, stores.env)
    assert.equal(sign.exitCode, 0, sign.stdout + sign.stderr)
    assert.match(sign.outputs['key-id'], EXPECTED[source].keyId)
    assert.equal(sign.outputs['subject-count'], '2')
    const signRequests = stores.requests.slice(first)

    const mid = stores.requests.length
    const verify = await runAction(ws, { mode: 'verify', path: 'dist/**', ...inputsFor(source) }, stores.env)
    assert.equal(verify.exitCode, 0, verify.stdout + verify.stderr)
    assert.equal(verify.outputs.result, 'verified')
    assert.equal(verify.outputs['verified-count'], '2')
    const verifyRequests = stores.requests.slice(mid)

    const manifest = fs.readFileSync(path.join(ws, 'artifact-seal.json'), 'utf8')
    // The runner's request token, the two JWTs just issued, and what each source fetched.
    const [runtimeToken, vaultToken, keyHex, ...rest] = stores.secrets()
    const mustMask = [runtimeToken, ...rest.slice(3).slice(-2)]
    if (source.startsWith('vault')) mustMask.push(vaultToken)
    if (source.startsWith('aws')) mustMask.push(...rest.slice(0, 3))
    if (source === 'vault' || source === 'aws-secrets-manager') mustMask.push(keyHex)
    assertNoLeaks([sign, verify], manifest, mustMask)

    // The remote MAC: the build job computes it, the deploy job only checks it.
    if (source === 'vault-transit') {
      assert.ok(signRequests.includes('POST /v1/transit/hmac/artifact-seal/sha2-256'))
      assert.deepEqual(
        verifyRequests.filter(r => r.includes('/transit/')).filter(r => !r.includes('/keys/')),
        ['POST /v1/transit/verify/artifact-seal']
      )
    }
    if (source === 'aws-kms') {
      assert.ok(signRequests.includes('kms:GenerateMac') && signRequests.includes('token audience=sts.amazonaws.com'))
      assert.ok(!verifyRequests.includes('kms:GenerateMac') && verifyRequests.includes('kms:VerifyMac'))
    }
    if (source === 'vault') assert.ok(signRequests.includes('token audience=https://vault.example.com'))

    if (source === 'vault-transit' || source === 'aws-kms') {
      // A forged signature is a failed verification (SIGNATURE_INVALID), not a crash.
      const envelope = JSON.parse(manifest)
      const sig = Buffer.from(envelope.signatures[0].sig, 'base64')
      sig[0] ^= 1
      envelope.signatures[0].sig = sig.toString('base64')
      fs.writeFileSync(path.join(ws, 'artifact-seal.json'), JSON.stringify(envelope))
      const forged = await runAction(ws, { mode: 'verify', ...inputsFor(source) }, stores.env)
      assert.equal(forged.exitCode, 1)
      assert.equal(forged.outputs.result, 'failed')
      assert.match(forged.stdout, /SIGNATURE_INVALID/)
      assert.match(forged.summary, /no signature matches any configured key/)
    }
  })
}

test('without id-token: write, the step fails before hashing and says what to add', async () => {
  const ws = workspace()
  const result = await runAction(ws, { path: 'dist/**', ...inputsFor('aws-kms') }, { AWS_ENDPOINT_URL: stores.url })
  assert.equal(result.exitCode, 1)
  assert.match(
    result.stdout,
    /::error::key-source aws-kms needs the job's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: add `permissions: id-token: write` to the job/
  )
  assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')))
})

test('CLI: --key-source vault-transit signs and verifies; outside Actions it names ARTIFACT_SEAL_OIDC_TOKEN', async () => {
  const ws = workspace()
  const flags = [
    '--key-source',
    'vault-transit',
    '--vault-url',
    stores.url,
    '--vault-role',
    'artifact-seal',
    '--vault-transit-key',
    'artifact-seal',
    '--path',
    'dist/**'
  ]
  const sign = await runCli(ws, ['sign', ...flags], stores.env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  assert.match(sign.stdout, /key id vault-transit:transit\/artifact-seal:v2/)
  const verify = await runCli(ws, ['verify', ...flags], stores.env)
  assert.equal(verify.exitCode, 0, verify.stderr)
  assert.match(verify.stdout, /verified 2 file\(s\)/)
  for (const s of stores.secrets()) assert.ok(!(sign.stdout + sign.stderr + verify.stdout + verify.stderr).includes(s))

  const outside = await runCli(ws, ['verify', ...flags], {})
  assert.equal(outside.exitCode, 2)
  assert.match(
    outside.stderr,
    /permissions: id-token: write.*; outside GitHub Actions, set ARTIFACT_SEAL_OIDC_TOKEN to a JWT/
  )
})

test('merge with remote-MAC sources: vault-transit and aws-kms verify the parts and MAC the merge in the store', async () => {
  for (const source of ['vault-transit', 'aws-kms']) {
    const ws = tempDir()
    for (const os of ['linux', 'macos']) {
      writeTree(ws, { [`${os}/app-${os}`]: os })
      const sealed = await runAction(
        ws,
        { ...inputsFor(source), path: `${os}/*`, 'base-dir': os, manifest: `${os}/artifact-seal.json`, label: os },
        stores.env
      )
      assert.equal(sealed.exitCode, 0, sealed.stdout)
    }
    const before = stores.requests.length
    const merged = await runAction(
      ws,
      { ...inputsFor(source), mode: 'merge', manifests: '*/artifact-seal.json' },
      stores.env
    )
    assert.equal(merged.exitCode, 0, merged.stdout)
    assert.equal(merged.outputs['part-count'], '2')
    const calls = stores.requests.slice(before).join('\n')
    assert.match(
      calls,
      source === 'aws-kms' ? /kms:VerifyMac[\s\S]*kms:GenerateMac/ : /transit\/verify[\s\S]*transit\/hmac/,
      `${source}: parts checked and the merge MACed by the store`
    )
    const verified = await runAction(
      ws,
      {
        ...inputsFor(source),
        mode: 'verify',
        manifest: 'artifact-seal.json',
        'base-dir': 'linux',
        subjects: 'app-linux'
      },
      stores.env
    )
    assert.equal(verified.exitCode, 0, verified.stdout)
  }
})
