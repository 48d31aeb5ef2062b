import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { parseAlgorithm } from '../core/algorithms.js'
import { parseDuration } from '../core/duration.js'
import { describeFsError, errorLine, escapeWorkflowCommands, isVerificationFailure, oneLine, SealError } from '../core/errors.js'
import { parseKeyEncoding, type MacKey } from '../core/keys.js'
import { progressLine } from '../core/progress.js'
import { checkBaseDir, seal, sealSubjects, type SealResult } from '../core/seal.js'
import type { SealContext } from '../core/statement.js'
import { splitPatterns } from '../core/subjects.js'
import { parseChoice } from '../core/choice.js'
import { parseEvents, parsePatterns, type VerifyPolicy } from '../core/policy.js'
import { verifyManifest, type PredicateExpectations, type VerifyOptions, type VerifyReport } from '../core/verify.js'
import { TOOL_VERSION } from '../core/version.js'
import { createGitHubClient, parseRepository } from '../github/client.js'
import { contextFromEnv } from '../github/context.js'
import { parseKeySource, resolveKeys, signingKeysOf } from '../keys/key-source.js'
import { checkCarriers, shipSeal, verifyCarried, type Carriers, type Shipped } from '../transport/carry.js'
import { merge, partLines, type MergeOutcome } from '../core/merge.js'
import { checkerFor, statementChecksumList } from '../transport/sha256sum.js'
import { readSubjectChecksums } from '../transport/subject-checksums.js'
import { STORE_OPTIONS, type StoreOptions } from '../keys/options.js'

/** Exit codes from the contract. */
export const ExitCode = { Ok: 0, VerificationFailed: 1, Usage: 2 } as const

