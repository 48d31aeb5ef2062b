import { createRequire, syncBuiltinESMExports } from 'node:module'
import type * as FsModule from 'node:fs'
import type * as FsPromisesModule from 'node:fs/promises'
import { liveBuiltin } from './live-builtins.js'

const require = createRequire(import.meta.url)
// The functions src/ calls (see liveBuiltin): replacing one here is what src/'s imports see.
const fsCjs = liveBuiltin(require('node:fs') as typeof FsModule & Record<string, unknown>)
const fspCjs = liveBuiltin(require('node:fs/promises') as typeof FsPromisesModule & Record<string, unknown>)

/** One observed filesystem call: the function and every path it was given. */
export interface FsCall {
  fn: string
  paths: string[]
}

type ReadFn = (...a: unknown[]) => Promise<unknown>

/** FileHandle is not exported; take its prototype from a handle on this very file. */
async function fileHandlePrototype(): Promise<Record<'read' | 'readv' | 'readFile', ReadFn>> {
  const probe = await fspCjs.open(new URL(import.meta.url), 'r')
  await probe.close()
  return Object.getPrototypeOf(probe) as Record<'read' | 'readv' | 'readFile', ReadFn>
}

/** What the spy saw: path-taking calls, and the real path of every descriptor a byte was read from. */
export interface FsObservation {
  calls: FsCall[]
  readFrom: string[]
}

/** Functions that read from a descriptor given as their first argument. */
const FD_READS = /^(read|readv)(Sync)?$/

const realReadlink = fsCjs.readlinkSync.bind(fsCjs)
/** The real path behind a descriptor, from /proc. */
function descriptorPath(fd: number): string {
  try {
    return realReadlink(`/proc/self/fd/${fd}`)
  } catch {
    return `fd ${fd}`
  }
}

/** Functions whose second argument is a path too. */
const TWO_PATHS = /^(rename|copyFile|cp|link|symlink)(Sync)?$/

function pathArg(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (Buffer.isBuffer(value)) return value.toString('utf8')
  if (value instanceof URL && value.protocol === 'file:') return decodeURIComponent(value.pathname)
  return null
}

/**
 * Observes every call into node:fs and node:fs/promises made while `body` runs, by wrapping the
 * modules' functions and publishing the wrappers to ESM importers with syncBuiltinESMExports
 * (the documented way to update `import * as fs` bindings of built-in modules). Nothing is faked:
 * every wrapper calls the original. Reads through a FileHandle are observed too, as the real path
 * of the descriptor (from /proc), so a file opened but never read can be told from one read.
 */
export async function observeFs<T>(body: () => Promise<T>): Promise<{ result: T; seen: FsObservation }> {
  const seen: FsObservation = { calls: [], readFrom: [] }
  const restore: (() => void)[] = []
  const wrapModule = (mod: Record<string, unknown>, prefix: string): void => {
    for (const name of Object.keys(mod)) {
      const original = mod[name]
      if (typeof original !== 'function' || /^[A-Z]/.test(name) || name === 'watch' || name === 'watchFile') continue
      const wrapper = function (this: unknown, ...args: unknown[]): unknown {
        const paths = args
          .slice(0, TWO_PATHS.test(name) ? 2 : 1)
          .map(pathArg)
          .filter((p): p is string => p !== null)
        if (paths.length > 0) seen.calls.push({ fn: `${prefix}.${name}`, paths })
        // Reads by descriptor (the hashing kernel's readSync and read) name no path: record the descriptor's.
        if (FD_READS.test(name) && typeof args[0] === 'number') seen.readFrom.push(descriptorPath(args[0]))
        return (original as (...a: unknown[]) => unknown).apply(this, args)
      }
      Object.assign(wrapper, original) // keeps e.g. fs.realpath.native
      mod[name] = wrapper
      restore.push(() => {
        mod[name] = original
      })
    }
  }
  const proto = await fileHandlePrototype()
  wrapModule(fspCjs, 'fs/promises')
  wrapModule(fsCjs, 'fs')

  for (const method of ['read', 'readv', 'readFile'] as const) {
    const original = proto[method]
    proto[method] = function (this: { fd: number }, ...args: unknown[]) {
      seen.readFrom.push(descriptorPath(this.fd))
      return original.apply(this, args)
    }
    restore.push(() => {
      proto[method] = original
    })
  }
  syncBuiltinESMExports()
  try {
    const result = await body()
    return { result, seen }
  } finally {
    for (const undo of restore.reverse()) undo()
    syncBuiltinESMExports()
  }
}

/**
 * Runs `hook` once, right after the first read of file data made while `body` runs returns
 * (fs.readSync, callback fs.read or a FileHandle read: the hashing kernel uses the first two), so
 * a test can change a file at a precise point while it is being hashed: deterministic, no race.
 * Hashing threads other than this one are not observed: callers hash with one thread.
 */
export async function onFirstRead<T>(hook: () => void, body: () => Promise<T>): Promise<T> {
  const proto = await fileHandlePrototype()
  const originals = { handleRead: proto.read, readSync: fsCjs.readSync, read: fsCjs.read }
  let fired = false
  const fire = (): void => {
    if (fired) return
    fired = true
    hook()
  }
  proto.read = async function (this: unknown, ...args: unknown[]) {
    const result = await originals.handleRead.apply(this, args)
    fire()
    return result
  }
  fsCjs.readSync = function (...args: unknown[]) {
    const n = (originals.readSync as (...a: unknown[]) => number)(...args)
    fire()
    return n
  } as typeof fsCjs.readSync
  fsCjs.read = function (...args: unknown[]) {
    const callback = args.pop() as (...r: unknown[]) => void
    return (originals.read as (...a: unknown[]) => void)(...args, (...result: unknown[]) => {
      fire()
      callback(...result)
    })
  } as typeof fsCjs.read
  syncBuiltinESMExports()
  try {
    return await body()
  } finally {
    proto.read = originals.handleRead
    fsCjs.readSync = originals.readSync
    fsCjs.read = originals.read
    syncBuiltinESMExports()
  }
}
