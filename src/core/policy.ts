import { Minimatch } from 'minimatch'
import { SealError, type ProblemCode } from './errors.js'
import type { SealContext } from './statement.js'

/*
 * Verify policy: which ref, workflow, event and runner a manifest says it was sealed by. It is
 * checked only after the MAC matched, so it is exactly as strong as the rules on who may compute
 * that MAC (README "What the policy is worth"). Verify checks it for one manifest; merge will
 * check it for every part, so it lives here, apart from verify's stages.
 */

/** What the verifier asks of the predicate; an absent member is not asked. */
export interface VerifyPolicy {
  /** Glob patterns (path syntax, `!` excludes) over `ref`, e.g. `refs/tags/v*`. */
  refs?: readonly string[]
  /** Glob patterns over the workflow file's path in `workflowRef`, e.g. `.github/workflows/release.yml`. */
  workflows?: readonly string[]
  /** Event names (`GITHUB_EVENT_NAME`), compared exactly. */
  events?: readonly string[]
  /** `runnerEnvironment` must be `github-hosted`. */
  hostedRunner?: boolean
}

export type PolicyProblemCode = Extract<
  ProblemCode,
  'REF_MISMATCH' | 'WORKFLOW_MISMATCH' | 'EVENT_MISMATCH' | 'RUNNER_MISMATCH'
>

export interface PolicyProblem {
  code: PolicyProblemCode
  message: string
  /** The predicate field at fault, e.g. `predicate.ref`. */
  subject: string
}

/**
 * The `path` input's minimatch options (src/core/glob.ts), so that `*` stops at `/` and
 * `refs/tags/v*` never matches `refs/heads/v1`, except `nocase`: path matching follows the file
 * system (case-insensitive on Windows), but a ref or a workflow path is the same string on every
 * verifier, and the verdict must be too. `!` is handled below, as @actions/glob handles it.
 */
const MATCH_OPTIONS = { dot: true, nobrace: true, nocase: false, nocomment: true, noext: true, nonegate: true } as const

/** A compiled pattern list: in order, the last pattern that matches decides, as in `path`. */
export class PatternList {
  private readonly matchers: { exclude: boolean; matcher: Minimatch; descendants: Minimatch | null }[]

  /**
   * With `descendants`, a pattern also matches what lies below what it names, as `path` does
   * (`dist` matches `dist/app.js`): for patterns over subject names.
   */
  constructor(
    readonly patterns: readonly string[],
    options: { descendants?: boolean } = {}
  ) {
    this.matchers = patterns.map(p => {
      const exclude = p.startsWith('!')
      const text = exclude ? p.slice(1) : p
      const below =
        options.descendants && !text.endsWith('/**')
          ? new Minimatch(`${text.replace(/\/+$/, '')}/**`, MATCH_OPTIONS)
          : null
      return { exclude, matcher: new Minimatch(text, MATCH_OPTIONS), descendants: below }
    })
  }

  /** Whether the pattern at `index` on its own (ignoring the others) matches `value`. */
  matchesOne(index: number, value: string): boolean {
    const { matcher, descendants } = this.matchers[index]
    return matcher.match(value) || (descendants?.match(value) ?? false)
  }

  /** Whether `value` is matched by an including pattern and not excluded by a later one. */
  matches(value: string): boolean {
    let matched = false
    this.matchers.forEach(({ exclude }, i) => {
      if (matched === exclude && this.matchesOne(i, value)) matched = !exclude
    })
    return matched
  }
}

function refuse(option: string, why: string): never {
  throw new SealError('INPUT_INVALID', `${option} ${why}`, option)
}

/**
 * Parses glob patterns given one per line (and, in the CLI, once per flag). Blank lines and `#`
 * comments are skipped as in `path`; an empty pattern given on purpose (`--expected-ref ''`, a
 * lone `!`) is refused, as is a list that only excludes: either would be a policy nothing passes
 * that looks like one everything passes.
 */
export function parsePatterns(values: readonly string[], option: string): string[] {
  const patterns: string[] = []
  for (const value of values) {
    const lines = value.split(/\r?\n/).map(l => l.trim())
    if (lines.every(l => l === '')) refuse(option, 'has an empty pattern')
    for (const line of lines) {
      if (line === '' || line.startsWith('#')) continue
      if (line === '!') refuse(option, 'has an empty pattern: a lone !')
      patterns.push(line)
    }
  }
  if (values.length > 0 && patterns.length === 0) refuse(option, 'has no pattern, only comments')
  if (values.length > 0 && !patterns.some(p => !p.startsWith('!')))
    refuse(option, 'has no pattern that is not an exclusion (!)')
  return patterns
}

