import { SealError } from './errors.js'

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000
}

/** Parses `45s`, `30m`, `12h`, `90d` or `2w` into milliseconds; refuses zero, signs and fractions. */
export function parseDuration(value: string, inputName: string): number {
  const match = /^([1-9][0-9]{0,8})([smhdw])$/.exec(value.trim())
  if (!match) {
    throw new SealError(
      'INPUT_INVALID',
      `Invalid ${inputName} input: "${value}". Use a whole number and a unit s, m, h, d or w, for example 30m or 7d`,
      inputName
    )
  }
  return Number(match[1]) * UNIT_MS[match[2]]
}

/** Formats milliseconds as the largest whole unit, for messages. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms)
  if (abs >= 86_400_000) return `${(ms / 86_400_000).toFixed(1)}d`
  if (abs >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)}h`
  if (abs >= 60_000) return `${(ms / 60_000).toFixed(1)}m`
  return `${Math.round(ms / 1000)}s`
}