export const USAGE = `Usage: artifact-seal <sign|verify|merge|checksums> [options]

Seal build artifacts with an HMAC-signed manifest, or verify them against one.
merge verifies the manifests of several jobs (--manifests) without reading files and writes one
manifest (--manifest) listing every file once, with predicate.parts saying which part sealed it.
checksums verifies the manifest's signature (not the files) and prints its subjects as a list
for sha256sum -c (sha384sum/sha512sum with that --algorithm); nothing is printed unless it verifies.

Options (the same as the action's inputs):
  --path PATTERN             glob pattern (@actions/glob syntax), repeatable; required to sign.
                             To verify: files that match but are not listed fail the check
  --base-dir DIR             subject names are relative to it (default: .)
  --manifest FILE            manifest to write or read (default: artifact-seal.json)
  --key-file FILE            file with the HMAC key, one key per line
                             (default: the ARTIFACT_SEAL_KEY environment variable)
  --key-encoding ENC         hex (default), base64 or utf8
  --key-source SOURCE        input (default), vault, vault-transit, aws-secrets-manager,
                             aws-kms, gcp-secret-manager, gcp-kms, azure-key-vault or
                             azure-managed-hsm (see "Key sources" below)
  --algorithm ALG            sha256 (default), sha384 or sha512
  --expires-in DURATION      sign: the manifest expires after this long (45s, 30m, 12h, 90d)
  --max-age DURATION         verify: refuse a manifest created longer ago than this
  --expected-repository R    verify: the manifest must come from owner/name
                             (default: $GITHUB_REPOSITORY when set)
  --expected-commit SHA      verify: the manifest must have been signed at this commit
  --allow-unlisted           verify: let files that match --path but are not listed pass
  --allow-symlinks           seal and verify files reached through a symbolic link that stays
                             inside --base-dir (default: such a name is refused, named)
  --expected-ref PATTERN     verify: the manifest must have been signed at a ref matching this
                             glob (repeatable), e.g. 'refs/tags/v*'; * does not cross /
  --expected-workflow PATTERN
                             verify: the manifest must have been signed by a workflow whose file
                             (workflowRef between owner/name/ and @) matches this glob
                             (repeatable), e.g. .github/workflows/release.yml
  --expected-event EVENTS    verify: the manifest must have been signed in a run of one of these
                             events (repeatable, or comma separated), e.g. push,release
  --require-hosted-runner    verify: the manifest must have been signed on a GitHub-hosted runner
                             A field the manifest does not record fails the check that asks for it.
  --subject PATTERN          verify and checksums: check (print) only the listed subjects matching
                             this glob over subject names (repeatable; ! excludes); a pattern
                             matching no listed subject fails with SUBJECT_NOT_LISTED
  --manifests PATTERN        merge: glob of the part manifests (repeatable), required; each must
                             verify (--expected-repository, --expected-commit, default
                             $GITHUB_SHA, --max-age and the policy flags apply to every part)
  --label TEXT               sign and merge: free text recorded in the predicate (e.g. the matrix OS)
  --repository, --commit, --ref, --workflow-ref, --job, --event-name, --runner-environment,
  --workflow-sha             sign: what to bind when not running in GitHub Actions (default:
                             $GITHUB_REPOSITORY, $GITHUB_SHA, $GITHUB_REF, $GITHUB_WORKFLOW_REF,
                             $GITHUB_JOB, $GITHUB_EVENT_NAME, $RUNNER_ENVIRONMENT,
                             $GITHUB_WORKFLOW_SHA); --runner-environment is github-hosted or
                             self-hosted
  --subject-checksums FILE   sign: seal this sha256sum (or --tag) list instead of hashing files;
                             its names obey the path rules, its digests must be of --algorithm
  --release-tag TAG          sign: attach the manifest to the release of TAG in --repo;
                             verify: fetch it from there when the --manifest file is absent
  --repo OWNER/NAME          the release's repository (default: $GITHUB_REPOSITORY); the token
                             comes from GITHUB_TOKEN, the API from GITHUB_API_URL (GHES)
  --checksums                sign: also attach SHA256SUMS (named after --algorithm: SHA512SUMS
                             for sha512) to the release
  --overwrite                sign: replace release assets of the same name (else an error)
  --release-publish          sign and merge: publish the draft release after attaching the manifest
                             (a published immutable release cannot take it; a release that is not
                             a draft cannot be published)
  --release-assets           verify: download the release's assets that the manifest lists into
                             --base-dir, each replacing the file of its name only once its
                             digest matched, then verify them; an asset the manifest does not
                             list (other than the manifest and its SHA256SUMS) fails the check
  --release-assets=digests   verify: download nothing; compare each selected subject's sha256 with
                             the digest GitHub's release API reports for the asset of that name
                             (trusts GitHub's computation; --algorithm sha256 only)
  --allow-unlisted-assets    verify with --release-assets: let unlisted release assets pass
  --tag                      checksums: print BSD-style lines (sha256sum --tag)
  --json                     print a machine-readable report on stdout
  -h, --help                 show this help
  --version                  show the version

Key sources (the same names as the action's inputs; README "Key sources"):
  vault                      --vault-url URL (default $VAULT_ADDR) --vault-role ROLE
                             --vault-secret secret/data/PATH [--vault-secret-field key]
                             [--vault-namespace NS (default $VAULT_NAMESPACE)]
                             [--vault-auth-path jwt] [--oidc-audience AUD]
  vault-transit              the Vault flags, --vault-transit-key NAME
                             [--vault-transit-mount transit]
  aws-secrets-manager        --aws-region R (default $AWS_REGION) --aws-role-arn ARN
                             --aws-secret-id ID [--oidc-audience sts.amazonaws.com]
  aws-kms                    --aws-region R --aws-role-arn ARN --aws-kms-key-id ID
                             (repeatable, to rotate)
  gcp-secret-manager         --gcp-workload-identity-provider projects/N/locations/global/
                             workloadIdentityPools/P/providers/X [--gcp-service-account SA]
                             --gcp-secret projects/P/secrets/S[/versions/V]
  gcp-kms                    the GCP flags, --gcp-kms-key projects/…/cryptoKeyVersions/V
                             (repeatable: the first signs, all verify)
  azure-key-vault            --azure-tenant-id T --azure-client-id C
                             --azure-key-vault-url https://NAME.vault.azure.net
                             --azure-secret NAME[/VERSION]
  azure-managed-hsm          --azure-tenant-id T --azure-client-id C
                             --azure-managed-hsm-url https://NAME.managedhsm.azure.net
                             --azure-hsm-key NAME[/VERSION] (repeatable)
                             The OIDC token comes from ACTIONS_ID_TOKEN_REQUEST_URL and
                             ACTIONS_ID_TOKEN_REQUEST_TOKEN (a GitHub Actions job with
                             permissions id-token: write); elsewhere, from ARTIFACT_SEAL_OIDC_TOKEN.
                             Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, _KMS,
                             _SECRETS_MANAGER; GCP_ENDPOINT_STS, _IAMCREDENTIALS,
                             _SECRETMANAGER, _CLOUDKMS; AZURE_AUTHORITY_HOST.

Exit codes: 0 signed or verified, 1 verification failed, 2 bad usage or configuration.
`

