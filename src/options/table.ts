/*
 * Every option of the action and the CLI, in one table: its input name (the CLI flag is the same
 * name with `--`, unless `flag` says otherwise), the modes that accept it, its default, what it
 * requires and excludes, its description (action.yml is generated from it: `npm run action-yml`)
 * and its --help line. The front ends only read strings (runner inputs, parseArgs values) into
 * it; src/options/read.ts validates them and src/options/plan.ts turns them into a plan.
 */

import { DIGEST_ALGORITHMS } from '../core/algorithms.js'
import { KEY_ENCODINGS } from '../core/keys.js'

/** What the action's `mode` input and the CLI's command choose. */
export const MODES = ['sign', 'verify', 'merge', 'checksums'] as const
export type Mode = (typeof MODES)[number]
/** The action runs these; `checksums` is the CLI's alone. */
export const ACTION_MODES = ['sign', 'verify', 'merge'] as const satisfies readonly Mode[]

export type FrontEnd = 'action' | 'cli'

/** Where keys come from (`key-source`); each remote source's own options are read by its module in src/keys/. */
export const KEY_SOURCES = [
  'input',
  'vault',
  'vault-transit',
  'aws-secrets-manager',
  'aws-kms',
  'gcp-secret-manager',
  'gcp-kms',
  'azure-key-vault',
  'azure-managed-hsm'
] as const
export type KeySource = (typeof KEY_SOURCES)[number]

/** `list`: newline-separated in the action, repeatable (each value may hold lines) in the CLI. */
export type OptionKind = 'string' | 'list' | 'boolean'

export interface OptionSpec {
  kind: OptionKind
  /** The modes in which giving it means something; elsewhere it is refused. */
  modes: readonly Mode[]
  /** Front ends that offer it (default: both). */
  in?: readonly FrontEnd[]
  /** The CLI's name for it, when it is not the input's. */
  flag?: string
  /** The values it accepts (compared case-insensitively), listed in the message when another is given. */
  choices?: readonly string[]
  /** The value when not given (action.yml's `default`); the CLI applies it too. */
  default?: string
  /** When not given and without a default: this environment variable (applied after validation, so it never counts as given). */
  env?: string
  /** Options that must also be given (a plain name), or must have one of some values. */
  requires?: readonly (string | { option: string; values: readonly string[] })[]
  /** Options that cannot be given with it. */
  excludes?: readonly string[]
  /** action.yml's description (and the README's). */
  description: string
  /** The CLI's --help: the argument's name and a short line; omitted for options listed under "Key sources". */
  help?: { arg?: string; text: string }
  /** The remote key sources' options: listed together, read by src/keys/. */
  store?: true
}

const SIGN = ['sign'] as const
const VERIFY = ['verify'] as const
const VERIFYING = ['verify', 'checksums'] as const
/** What verify asks of a manifest's predicate, merge asks of every part. */
const CHECKING = ['verify', 'checksums', 'merge'] as const
const SEALING = ['sign', 'merge'] as const
const SIGN_VERIFY = ['sign', 'verify'] as const
const WITH_RELEASE = ['sign', 'verify', 'merge'] as const
const ALL = MODES
const ACTION = ['action'] as const
const CLI = ['cli'] as const
const needsSource = (...values: string[]) => [{ option: 'key-source', values }] as const

const VAULT = needsSource('vault', 'vault-transit')
const AWS = needsSource('aws-secrets-manager', 'aws-kms')
const GCP = needsSource('gcp-secret-manager', 'gcp-kms')
const AZURE = needsSource('azure-key-vault', 'azure-managed-hsm')

