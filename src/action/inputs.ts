import * as runner from './runner.js'
import * as path from 'node:path'
import { parseAlgorithm, type DigestAlgorithm } from '../core/algorithms.js'
import { parseDuration } from '../core/duration.js'
import { SealError } from '../core/errors.js'
import { parseKeyEncoding, type KeyEncoding } from '../core/keys.js'
import { splitPatterns } from '../core/subjects.js'
import { parseEvents, parsePatterns, type VerifyPolicy } from '../core/policy.js'
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
  AllowSymlinks: 'allow-symlinks',
  ExpectedRef: 'expected-ref',
  ExpectedWorkflow: 'expected-workflow',
  ExpectedEvent: 'expected-event',
  RequireHostedRunner: 'require-hosted-runner',
  Label: 'label',
  ReleaseTag: 'release-tag',
  Checksums: 'checksums',
  Overwrite: 'overwrite',
  GithubToken: 'github-token',
  ReleaseAssets: 'release-assets',
  AllowUnlistedAssets: 'allow-unlisted-assets',
  Cache: 'cache',
  SubjectChecksums: 'subject-checksums',
  Manifests: 'manifests',
  ReleasePublish: 'release-publish',
  Subjects: 'subjects',
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
  AwsKmsKeyId: 'aws-kms-key-id',
  GcpWorkloadIdentityProvider: 'gcp-workload-identity-provider',
  GcpServiceAccount: 'gcp-service-account',
  GcpSecret: 'gcp-secret',
  GcpKmsKey: 'gcp-kms-key',
  AzureTenantId: 'azure-tenant-id',
  AzureClientId: 'azure-client-id',
  AzureKeyVaultUrl: 'azure-key-vault-url',
  AzureSecret: 'azure-secret',
  AzureManagedHsmUrl: 'azure-managed-hsm-url',
  AzureHsmKey: 'azure-hsm-key'
} as const

/** Output names, mirroring action.yml. */
export const Outputs = {
  ManifestPath: 'manifest-path',
  ManifestSha256: 'manifest-sha256',
  SubjectCount: 'subject-count',
  KeyId: 'key-id',
  VerifiedCount: 'verified-count',
  Result: 'result',
  ReleaseAssetUrl: 'release-asset-url',
  PartCount: 'part-count'
} as const

/** Every input, read and validated once. */
export interface ActionInputs {
  mode: 'sign' | 'verify' | 'merge'
  /** Merge: glob patterns of the part manifests, relative to the workspace. */
  manifests: string[]
  /** Verify: glob patterns over subject names; only the listed subjects they match are checked. */
  subjects: string[]
  /** GITHUB_WORKSPACE (else the working directory): relative inputs and annotation paths start here. */
  workspace: string
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
  /** Seal and verify names that go through a symbolic link inside base-dir (default: refused). */
  allowSymlinks: boolean
  /** Verify: which ref, workflow, event and runner must have signed; empty members are not asked. */
  policy: VerifyPolicy
  /** Sign: free text for the predicate's `label`. */
  label: string | null
  /** Sign: attach the manifest to this release; verify: fetch it from there when absent. */
  releaseTag: string | null
  /** Sign: also attach a checksum list (SHA256SUMS) to the release. */
  checksums: boolean
  /** Sign: replace release assets of the same name. */
  overwrite: boolean
  /** For the releases API; masked before this object exists. */
  githubToken: string
  /** Verify: download the release's listed assets into base-dir and verify them, or compare GitHub's digests of them. */
  releaseAssets: boolean | 'digests'
  /** Sign and merge with release-tag: publish the draft release once the manifest is attached. */
  releasePublish: boolean
  /** Verify with release-assets: let release assets that the manifest does not list pass. */
  allowUnlistedAssets: boolean
  /** Sign: absolute path of a sha256sum list to seal instead of hashing files. */
  subjectChecksums: string | null
  /** The remote key sources' inputs, as given (each source checks the ones it needs). */
  store: StoreOptions
}

