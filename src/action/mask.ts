import { setSecret } from '@actions/core'

const masked = new Set<string>()

/** Registers a secret with the runner's log mask, once per distinct value. */
export function maskOnce(value: string): void {
  if (value && !masked.has(value)) {
    masked.add(value)
    setSecret(value)
  }
}