export const OPTIONS = {
  mode: {
    kind: 'string',
    modes: ALL,
    in: ACTION,
    choices: ACTION_MODES,
    default: 'sign',
    description:
      'sign (hash the files matched by path and write a signed manifest), verify (check a manifest and the files it lists) or merge (one manifest from the verified manifests of several jobs, see manifests).'
  },
  manifests: {
    kind: 'list',
    modes: ['merge'],
    default: '',
    description:
      "Merge: newline-separated glob patterns (the path syntax) of the part manifests, relative to the workspace; required to merge. Each part must verify as verify checks a manifest without reading files (signature, statement, expected-repository, expected-commit, which defaults to this run's commit, max-age, expiry and the policy inputs). The manifest input names the merged manifest written, which is never one of the parts.",
    help: {
      arg: 'PATTERN',
      text: 'merge: glob of the part manifests (repeatable), required; each must verify (--expected-repository, --expected-commit (default $GITHUB_SHA), --max-age and the policy flags apply to every part)'
    }
  },
  subjects: {
    kind: 'list',
    modes: VERIFYING,
    flag: 'subject',
    default: '',
    description:
      "Verify: newline-separated glob patterns (the path syntax) over the manifest's subject names. Only the listed subjects that match are checked; the rest may be absent. A pattern that is not an exclusion and matches no listed subject fails with SUBJECT_NOT_LISTED. With release-assets only the selected assets are fetched or compared.",
    help: {
      arg: 'PATTERN',
      text: 'verify and checksums: check (print) only the listed subjects matching this glob over subject names (repeatable; ! excludes); a pattern matching no listed subject fails with SUBJECT_NOT_LISTED'
    }
  },
  path: {
    kind: 'list',
    modes: SIGN_VERIFY,
    excludes: ['subject-checksums'],
    default: '',
    description:
      'Newline-separated glob patterns in the @actions/glob syntax (as in upload-artifact and cache: `!` excludes, `**` matches any depth, hidden files are included), relative to the workspace. Required to sign. To verify: when given, a matching file that the manifest does not list fails the check (see allow-unlisted).',
    help: {
      arg: 'PATTERN',
      text: 'glob pattern (@actions/glob syntax, relative to the working directory), repeatable; required to sign. To verify: files that match but are not listed fail the check'
    }
  },
  'base-dir': {
    kind: 'string',
    modes: SIGN_VERIFY,
    default: '',
    description:
      'Directory that subject names are relative to. Files outside it are refused. Defaults to the workspace.',
    help: { arg: 'DIR', text: 'subject names are relative to it (default: .)' }
  },
  manifest: {
    kind: 'string',
    modes: ALL,
    default: 'artifact-seal.json',
    description: 'The manifest written (sign) or read (verify), relative to the workspace.',
    help: { arg: 'FILE', text: 'manifest to write or read (default: artifact-seal.json)' }
  },
  key: {
    kind: 'string',
    modes: ALL,
    in: ACTION,
    default: '',
    requires: needsSource('input'),
    description:
      'The HMAC key, one per line (pass a repository secret such as secrets.ARTIFACT_SEAL_KEY). Sign: one signature per key, for rotation. Verify: a valid signature by any listed key passes. Make one with `openssl rand -hex 32`.'
  },
  'key-file': {
    kind: 'string',
    modes: ALL,
    in: CLI,
    requires: needsSource('input'),
    description: 'File with the HMAC key, one key per line.',
    help: {
      arg: 'FILE',
      text: 'file with the HMAC key, one key per line (default: the ARTIFACT_SEAL_KEY environment variable)'
    }
  },
  'key-encoding': {
    kind: 'string',
    modes: ALL,
    choices: KEY_ENCODINGS,
    default: 'hex',
    description:
      'How each key line is encoded: hex, base64 or utf8. A key shorter than 32 bytes after decoding is refused.',
    help: { arg: 'ENC', text: 'hex (default), base64 or utf8' }
  },
  'key-source': {
    kind: 'string',
    modes: ALL,
    choices: KEY_SOURCES,
    default: 'input',
    description:
      'Where the key comes from: input (the key input); vault or aws-secrets-manager (the key is fetched with the job\'s OIDC token); vault-transit or aws-kms (the store computes and checks the MAC with the job\'s OIDC token, and the key never reaches the runner); gcp-secret-manager or azure-key-vault (fetched, as vault); gcp-kms or azure-managed-hsm (computed in the store, as aws-kms). The OIDC sources need `permissions: id-token: write`. See README "Key sources".',
    help: {
      arg: 'SOURCE',
      text: 'input (default), vault, vault-transit, aws-secrets-manager, aws-kms, gcp-secret-manager, gcp-kms, azure-key-vault or azure-managed-hsm (see "Key sources" below)'
    }
  },
  algorithm: {
    kind: 'string',
    modes: ALL,
    choices: DIGEST_ALGORITHMS,
    default: 'sha256',
    description:
      'Content digest, and the hash of the HMAC: sha256, sha384 or sha512. Verify takes it from here, never from the manifest.',
    help: { arg: 'ALG', text: 'sha256 (default), sha384 or sha512' }
  },
  'expires-in': {
    kind: 'string',
    modes: SEALING,
    default: '',
    description:
      'Sign and merge: the manifest expires after this long, e.g. 45s, 30m, 12h, 90d. Empty: never (a merge expires no later than its earliest part).',
    help: { arg: 'DURATION', text: 'sign and merge: the manifest expires after this long (45s, 30m, 12h, 90d)' }
  },
  'max-age': {
    kind: 'string',
    modes: CHECKING,
    default: '',
    description: 'Verify: refuse a manifest created longer ago than this, e.g. 7d.',
    help: { arg: 'DURATION', text: 'verify: refuse a manifest created longer ago than this' }
  },
  'expected-repository': {
    kind: 'string',
    modes: CHECKING,
    default: '',
    env: 'GITHUB_REPOSITORY',
    description:
      'Verify: the manifest must have been signed in this repository (owner/name). Defaults to the repository running the workflow.',
    help: { arg: 'R', text: 'verify: the manifest must come from owner/name (default: $GITHUB_REPOSITORY when set)' }
  },
  'expected-commit': {
    kind: 'string',
    modes: CHECKING,
    default: '',
    description: 'Verify: the manifest must have been signed at this commit (full SHA).',
    help: { arg: 'SHA', text: 'verify: the manifest must have been signed at this commit' }
  },
  'expected-ref': {
    kind: 'list',
    modes: CHECKING,
    default: '',
    description:
      "Verify: the manifest must have been signed at a ref (GITHUB_REF) matching one of these newline-separated glob patterns, e.g. `refs/tags/v*` (the path syntax: `*` does not cross `/`, so it does not match refs/heads/v1; `!` excludes). A manifest that does not record its ref fails. Only as strong as the key's access rules (README).",
    help: {
      arg: 'PATTERN',
      text: "verify: the manifest must have been signed at a ref matching this glob (repeatable), e.g. 'refs/tags/v*'; * does not cross /"
    }
  },
  'expected-workflow': {
    kind: 'list',
    modes: CHECKING,
    default: '',
    description:
      'Verify: the manifest must have been signed by a workflow whose file (the path in workflowRef between owner/name/ and @) matches one of these newline-separated glob patterns, e.g. `.github/workflows/release.yml`.',
    help: {
      arg: 'PATTERN',
      text: 'verify: the manifest must have been signed by a workflow whose file (workflowRef between owner/name/ and @) matches this glob (repeatable), e.g. .github/workflows/release.yml'
    }
  },
  'expected-event': {
    kind: 'list',
    modes: CHECKING,
    default: '',
    description:
      'Verify: the manifest must have been signed by a run of one of these events (comma or newline separated), e.g. `push, release`.',
    help: {
      arg: 'EVENTS',
      text: 'verify: the manifest must have been signed in a run of one of these events (repeatable, or comma separated), e.g. push,release'
    }
  },
  'require-hosted-runner': {
    kind: 'boolean',
    modes: CHECKING,
    default: 'false',
    description:
      'Verify: the manifest must have been signed on a GitHub-hosted runner (runnerEnvironment github-hosted).',
    help: {
      text: 'verify: the manifest must have been signed on a GitHub-hosted runner. A field the manifest does not record fails the check that asks for it.'
    }
  },
  label: {
    kind: 'string',
    modes: SEALING,
    default: '',
    description: 'Sign and merge: free text recorded in the predicate, such as `${{ matrix.os }}`.',
    help: { arg: 'TEXT', text: 'sign and merge: free text recorded in the predicate (e.g. the matrix OS)' }
  },
  'allow-unlisted': {
    kind: 'boolean',
    modes: VERIFY,
    default: 'false',
    requires: ['path'],
    description: 'Verify: with path, let files that the manifest does not list pass instead of failing the check.',
    help: { text: 'verify: let files that match --path but are not listed pass' }
  },
  'allow-symlinks': {
    kind: 'boolean',
    modes: SIGN_VERIFY,
    default: 'false',
    description:
      'Both modes: let a file be sealed and verified when its name goes through a symbolic link (the file itself, or a folder above it) that stays inside base-dir; what is hashed is what the link points to. By default such a name is refused, naming it, because a link ships differently from a file. A link out of base-dir is always refused.',
    help: {
      text: 'seal and verify files reached through a symbolic link that stays inside --base-dir (default: such a name is refused, named)'
    }
  },
  'omit-broken-symbolic-links': {
    kind: 'boolean',
    modes: SIGN_VERIFY,
    default: 'false',
    description:
      "Both modes: leave out symbolic links whose target does not exist when path matches them (@actions/glob's omitBrokenSymbolicLinks). By default each one is an error, all of them named: such a link may resolve on the machine you deploy to. A broken link that path excludes (a ! pattern) is never an error.",
    help: {
      text: 'leave out symbolic links whose target does not exist that --path matches (default: an error naming every one; one that a ! pattern excludes is never an error)'
    }
  },
  // What sign binds when it does not run in GitHub Actions; the runner's variables otherwise.
  repository: {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_REPOSITORY',
    description: 'The repository bound in the predicate.',
    help: { arg: 'OWNER/NAME', text: 'sign: the repository to bind (default: $GITHUB_REPOSITORY)' }
  },
  commit: {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_SHA',
    description: 'The commit bound in the predicate.',
    help: { arg: 'SHA', text: 'sign: the commit to bind (default: $GITHUB_SHA)' }
  },
  ref: {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_REF',
    description: 'The ref bound in the predicate.',
    help: { arg: 'REF', text: 'sign: the ref to bind (default: $GITHUB_REF)' }
  },
  'workflow-ref': {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_WORKFLOW_REF',
    description: 'The workflow ref bound in the predicate.',
    help: { arg: 'REF', text: 'sign: the workflow ref to bind (default: $GITHUB_WORKFLOW_REF)' }
  },
  job: {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_JOB',
    description: 'The job bound in the predicate.',
    help: { arg: 'JOB', text: 'sign: the job to bind (default: $GITHUB_JOB)' }
  },
  'event-name': {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_EVENT_NAME',
    description: 'The event bound in the predicate.',
    help: { arg: 'EVENT', text: 'sign: the event to bind (default: $GITHUB_EVENT_NAME)' }
  },
  'runner-environment': {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'RUNNER_ENVIRONMENT',
    choices: ['github-hosted', 'self-hosted'],
    description: 'The runner environment bound in the predicate.',
    help: { arg: 'ENV', text: 'sign: github-hosted or self-hosted (default: $RUNNER_ENVIRONMENT)' }
  },
  'workflow-sha': {
    kind: 'string',
    modes: SEALING,
    in: CLI,
    env: 'GITHUB_WORKFLOW_SHA',
    description: "The workflow file's commit bound in the predicate.",
    help: { arg: 'SHA', text: 'sign: the workflow commit to bind (default: $GITHUB_WORKFLOW_SHA)' }
  },
  'subject-checksums': {
    kind: 'string',
    modes: SIGN,
    default: '',
    excludes: ['path'],
    description:
      'Sign: seal this checksum list instead of hashing files: the output of `sha256sum` (or `sha256sum --tag`; sha384sum or sha512sum with that algorithm) made by another job. The files are not read. Names obey the same path rules as path; every digest must be of `algorithm`; a malformed line is refused with its line number. Excludes path.',
    help: {
      arg: 'FILE',
      text: 'sign: seal this sha256sum (or --tag) list instead of hashing files; its names obey the path rules, its digests must be of --algorithm'
    }
  },
  'release-tag': {
    kind: 'string',
    modes: WITH_RELEASE,
    default: '',
    description:
      'Sign: attach the manifest as an asset of the release with this tag (needs `permissions: contents: write`). Verify: fetch the manifest from that release when the manifest file is not on disk. The release is looked up in this repository (sign) or expected-repository (verify), through GITHUB_API_URL on GitHub Enterprise Server.',
    help: {
      arg: 'TAG',
      text: 'sign: attach the manifest to the release of TAG in --repo; verify: fetch it from there when the --manifest file is absent'
    }
  },
  repo: {
    kind: 'string',
    modes: WITH_RELEASE,
    in: CLI,
    requires: ['release-tag'],
    description: "The release's repository.",
    help: {
      arg: 'OWNER/NAME',
      text: "the release's repository (default: $GITHUB_REPOSITORY to sign, --expected-repository to verify); the token comes from GITHUB_TOKEN, the API from GITHUB_API_URL (GHES)"
    }
  },
  checksums: {
    kind: 'boolean',
    modes: SEALING,
    default: 'false',
    requires: ['release-tag'],
    description:
      'Sign, with release-tag: also attach a GNU checksum list of the sealed files for people who check by hand, named after the digests it holds: SHA256SUMS (sha256), SHA384SUMS or SHA512SUMS. It is unsigned; the manifest is the authority.',
    help: { text: 'sign: also attach SHA256SUMS (named after --algorithm: SHA512SUMS for sha512) to the release' }
  },
  overwrite: {
    kind: 'boolean',
    modes: SEALING,
    default: 'false',
    requires: ['release-tag'],
    description:
      'Sign, with release-tag: replace release assets of the same name. Without it an existing asset is an error.',
    help: { text: 'sign: replace release assets of the same name (else an error)' }
  },
  'github-token': {
    kind: 'string',
    modes: ALL,
    in: ACTION,
    default: '${{ github.token }}',
    description:
      'Token for the releases API (release-tag). The default job token works; signing needs `permissions: contents: write`.'
  },
  'release-assets': {
    // A string, for `digests`; the CLI's bare --release-assets means true (src/cli/main.ts).
    kind: 'string',
    modes: VERIFY,
    choices: ['true', 'false', 'digests'],
    default: 'false',
    requires: ['release-tag'],
    description:
      "Verify, with release-tag: true, false or digests. true: once the manifest's signature checks, download the release's assets that the manifest lists (those that subjects selects) into base-dir and verify them: a published release checked end to end. A download replaces the file of its name only once its digest matched, and an asset the manifest does not list fails the check (see allow-unlisted-assets). digests: download nothing, and compare each selected subject's digest with the sha256 digest GitHub's release API reports for the asset of that name (this trusts GitHub's computation; algorithm sha256 only). Seal with base-dir set to the directory you upload from, so that subject names are the asset names.",
    help: {
      arg: '[=digests]',
      text: "verify: download the release's assets that the manifest lists (or --subject selects) into --base-dir, each replacing the file of its name only once its digest matched, then verify them; an asset the manifest does not list (other than the manifest and its SHA256SUMS) fails the check. =digests: download nothing, compare with the sha256 digests GitHub reports for the assets (trusts GitHub's computation)"
    }
  },
  'release-publish': {
    kind: 'boolean',
    modes: SEALING,
    default: 'false',
    requires: ['release-tag'],
    description:
      'Sign or merge, with release-tag: after the manifest (and the checksum list) is attached to the draft release, publish it, so that the manifest is frozen with the assets on an immutable release. Publishing a release that is not a draft is an error.',
    help: {
      text: 'sign and merge: publish the draft release after attaching the manifest (a published immutable release cannot take it; a release that is not a draft cannot be published)'
    }
  },
  'allow-unlisted-assets': {
    kind: 'boolean',
    modes: VERIFY,
    default: 'false',
    requires: ['release-assets'],
    description:
      "Verify with release-assets: let release assets that the manifest does not list pass. By default each one fails the check (UNLISTED_FILE), except the manifest itself and the checksum list that sign attached, which must then be exactly the list of the manifest's digests.",
    help: { text: 'verify with --release-assets: let unlisted release assets pass' }
  },
  cache: {
    kind: 'boolean',
    modes: SIGN_VERIFY,
    in: ACTION,
    default: 'false',
    description:
      'No longer supported (since 1.1): true is refused. Restoring an Actions cache entry extracts the whole archive before anything can be checked, so a poisoned entry could write files anywhere. Carry the manifest with actions/upload-artifact or on a release instead; see the README.'
  },
  tag: {
    kind: 'boolean',
    modes: ['checksums'],
    in: CLI,
    description: 'Print BSD-style lines.',
    help: { text: 'checksums: print BSD-style lines (sha256sum --tag)' }
  },
  json: {
    kind: 'boolean',
    modes: ALL,
    in: CLI,
    description: 'Print a machine-readable report on stdout.',
    help: { text: 'print a machine-readable report on stdout' }
  },

  // The remote key sources (src/keys/); their --help is the "Key sources" section.
  'vault-url': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: VAULT,
    default: '',
    env: 'VAULT_ADDR',
    description:
      'key-source vault or vault-transit: the Vault address, e.g. https://vault.example.com:8200. Required for both.'
  },
  'vault-namespace': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: VAULT,
    default: '',
    env: 'VAULT_NAMESPACE',
    description:
      'key-source vault or vault-transit: the Vault Enterprise namespace, sent as X-Vault-Namespace on every request.'
  },
  'vault-auth-path': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: VAULT,
    default: 'jwt',
    description:
      'key-source vault or vault-transit: where the JWT auth method is mounted (the login is POST /v1/auth/<vault-auth-path>/login).'
  },
  'vault-role': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: VAULT,
    default: '',
    description:
      'key-source vault or vault-transit: the JWT auth role to log in as; its bound_claims should pin repository and ref. Required for both.'
  },
  'vault-secret': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('vault'),
    default: '',
    description:
      'key-source vault: the KV v2 API path of the secret after /v1/, with data/, e.g. secret/data/ci/artifact-seal. Required.'
  },
  'vault-secret-field': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('vault'),
    default: 'key',
    description:
      'key-source vault: the field of the secret that holds the key (decoded by key-encoding; one key per line to rotate).'
  },
  'oidc-audience': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource(
      'vault',
      'vault-transit',
      'aws-secrets-manager',
      'aws-kms',
      'gcp-secret-manager',
      'gcp-kms',
      'azure-key-vault',
      'azure-managed-hsm'
    ),
    default: '',
    description:
      "The aud claim asked for in the job's OIDC token. vault and vault-transit: empty means GitHub's default (https://github.com/OWNER), which the role's bound_audiences must list. aws-secrets-manager and aws-kms: empty means sts.amazonaws.com. gcp-secret-manager and gcp-kms: empty means https://iam.googleapis.com/ followed by gcp-workload-identity-provider. azure-key-vault and azure-managed-hsm: empty means api://AzureADTokenExchange."
  },
  'vault-transit-mount': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('vault-transit'),
    default: 'transit',
    description: 'key-source vault-transit: where the transit secrets engine is mounted.'
  },
  'vault-transit-key': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('vault-transit'),
    default: '',
    description:
      'key-source vault-transit: the name of the transit key that computes (sign) and checks (verify) the HMAC. Required.'
  },
  'aws-region': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: AWS,
    default: '',
    description:
      'key-source aws-secrets-manager or aws-kms: the AWS region of the role, secret and key, e.g. us-east-1. Defaults to AWS_REGION when set.'
  },
  'aws-role-arn': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: AWS,
    default: '',
    description:
      "key-source aws-secrets-manager or aws-kms: the IAM role assumed with the job's OIDC token (AssumeRoleWithWebIdentity); its trust policy should pin the token's sub claim. Required for both."
  },
  'aws-secret-id': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('aws-secrets-manager'),
    default: '',
    description:
      'key-source aws-secrets-manager: the name or ARN of the secret; a SecretString is decoded by key-encoding, a SecretBinary is the raw key. Required.'
  },
  'aws-kms-key-id': {
    kind: 'list',
    modes: ALL,
    store: true,
    requires: needsSource('aws-kms'),
    default: '',
    description:
      'key-source aws-kms: the ARN, key id or alias of an HMAC KMS key (key usage GENERATE_VERIFY_MAC) whose MAC algorithms include the configured algorithm. One per line to rotate: sign with each, verify with any. Required. Endpoints follow AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_STS, _KMS and _SECRETS_MANAGER.'
  },
  'gcp-workload-identity-provider': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: GCP,
    default: '',
    description:
      "key-source gcp-secret-manager or gcp-kms: the Workload Identity Federation provider that accepts this job's OIDC token, projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER. Required for both. Endpoints follow GCP_ENDPOINT_STS, GCP_ENDPOINT_IAMCREDENTIALS, GCP_ENDPOINT_SECRETMANAGER and GCP_ENDPOINT_CLOUDKMS."
  },
  'gcp-service-account': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: GCP,
    default: '',
    description:
      'key-source gcp-secret-manager or gcp-kms: a service account to impersonate (IAM Credentials generateAccessToken). Empty: the federated identity is used directly.'
  },
  'gcp-secret': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('gcp-secret-manager'),
    default: '',
    description:
      'key-source gcp-secret-manager: the secret, projects/PROJECT/secrets/NAME (latest version) or with /versions/VERSION; its payload is decoded by key-encoding. Required.'
  },
  'gcp-kms-key': {
    kind: 'list',
    modes: ALL,
    store: true,
    requires: needsSource('gcp-kms'),
    default: '',
    description:
      'key-source gcp-kms: the full name of a Cloud KMS MAC key version, projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V (algorithm HMAC_SHA256, _384 or _512 matching algorithm). One per line to rotate: the first signs, all verify. Required.'
  },
  'azure-tenant-id': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: AZURE,
    default: '',
    description:
      'key-source azure-key-vault or azure-managed-hsm: the Microsoft Entra tenant (directory) id. Required for both. The authority follows AZURE_AUTHORITY_HOST.'
  },
  'azure-client-id': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: AZURE,
    default: '',
    description:
      "key-source azure-key-vault or azure-managed-hsm: the application (client) id whose federated credential trusts this job's OIDC token. Required for both."
  },
  'azure-key-vault-url': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('azure-key-vault'),
    default: '',
    description: 'key-source azure-key-vault: the vault URL, e.g. https://NAME.vault.azure.net. Required.'
  },
  'azure-secret': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('azure-key-vault'),
    default: '',
    description:
      'key-source azure-key-vault: the secret, NAME (current version) or NAME/VERSION; its value is decoded by key-encoding. Required.'
  },
  'azure-managed-hsm-url': {
    kind: 'string',
    modes: ALL,
    store: true,
    requires: needsSource('azure-managed-hsm'),
    default: '',
    description: 'key-source azure-managed-hsm: the HSM URL, e.g. https://NAME.managedhsm.azure.net. Required.'
  },
  'azure-hsm-key': {
    kind: 'list',
    modes: ALL,
    store: true,
    requires: needsSource('azure-managed-hsm'),
    default: '',
    description:
      'key-source azure-managed-hsm: an HMAC key (oct-HSM), NAME/VERSION, or NAME for its current version (which needs keys/read/action). One per line to rotate: the first signs, all verify. Required.'
  }
} as const satisfies Record<string, OptionSpec>

