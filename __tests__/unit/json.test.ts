import { test } from 'node:test'
import assert from 'node:assert/strict'
import { MAX_JSON_DEPTH, parseJsonStrict } from '../../src/core/json.js'
import { SealError } from '../../src/core/errors.js'

test('valid JSON parses as JSON.parse would', () => {
  const text = '{"a":[1,{"b":"x\\"}{,"}],"c":{"a":1},"\\u0061b":2}'
  assert.deepEqual(parseJsonStrict(text, 'manifest'), JSON.parse(text))
})

test('duplicate keys are refused, also when spelled with escapes', () => {
  assert.throws(() => parseJsonStrict('{"a":1,"a":2}', 'manifest'), /manifest has a duplicate key "a"/)
  assert.throws(() => parseJsonStrict('{"x":{"sig":"1","s\\u0069g":"2"}}', 'statement'), /statement has a duplicate key "sig"/)
  // The same key in sibling objects is fine.
  assert.deepEqual(parseJsonStrict('[{"a":1},{"a":2}]', 'm'), [{ a: 1 }, { a: 2 }])
})

test('nesting deeper than the limit is refused before parsing', () => {
  const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)
  assert.throws(() => parseJsonStrict(deep, 'manifest'), (e: unknown) => e instanceof SealError && /nests deeper/.test(e.message))
  const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
  assert.ok(Array.isArray(parseJsonStrict(ok, 'manifest')))
  // A million brackets is refused quickly rather than overflowing the parser's stack.
  assert.throws(() => parseJsonStrict('['.repeat(1_000_000), 'manifest'), /nests deeper/)
})

test('invalid JSON is a typed error naming what was parsed', () => {
  assert.throws(() => parseJsonStrict('{"a":', 'manifest m.json'), (e: unknown) => e instanceof SealError && e.code === 'MANIFEST_INVALID' && /manifest m.json is not valid JSON/.test(e.message))
})
