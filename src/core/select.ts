import { oneLine, type ProblemCode } from './errors.js'
import { PatternList } from './policy.js'
import type { Subject } from './statement.js'

/**
 * The `subjects` input: glob patterns in the path syntax over a manifest's subject names (`!`
 * excludes, `*` stops at `/`, a folder's name matches what lies below it). Only the listed
 * subjects they select are checked; the rest may be absent.
 */
export class SubjectSelection {
  private readonly list: PatternList

  /** `patterns` as parsed by parsePatterns (core/policy.ts): no empty one, at least one that includes. */
  constructor(readonly patterns: readonly string[]) {
    this.list = new PatternList(patterns, { descendants: true })
  }

  /** Whether a subject name is selected. */
  has(name: string): boolean {
    return this.list.matches(name)
  }

  /**
   * The listed subjects selected, and a SUBJECT_NOT_LISTED problem for each pattern that is not
   * an exclusion and matches no listed subject: a consumer who asks for `app-linux.tar.gz` must
   * not pass because the manifest does not list it at all.
   */
  select(subjects: readonly Subject[]): {
    selected: Subject[]
    problems: { code: ProblemCode; message: string; subject: string }[]
  } {
    const selected = subjects.filter(s => this.has(s.name))
    const problems = this.patterns.flatMap((pattern, i) =>
      pattern.startsWith('!') || subjects.some(s => this.list.matchesOne(i, s.name))
        ? []
        : [
            {
              code: 'SUBJECT_NOT_LISTED' as const,
              message: oneLine(
                `subjects pattern ${pattern} matches no subject the manifest lists (${subjects.length} listed)`
              ),
              subject: pattern
            }
          ]
    )
    return { selected, problems }
  }
}
