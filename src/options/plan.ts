import * as path from 'node:path'
import type { DigestAlgorithm } from '../core/algorithms.js'
import { parseDuration } from '../core/duration.js'
import { SealError } from '../core/errors.js'
import type { KeyEncoding } from '../core/keys.js'
import { parseEvents, parsePatterns, type VerifyPolicy } from '../core/policy.js'
import type { SealContext } from '../core/statement.js'
import { readOptions, type OptionValues, type RawValues } from './read.js'
import {
  OPTIONS,
  STORE_OPTIONS,
  type FrontEnd,
  type KeySource,
  type Mode,
  type OptionName,
  type StoreOption
} from './table.js'

/** Where the key comes from, as the plan knows it before anything is read. */
export interface KeyPlan {
  source: KeySource
  encoding: KeyEncoding
  /** The key lines given inline (the action's `key` input); masked by the front end before the plan exists. */
  text?: string
  /** The CLI's --key-file, absolute. */
  file?: string
  /** The CLI's environment variable that holds the key when no file is given. */
  envVariable?: string
  /** The remote sources' options, defaults applied. */
  store: Partial<Record<StoreOption, string>>
}

/** The release that carries the manifest (sign attaches, verify fetches). */
export interface ReleasePlan {
  tag: string
  /** owner/name: this repository to sign, expected-repository to verify, unless --repo says otherwise. */
  repository: string
  /** How the repository was chosen, for the message when it is not owner/name. */
  repositoryFrom: string
  token: string
  checksums: boolean
  overwrite: boolean
  /** Sign and merge: publish the draft once the manifest is attached. */
  publish: boolean
  /** Verify: download the listed (selected) assets, or compare GitHub's digests of them. */
  assets: boolean | 'digests'
  allowUnlistedAssets: boolean
}

/** Everything one run needs, validated: what both front ends hand to src/commands/. */
export interface Plan {
  mode: Mode
  frontEnd: FrontEnd
  /** Where relative paths and patterns start: the workspace in the action, the working directory in the CLI. */
  cwd: string
  patterns: string[]
  /** Merge: glob patterns of the part manifests. */
  manifests: string[]
  /** Verify and checksums: glob patterns over subject names; only the listed subjects they match are checked. */
  subjects: string[]
  baseDir: string
  manifest: string
  key: KeyPlan
  algorithm: DigestAlgorithm
  expiresInMs?: number
  maxAgeMs?: number
  expectedRepository: string | null
  expectedCommit: string | null
  allowUnlisted: boolean
  allowSymlinks: boolean
  /** Leave out broken symbolic links that path matches (default: an error naming each). */
  omitBrokenLinks: boolean
  policy: VerifyPolicy
  /** What sign binds in the predicate. */
  context: SealContext
  subjectChecksums: string | null
  release: ReleasePlan | null
  /** checksums: BSD-style lines. */
  bsdTags: boolean
  json: boolean
  /** An option as this front end spells it in a sentence (`base-dir input`, `--base-dir`). */
  spell: (name: OptionName) => string
}

export interface PlanEnvironment {
  env: NodeJS.ProcessEnv
  cwd: string
  /** The run's identity from the runner's variables (src/github/context.ts). */
  context: SealContext
}

const FULL_SHA = /^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/

/**
 * Turns what a front end read into a plan for one mode: the table's rules first (read.ts), then
 * the rules between options that no table column says. Nothing is read from disk or the network.
 */