const OPTIONS = {
  path: { type: 'string', multiple: true },
  'base-dir': { type: 'string' },
  manifest: { type: 'string' },
  'key-file': { type: 'string' },
  'key-encoding': { type: 'string' },
  'key-source': { type: 'string' },
  algorithm: { type: 'string' },
  'expires-in': { type: 'string' },
  'max-age': { type: 'string' },
  'expected-repository': { type: 'string' },
  'expected-commit': { type: 'string' },
  'allow-unlisted': { type: 'boolean' },
  'allow-symlinks': { type: 'boolean' },
  'expected-ref': { type: 'string', multiple: true },
  'expected-workflow': { type: 'string', multiple: true },
  'expected-event': { type: 'string', multiple: true },
  'require-hosted-runner': { type: 'boolean' },
  label: { type: 'string' },
  repository: { type: 'string' },
  commit: { type: 'string' },
  ref: { type: 'string' },
  'workflow-ref': { type: 'string' },
  job: { type: 'string' },
  'event-name': { type: 'string' },
  'runner-environment': { type: 'string' },
  'workflow-sha': { type: 'string' },
  'subject-checksums': { type: 'string' },
  subject: { type: 'string', multiple: true },
  manifests: { type: 'string', multiple: true },
  'release-publish': { type: 'boolean' },
  'release-assets-digests': { type: 'boolean' },
  'release-tag': { type: 'string' },
  repo: { type: 'string' },
  checksums: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  'release-assets': { type: 'boolean' },
  'allow-unlisted-assets': { type: 'boolean' },
  tag: { type: 'boolean' },
  'vault-url': { type: 'string' },
  'vault-namespace': { type: 'string' },
  'vault-auth-path': { type: 'string' },
  'vault-role': { type: 'string' },
  'vault-secret': { type: 'string' },
  'vault-secret-field': { type: 'string' },
  'oidc-audience': { type: 'string' },
  'vault-transit-mount': { type: 'string' },
  'vault-transit-key': { type: 'string' },
  'aws-region': { type: 'string' },
  'aws-role-arn': { type: 'string' },
  'aws-secret-id': { type: 'string' },
  'aws-kms-key-id': { type: 'string', multiple: true },
  'gcp-workload-identity-provider': { type: 'string' },
  'gcp-service-account': { type: 'string' },
  'gcp-secret': { type: 'string' },
  'gcp-kms-key': { type: 'string', multiple: true },
  'azure-tenant-id': { type: 'string' },
  'azure-client-id': { type: 'string' },
  'azure-key-vault-url': { type: 'string' },
  'azure-secret': { type: 'string' },
  'azure-managed-hsm-url': { type: 'string' },
  'azure-hsm-key': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' }
} satisfies ParseArgsConfig['options']

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** Where the CLI writes; injectable so that tests run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
}

