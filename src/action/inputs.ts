import * as core from '@actions/core'
import * as path from 'node:path'
import { parseAlgorithm, type DigestAlgorithm } from '../core/algorithms.js'
import { parseDuration } from '../core/duration.js'
import { SealError } from '../core/errors.js'
import { parseKeyEncoding, type KeyEncoding } from '../core/keys.js'
import { splitPatterns } from '../core/subjects.js'
import { parseKeySource, type KeySource } from '../keys/key-source.js'
import { STORE_OPTIONS, type StoreOptions } from '../keys/options.js'
import { maskOnce } from './mask.js'

/** Input names, mirroring action.yml. */
export const Inputs = {
  Mode: 'mode',
  Path: 'path',
  BaseDir: 'base-dir',
  Manifest: 'manifest',
  Key: 'key',
  KeyEncoding: 'key-encoding',
  KeySource: 'key-source',
  Algorithm: 'algorithm',
  ExpiresIn: 'expires-in',
  MaxAge: 'max-age',
  ExpectedRepository: 'expected-repository',
  ExpectedCommit: 'expected-commit',
  AllowUnlisted: 'allow-unlisted',
  // The remote key sources' inputs (src/keys/options.ts lists them for the readers).
  VaultUrl: 'vault-url',
  VaultNamespace: 'vault-namespace',
  VaultAuthPath: 'vault-auth-path',
  VaultRole: 'vault-role',
  VaultSecret: 'vault-secret',
  VaultSecretField: 'vault-secret-field',
  OidcAudience: 'oidc-audience',
  VaultTransitMount: 'vault-transit-mount',
  VaultTransitKey: 'vault-transit-key',
  AwsRegion: 'aws-region',
  AwsRoleArn: 'aws-role-arn',
  AwsSecretId: 'aws-secret-id',
  AwsKmsKeyId: 'aws-kms-key-id'
} as const

/** Output names, mirroring action.yml. */
export const Outputs = {
  ManifestPath: 'manifest-path',
  ManifestSha256: 'manifest-sha256',
  SubjectCount: 'subject-count',
  KeyId: 'key-id',
  VerifiedCount: 'verified-count',
  Result: 'result'
} as const

/** Every input, read and validated once. */
export interface ActionInputs {
  mode: 'sign' | 'verify'
  /** Glob patterns; empty when not given (allowed only to verify). */
  patterns: string[]
  /** Absolute base directory that subject names are relative to. */
  baseDir: string
  /** Absolute path of the manifest written (sign) or read (verify). */
  manifest: string
  /** The key lines as given; masked before this object exists. */
  keyText: string
  keyEncoding: KeyEncoding
  keySource: KeySource
  algorithm: DigestAlgorithm
  expiresInMs?: number
  maxAgeMs?: number
  /** Repository the manifest must come from; defaults to the running one. */
  expectedRepository: string | null
  expectedCommit: string | null
  allowUnlisted: boolean
  /** The remote key sources' inputs, as given (each source checks the ones it needs). */
  store: StoreOptions
}

function parseBoolean(name: string): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw new SealError('INPUT_INVALID', `Invalid ${name} input. Provided: ${raw}. Available options: true, false`, name)
}

/** Reads every input. The key is registered with the log mask before anything else is done with it. */
export function getInputs(): ActionInputs {
  const keyText = core.getInput(Inputs.Key)
  if (keyText) {
    maskOnce(keyText)
    for (const line of keyText.split(/\r?\n/)) if (line.trim()) maskOnce(line.trim())
  }

  const modeRaw = core.getInput(Inputs.Mode).trim() || 'sign'
  if (modeRaw !== 'sign' && modeRaw !== 'verify') {
    throw new SealError('INPUT_INVALID', `Unrecognized mode input. Provided: ${modeRaw}. Available options: sign, verify`, Inputs.Mode)
  }
  const mode = modeRaw
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const patterns = splitPatterns(core.getInput(Inputs.Path))
  if (mode === 'sign' && patterns.length === 0) {
    throw new SealError('INPUT_INVALID', 'path input is required to sign: give one or more glob patterns', Inputs.Path)
  }
  const baseDir = path.resolve(workspace, core.getInput(Inputs.BaseDir).trim() || '.')
  const manifest = path.resolve(workspace, core.getInput(Inputs.Manifest).trim() || 'artifact-seal.json')
  const expiresIn = core.getInput(Inputs.ExpiresIn).trim()
  const maxAge = core.getInput(Inputs.MaxAge).trim()
  const expectedRepository = core.getInput(Inputs.ExpectedRepository).trim() || process.env.GITHUB_REPOSITORY || null
  const expectedCommit = core.getInput(Inputs.ExpectedCommit).trim() || null
  if (expectedCommit && !/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(expectedCommit)) {
    throw new SealError('INPUT_INVALID', `Invalid expected-commit input: ${expectedCommit} is not a full commit SHA`, Inputs.ExpectedCommit)
  }

  return {
    mode,
    patterns,
    baseDir,
    manifest,
    keyText,
    keyEncoding: parseKeyEncoding(core.getInput(Inputs.KeyEncoding) || 'hex'),
    keySource: parseKeySource(core.getInput(Inputs.KeySource) || 'input'),
    algorithm: parseAlgorithm(core.getInput(Inputs.Algorithm) || 'sha256'),
    expiresInMs: expiresIn ? parseDuration(expiresIn, Inputs.ExpiresIn) : undefined,
    maxAgeMs: maxAge ? parseDuration(maxAge, Inputs.MaxAge) : undefined,
    expectedRepository,
    expectedCommit,
    allowUnlisted: parseBoolean(Inputs.AllowUnlisted),
    store: Object.fromEntries(STORE_OPTIONS.map(name => [name, core.getInput(name)]))
  }
}
