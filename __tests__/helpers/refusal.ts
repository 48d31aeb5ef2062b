import assert from 'node:assert/strict'
import { SealError } from '../../src/core/errors.js'

/**
 * A predicate for assert.rejects/throws: a SealError whose message matches `pattern`, whose
 * subject is `subject` when given, and whose message quotes none of `secrets`.
 */
export function refusalWithout(secrets: readonly string[], pattern: RegExp, subject?: string) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof SealError, String(e))
    assert.match(e.message, pattern)
    if (subject) assert.equal(e.subject, subject)
    for (const s of secrets) assert.ok(!e.message.includes(s), `message leaks a secret: ${e.message}`)
    return true
  }
}