async function readKeyText(values: Values, io: Io): Promise<{ text: string; label: string }> {
  if (values['key-file']) {
    const file = path.resolve(io.cwd, values['key-file'])
    try {
      return { text: await fs.readFile(file, 'utf8'), label: `--key-file ${file}` }
    } catch (error) {
      throw new SealError('INPUT_INVALID', `--key-file ${file}: cannot read: ${describeFsError(error)}`, '--key-file')
    }
  }
  const text = io.env.ARTIFACT_SEAL_KEY ?? ''
  if (!text.trim()) {
    throw new SealError('INPUT_INVALID', 'no key: give --key-file FILE or set ARTIFACT_SEAL_KEY', '--key-file')
  }
  return { text, label: 'ARTIFACT_SEAL_KEY' }
}

/** The remote key sources' flags, with the environment variables Vault's own CLI reads as defaults. */
function storeOptions(values: Values, env: NodeJS.ProcessEnv): StoreOptions {
  const store: StoreOptions = {}
  for (const name of STORE_OPTIONS) {
    const value = values[name]
    store[name] = Array.isArray(value) ? value.join('\n') : value
  }
  store['vault-url'] ??= env.VAULT_ADDR
  store['vault-namespace'] ??= env.VAULT_NAMESPACE
  return store
}

async function loadKeys(values: Values, io: Io, algorithm: ReturnType<typeof parseAlgorithm>, purpose: 'sign' | 'verify'): Promise<MacKey[]> {
  const source = parseKeySource(values['key-source'] || 'input', '--key-source')
  const encoding = parseKeyEncoding(values['key-encoding'] || 'hex', '--key-encoding')
  if (source !== 'input' && values['key-file']) {
    // As the action refuses `key` with a remote source: two keys named, one silently unused, is a mistake.
    throw new SealError('INPUT_INVALID', `--key-file is not used with --key-source ${source}: the key comes from the store`, '--key-file')
  }
  const { text, label } = source === 'input' ? await readKeyText(values, io) : { text: '', label: '--key-source' }
  // Nothing a terminal shows is masked, so the CLI simply never prints the key (or any token).
  return resolveKeys({
    source,
    algorithm,
    encoding,
    keyText: text,
    keyLabel: label,
    onSecret: () => {},
    purpose,
    store: storeOptions(values, io.env),
    optionName: name => `--${name}`,
    env: io.env,
    log: line => io.stderr(`${line}\n`),
    allowEnvToken: true
  })
}

function cliContext(values: Values, env: NodeJS.ProcessEnv): SealContext {
  const context = contextFromEnv(env)
  // An empty flag says "unknown", as an unset variable does.
  const given = (flag: string | undefined, fallback: string | null): string | null => (flag === undefined ? fallback : flag || null)
  const runner = values['runner-environment']
  return {
    ...context,
    repository: values.repository || context.repository,
    commit: values.commit || context.commit,
    ref: values.ref || context.ref,
    workflowRef: given(values['workflow-ref'], context.workflowRef),
    job: given(values.job, context.job),
    label: values.label || null,
    eventName: given(values['event-name'], context.eventName),
    runnerEnvironment: runner ? parseChoice(runner, ['github-hosted', 'self-hosted'] as const, '--runner-environment') : given(runner, context.runnerEnvironment),
    workflowSha: given(values['workflow-sha'], context.workflowSha)
  }
}

type Command = 'sign' | 'verify' | 'merge' | 'checksums'

/** Flags that only some commands take; given to another, they would silently do nothing (--repository, --commit and --ref predate this and stay accepted). */
const ONLY: Partial<Record<keyof Values, readonly Command[]>> = {
  label: ['sign', 'merge'],
  'workflow-ref': ['sign', 'merge'],
  job: ['sign', 'merge'],
  'event-name': ['sign', 'merge'],
  'runner-environment': ['sign', 'merge'],
  'workflow-sha': ['sign', 'merge'],
  'expected-ref': ['verify', 'checksums', 'merge'],
  'expected-workflow': ['verify', 'checksums', 'merge'],
  'expected-event': ['verify', 'checksums', 'merge'],
  'require-hosted-runner': ['verify', 'checksums', 'merge'],
  subject: ['verify', 'checksums'],
  manifests: ['merge'],
  'release-publish': ['sign', 'merge'],
  'release-assets-digests': ['verify']
}

