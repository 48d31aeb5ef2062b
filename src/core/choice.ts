import { SealError } from './errors.js'

/**
 * Validates an enumerated input, case-insensitively, with the valid values in the message
 * (the style of actions/upload-artifact: "Unrecognized X input. Provided: Y. Available options: …").
 */
export function parseChoice<T extends string>(value: string, choices: readonly T[], inputName: string): T {
  const v = value.trim().toLowerCase()
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new SealError(
    'INPUT_INVALID',
    `Unrecognized ${inputName} input. Provided: ${value}. Available options: ${choices.join(', ')}`,
    inputName
  )
}
