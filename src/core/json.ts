import { SealError } from './errors.js'

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Our formats nest at most a few levels; anything deeper is an attack on the parser, not a manifest. */
export const MAX_JSON_DEPTH = 32

/**
 * JSON.parse with two refusals it lacks: duplicate keys in an object (JSON.parse silently keeps
 * the last, so two readers could see two different documents) and nesting deeper than
 * MAX_JSON_DEPTH. The scan runs before JSON.parse, in one linear pass, so a hostile document is
 * refused before it is built in memory.
 */
export function parseJsonStrict(text: string, what: string): unknown {
  scan(text, what)
  try {
    return JSON.parse(text)
  } catch (error) {
    // JSON.parse's message quotes the text around the fault ("Unexpected token 'c', "c900144300"...
    // is not valid JSON"): a key file given as the manifest would print part of the key. Only where.
    const at = /position (\d+)/.exec((error as Error).message)
    const where = at
      ? `at character ${at[1]}`
      : /end of JSON/i.test((error as Error).message)
        ? 'it ends early'
        : 'unexpected character'
    throw new SealError('MANIFEST_INVALID', `${what} is not valid JSON (${where})`, what)
  }
}

function scan(text: string, what: string): void {
  // Each open container: a Set of keys for an object, null for an array.
  const stack: (Set<string> | null)[] = []
  let expectKey = false
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const start = i
      let escaped = false
      i++
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === 0x5c /* \ */) {
          escaped = true
          i += 2
        } else if (d === 0x22) break
        else i++
      }
      if (i >= n) return // unterminated: JSON.parse gives the precise error
      const top = stack[stack.length - 1]
      if (expectKey && top) {
        // Only a key with an escape needs decoding; the rest are their own text (a manifest of
        // 20,000 subjects has 60,000 keys, and a JSON.parse for each was most of the scan).
        let key = text.slice(start + 1, i)
        if (escaped) {
          try {
            key = JSON.parse(text.slice(start, i + 1)) as string
          } catch {
            return
          }
        }
        if (top.has(key)) {
          // The offset, not the key: nothing read from a file is echoed before it is authentic.
          throw new SealError('MANIFEST_INVALID', `${what} has a duplicate key at character ${start}`, what)
        }
        top.add(key)
        expectKey = false
      }
      i++
      continue
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_JSON_DEPTH) {
        throw new SealError('MANIFEST_INVALID', `${what} nests deeper than ${MAX_JSON_DEPTH} levels`, what)
      }
      stack.push(c === 0x7b ? new Set() : null)
      expectKey = c === 0x7b
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop()
      expectKey = false
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] != null
    }
    i++
  }
}
