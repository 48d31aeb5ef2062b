// node:assert/strict for tests under jest (jest.config.js maps `node:assert/strict` here).
// Jest runs test code in its own VM context: an array or object literal in a test has that
// context's prototypes, while one made by Node itself (fs.readdirSync, JSON.parse in src/
// through a built-in, crypto) has the main context's. deepStrictEqual compares prototypes, so
// ['a'] and fs.readdirSync(dir) would differ though alike in every other way. These two
// functions first compare as node:assert does; only when that fails do they compare again with
// every plain array and plain object rebuilt in one realm, which is exactly what node --test saw.
import { strict } from 'node:assert'

type Plain = unknown

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v)
  if (proto === null) return true
  return (
    Object.getPrototypeOf(proto) === null &&
    typeof proto.constructor === 'function' &&
    proto.constructor.name === 'Object'
  )
}

/** The same value with plain arrays and objects rebuilt in this realm; anything else kept as it is. */
function oneRealm(v: Plain, seen = new Map<object, Plain>()): Plain {
  if (v === null || typeof v !== 'object') return v
  if (seen.has(v)) return seen.get(v)
  if (Array.isArray(v)) {
    const out: Plain[] = []
    seen.set(v, out)
    for (let i = 0; i < v.length; i++) out[i] = oneRealm(v[i], seen)
    return out
  }
  if (!isPlainObject(v)) return v
  const out: Record<PropertyKey, Plain> = Object.getPrototypeOf(v) === null ? Object.create(null) : {}
  seen.set(v, out)
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!
    if (d.enumerable) out[key] = oneRealm((v as Record<PropertyKey, Plain>)[key], seen)
  }
  return out
}

function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  try {
    strict.deepStrictEqual(actual, expected, message)
  } catch {
    strict.deepStrictEqual(oneRealm(actual), oneRealm(expected), message)
  }
}

function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  strict.notDeepStrictEqual(oneRealm(actual), oneRealm(expected), message)
}

/**
 * An Error made in a test is of jest's realm, so node:assert does not see it as an Error, and
 * throws(fn, error) / rejects(p, error) refuse it as an empty object. node:assert compares an
 * expected Error by its name, message and own enumerable properties; so does this object.
 */
const NodeError = Object.getPrototypeOf(strict.AssertionError.prototype).constructor as ErrorConstructor
function expectedOf(expected: unknown): unknown {
  if (expected === null || typeof expected !== 'object' || expected instanceof NodeError) return expected
  if (Object.prototype.toString.call(expected) !== '[object Error]') return expected
  const e = expected as Error
  return { ...e, name: e.name, message: e.message }
}

const throws = ((fn: () => unknown, ...rest: unknown[]) =>
  strict.throws(
    fn,
    ...((rest.length > 0 ? [expectedOf(rest[0]), ...rest.slice(1)] : []) as [])
  )) as typeof strict.throws
const rejects = ((p: Promise<unknown> | (() => Promise<unknown>), ...rest: unknown[]) =>
  strict.rejects(
    p,
    ...((rest.length > 0 ? [expectedOf(rest[0]), ...rest.slice(1)] : []) as [])
  )) as typeof strict.rejects

const assert: typeof strict = Object.assign(
  (value: unknown, message?: string | Error) => strict(value, message),
  strict,
  {
    deepStrictEqual,
    deepEqual: deepStrictEqual,
    notDeepStrictEqual,
    notDeepEqual: notDeepStrictEqual,
    throws,
    rejects,
    strict: undefined as unknown as typeof strict
  }
) as typeof strict
;(assert as { strict: typeof strict }).strict = assert

export default assert
export {
  deepStrictEqual,
  deepStrictEqual as deepEqual,
  notDeepStrictEqual,
  notDeepStrictEqual as notDeepEqual,
  throws,
  rejects
}
export const {
  ok,
  equal,
  notEqual,
  strictEqual,
  notStrictEqual,
  doesNotThrow,
  doesNotReject,
  match,
  doesNotMatch,
  fail,
  ifError,
  AssertionError
} = strict
