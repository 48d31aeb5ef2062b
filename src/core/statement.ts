import { DIGEST_HEX_LENGTH, type DigestAlgorithm } from './algorithms.js'
import { SealError } from './errors.js'
import { decodeUtf8Strict } from './encoding.js'
import { isObject, parseJsonStrict } from './json.js'
import { checkSubjectName } from './subjects.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
/** Our predicate, specified in docs/manifest.md. */
export const PREDICATE_TYPE = 'https://github.com/acme/artifact-seal/blob/v1/docs/manifest.md#predicate-v1'

/** Where and when a seal was made: what the predicate binds besides the subjects. */
export interface SealContext {
  repository: string | null
  commit: string | null
  ref: string | null
  workflowRef: string | null
  runId: string | null
  runAttempt: string | null
  serverUrl: string | null
  /** The job's id in the workflow (`GITHUB_JOB`). Added in 1.1.0, as are the fields below. */
  job: string | null
  /** Free text the signer chose (the `label` input), such as the matrix OS. */
  label: string | null
  /** The event that started the run (`GITHUB_EVENT_NAME`), e.g. `push`. */
  eventName: string | null
  /** `github-hosted` or `self-hosted` (`RUNNER_ENVIRONMENT`). */
  runnerEnvironment: string | null
  /** The commit of the workflow file itself (`GITHUB_WORKFLOW_SHA`). */
  workflowSha: string | null
}

/** The predicate of one seal, without `parts`. */
export interface SealFields extends SealContext {
  algorithm: DigestAlgorithm
  createdAt: string
  expiresAt: string | null
  tool: { name: string; version: string }
}

/**
 * One part of a merged manifest (docs/manifest.md "parts"): that part's predicate fields, which
 * manifest it was, the SHA-256 of its bytes, the key that verified it, and the names it listed.
 */
export interface PartRecord extends SealFields {
  /** The part's manifest file, relative to the workspace. */
  manifest: string
  manifestSha256: string
  keyId: string
  subjects: string[]
}

/** The predicate we write; every field is part of what is signed. `parts` only in a merged manifest. */
export interface SealPredicate extends SealFields {
  parts?: PartRecord[]
}

export interface Subject {
  name: string
  digest: Record<string, string>
}

export interface Statement {
  _type: typeof STATEMENT_TYPE
  subject: Subject[]
  predicateType: typeof PREDICATE_TYPE
  predicate: SealPredicate
}

/** Serializes a statement to the exact bytes that are signed. */
export function encodeStatement(statement: Statement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8')
}

const CONTEXT_FIELDS = ['repository', 'commit', 'ref', 'workflowRef', 'runId', 'runAttempt', 'serverUrl'] as const
/**
 * Fields that 1.0.0 did not write. Absent, they decode as null ("unknown"), so that old manifests
 * still verify and a policy that asks about one of them fails (core/policy.ts), never passes.
 */
const LATER_CONTEXT_FIELDS = ['job', 'label', 'eventName', 'runnerEnvironment', 'workflowSha'] as const
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/

/**
 * Shortens manifest text echoed in a message: a statement is only parsed after its MAC matched,
 * but a key holder's mistake (or a 40 MB key name) should still cost one readable line, not 40 MB.
 */
function shown(text: string, max = 64): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function fail(path: string, why: string): never {
  throw new SealError('MANIFEST_INVALID', `statement field ${path} ${why}`, path)
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(path === '' ? shown(key) : `${path}.${shown(key)}`, 'is not part of the format')
  }
}

function time(value: unknown, path: string): string {
  if (typeof value !== 'string' || !RFC3339_UTC.test(value) || Number.isNaN(Date.parse(value))) {
    fail(path, 'is not an RFC 3339 UTC time')
  }
  return value
}

/**
 * Parses the statement from exactly the payload bytes whose MAC matched, and checks it has the
 * documented shape. `algorithm` is the verifier's own configuration: a subject digested with
 * any other algorithm is refused rather than trusted.
 */