export function planFor(frontEnd: FrontEnd, mode: Mode, raw: RawValues, where: PlanEnvironment): Plan {
  const o = readOptions(frontEnd, mode, raw, where.env)
  const spell = (name: OptionName): string => o.spell(name)
  const refuse = (name: OptionName, why: string): never => {
    throw new SealError('INPUT_INVALID', `${spell(name)} ${why}`, o.label(name))
  }
  const resolve = (value: string | undefined, fallback: string): string => path.resolve(where.cwd, value ?? fallback)

  const patterns = o.list('path')
  if (o.isSet('path') && patterns.length === 0) refuse('path', 'has no pattern')
  const subjectChecksums = o.string('subject-checksums')
  if (mode === 'sign' && patterns.length === 0 && !subjectChecksums) {
    refuse('path', `is required to sign: give one or more glob patterns (or ${spell('subject-checksums')})`)
  }
  const manifests = o.list('manifests')
  if (mode === 'merge' && manifests.length === 0)
    refuse('manifests', 'is required to merge: give glob patterns of the part manifests')
  // Merge: the parts come from this run's build unless told otherwise.
  const expectedCommit = o.string('expected-commit') ?? (mode === 'merge' ? where.env.GITHUB_SHA || null : null)
  if (o.string('release-assets') === 'digests' && o.choice('algorithm') !== 'sha256') {
    refuse(
      'release-assets',
      `digests compares GitHub's sha256 asset digests; ${spell('algorithm')} is ${o.choice('algorithm')}`
    )
  }
  if (expectedCommit && !FULL_SHA.test(expectedCommit))
    refuse('expected-commit', `is ${JSON.stringify(expectedCommit)}, not a full commit SHA`)
  if (o.boolean('cache')) refuse('cache', CACHE_REFUSED)
  const duration = (name: OptionName): number | undefined => {
    const value = o.string(name)
    return value ? parseDuration(value, o.label(name)) : undefined
  }
  const expectedRepository = o.string('expected-repository') ?? null

  // The CLI's flags for what sign binds outside Actions; the runner's variables otherwise.
  const bound = (name: OptionName, fallback: string | null): string | null =>
    o.isSet(name) ? (name === 'runner-environment' ? o.choice(name) : o.string(name)!) : fallback
  const run = where.context
  const context: SealContext = {
    ...run,
    repository: bound('repository', run.repository),
    commit: bound('commit', run.commit),
    ref: bound('ref', run.ref),
    workflowRef: bound('workflow-ref', run.workflowRef),
    job: bound('job', run.job),
    label: o.string('label') ?? null,
    eventName: bound('event-name', run.eventName),
    runnerEnvironment: bound('runner-environment', run.runnerEnvironment),
    workflowSha: bound('workflow-sha', run.workflowSha)
  }

  return {
    mode,
    frontEnd,
    cwd: where.cwd,
    patterns,
    manifests,
    subjects: parsePatterns(o.raw('subjects'), o.label('subjects')),
    baseDir: resolve(o.string('base-dir'), '.'),
    manifest: resolve(o.string('manifest'), 'artifact-seal.json'),
    key: keyPlan(o, where),
    algorithm: o.choice('algorithm'),
    expiresInMs: duration('expires-in'),
    maxAgeMs: duration('max-age'),
    expectedRepository,
    expectedCommit,
    allowUnlisted: o.boolean('allow-unlisted'),
    allowSymlinks: o.boolean('allow-symlinks'),
    omitBrokenLinks: o.boolean('omit-broken-symbolic-links'),
    policy: {
      refs: parsePatterns(o.raw('expected-ref'), o.label('expected-ref')),
      workflows: parsePatterns(o.raw('expected-workflow'), o.label('expected-workflow')),
      events: parseEvents(o.raw('expected-event'), o.label('expected-event')),
      hostedRunner: o.boolean('require-hosted-runner')
    },
    context,
    subjectChecksums: subjectChecksums ? resolve(subjectChecksums, '') : null,
    release: releasePlan(o, mode, where, expectedRepository, refuse),
    bsdTags: o.boolean('tag'),
    json: o.boolean('json'),
    spell
  }
}

function keyPlan(o: OptionValues, where: PlanEnvironment): KeyPlan {
  const store: KeyPlan['store'] = {}
  for (const name of STORE_OPTIONS) {
    const value = OPTIONS[name].kind === 'list' ? o.list(name).join('\n') || undefined : o.string(name)
    if (value !== undefined) store[name] = value
  }
  const file = o.string('key-file')
  return {
    source: o.choice('key-source'),
    encoding: o.choice('key-encoding'),
    text: o.string('key'),
    file: file ? path.resolve(where.cwd, file) : undefined,
    envVariable: o.frontEnd === 'cli' ? 'ARTIFACT_SEAL_KEY' : undefined,
    store
  }
}

function releasePlan(
  o: OptionValues,
  mode: Mode,
  where: PlanEnvironment,
  expectedRepository: string | null,
  refuse: (name: OptionName, why: string) => never
): ReleasePlan | null {
  const tag = o.string('release-tag')
  if (!tag) return null
  const token = (o.frontEnd === 'action' ? o.string('github-token') : where.env.GITHUB_TOKEN) ?? ''
  if (!token) {
    if (o.frontEnd === 'action')
      refuse('github-token', 'is empty; release-tag needs a token (the default is github.token)')
    refuse('release-tag', 'needs a token: set GITHUB_TOKEN')
  }
  const flag = o.string('repo')
  const sealing = mode === 'sign' || mode === 'merge'
  const fallback = sealing ? (where.env.GITHUB_REPOSITORY ?? null) : expectedRepository
  const repository = flag ?? fallback
  if (!repository)
    refuse(
      'release-tag',
      `needs the release's repository: ${o.frontEnd === 'cli' ? 'give --repo owner/name or ' : ''}set GITHUB_REPOSITORY`
    )
  return {
    tag,
    repository: repository!,
    repositoryFrom: flag ? o.label('repo') : sealing ? 'GITHUB_REPOSITORY' : o.label('expected-repository'),
    token,
    checksums: o.boolean('checksums'),
    overwrite: o.boolean('overwrite'),
    publish: o.boolean('release-publish'),
    assets: o.string('release-assets') === 'digests' ? 'digests' : o.string('release-assets') === 'true',
    allowUnlistedAssets: o.boolean('allow-unlisted-assets')
  }
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
