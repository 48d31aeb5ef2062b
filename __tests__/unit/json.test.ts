import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { MAX_JSON_DEPTH, parseJsonStrict } from '../../src/core/json.js'
import { SealError } from '../../src/core/errors.js'

test('valid JSON parses as JSON.parse would', () => {
  const text = '{"a":[1,{"b":"x\\"}{,"}],"c":{"a":1},"\\u0061b":2}'
  assert.deepEqual(parseJsonStrict(text, 'manifest'), JSON.parse(text))
})

test('duplicate keys are refused, also when spelled with escapes', () => {
  assert.throws(() => parseJsonStrict('{"a":1,"a":2}', 'manifest'), /manifest has a duplicate key at character 7$/)
  assert.throws(
    () => parseJsonStrict('{"x":{"sig":"1","s\\u0069g":"2"}}', 'statement'),
    /statement has a duplicate key at character 16$/
  )
  // The same key in sibling objects is fine.
  assert.deepEqual(parseJsonStrict('[{"a":1},{"a":2}]', 'm'), [{ a: 1 }, { a: 2 }])
})

test('nesting deeper than the limit is refused before parsing', () => {
  const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)
  assert.throws(
    () => parseJsonStrict(deep, 'manifest'),
    (e: unknown) => e instanceof SealError && /nests deeper/.test(e.message)
  )
  const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
  assert.ok(Array.isArray(parseJsonStrict(ok, 'manifest')))
  // A million brackets is refused quickly rather than overflowing the parser's stack.
  assert.throws(() => parseJsonStrict('['.repeat(1_000_000), 'manifest'), /nests deeper/)
})

test('invalid JSON is a typed error naming what was parsed', () => {
  assert.throws(
    () => parseJsonStrict('{"a":', 'manifest m.json'),
    (e: unknown) =>
      e instanceof SealError && e.code === 'MANIFEST_INVALID' && /manifest m.json is not valid JSON/.test(e.message)
  )
})

test('no parse error quotes the text: a key file given as the manifest leaks nothing', () => {
  const key = 'c900144300a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b'
  for (const text of [key, `${key}\n`, `{"k":"${key}"`, `["${key}" 1]`, `{"${key}":1,"${key}":2}`]) {
    assert.throws(
      () => parseJsonStrict(text, 'manifest m.json'),
      (e: unknown) =>
        e instanceof SealError &&
        !e.message.includes(key.slice(0, 6)) &&
        /^manifest m\.json (is not valid JSON \((at character \d+|it ends early|unexpected character)\)|has a duplicate key at character \d+)$/.test(
          e.message
        )
    )
  }
})