function parseBoolean(name: string): boolean {
  const raw = runner.getInput(name).toLowerCase()
  if (raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw new SealError('INPUT_INVALID', `Invalid ${name} input. Provided: ${raw}. Available options: true, false`, name)
}

/** Reads every input. The key is registered with the log mask before anything else is done with it. */
export function getInputs(): ActionInputs {
  const keyText = runner.getInput(Inputs.Key)
  if (keyText) {
    maskOnce(keyText)
    for (const line of keyText.split(/\r?\n/)) if (line.trim()) maskOnce(line.trim())
  }

  const githubToken = runner.getInput(Inputs.GithubToken)
  maskOnce(githubToken)

  const modeRaw = runner.getInput(Inputs.Mode) || 'sign'
  if (modeRaw !== 'sign' && modeRaw !== 'verify' && modeRaw !== 'merge') {
    throw new SealError('INPUT_INVALID', `Unrecognized mode input. Provided: ${modeRaw}. Available options: sign, verify, merge`, Inputs.Mode)
  }
  const mode = modeRaw
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const patterns = splitPatterns(runner.getInput(Inputs.Path))
  const manifests = splitPatterns(runner.getInput(Inputs.Manifests))
  if (mode === 'merge' && manifests.length === 0) {
    throw new SealError('INPUT_INVALID', 'manifests input is required to merge: give glob patterns of the part manifests', Inputs.Manifests)
  }
  if (mode !== 'merge' && manifests.length > 0) throw new SealError('INPUT_INVALID', 'manifests input is for merge only', Inputs.Manifests)
  if (mode === 'merge' && patterns.length > 0) throw new SealError('INPUT_INVALID', 'path input is not used to merge: the parts list the files (give manifests)', Inputs.Path)
  const subjectsGiven = runner.getInput(Inputs.Subjects)
  const subjects = parsePatterns(subjectsGiven ? [subjectsGiven] : [], Inputs.Subjects)
  if (mode !== 'verify' && subjects.length > 0) throw new SealError('INPUT_INVALID', 'subjects input is for verify only', Inputs.Subjects)
  const subjectChecksumsRaw = runner.getInput(Inputs.SubjectChecksums)
  if (mode === 'sign' && patterns.length === 0 && !subjectChecksumsRaw) {
    throw new SealError('INPUT_INVALID', 'path input is required to sign: give one or more glob patterns (or subject-checksums)', Inputs.Path)
  }
  const carrying = getCarryInputs(mode, patterns, subjectChecksumsRaw, githubToken, workspace)
  const baseDir = path.resolve(workspace, runner.getInput(Inputs.BaseDir) || '.')
  const manifest = path.resolve(workspace, runner.getInput(Inputs.Manifest) || 'artifact-seal.json')
  const expiresIn = runner.getInput(Inputs.ExpiresIn)
  const maxAge = runner.getInput(Inputs.MaxAge)
  const expectedRepository = runner.getInput(Inputs.ExpectedRepository) || process.env.GITHUB_REPOSITORY || null
  // Merge: the parts come from this run's build unless told otherwise.
  const expectedCommit = runner.getInput(Inputs.ExpectedCommit) || (mode === 'merge' ? process.env.GITHUB_SHA || null : null)
  if (expectedCommit && !/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(expectedCommit)) {
    throw new SealError('INPUT_INVALID', `Invalid expected-commit input: ${expectedCommit} is not a full commit SHA`, Inputs.ExpectedCommit)
  }

  return {
    mode,
    manifests,
    subjects,
    workspace,
    patterns,
    baseDir,
    manifest,
    keyText,
    keyEncoding: parseKeyEncoding(runner.getInput(Inputs.KeyEncoding) || 'hex'),
    keySource: parseKeySource(runner.getInput(Inputs.KeySource) || 'input'),
    algorithm: parseAlgorithm(runner.getInput(Inputs.Algorithm) || 'sha256'),
    expiresInMs: expiresIn ? parseDuration(expiresIn, Inputs.ExpiresIn) : undefined,
    maxAgeMs: maxAge ? parseDuration(maxAge, Inputs.MaxAge) : undefined,
    expectedRepository,
    expectedCommit,
    allowUnlisted: parseBoolean(Inputs.AllowUnlisted),
    allowSymlinks: parseBoolean(Inputs.AllowSymlinks),
    ...getPolicyInputs(mode),
    ...carrying,
    store: Object.fromEntries(STORE_OPTIONS.map(name => [name, runner.getInput(name)]))
  }
}

/** The inputs of issue 13 (verify policy, and the label sign records). */
function getPolicyInputs(mode: ActionInputs['mode']): Pick<ActionInputs, 'policy' | 'label'> {
  // An empty input is an input not given (the runner cannot tell them apart).
  const given = (name: string): string[] => (runner.getInput(name) ? [runner.getInput(name)] : [])
  const policy: VerifyPolicy = {
    refs: parsePatterns(given(Inputs.ExpectedRef), Inputs.ExpectedRef),
    workflows: parsePatterns(given(Inputs.ExpectedWorkflow), Inputs.ExpectedWorkflow),
    events: parseEvents(given(Inputs.ExpectedEvent), Inputs.ExpectedEvent),
    hostedRunner: parseBoolean(Inputs.RequireHostedRunner)
  }
  const label = runner.getInput(Inputs.Label) || null
  if (mode === 'sign') {
    const asked = [Inputs.ExpectedRef, Inputs.ExpectedWorkflow, Inputs.ExpectedEvent].find(name => runner.getInput(name)) ?? (policy.hostedRunner ? Inputs.RequireHostedRunner : undefined)
    if (asked) throw new SealError('INPUT_INVALID', `${asked} input is for verify only`, asked)
  }
  if (mode === 'verify' && label) throw new SealError('INPUT_INVALID', `${Inputs.Label} input is for sign only`, Inputs.Label)
  return { policy, label }
}


/**
 * The Actions cache carried the manifest until 1.1. @actions/cache restores an entry by running
 * `tar -x -P` over the whole archive in the workspace before anything can be checked, so a
 * poisoned entry (anyone who can write to a cache scope the deploy job reads) wrote files
 * anywhere, `deploy.sh` included, and verify still passed on the genuine manifest beside them.
 * The toolkit offers no way to fetch an entry without extracting it, so the carrier went.
 */
export const CACHE_REFUSED =
  'is no longer supported: restoring an Actions cache entry extracts the whole archive before anything can be checked, so a poisoned entry could write files anywhere; carry the manifest with actions/upload-artifact or on a release (release-tag)'

type CarryInputs = Pick<ActionInputs, 'releaseTag' | 'checksums' | 'overwrite' | 'githubToken' | 'releaseAssets' | 'releasePublish' | 'allowUnlistedAssets' | 'subjectChecksums'>

/** The release-assets input: true, false or digests. */
function parseReleaseAssets(): boolean | 'digests' {
  const raw = runner.getInput(Inputs.ReleaseAssets).toLowerCase()
  if (raw === 'digests') return 'digests'
  if (raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw new SealError('INPUT_INVALID', `Invalid ${Inputs.ReleaseAssets} input. Provided: ${raw}. Available options: true, false, digests`, Inputs.ReleaseAssets)
}

/** The release and checksum-list inputs, and the combinations that make no sense. */
function getCarryInputs(mode: ActionInputs['mode'], patterns: string[], subjectChecksums: string, githubToken: string, workspace: string): CarryInputs {
  const releaseTag = runner.getInput(Inputs.ReleaseTag) || null
  const inputs: CarryInputs = {
    releaseTag,
    checksums: parseBoolean(Inputs.Checksums),
    overwrite: parseBoolean(Inputs.Overwrite),
    githubToken,
    releaseAssets: parseReleaseAssets(),
    releasePublish: parseBoolean(Inputs.ReleasePublish),
    allowUnlistedAssets: parseBoolean(Inputs.AllowUnlistedAssets),
    subjectChecksums: subjectChecksums ? path.resolve(workspace, subjectChecksums) : null
  }
  const refuse = (name: string, why: string): never => {
    throw new SealError('INPUT_INVALID', `${name} input ${why}`, name)
  }
  if (parseBoolean(Inputs.Cache)) refuse(Inputs.Cache, CACHE_REFUSED)
  if (mode === 'sign' && subjectChecksums && patterns.length > 0) refuse(Inputs.SubjectChecksums, 'and path exclude each other: seal a checksum list or hash files, not both')
  if (mode !== 'sign' && subjectChecksums) refuse(Inputs.SubjectChecksums, 'is for sign only')
  if (mode === 'verify' && (inputs.checksums || inputs.overwrite || inputs.releasePublish)) refuse(inputs.checksums ? Inputs.Checksums : inputs.overwrite ? Inputs.Overwrite : Inputs.ReleasePublish, 'is for sign and merge only')
  if (mode !== 'verify' && inputs.releaseAssets) refuse(Inputs.ReleaseAssets, 'is for verify only')
  if (inputs.releaseAssets === 'digests' && runner.getInput(Inputs.Algorithm) && runner.getInput(Inputs.Algorithm) !== 'sha256') {
    refuse(Inputs.ReleaseAssets, `digests compares GitHub's sha256 asset digests; algorithm is ${runner.getInput(Inputs.Algorithm)}`)
  }
  if (inputs.allowUnlistedAssets && !inputs.releaseAssets) refuse(Inputs.AllowUnlistedAssets, 'needs release-assets: true')
  if (!releaseTag && (inputs.checksums || inputs.overwrite || inputs.releaseAssets || inputs.releasePublish)) {
    refuse(inputs.checksums ? Inputs.Checksums : inputs.overwrite ? Inputs.Overwrite : inputs.releaseAssets ? Inputs.ReleaseAssets : Inputs.ReleasePublish, 'needs release-tag')
  }
  if (releaseTag && !githubToken) refuse(Inputs.GithubToken, 'is empty; release-tag needs a token (the default is github.token)')
  return inputs
}