export function decodeStatement(payload: Uint8Array, algorithm: DigestAlgorithm): Statement {
  const text = decodeUtf8Strict(payload) ?? fail('payload', 'is not UTF-8')
  const value = parseJsonStrict(text, 'statement')
  if (!isObject(value)) fail('$', 'is not a JSON object')
  onlyKeys(value, ['_type', 'subject', 'predicateType', 'predicate'], '')
  if (value._type !== STATEMENT_TYPE) fail('_type', `is not ${STATEMENT_TYPE}`)
  if (value.predicateType !== PREDICATE_TYPE) fail('predicateType', `is not ${PREDICATE_TYPE}`)

  const predicate = value.predicate
  if (!isObject(predicate)) fail('predicate', 'is not an object')
  const fields = decodeFields(predicate, algorithm, 'predicate')
  const subjects = value.subject
  if (!Array.isArray(subjects) || subjects.length === 0) fail('subject', 'is not a non-empty array')
  const seen = new Set<string>()
  const hexLength = DIGEST_HEX_LENGTH[algorithm]
  const subject = subjects.map((s, i): Subject => {
    const path = `subject[${i}]`
    if (!isObject(s)) fail(path, 'is not an object')
    onlyKeys(s, ['name', 'digest'], path)
    if (typeof s.name !== 'string') fail(`${path}.name`, 'is not a string')
    checkSubjectName(s.name, `statement field ${path}.name`)
    if (seen.has(s.name)) fail(`${path}.name`, `repeats the subject name ${JSON.stringify(shown(s.name, 200))}`)
    seen.add(s.name)
    const digest = s.digest
    if (!isObject(digest)) fail(`${path}.digest`, 'is not an object')
    const algorithms = Object.keys(digest)
    if (algorithms.length !== 1 || algorithms[0] !== algorithm) {
      fail(
        `${path}.digest`,
        `has ${shown(algorithms.join(', ')) || 'no digest'}; this verifier accepts exactly one ${algorithm} digest`
      )
    }
    const hex = digest[algorithm]
    if (typeof hex !== 'string' || hex.length !== hexLength || !/^[0-9a-f]+$/.test(hex)) {
      fail(`${path}.digest.${algorithm}`, `is not ${hexLength} lowercase hex digits`)
    }
    return { name: s.name, digest: { [algorithm]: hex } }
  })

  const parts = predicate.parts === undefined ? undefined : decodeParts(predicate.parts, algorithm, seen)
  return {
    _type: STATEMENT_TYPE,
    subject,
    predicateType: PREDICATE_TYPE,
    predicate: parts === undefined ? fields : { ...fields, parts }
  }
}

/** The fields every seal's predicate has, at `at` (`predicate` or `predicate.parts[i]`). */
function decodeFields(predicate: Record<string, unknown>, algorithm: DigestAlgorithm, at: string): SealFields {
  if (predicate.algorithm !== algorithm) {
    fail(
      `${at}.algorithm`,
      `is ${shown(String(JSON.stringify(predicate.algorithm)))}, but this verifier is configured for ${algorithm}`
    )
  }
  const context: Partial<SealContext> = {}
  for (const key of CONTEXT_FIELDS) {
    const v = predicate[key]
    if (v !== null && typeof v !== 'string') fail(`${at}.${key}`, 'is not a string or null')
    context[key] = v
  }
  for (const key of LATER_CONTEXT_FIELDS) {
    const v = predicate[key]
    if (v !== undefined && v !== null && typeof v !== 'string') fail(`${at}.${key}`, 'is not a string or null')
    context[key] = v ?? null
  }
  const createdAt = time(predicate.createdAt, `${at}.createdAt`)
  const expiresAt = predicate.expiresAt === null ? null : time(predicate.expiresAt, `${at}.expiresAt`)
  const tool = predicate.tool
  if (!isObject(tool) || typeof tool.name !== 'string' || typeof tool.version !== 'string') {
    fail(`${at}.tool`, 'is not an object with string name and version')
  }
  return {
    ...(context as SealContext),
    algorithm,
    createdAt,
    expiresAt,
    tool: { name: tool.name, version: tool.version }
  }
}

/** A merged manifest's parts: each names only subjects the statement lists. */
function decodeParts(value: unknown, algorithm: DigestAlgorithm, listed: ReadonlySet<string>): PartRecord[] {
  if (!Array.isArray(value) || value.length === 0) fail('predicate.parts', 'is not a non-empty array')
  return value.map((part, i): PartRecord => {
    const at = `predicate.parts[${i}]`
    if (!isObject(part)) fail(at, 'is not an object')
    const fields = decodeFields(part, algorithm, at)
    for (const key of ['manifest', 'keyId'] as const)
      if (typeof part[key] !== 'string') fail(`${at}.${key}`, 'is not a string')
    if (typeof part.manifestSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(part.manifestSha256))
      fail(`${at}.manifestSha256`, 'is not 64 lowercase hex digits')
    const names = part.subjects
    if (!Array.isArray(names) || !names.every(n => typeof n === 'string' && listed.has(n)))
      fail(`${at}.subjects`, 'is not an array of names the statement lists')
    return {
      ...fields,
      manifest: part.manifest as string,
      manifestSha256: part.manifestSha256,
      keyId: part.keyId as string,
      subjects: names as string[]
    }
  })
}
