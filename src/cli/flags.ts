import { SealError } from '../core/errors.js'

/*
 * One line for a flag util.parseArgs does not know, with the flag probably meant (`--pth` →
 * `--path`). Repeated single-valued flags are refused by the option table (options/read.ts).
 */

/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The known flag closest to `given` (`--pth` → `--path`), or null when none is close. */
export function suggestFlag(given: string, known: readonly string[]): string | null {
  const bare = given.replace(/^-+/, '').split('=')[0].toLowerCase()
  let best: string | null = null
  let bestDistance = Infinity
  for (const name of known) {
    const distance = name.startsWith(bare) && bare.length >= 3 ? 0.5 : editDistance(bare, name)
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best}` : null
}

/** parseArgs's own message, made one line: the flag at fault and, for an unknown one, the flag meant. */
export function usageError(error: Error, known: readonly string[]): SealError {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)
  if (unknown) {
    const meant = suggestFlag(unknown[1], known)
    return new SealError(
      'INPUT_INVALID',
      `unknown flag ${unknown[1]}${meant ? ` (did you mean ${meant}?)` : ''}`,
      unknown[1]
    )
  }
  return new SealError('INPUT_INVALID', error.message.split('. ')[0])
}
