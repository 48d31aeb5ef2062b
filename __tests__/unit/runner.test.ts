import assert from 'node:assert/strict'
import { test } from '@jest/globals'
import * as core from '@actions/core'
import { info } from '../../src/action/log.js'
import { maskOnce } from '../../src/action/mask.js'
import { interceptStdout } from '../helpers/stdout.js'

/*
 * The action talks to the runner through @actions/core. What we add on top: log lines that
 * cannot be workflow commands, and each secret masked once. Outputs, annotations and the job
 * summary are core's own and are checked end to end in integration/action.test.ts.
 */

function printed(fn: () => void): string {
  const stdout = interceptStdout()
  try {
    fn()
  } finally {
    stdout.restore()
  }
  return stdout.text()
}

test('a log line cannot be a workflow command: `::` opening a line and `##[` anywhere are escaped', () => {
  const out = printed(() => info('FAIL DIGEST_MISMATCH: dist/##[add-mask]secret\n::set-env name=X::1\n  ::warning::x'))
  assert.ok(!out.includes('##['), out)
  assert.ok(!/^\s*::/m.test(out), out)
  assert.match(out, /dist\/#\\u0023\[add-mask\]secret/)
  assert.equal(
    printed(() => info('Sealed 2 file(s)')),
    'Sealed 2 file(s)\n'
  )
})

test('a secret is registered with the mask once, as @actions/core writes it', () => {
  const value = `mask-me-${Date.now()}`
  const out = printed(() => {
    maskOnce(value)
    maskOnce(value)
    maskOnce('')
  })
  assert.equal(
    out,
    printed(() => core.setSecret(value))
  )
  assert.equal(out, `::add-mask::${value}\n`)
})