export type OptionName = keyof typeof OPTIONS

/** The remote key sources' options (src/keys/options.ts reads them for the sources). */
export type StoreOption = { [K in OptionName]: (typeof OPTIONS)[K] extends { store: true } ? K : never }[OptionName]

/** The action's outputs (action.yml is generated from these too). */
export const OUTPUTS = {
  'manifest-path': 'Sign and merge: absolute path of the manifest written.',
  'manifest-sha256': "Sign and merge: hex SHA-256 of the manifest file's bytes.",
  'subject-count': 'Sign and merge: number of files sealed.',
  'key-id': 'Sign and merge: key id of the first signature (derived from the key; not secret).',
  'verified-count': 'Verify: number of files whose digest matched.',
  result: 'Verify: verified or failed.',
  'release-asset-url':
    'Sign and merge, with release-tag: the download URL (browser_download_url) of the manifest asset.',
  'part-count': 'Merge: the number of part manifests merged (or found, when the merge was refused).'
} as const
export type OutputName = keyof typeof OUTPUTS

/** Every option as the spec type, in table order. */
export const OPTION_LIST: readonly [OptionName, OptionSpec][] = Object.entries(OPTIONS) as [OptionName, OptionSpec][]

/** Whether a front end offers an option. */
export const offers = (spec: OptionSpec, frontEnd: FrontEnd): boolean => !spec.in || spec.in.includes(frontEnd)

/** The CLI's name of an option, without `--`. */
export const flagOf = (name: OptionName): string => (OPTIONS[name] as OptionSpec).flag ?? name

/** An option's bare name in a front end, the subject of its errors: `base-dir` or `--base-dir`. */
export const nameIn = (name: OptionName, frontEnd: FrontEnd): string =>
  frontEnd === 'action' ? name : `--${flagOf(name)}`

/** An option as the user's front end spells it in a sentence: `base-dir input` or `--base-dir`. */
export const spell = (name: OptionName, frontEnd: FrontEnd): string =>
  frontEnd === 'action' ? `${name} input` : `--${flagOf(name)}`

/** The remote key sources' options, in table order. */
export const STORE_OPTIONS = OPTION_LIST.filter(([, s]) => s.store).map(([name]) => name as StoreOption)
