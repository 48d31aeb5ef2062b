import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import { cachePath, manifestCacheKey, type CacheStore } from '../../src/transport/cache.js'
import { OTHER_KEY_HEX, ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runInProcess } from '../helpers/in-process.js'
import { GITHUB_CONTEXT } from '../helpers/runner.js'

const SHA = GITHUB_CONTEXT.GITHUB_SHA
const KEY = `artifact-seal-v1-artifact-seal.json-acme/widgets-${SHA}`

/**
 * A fake of @actions/cache at its boundary: entries are snapshots of the files' bytes taken at
 * save time, and restore writes them back, as the real service does with its tarball. It records
 * every call so tests can see what went into the cache and when anything was read from it.
 */
class FakeCache implements CacheStore {
  entries = new Map<string, Map<string, Buffer>>()
  calls: Array<{ op: 'save' | 'restore'; paths: string[]; key: string }> = []
  constructor(private readonly workspace: string) {}
  async save(paths: string[], key: string): Promise<boolean> {
    this.calls.push({ op: 'save', paths, key })
    if (this.entries.has(key)) return false // entries are immutable, as in the real service
    this.entries.set(key, new Map(paths.map(p => [p, fs.readFileSync(path.resolve(this.workspace, p))])))
    return true
  }
  async restore(paths: string[], key: string): Promise<boolean> {
    this.calls.push({ op: 'restore', paths, key })
    const entry = this.entries.get(key)
    if (!entry) return false
    for (const p of paths) {
      const bytes = entry.get(p)
      if (bytes) fs.writeFileSync(path.resolve(this.workspace, p), bytes)
    }
    return true
  }
}

test('the cache key is built from manifest name, repository and commit, commit last; the path is workspace-relative', () => {
  assert.equal(manifestCacheKey({ repository: 'acme/widgets', commit: SHA, manifestPath: '/w/out/artifact-seal.json' }), KEY)
  assert.equal(manifestCacheKey({ repository: 'acme/widgets', commit: SHA, manifestPath: '/w/a,b.json' }), `artifact-seal-v1-a_b.json-acme/widgets-${SHA}`)
  assert.notEqual(
    manifestCacheKey({ repository: 'acme/widgets', commit: SHA, manifestPath: 'm.json' }),
    manifestCacheKey({ repository: 'acme/widgets', commit: 'f'.repeat(40), manifestPath: 'm.json' })
  )
  assert.throws(() => manifestCacheKey({ repository: 'acme/widgets', commit: '', manifestPath: 'm.json' }), (e: unknown) => e instanceof SealError && e.subject === 'cache')
  assert.equal(cachePath('/w/out/m.json', '/w'), 'out/m.json')
  assert.equal(cachePath('/elsewhere/m.json', '/w'), '/elsewhere/m.json')
})

test('sign caches the signed manifest and nothing else, and never reads the cache', async () => {
  const ws = tempDir()
  writeTree(ws, { 'dist/app.js': 'real app', 'dist/lib.js': 'real lib' })
  const store = new FakeCache(ws)
  // A poisoned entry planted under the very key sign will use: if sign ever read the cache (for
  // hashes, or anything), what it seals would change. It must not.
  store.entries.set(KEY, new Map([['artifact-seal.json', Buffer.from('{"planted":true}')]]))
  const planted = new Map(store.entries)
  store.entries.clear()
  const run = await runInProcess(ws, { path: 'dist/**', key: TEST_KEY_HEX, cache: 'true' }, { cache: store })
  assert.equal(run.failed, false, run.log)
  assert.deepEqual(store.calls, [{ op: 'save', paths: ['artifact-seal.json'], key: KEY }])
  const saved = store.entries.get(KEY)!.get('artifact-seal.json')!
  assert.deepEqual(saved, fs.readFileSync(path.join(ws, 'artifact-seal.json')), 'the cached bytes are the signed manifest')
  assert.deepEqual(Object.keys(JSON.parse(saved.toString())).sort(), ['payload', 'payloadType', 'signatures'])
  assert.ok(!saved.includes(TEST_KEY_HEX) && !KEY.includes(TEST_KEY_HEX), 'no key in the cache')

  // Sign again with the poisoned entry present: the same real digests are sealed, no restore happens.
  const again = new FakeCache(ws)
  again.entries = planted
  fs.rmSync(path.join(ws, 'artifact-seal.json'))
  const second = await runInProcess(ws, { path: 'dist/**', key: TEST_KEY_HEX, cache: 'true' }, { cache: again })
  assert.equal(second.failed, false, second.log)
  assert.ok(again.calls.every(c => c.op === 'save'))
  const payload = JSON.parse(Buffer.from(JSON.parse(fs.readFileSync(path.join(ws, 'artifact-seal.json'), 'utf8')).payload, 'base64').toString())
  assert.deepEqual(payload.subject.map((s: { name: string }) => s.name), ['dist/app.js', 'dist/lib.js'])
  assert.match(second.log, /::warning::The manifest was not saved to the Actions cache under/)
})

