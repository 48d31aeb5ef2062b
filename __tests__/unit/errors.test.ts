import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { errorLine, isVerificationFailure, oneLine, SealError } from '../../src/core/errors.js'
import { checkSubjectName } from '../../src/core/subjects.js'

test('every message is one line: newlines, escape sequences, C1 controls and bidi overrides are escaped', () => {
  const name = 'evil\n::warning::x\x1b[2K\u009b31m\u202egnp.exe'
  const escaped = oneLine(name)
  assert.equal(escaped, 'evil\\n::warning::x\\u001b[2K\\u009b31m\\u202egnp.exe')
  assert.equal(new SealError('FILE_MISSING', `${name}: no such file`, name).message, `${escaped}: no such file`)
  // Errors that are not ours are escaped too: the CLI prints them where the runner reads `::` commands.
  assert.equal(errorLine(new Error('a\nb')), 'a\\nb')
  assert.equal(errorLine('c\rd'), 'c\\rd')
})

test('a C1 control character in a subject name is refused like a C0 one', () => {
  for (const name of ['a\u009bb', 'a\u0085b', 'a\x1bb', 'a\rb']) {
    assert.throws(
      () => checkSubjectName(name, 'manifest'),
      (e: unknown) => e instanceof SealError && e.code === 'PATH_UNSAFE' && /control character/.test(e.message),
      JSON.stringify(name)
    )
  }
  assert.doesNotThrow(() => checkSubjectName('new\nline', 'manifest'))
})

test('failures of the manifest or the files are verification failures; configuration errors are not', () => {
  assert.equal(isVerificationFailure(new SealError('MANIFEST_TOO_LARGE', 'm', 'manifest')), true)
  assert.equal(isVerificationFailure(new SealError('FILE_MISSING', 'f', 'f')), true)
  assert.equal(isVerificationFailure(new SealError('INPUT_INVALID', 'i', 'path')), false)
  assert.equal(isVerificationFailure(new SealError('KEY_INVALID', 'k', 'key')), false)
  assert.equal(isVerificationFailure(new Error('plain')), false)
})
