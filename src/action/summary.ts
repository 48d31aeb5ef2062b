import type { SealedSubject, SealResult } from '../core/seal.js'
import type { PartRecord } from '../core/statement.js'
import type { VerifyReport } from '../core/verify.js'
import { isPolicyEmpty, workflowPath } from '../core/policy.js'
import { formatBytes } from '../core/progress.js'

/** Rows shown before a list collapses into <details>. */
export const INLINE_ROWS = 20
/** Rows listed at most; the job summary is limited to 1 MiB per step, so 10,000 files are counted, not listed. */
export const MAX_ROWS = 1000

/**
 * `text` as a Markdown code span, inside which nothing is markup: no link, image, HTML or
 * autolink (a file may be named `[click](https://evil)`). The fence is one backtick longer than
 * any run of backticks in the text; a pipe is escaped as a table cell needs even inside a span.
 */
export function code(text: string): string {
  const t = text.replace(/\r?\n|\r/g, '↵').replace(/\|/g, '\\|')
  const fence = '`'.repeat(Math.max(0, ...(t.match(/`+/g) ?? []).map(run => run.length)) + 1)
  const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') ? ' ' : ''
  return `${fence}${pad}${t}${pad}${fence}`
}

export { formatBytes }

function table(header: string[], rows: string[][], total: number, what: string): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`]
  for (const row of rows.slice(0, MAX_ROWS)) lines.push(`| ${row.join(' | ')} |`)
  let body = lines.join('\n') + '\n'
  if (total > MAX_ROWS)
    body += `\n… and ${total - MAX_ROWS} more ${what} (see the manifest or run the CLI with --json).\n`
  if (total <= INLINE_ROWS) return body
  return `<details><summary>${total} ${what}</summary>\n\n${body}\n</details>\n`
}

/** The job summary for a seal: what was sealed, the manifest, and a table of subjects. */
export function signSummary(result: SealResult): string {
  const total = result.subjects.reduce((sum, s) => sum + (s.size ?? 0), 0)
  const rows = result.subjects.map((s: SealedSubject) => [
    code(s.name),
    s.size === undefined ? '' : formatBytes(s.size),
    `\`${s.digest.slice(0, 12)}…\``
  ])
  return [
    '## artifact-seal: sealed',
    '',
    `Sealed **${result.subjects.length}** file(s), ${result.subjects.every(s => s.size !== undefined) ? formatBytes(total) : 'from a checksum list'}, with ${result.statement.predicate.algorithm}.`,
    '',
    `- Manifest: ${code(result.manifestPath)} (sha256 \`${result.manifestSha256}\`)`,
    `- Key id(s): ${result.keyIds.map(code).join(', ')}`,
    result.statement.predicate.expiresAt ? `- Expires: ${result.statement.predicate.expiresAt}` : '- Expires: never',
    '',
    ...partsTable(result.statement.predicate.parts),
    table(['File', 'Size', result.statement.predicate.algorithm], rows, result.subjects.length, 'files'),
    ''
  ].join('\n')
}

/** The parts of a merged manifest, as a table; nothing for a manifest that is not a merge. */
function partsTable(parts: readonly PartRecord[] | undefined): string[] {
  if (!parts || parts.length === 0) return []
  const rows = parts.map((p, i) => [
    String(i + 1),
    code(p.manifest),
    code(p.label ?? ''),
    code(p.job ?? ''),
    code(p.commit ?? ''),
    String(p.subjects.length),
    code(p.keyId)
  ])
  return [
    '### Parts',
    '',
    table(['#', 'Manifest', 'Label', 'Job', 'Commit', 'Files', 'Key id'], rows, parts.length, 'parts').trimEnd(),
    ''
  ]
}

const STATUS_ICON: Record<string, string> = {
  verified: '✅ verified',
  mismatch: '❌ digest mismatch',
  missing: '❌ missing',
  unreadable: '❌ unreadable',
  unsafe: '❌ unsafe path',
  unlisted: '❌ not in manifest'
}

/** The job summary for a verification: the verdict, every problem, and a table of results. */
export function verifySummary(report: VerifyReport): string {
  const ok = report.result === 'verified'
  const lines = [
    `## artifact-seal: ${ok ? '✅ verified' : '❌ verification failed'}`,
    '',
    `Manifest ${code(report.manifestPath)}, ${report.algorithm}; ${report.verifiedCount} of ${report.statement?.subject.length ?? 0} listed file(s) verified.`
  ]
  const p = report.statement?.predicate
  if (p) {
    // A field not recorded (signed outside Actions) is left out, not printed as "(unknown) ()".
    const where = [
      p.repository ? `in ${code(p.repository)}` : null,
      p.commit ? `at ${code(p.commit)}` : null,
      p.ref ? `(${code(p.ref)})` : null
    ].filter(Boolean)
    lines.push('', `- Signed ${where.length > 0 ? `${where.join(' ')}, ` : ''}${code(p.createdAt)}`)
    if (report.keyId) lines.push(`- Key id: ${code(report.keyId)}`)
    const run = (
      [
        ['workflow', p.workflowRef],
        ['job', p.job],
        ['label', p.label],
        ['event', p.eventName],
        ['runner', p.runnerEnvironment]
      ] as const
    ).filter(([, v]) => v !== null)
    if (run.length > 0) lines.push(`- Run: ${run.map(([k, v]) => `${k} ${code(v as string)}`).join(', ')}`)
  }
  lines.push(...policyTable(report))
  const parts = partsTable(p?.parts)
  if (parts.length > 0) lines.push('', ...parts.slice(0, -1))
  if (report.selection)
    lines.push('', `Only the listed subjects matching ${report.selection.map(code).join(', ')} were checked.`)
  if (report.problems.length > 0) lines.push(...problemList(report))
  if (report.subjects.length > 0) {
    // Failures first, so that the rows a reader needs are never cut off below the verified ones.
    const sorted = [
      ...report.subjects.filter(s => s.status !== 'verified'),
      ...report.subjects.filter(s => s.status === 'verified')
    ]
    const rows = sorted.map(s => [
      code(s.name),
      STATUS_ICON[s.status] ?? s.status,
      s.size === undefined ? '' : formatBytes(s.size),
      s.actual ? `\`${s.actual.slice(0, 12)}…\`` : ''
    ])
    lines.push('', table(['File', 'Result', 'Size', report.algorithm], rows, sorted.length, 'files'))
  }
  lines.push('')
  return lines.join('\n')
}

/** Bytes of problem lines at most: the job summary takes 1 MiB per step, and the file table needs room too. */
export const MAX_PROBLEM_BYTES = 512 * 1024

/**
 * The hints, then every problem: the first INLINE_ROWS in view, the rest in a collapsed list, up
 * to MAX_PROBLEM_BYTES (100,000 problems do not fit in a summary); past that, counts by code.
 */
function problemList(report: VerifyReport): string[] {
  const lines = ['', `### ${report.problems.length} problem(s)`, '']
  for (const hint of report.hints ?? []) lines.push(`> **Hint**: ${code(hint)}`, '')
  const item = (problem: VerifyReport['problems'][number]): string => `- **${problem.code}**: ${code(problem.message)}`
  for (const problem of report.problems.slice(0, INLINE_ROWS)) lines.push(item(problem))
  const rest = report.problems.slice(INLINE_ROWS)
  if (rest.length === 0) return lines
  lines.push('', `<details><summary>${rest.length} more problem(s)</summary>`, '')
  let bytes = 0
  let listed = 0
  for (const problem of rest) {
    const line = item(problem)
    bytes += Buffer.byteLength(line) + 1
    if (bytes > MAX_PROBLEM_BYTES) break
    lines.push(line)
    listed++
  }
  if (listed < rest.length) {
    const counts = new Map<string, number>()
    for (const problem of report.problems) counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1)
    const byCode = [...counts].map(([c, n]) => `${n} ${c}`).join(', ')
    lines.push(`- … and ${rest.length - listed} more, every one in the log (all problems: ${byCode})`)
  }
  lines.push('', '</details>')
  return lines
}

const NOT_RECORDED = '*(not recorded)*'

/**
 * The policy asked for beside what the manifest says, one row per check asked. A check is only
 * made once the signature matched; before that the manifest's word is worth nothing and the row
 * says "not checked".
 */
function policyTable(report: VerifyReport): string[] {
  const policy = report.policy
  if (!policy || isPolicyEmpty(policy)) return []
  const p = report.statement?.predicate
  const failed = new Set(report.problems.map(x => x.code))
  const verdict = (problem: string): string =>
    !p ? 'not checked' : failed.has(problem as never) ? '❌ mismatch' : '✅ matches'
  const said = (value: string | null | undefined): string => (!p ? '' : value == null ? NOT_RECORDED : code(value))
  const rows: string[][] = []
  if (policy.refs?.length) rows.push(['ref', policy.refs.map(code).join('<br>'), said(p?.ref), verdict('REF_MISMATCH')])
  if (policy.workflows?.length) {
    const file = p?.workflowRef ? workflowPath(p.workflowRef) : null
    const shown = !p
      ? ''
      : p.workflowRef === null
        ? NOT_RECORDED
        : file === null
          ? `${code(p.workflowRef)} (no path)`
          : code(file)
    rows.push(['workflow', policy.workflows.map(code).join('<br>'), shown, verdict('WORKFLOW_MISMATCH')])
  }
  if (policy.events?.length)
    rows.push(['event', policy.events.map(code).join(', '), said(p?.eventName), verdict('EVENT_MISMATCH')])
  if (policy.hostedRunner)
    rows.push(['runner', code('github-hosted'), said(p?.runnerEnvironment), verdict('RUNNER_MISMATCH')])
  return [
    '',
    '### Policy',
    '',
    table(['Check', 'Asked for', 'The manifest says', 'Result'], rows, rows.length, 'checks').trimEnd()
  ]
}

/** The summary of a step that stopped on an error before it had a report: the one line, and what it was doing. */
export function errorSummary(mode: string, line: string): string {
  const what =
    mode === 'verify'
      ? '❌ verification failed'
      : mode === 'sign'
        ? '❌ sealing failed'
        : mode === 'merge'
          ? '❌ merge failed'
          : '❌ failed'
  return [`## artifact-seal: ${what}`, '', code(line), ''].join('\n')
}