function refuseOtherCommand(values: Values, command: Command): void {
  for (const [flag, commands] of Object.entries(ONLY) as [keyof Values, readonly Command[]][]) {
    if (values[flag] === undefined || commands.includes(command)) continue
    const shown = flag === 'release-assets-digests' ? 'release-assets=digests' : flag
    throw new SealError('INPUT_INVALID', `--${shown} is for ${commands.slice(0, -1).join(', ')}${commands.length > 1 ? ' and ' : ''}${commands.at(-1)} only`, `--${shown}`)
  }
}

/** The verify policy flags (core/policy.ts), parsed before anything is read. */
function policyOf(values: Values): VerifyPolicy {
  return {
    refs: parsePatterns(values['expected-ref'] ?? [], '--expected-ref'),
    workflows: parsePatterns(values['expected-workflow'] ?? [], '--expected-workflow'),
    events: parseEvents(values['expected-event'] ?? [], '--expected-event'),
    hostedRunner: values['require-hosted-runner'] ?? false
  }
}

function patternsOf(values: Values): string[] {
  return (values.path || []).flatMap(splitPatterns)
}

/** The release that --release-tag and --repo name; flags that need one are refused without it. */
async function carriersOf(values: Values, io: Io, command: 'sign' | 'verify' | 'merge'): Promise<Carriers> {
  const carriers: Carriers = { log: line => io.stderr(`${line}\n`), warn: line => io.stderr(`warning: ${line}\n`) }
  const tag = values['release-tag']
  const needsTag = (['checksums', 'overwrite', 'release-assets', 'release-assets-digests', 'release-publish', 'allow-unlisted-assets', 'repo'] as const).find(flag => values[flag] !== undefined)
  if (!tag) {
    if (needsTag) {
      const shown = needsTag === 'release-assets-digests' ? 'release-assets=digests' : needsTag
      throw new SealError('INPUT_INVALID', `--${shown} needs --release-tag`, `--${shown}`)
    }
    return carriers
  }
  if (values['release-assets-digests'] && (values.algorithm ?? 'sha256') !== 'sha256') {
    throw new SealError('INPUT_INVALID', `--release-assets=digests compares GitHub's sha256 asset digests; --algorithm is ${values.algorithm}`, '--release-assets')
  }
  if (command !== 'verify' && values['release-assets']) throw new SealError('INPUT_INVALID', '--release-assets is for verify only', '--release-assets')
  if (values['allow-unlisted-assets'] && !values['release-assets'] && !values['release-assets-digests']) throw new SealError('INPUT_INVALID', '--allow-unlisted-assets needs --release-assets', '--allow-unlisted-assets')
  if (command === 'verify' && (values.checksums || values.overwrite)) {
    throw new SealError('INPUT_INVALID', `--${values.checksums ? 'checksums' : 'overwrite'} is for sign only`, '--release-tag')
  }
  const repository = values.repo || io.env.GITHUB_REPOSITORY
  if (!repository) throw new SealError('INPUT_INVALID', '--release-tag needs --repo owner/name (or GITHUB_REPOSITORY)', '--repo')
  carriers.release = {
    client: await createGitHubClient({ token: io.env.GITHUB_TOKEN ?? '' }, io.env),
    repo: parseRepository(repository, '--repo'),
    tag,
    checksums: values.checksums,
    overwrite: values.overwrite,
    publish: values['release-publish'],
    assets: values['release-assets-digests'] ? 'digests' : values['release-assets'],
    allowUnlistedAssets: values['allow-unlisted-assets']
  }
  return carriers
}

