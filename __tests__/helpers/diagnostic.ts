import { expect } from '@jest/globals'

/**
 * What node:test's `t.diagnostic` did: a line in the test output that is not an assertion (case
 * counts, timings, which cases the machine skipped). Jest gives a test no context object and
 * reads a callback parameter as `done`, so tests call this instead.
 */
export function diagnostic(message: string): void {
  const name = expect.getState().currentTestName
  console.log(name ? `${name}: ${message}` : message)
}

/** The same as an object, for helpers that take a reporter (checkProperty). */
export const reporter = { diagnostic }
