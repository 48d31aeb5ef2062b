import { afterAll, beforeAll, test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { listTree, tempDir, writeTree } from '../helpers/fixtures.js'
import { runAction, runCli, type StepResult } from '../helpers/runner.js'
import { startCloudServer, type CloudServer } from '../helpers/cloud-server.js'
import { RUNTIME_TOKEN } from '../helpers/oidc.js'
import {
  AZURE_BUILD_CLIENT,
  AZURE_DEPLOY_CLIENT,
  AZURE_HSM_KEY,
  AZURE_HSM_VERSION,
  AZURE_SECRET,
  AZURE_TENANT,
  GCP_AUDIENCE,
  GCP_BUILD_SA,
  GCP_DEPLOY_SA,
  GCP_KMS_KEY,
  GCP_PROVIDER,
  GCP_SECRET
} from '../helpers/cloud-fakes.js'

// End to end: dist/ run as the runner runs it against loopback HTTPS stand-ins of Google's and
// Microsoft's APIs, whose certificate comes from a throwaway CA given through NODE_EXTRA_CA_CERTS.
// Each source signs (build identity) and verifies (deploy identity).

let cloud: CloudServer
beforeAll(async () => {
  cloud = await startCloudServer()
})
afterAll(() => cloud.close())

type Role = 'build' | 'deploy'
const SOURCES = ['gcp-secret-manager', 'gcp-kms', 'azure-key-vault', 'azure-managed-hsm'] as const

function inputsFor(source: (typeof SOURCES)[number], role: Role): Record<string, string> {
  const gcp = {
    'gcp-workload-identity-provider': GCP_PROVIDER,
    'gcp-service-account': role === 'build' ? GCP_BUILD_SA : GCP_DEPLOY_SA
  }
  const azure = {
    'azure-tenant-id': AZURE_TENANT,
    'azure-client-id': role === 'build' ? AZURE_BUILD_CLIENT : AZURE_DEPLOY_CLIENT
  }
  switch (source) {
    case 'gcp-secret-manager':
      return { 'key-source': source, ...gcp, 'gcp-secret': GCP_SECRET }
    case 'gcp-kms':
      return { 'key-source': source, ...gcp, 'gcp-kms-key': GCP_KMS_KEY }
    case 'azure-key-vault':
      return { 'key-source': source, ...azure, 'azure-key-vault-url': cloud.vaultUrl, 'azure-secret': AZURE_SECRET }
    case 'azure-managed-hsm':
      return { 'key-source': source, ...azure, 'azure-managed-hsm-url': cloud.hsmUrl, 'azure-hsm-key': AZURE_HSM_KEY }
  }
}

function workspace(): string {
  const ws = tempDir()
  writeTree(ws, { 'dist/app.js': 'console.log("app")\n', 'dist/lib/util.js': 'export const x = 1\n' })
  return ws
}

/** No secret anywhere a user or a later step could read it; each token issued was masked first. */
function assertNoLeaks(steps: StepResult[], manifest: string): void {
  const secrets = [RUNTIME_TOKEN, ...cloud.fakes.secrets()]
  const masked = new Set(steps.flatMap(s => s.masks))
  assert.ok(masked.has(RUNTIME_TOKEN))
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

const KEY_ID: Record<(typeof SOURCES)[number], () => RegExp> = {
  'gcp-secret-manager': () => /^hmac:[0-9a-f]{32}$/,
  'gcp-kms': () => new RegExp(`^gcp-kms:${GCP_KMS_KEY}$`),
  'azure-key-vault': () => /^hmac:[0-9a-f]{32}$/,
  'azure-managed-hsm': () =>
    new RegExp(`^azure-managed-hsm:${cloud.hsmUrl.replace(/\./g, '\\.')}/keys/${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}$`)
}

for (const source of SOURCES) {
  test(`${source}: dist/ signs as the build identity and verifies as the deploy identity over HTTPS with NODE_EXTRA_CA_CERTS, and leaks nothing`, async () => {
    const ws = workspace()
    const first = cloud.fakes.requests.length
    const earlier = new Set(cloud.fakes.secrets())
    const sign = await runAction(ws, { path: 'dist/**', ...inputsFor(source, 'build') }, cloud.env)
    assert.equal(sign.exitCode, 0, sign.stdout + sign.stderr)
    assert.match(sign.outputs['key-id'], KEY_ID[source]())
    assert.equal(sign.outputs['subject-count'], '2')
    const verify = await runAction(ws, { mode: 'verify', path: 'dist/**', ...inputsFor(source, 'deploy') }, cloud.env)
    assert.equal(verify.exitCode, 0, verify.stdout + verify.stderr)
    assert.equal(verify.outputs.result, 'verified')
    const requests = cloud.fakes.requests.slice(first)
    // The documented default audiences.
    const audience = source.startsWith('gcp') ? GCP_AUDIENCE : 'api://AzureADTokenExchange'
    assert.deepEqual(
      requests.filter(r => r.startsWith('token')),
      [`token audience=${audience}`, `token audience=${audience}`]
    )
    if (source === 'gcp-kms')
      assert.deepEqual(
        requests.filter(r => r.startsWith('kms')),
        ['kms macSign', 'kms macVerify']
      )
    if (source === 'azure-managed-hsm')
      assert.deepEqual(
        requests.filter(r => /^hsm (sign|verify)/.test(r)),
        ['hsm sign', 'hsm verify']
      )
    const manifest = fs.readFileSync(path.join(ws, 'artifact-seal.json'), 'utf8')
    assertNoLeaks([sign, verify], manifest)
    // Every JWT and access token the stand-ins issued for these steps, and the key, was handed to the mask.
    const masked = new Set([...sign.masks, ...verify.masks])
    const issued = cloud.fakes.secrets().filter(s => !earlier.has(s))
    assert.ok(issued.length >= (source.startsWith('gcp') ? 6 : 4), `issued: ${issued.length}`)
    for (const token of issued) assert.ok(masked.has(token), `not masked: ${token.slice(0, 12)}`)
    if (source.endsWith('secret-manager') || source.endsWith('key-vault'))
      assert.ok(masked.has(cloud.fakes.secrets()[0]), 'the key was not masked')

    if (source === 'gcp-kms' || source === 'azure-managed-hsm') {
      // The deploy identity may only verify: signing with it fails in one line naming the key input.
      const denied = await runAction(workspace(), { path: 'dist/**', ...inputsFor(source, 'deploy') }, cloud.env)
      assert.equal(denied.exitCode, 1)
      const errors = denied.stdout.split('\n').filter(l => l.startsWith('::error'))
      assert.equal(errors.length, 1, denied.stdout)
      assert.match(
        errors[0],
        source === 'gcp-kms'
          ? /PERMISSION_DENIED.*useToSign.*gcp-service-account .*roles\/cloudkms\.signer.*gcp-kms-key/
          : /AccessDenied.*keys\/sign\/action.*\(azure-client-id\).*azure-hsm-key/
      )
      assert.doesNotMatch(denied.stdout + denied.stderr, /\n\s+at /)

      // A flipped signature is a failed verification, not a crash.
      const envelope = JSON.parse(manifest)
      const sig = Buffer.from(envelope.signatures[0].sig, 'base64')
      sig[0] ^= 1
      envelope.signatures[0].sig = sig.toString('base64')
      fs.writeFileSync(path.join(ws, 'artifact-seal.json'), JSON.stringify(envelope))
      const forged = await runAction(ws, { mode: 'verify', ...inputsFor(source, 'deploy') }, cloud.env)
      assert.equal(forged.exitCode, 1)
      assert.equal(forged.outputs.result, 'failed')
      assert.match(forged.stdout, /SIGNATURE_INVALID/)
      assert.doesNotMatch(forged.stdout + forged.stderr, /\n\s+at /)
    }
  })
}

test("without NODE_EXTRA_CA_CERTS the private CA is not trusted: one line naming the endpoint's input, no stack trace", async () => {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = cloud.env
  const result = await runAction(workspace(), { path: 'dist/**', ...inputsFor('gcp-kms', 'build') }, env)
  assert.equal(result.exitCode, 1)
  assert.match(
    result.stdout,
    /::error::.*(could not get the OIDC token|Google STS at https:\/\/127\.0\.0\.1).*(SELF_SIGNED|UNABLE_TO_VERIFY|certificate)/i
  )
  assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /)
})

test('CLI: --key-source azure-managed-hsm with ARTIFACT_SEAL_OIDC_TOKEN outside Actions signs and verifies', async () => {
  const ws = workspace()
  // A token from another issuer, accepted by the stand-in's federated credential.
  const jwt = [...cloud.fakes.oidcTokens].find(
    t => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()).aud === 'api://AzureADTokenExchange'
  )
  assert.ok(jwt, 'an earlier test fetched an Azure token')
  const env = {
    ARTIFACT_SEAL_OIDC_TOKEN: jwt,
    NODE_EXTRA_CA_CERTS: cloud.env.NODE_EXTRA_CA_CERTS,
    AZURE_AUTHORITY_HOST: cloud.env.AZURE_AUTHORITY_HOST
  }
  const flags = (client: string) => [
    '--key-source',
    'azure-managed-hsm',
    '--azure-tenant-id',
    AZURE_TENANT,
    '--azure-client-id',
    client,
    '--azure-managed-hsm-url',
    cloud.hsmUrl,
    '--azure-hsm-key',
    `${AZURE_HSM_KEY}/${AZURE_HSM_VERSION}`,
    '--path',
    'dist/**'
  ]
  const sign = await runCli(ws, ['sign', ...flags(AZURE_BUILD_CLIENT)], env)
  assert.equal(sign.exitCode, 0, sign.stderr)
  assert.match(sign.stdout, /key id azure-managed-hsm:https:\/\/127\.0\.0\.1:\d+\/hsm\/keys\/artifact-seal\/9885/)
  const verify = await runCli(ws, ['verify', ...flags(AZURE_DEPLOY_CLIENT)], env)
  assert.equal(verify.exitCode, 0, verify.stderr)
  const missing = await runCli(
    ws,
    [
      'verify',
      ...flags(AZURE_DEPLOY_CLIENT).filter(
        (f, i, all) => f !== '--azure-tenant-id' && all[i - 1] !== '--azure-tenant-id'
      )
    ],
    env
  )
  assert.equal(missing.exitCode, 2)
  assert.match(missing.stderr, /--azure-tenant-id is required with key-source azure-managed-hsm/)
  for (const s of [RUNTIME_TOKEN, ...cloud.fakes.secrets()])
    assert.ok(!(sign.stdout + sign.stderr + verify.stdout + verify.stderr + missing.stderr).includes(s))
})