async function runSign(values: Values, io: Io): Promise<SealResult & Shipped> {
  const algorithm = parseAlgorithm(values.algorithm || 'sha256', '--algorithm')
  const patterns = patternsOf(values)
  const listFile = values['subject-checksums']
  if (patterns.length === 0 && !listFile) throw new SealError('INPUT_INVALID', 'sign needs at least one --path pattern (or --subject-checksums)', '--path')
  if (patterns.length > 0 && listFile) throw new SealError('INPUT_INVALID', '--subject-checksums and --path exclude each other', '--subject-checksums')
  const expiresInMs = values['expires-in'] ? parseDuration(values['expires-in'], '--expires-in') : undefined
  const context = cliContext(values, io.env)
  const carriers = await carriersOf(values, io, 'sign')
  const keys = await loadKeys(values, io, algorithm, 'sign')
  await checkCarriers(carriers)
  const common = {
    manifestPath: path.resolve(io.cwd, values.manifest || 'artifact-seal.json'),
    algorithm,
    keys,
    context,
    expiresInMs
  }
  const result = listFile
    ? await sealSubjects(await readSubjectChecksums(path.resolve(io.cwd, listFile), algorithm, '--subject-checksums'), common)
    : await seal({
        ...common,
        patterns,
        baseDir: path.resolve(io.cwd, values['base-dir'] || '.'),
        cwd: io.cwd,
        allowSymlinks: values['allow-symlinks'] ?? false,
        hashing: { onProgress: (...p) => io.stderr(progressLine(...p) + '\n') }
      })
  return { ...result, ...(await shipSeal(result, carriers)) }
}

/** What the predicate must say (verify, checksums, and merge for each part), parsed before anything is read. */
function expectationsOf(values: Values, io: Io, defaultCommit: string | null): PredicateExpectations & { expectedCommit: string | null; expectedRepository: string | null; policy: VerifyPolicy } {
  const maxAgeMs = values['max-age'] ? parseDuration(values['max-age'], '--max-age') : undefined
  const expectedCommit = values['expected-commit'] || defaultCommit
  if (expectedCommit && !/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(expectedCommit)) {
    throw new SealError('INPUT_INVALID', `--expected-commit ${expectedCommit} is not a full commit SHA`, '--expected-commit')
  }
  return { maxAgeMs, expectedCommit, expectedRepository: values['expected-repository'] || io.env.GITHUB_REPOSITORY || null, policy: policyOf(values) }
}

/** The verify options the flags give (checksums uses the manifest's half of them). */
async function verifyOptionsOf(values: Values, io: Io): Promise<{ options: VerifyOptions; carriers: Carriers }> {
  const algorithm = parseAlgorithm(values.algorithm || 'sha256', '--algorithm')
  const { maxAgeMs, expectedCommit, expectedRepository, policy } = expectationsOf(values, io, null)
  const carriers = await carriersOf(values, io, 'verify')
  const keys = await loadKeys(values, io, algorithm, 'verify')
  const options: VerifyOptions = {
    manifestPath: path.resolve(io.cwd, values.manifest || 'artifact-seal.json'),
    baseDir: path.resolve(io.cwd, values['base-dir'] || '.'),
    algorithm,
    keys,
    patterns: patternsOf(values),
    allowUnlisted: values['allow-unlisted'] ?? false,
    allowSymlinks: values['allow-symlinks'] ?? false,
    cwd: io.cwd,
    expectedRepository,
    expectedCommit,
    maxAgeMs,
    policy,
    subjects: parsePatterns(values.subject ?? [], '--subject'),
    hashing: { onProgress: (...p) => io.stderr(progressLine(...p) + '\n') }
  }
  return { options, carriers }
}

async function runVerify(values: Values, io: Io): Promise<VerifyReport> {
  const { options, carriers } = await verifyOptionsOf(values, io)
  return verifyCarried(options, carriers)
}