/** Event names separated by commas or newlines (`push, release`); an empty one is refused. */
export function parseEvents(values: readonly string[], option: string): string[] {
  const events: string[] = []
  for (const value of values) {
    const lines = value.split(/\r?\n/).map(l => l.trim())
    if (lines.every(l => l === '')) refuse(option, 'has an empty event name')
    for (const line of lines) {
      if (line === '') continue
      for (const item of line.split(',').map(e => e.trim())) {
        if (item === '') refuse(option, `has an empty event name in "${line}"`)
        if (!/^[A-Za-z0-9_.-]+$/.test(item))
          refuse(
            option,
            `has "${item}", which is not an event name (such as push, release, workflow_dispatch); separate names with commas`
          )
        events.push(item)
      }
    }
  }
  return events
}

/**
 * The workflow file's path in a workflowRef, `owner/name/<path>@<ref>`: the text between the
 * second `/` and the `@` that starts the ref. The ref is `@refs/…` on GitHub, and a workflow file
 * lies directly in .github/workflows, so its name holds no `/`: the first `@refs/` is that `@`
 * even when the file name or the branch holds an `@`. A workflowRef of another shape (written by
 * the CLI) splits at its last `@`. Null when there is no path to take.
 */
export function workflowPath(workflowRef: string): string | null {
  const m = /^[^/@]+\/[^/@]+\/(.+)$/.exec(workflowRef)
  if (!m) return null
  const rest = m[1]
  const at = rest.includes('@refs/') ? rest.indexOf('@refs/') : rest.lastIndexOf('@')
  const file = at >= 0 ? rest.slice(0, at) : rest
  return file === '' ? null : file
}

const shown = (value: string | null): string => (value === null ? '(not recorded)' : JSON.stringify(value))
const list = (values: readonly string[]): string => values.join(', ')

/** The policy's verdict on a predicate: every problem, in the order of the inputs. Empty when it passes. */
export function checkPolicy(
  predicate: Pick<SealContext, 'ref' | 'workflowRef' | 'eventName' | 'runnerEnvironment'>,
  policy: VerifyPolicy
): PolicyProblem[] {
  const problems: PolicyProblem[] = []
  if (policy.refs && policy.refs.length > 0) {
    const ref = predicate.ref
    if (ref === null || !new PatternList(policy.refs).matches(ref)) {
      problems.push({
        code: 'REF_MISMATCH',
        message: `manifest was signed at ref ${shown(ref)}, which matches none of the expected refs: ${list(policy.refs)}`,
        subject: 'predicate.ref'
      })
    }
  }
  if (policy.workflows && policy.workflows.length > 0) {
    const ref = predicate.workflowRef
    const file = ref === null ? null : workflowPath(ref)
    if (file === null || !new PatternList(policy.workflows).matches(file)) {
      const said =
        ref === null
          ? '(not recorded)'
          : file === null
            ? `${JSON.stringify(ref)} (no workflow path in it)`
            : `${JSON.stringify(file)} (workflowRef ${JSON.stringify(ref)})`
      problems.push({
        code: 'WORKFLOW_MISMATCH',
        message: `manifest was signed by workflow ${said}, which matches none of the expected workflows: ${list(policy.workflows)}`,
        subject: 'predicate.workflowRef'
      })
    }
  }
  if (policy.events && policy.events.length > 0) {
    const event = predicate.eventName
    if (event === null || !policy.events.includes(event)) {
      problems.push({
        code: 'EVENT_MISMATCH',
        message: `manifest was signed in a run of event ${shown(event)}, not one of the expected events: ${list(policy.events)}`,
        subject: 'predicate.eventName'
      })
    }
  }
  if (policy.hostedRunner) {
    const runner = predicate.runnerEnvironment
    if (runner !== 'github-hosted') {
      problems.push({
        code: 'RUNNER_MISMATCH',
        message: `manifest was signed on runner environment ${shown(runner)}; a GitHub-hosted runner ("github-hosted") is required`,
        subject: 'predicate.runnerEnvironment'
      })
    }
  }
  return problems
}

/** Whether the policy asks anything at all (the summary shows it only then). */
export function isPolicyEmpty(policy: VerifyPolicy | undefined): boolean {
  return (
    !policy || (!policy.refs?.length && !policy.workflows?.length && !policy.events?.length && !policy.hostedRunner)
  )
}