test('verify restores an absent manifest from the cache and still checks its signature', async () => {
  const build = tempDir()
  writeTree(build, { 'dist/app.js': 'real app' })
  const store = new FakeCache(build)
  const built = await runInProcess(build, { path: "dist/**", key: TEST_KEY_HEX, cache: "true" }, { cache: store })
  assert.equal(built.failed, false, built.log)

  const deploy = tempDir()
  writeTree(deploy, { 'dist/app.js': 'real app' })
  const restoring = new FakeCache(deploy)
  restoring.entries = store.entries
  const ok = await runInProcess(deploy, { mode: 'verify', key: TEST_KEY_HEX, cache: 'true' }, { cache: restoring })
  assert.equal(ok.outputs.result, 'verified', ok.log)
  assert.deepEqual(restoring.calls, [{ op: 'restore', paths: ['artifact-seal.json'], key: KEY }])
  assert.match(ok.log, /Restored the manifest from the Actions cache/)

  // The cache is untrusted: an entry planted by someone without the key fails like tampering.
  const poisoned = tempDir()
  writeTree(poisoned, { 'dist/app.js': 'evil app' })
  const attacker = new FakeCache(poisoned)
  await runInProcess(poisoned, { path: 'dist/**', key: OTHER_KEY_HEX, cache: 'true' }, { cache: attacker })
  fs.rmSync(path.join(poisoned, 'artifact-seal.json'))
  const bad = await runInProcess(poisoned, { mode: 'verify', key: TEST_KEY_HEX, cache: 'true' }, { cache: attacker })
  assert.equal(bad.failed, true)
  assert.equal(bad.outputs.result, 'failed')
  assert.match(bad.log, /SIGNATURE_INVALID/)

  // expected-commit picks the entry of that commit; a miss is said, and the step fails on the absent manifest.
  const other = 'f'.repeat(40)
  const miss = await runInProcess(deploy, { mode: 'verify', key: TEST_KEY_HEX, cache: 'true', 'manifest': 'm.json', 'expected-commit': other }, { cache: restoring })
  assert.equal(miss.outputs.result, 'failed')
  assert.match(miss.log, new RegExp(`No manifest in the Actions cache under artifact-seal-v1-m.json-acme/widgets-${other}`))
})

test('no code path can put anything but the manifest into the cache', () => {
  // The behaviour above shows what sign saves; this pins where saving can happen at all, so a
  // future "cache the hashes" shortcut fails here and has to argue with the README first.
  const src = path.join(ROOT, 'src')
  const files = fs.readdirSync(src, { recursive: true }).map(String).filter(f => f.endsWith('.ts'))
  const importers = files.filter(f => /(from |import\()'@actions\/cache'/.test(fs.readFileSync(path.join(src, f), 'utf8')))
  assert.deepEqual(importers, [path.join('transport', 'actions-cache.ts')])
  const savers = files.filter(f => /\.save\(/.test(fs.readFileSync(path.join(src, f), 'utf8')))
  assert.deepEqual(savers, [path.join('transport', 'cache.ts')])
  const cacheTs = fs.readFileSync(path.join(src, 'transport', 'cache.ts'), 'utf8')
  assert.equal(cacheTs.match(/\.save\(/g)?.length, 1, 'one save call, in saveManifest')
  assert.match(cacheTs, /store\.save\(\[cachePath\(id\.manifestPath, workspace\)\], key\)/)
})