async function runMerge(values: Values, io: Io): Promise<MergeOutcome> {
  const algorithm = parseAlgorithm(values.algorithm || 'sha256', '--algorithm')
  const manifests = (values.manifests ?? []).flatMap(splitPatterns)
  if (manifests.length === 0) throw new SealError('INPUT_INVALID', 'merge needs at least one --manifests pattern (the part manifests)', '--manifests')
  if (values.path || values['subject-checksums']) throw new SealError('INPUT_INVALID', `--${values.path ? 'path' : 'subject-checksums'} is not used by merge: the parts list the files`, values.path ? '--path' : '--subject-checksums')
  const expiresInMs = values['expires-in'] ? parseDuration(values['expires-in'], '--expires-in') : undefined
  const expected = expectationsOf(values, io, io.env.GITHUB_SHA || null)
  const context = cliContext(values, io.env)
  const carriers = await carriersOf(values, io, 'merge')
  const keys = await loadKeys(values, io, algorithm, 'verify')
  await checkCarriers(carriers)
  const outcome = await merge({
    ...expected,
    manifests,
    manifestPath: path.resolve(io.cwd, values.manifest || 'artifact-seal.json'),
    algorithm,
    keys,
    signingKeys: signingKeysOf(parseKeySource(values['key-source'] || 'input', '--key-source'), keys),
    context,
    expiresInMs,
    cwd: io.cwd,
    manifestsOption: '--manifests'
  })
  if (outcome.ok) {
    const shipped = await shipSeal(outcome.result, carriers)
    if (shipped.manifestAsset) io.stderr(`release asset ${shipped.manifestAsset.browserDownloadUrl}\n`)
  }
  return outcome
}

/** `checksums`: the manifest's subjects as a coreutils list, printed only once the signature and predicate check. */
async function runChecksums(values: Values, io: Io): Promise<number> {
  if (values['release-tag'] || values.path) {
    throw new SealError('INPUT_INVALID', `checksums reads a local --manifest; --${values.path ? 'path' : 'release-tag'} is not used`, '--manifest')
  }
  const { options } = await verifyOptionsOf(values, io)
  await checkBaseDir(options.baseDir)
  const report = await verifyManifest(options)
  if (report.result !== 'verified' || !report.statement) {
    for (const problem of report.problems) io.stderr(`FAIL ${problem.code}: ${problem.message}\n`)
    io.stderr('artifact-seal: the manifest did not verify; no checksums printed\n')
    return ExitCode.VerificationFailed
  }
  const algorithm = report.algorithm
  io.stdout(statementChecksumList({ ...report.statement, subject: report.selected }, algorithm, { tag: values.tag }))
  io.stderr(`manifest verified (key ${report.keyId}); check the files with: ${checkerFor(algorithm)} -c\n`)
  return ExitCode.Ok
}

/** Prints what merge did (or every problem that stopped it, nothing written) and returns the exit code. */
function printMerge(outcome: MergeOutcome, values: Values, io: Io): number {
  if (!outcome.ok) {
    if (values.json) io.stdout(JSON.stringify({ result: 'failed', partCount: outcome.partCount, problems: outcome.problems }, null, 2) + '\n')
    else for (const problem of outcome.problems) io.stdout(`FAIL ${problem.code}: ${problem.message}\n`)
    io.stderr(`artifact-seal: merge refused: ${outcome.problems.length} problem(s) in ${outcome.partCount} part(s); nothing was written\n`)
    return ExitCode.VerificationFailed
  }
  const { result } = outcome
  if (values.json) {
    const { manifestPath, manifestSha256, keyIds, parts, subjects } = result
    io.stdout(JSON.stringify({ result: 'merged', manifestPath, manifestSha256, subjectCount: subjects.length, partCount: parts.length, keyId: keyIds[0], keyIds, parts, subjects }, null, 2) + '\n')
  } else {
    for (const line of partLines(result.parts)) io.stdout(`${line}\n`)
    io.stdout(`merged ${result.parts.length} part(s), ${result.subjects.length} file(s), into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`)
  }
  return ExitCode.Ok
}

