// jest setupFiles: makes the functions of node:fs and node:fs/promises, and crypto.timingSafeEqual,
// replaceable while a test runs, as syncBuiltinESMExports does under plain Node. Jest's ESM
// runtime gives each test file a copy of a built-in's named exports, taken when the file's module
// graph is linked, so a spy put on the CommonJS object later (helpers/fs-spy.ts, unit/keys.test.ts)
// is never seen by `import { readSync } from 'node:fs'` in src/. Here, before any test module is
// linked, each such function becomes a pass-through that calls the implementation in a table the
// tests reach with liveBuiltin() (helpers/live-builtins.ts); the table starts as the originals.
// The modules are the worker's real ones, shared by every test file it runs: installed once.
const LIVE = Symbol.for('artifact-seal.live-builtins')

function liven(mod, only) {
  if (Object.prototype.hasOwnProperty.call(mod, LIVE)) return
  const table = {}
  for (const name of only ?? Object.keys(mod)) {
    const d = Object.getOwnPropertyDescriptor(mod, name)
    // Functions only (not getters such as fs.promises), and not classes (fs.Stats, fs.Dir, …).
    if (!d || !('value' in d) || typeof d.value !== 'function' || /^[A-Z]/.test(name) || !d.writable) continue
    const original = d.value
    table[name] = original
    const passThrough = function (...args) {
      return table[name].apply(this, args)
    }
    // Keeps what hangs on the function: fs.realpath.native, util.promisify.custom, …
    for (const key of Reflect.ownKeys(original)) {
      if (key === 'length' || key === 'name' || key === 'prototype') continue
      Object.defineProperty(passThrough, key, Object.getOwnPropertyDescriptor(original, key))
    }
    Object.defineProperty(passThrough, 'name', { value: original.name })
    Object.defineProperty(passThrough, 'length', { value: original.length })
    mod[name] = passThrough
  }
  Object.defineProperty(mod, LIVE, { value: table })
}

liven(require('node:fs'))
liven(require('node:fs/promises'))
liven(require('node:crypto'), ['timingSafeEqual'])