/** The --json answer to a command line that could not be understood. */
const usageJson = (message: string): string => JSON.stringify({ result: 'error', error: oneLine(message), code: 'USAGE' }) + '\n'

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Everything printed passes here: a name or message may hold what the Actions runner reads as a
  // workflow command when the CLI runs in a `run:` step.
  const io: Io = { ...rawIo, stdout: t => rawIo.stdout(escapeWorkflowCommands(t)), stderr: t => rawIo.stderr(escapeWorkflowCommands(t)) }
  let parsed: { values: Values; positionals: string[] }
  try {
    // `--release-assets=digests` is the value the action's release-assets input takes; parseArgs has no optional values.
    const args = argv.map(a => (a === '--release-assets=digests' ? '--release-assets-digests' : a))
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`artifact-seal: ${(error as Error).message}\nRun artifact-seal --help for usage.\n`)
    if (argv.includes('--json')) io.stdout(usageJson((error as Error).message))
    return ExitCode.Usage
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return ExitCode.Ok
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`)
    return ExitCode.Ok
  }
  const command = positionals[0]
  if (positionals.length !== 1 || (command !== 'sign' && command !== 'verify' && command !== 'merge' && command !== 'checksums')) {
    const message = `expected one command: sign, verify, merge or checksums${command ? ` (got ${positionals.join(' ')})` : ''}`
    io.stderr(`artifact-seal: ${message}\nRun artifact-seal --help for usage.\n`)
    if (values.json) io.stdout(usageJson(message))
    return ExitCode.Usage
  }
  try {
    refuseOtherCommand(values, command)
    if (command === 'checksums') return await runChecksums(values, io)
    if (command === 'merge') return printMerge(await runMerge(values, io), values, io)
    if (command === 'sign') {
      const result = await runSign(values, io)
      if (values.json) {
        io.stdout(
          JSON.stringify(
            {
              result: 'signed',
              manifestPath: result.manifestPath,
              manifestSha256: result.manifestSha256,
              subjectCount: result.subjects.length,
              keyId: result.keyIds[0],
              keyIds: result.keyIds,
              releaseAssetUrl: result.manifestAsset?.browserDownloadUrl,
              subjects: result.subjects
            },
            null,
            2
          ) + '\n'
        )
      } else {
        io.stdout(`sealed ${result.subjects.length} file(s) into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`)
        if (result.manifestAsset) io.stdout(`release asset ${result.manifestAsset.browserDownloadUrl}\n`)
      }
      return ExitCode.Ok
    }
    const report = await runVerify(values, io)
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n')
    } else {
      for (const line of partLines(report.statement?.predicate.parts ?? [])) io.stdout(`${line}\n`)
      for (const problem of report.problems) io.stdout(`FAIL ${problem.code}: ${problem.message}\n`)
      io.stdout(
        report.result === 'verified'
          ? `verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})\n`
          : `verification failed: ${report.problems.length} problem(s), ${report.verifiedCount} file(s) verified\n`
      )
    }
    return report.result === 'verified' ? ExitCode.Ok : ExitCode.VerificationFailed
  } catch (error) {
    // A manifest or file that stops verify (too large, unreadable, a broken link planted among the
    // artifacts) is a failed verification; anything else is usage or configuration.
    const failed = command !== 'sign' && isVerificationFailure(error)
    io.stderr(`artifact-seal: ${failed ? 'verification failed' : 'error'}: ${errorLine(error)}\n`)
    if (values.json) {
      io.stdout(JSON.stringify({ result: failed ? 'failed' : 'error', error: errorLine(error), code: error instanceof SealError ? error.code : 'UNEXPECTED' }) + '\n')
    }
    return failed ? ExitCode.VerificationFailed : ExitCode.Usage
  }
}
