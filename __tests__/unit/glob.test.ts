import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as actionsGlob from '@actions/glob'
import { BrokenLinksError, globFiles, unmatchedPatterns } from '../../src/core/glob.js'
import { SealError } from '../../src/core/errors.js'
import { findSubjects } from '../../src/core/subjects.js'
import { tempDir, writeTree } from '../helpers/fixtures.js'

// Differential test: the new walker must return exactly what @actions/glob returns (same files,
// same order) for every pattern list, and throw where it throws. Patterns are relative to the
// working directory in both, so this file works inside the fixture tree.

const outside = tempDir('artifact-seal-glob-outside-')
writeTree(outside, { 'far.txt': 'far', 'nested/deeper.txt': 'deeper' })

const root = fs.realpathSync(tempDir('artifact-seal-glob-'))
writeTree(root, {
  'a.txt': 'a',
  '.hidden': 'h',
  '.config/settings.json': '{}',
  'dist/app.js': 'app',
  'dist/app.js.map': 'map',
  'dist/.env': 'env',
  'dist/b.txt': 'b',
  'dist/c.md': 'c',
  'dist/[bracket].txt': 'bracket',
  'dist/sub dir/space file.txt': 'space',
  'dist/lib/util.js': 'util',
  'dist/lib/util.js.map': 'map',
  'dist/lib/.hidden-dir/x.js': 'x',
  'docs/readme.md': 'readme',
  'deep/a/b/c/d.txt': 'd',
  'ünï/cödé.txt': 'unicode'
})
fs.mkdirSync(path.join(root, 'empty-dir'))
fs.symlinkSync(path.join(root, 'dist/app.js'), path.join(root, 'link-file'))
fs.symlinkSync('dist/lib', path.join(root, 'link-dir'))
fs.symlinkSync('..', path.join(root, 'deep/a/up')) // a cycle back to deep/
fs.symlinkSync(outside, path.join(root, 'outside-link'))

const broken = fs.realpathSync(tempDir('artifact-seal-glob-broken-'))
writeTree(broken, { 'ok/file.txt': 'ok', 'other.txt': 'o' })
fs.symlinkSync('does-not-exist', path.join(broken, 'ok-link-broken'))

const OPTIONS = {
  matchDirectories: false,
  implicitDescendants: true,
  followSymbolicLinks: true,
  omitBrokenSymbolicLinks: false
}

/**
 * Runs fn with workflow commands (`::…`) on stdout captured, so that @actions/glob's ::debug::
 * lines do not reach the test output; anything else (the test runner's own reports) passes.
 */
async function captureStdout<T>(fn: () => Promise<T> | T): Promise<{ value?: T; error?: unknown; stdout: string }> {
  const write = process.stdout.write
  let stdout = ''
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (!String(chunk).startsWith('::'))
      return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    return { value: await fn(), stdout }
  } catch (error) {
    return { error, stdout }
  } finally {
    process.stdout.write = write
  }
}

async function both(
  cwd: string,
  patterns: string[]
): Promise<{
  ours: Awaited<ReturnType<typeof captureStdout<string[]>>>
  theirs: Awaited<ReturnType<typeof captureStdout<string[]>>>
}> {
  process.chdir(cwd)
  // Ours is synchronous: a write of any kind during it would be ours, and fails the test below.
  const write = process.stdout.write
  let printed = ''
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (printed += String(chunk)),
    true
  )) as typeof process.stdout.write
  let ours: Awaited<ReturnType<typeof captureStdout<string[]>>>
  try {
    ours = { value: globFiles(patterns), stdout: '' }
  } catch (error) {
    ours = { error, stdout: '' }
  } finally {
    process.stdout.write = write
  }
  ours.stdout = printed
  const theirs = await captureStdout(async () => (await actionsGlob.create(patterns.join('\n'), OPTIONS)).glob())
  return { ours, theirs }
}

const CORPUS: string[][] = [
  ['**'],
  ['*'],
  ['dist'],
  ['dist/'],
  ['dist/**'],
  ['dist/**/'],
  ['dist/**', '!dist/**/*.map'],
  ['dist/**', '!dist/**/*.map', 'dist/lib/util.js.map'],
  ['dist/lib/*', '!dist/lib/util.js.map', 'dist/**/*.map'],
  ['dist/lib/', '!dist/lib/util.js'],
  ['!!dist/b.txt'],
  ['!dist/**'],
  ['**/*.js'],
  ['**/*.md', '!docs'],
  ['**/lib'],
  ['d*/**/*.js'],
  ['dist/*.js'],
  ['dist/?.txt'],
  ['dist/[bc].*'],
  ['dist/[[]bracket].txt'],
  ['dist/{b,c}.txt'],
  ['dist/+(b|c).txt'],
  ['dist/sub dir/*'],
  ['.*'],
  ['**/.env'],
  ['**/.*/**'],
  ['link-file'],
  ['link-dir'],
  ['link-dir/**', '!**/*.map'],
  ['deep'],
  ['deep/**/*.txt'],
  ['outside-link/**'],
  ['./dist/lib'],
  ['.'],
  ['# a comment', '', '   dist/b.txt   '],
  ['dist//lib'],
  ['empty-dir'],
  ['nonexistent/**', 'a.txt'],
  ['ünï/*'],
  ['a.txt', 'a.txt', 'dist/b.txt']
]

/**
 * @actions/glob's answer with the one difference we make on purpose: a directory is listed once,
 * by identity, so what it holds is returned under the first path that reached it (walk order)
 * and not again under a second link to it. Applied to their own list, in their own order.
 */
function oncePerDirectory(files: readonly string[], base: string): string[] {
  const firstRoute = new Map<string, string>()
  return files.filter(file => {
    const segments = path.relative(base, file).split(path.sep).slice(0, -1)
    for (let i = 1; i <= segments.length; i++) {
      const route = path.join(base, ...segments.slice(0, i))
      const real = fs.realpathSync(route)
      const first = firstRoute.get(real)
      if (first === undefined) firstRoute.set(real, route)
      else if (first !== route) return false
    }
    return true
  })
}

test('the walker returns exactly what @actions/glob returns, in the same order, for every pattern list (each directory once)', async () => {
  let deduplicated = 0
  for (const patterns of CORPUS) {
    const { ours, theirs } = await both(root, patterns)
    assert.equal(ours.error, undefined, `${JSON.stringify(patterns)}: ${String(ours.error)}`)
    assert.equal(theirs.error, undefined, `${JSON.stringify(patterns)}: ${String(theirs.error)}`)
    const expected = oncePerDirectory(theirs.value!, root)
    if (expected.length < theirs.value!.length) deduplicated++
    assert.deepEqual(ours.value, expected, JSON.stringify(patterns))
  }
  assert.ok(deduplicated > 0, 'the corpus reaches one directory through two paths')
  // Absolute patterns work the same, and the corpus is not vacuous: some lists match many files, some none.
  const absolute = [`${root}/dist/*.js`, `!${root}/dist/app.js`, `${root}/docs`]
  const { ours, theirs } = await both(root, absolute)
  assert.deepEqual(ours.value, theirs.value)
  assert.deepEqual(ours.value, [path.join(root, 'docs/readme.md')])
  assert.ok((await both(root, ['**'])).ours.value!.length >= 15)
})

test('the walker prints nothing, where @actions/glob prints ::debug:: lines on stdout', async () => {
  const { ours, theirs } = await both(root, ['dist/**', '!dist/**/*.map'])
  assert.equal(ours.stdout, '')
  assert.match(theirs.stdout, /::debug::/)
})

test('a broken symbolic link that a pattern matches is an error naming it in both; one it excludes or does not reach is not', async () => {
  for (const patterns of [['**'], ['ok-link-broken'], ['*/**', 'ok*']]) {
    const { ours, theirs } = await both(broken, patterns)
    assert.ok(theirs.error, `@actions/glob should throw for ${JSON.stringify(patterns)}`)
    assert.ok(ours.error instanceof BrokenLinksError, `ours should throw for ${JSON.stringify(patterns)}`)
    assert.match((ours.error as Error).message, /ok-link-broken is a broken symbolic link/)
    assert.equal((ours.error as { code?: string }).code, 'FILE_MISSING')
  }
  // @actions/glob with omitBrokenSymbolicLinks false throws even for an excluded one; an excluded
  // path can never be a result, so ours skips it, as @actions/glob's default (true) does.
  for (const patterns of [['ok/**'], ['other.txt', 'ok'], ['**', '!ok-link-broken'], ['**', '!ok-link-*']]) {
    const { ours } = await both(broken, patterns)
    const theirs = await captureStdout(async () =>
      (await actionsGlob.create(patterns.join('\n'), { ...OPTIONS, omitBrokenSymbolicLinks: true })).glob()
    )
    assert.deepEqual(ours.value, theirs.value, JSON.stringify(patterns))
    assert.ok(ours.value!.length > 0)
  }
  // Omitted on request, as @actions/glob's omitBrokenSymbolicLinks.
  process.chdir(broken)
  const theirs = await captureStdout(async () =>
    (await actionsGlob.create('**', { ...OPTIONS, omitBrokenSymbolicLinks: true })).glob()
  )
  assert.deepEqual(globFiles(['**'], broken, { omitBrokenLinks: true }), theirs.value)
})

test('every broken symbolic link is named, not only the first', () => {
  const dir = fs.realpathSync(tempDir('artifact-seal-glob-many-broken-'))
  writeTree(dir, { 'dist/ok.txt': 'ok', 'dist/doc/readme': 'r' })
  for (let i = 0; i < 13; i++) fs.symlinkSync(`missing-${i}`, path.join(dir, 'dist/doc', `link-${i}`))
  fs.symlinkSync('missing', path.join(dir, 'dist/top-link'))
  assert.throws(
    () => globFiles(['dist/**'], dir),
    (e: BrokenLinksError) =>
      e instanceof BrokenLinksError &&
      e.paths.length === 14 &&
      /^path: 14 broken symbolic links .*: .*link-0, .*… and 4 more; exclude with a ! pattern or set omit-broken-symbolic-links$/.test(
        e.message
      )
  )
  // Excluding the folder that holds them excludes them: the one left is still named.
  assert.throws(
    () => globFiles(['dist/**', '!dist/doc/**'], dir),
    (e: BrokenLinksError) => e.paths.length === 1 && e.paths[0].endsWith('dist/top-link')
  )
  assert.deepEqual(globFiles(['dist/**', '!dist/doc/**', '!dist/top-link'], dir), [path.join(dir, 'dist/ok.txt')])
})

test('unmatchedPatterns names the including patterns that match none of the files', () => {
  const files = globFiles(['dist/**', '!dist/**/*.map'], root)
  assert.deepEqual(unmatchedPatterns(['dist/**', 'dsit/**', '!dist/**/*.map', '# comment', 'dist/*.md'], files, root), [
    'dsit/**'
  ])
  assert.deepEqual(unmatchedPatterns(['dist/**/*.map'], files, root), ['dist/**/*.map'])
})

test('patterns with . or .. segments are refused by both, as a configuration error naming the pattern', async () => {
  for (const patterns of [['../x'], ['dist/../a.txt'], ['dist/./b.txt'], ['!']]) {
    const { ours, theirs } = await both(root, patterns)
    assert.ok(theirs.error, JSON.stringify(patterns))
    assert.equal((ours.error as { code?: string }).code, 'INPUT_INVALID', JSON.stringify(patterns))
    assert.match((ours.error as Error).message, /^path: invalid pattern/)
  }
})

test('findSubjects names a file reached through a symbolic link by its path inside base-dir, sorted by UTF-8 bytes', async () => {
  process.chdir(root)
  const names = await findSubjects(
    ['link-dir/**', 'link-file', 'ünï/**', 'dist/[[]bracket].txt', 'dist/sub dir/**'],
    root
  )
  assert.deepEqual(names, [
    'dist/[bracket].txt',
    'dist/sub dir/space file.txt',
    'link-dir/.hidden-dir/x.js',
    'link-dir/util.js',
    'link-dir/util.js.map',
    'link-file',
    'ünï/cödé.txt'
  ])
  const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  assert.deepEqual(names, sorted)
})

test('the walk never leaves base-dir through a link, lists each directory once, and stays linear on link chains', async () => {
  const base = fs.realpathSync(tempDir('artifact-seal-glob-walk-'))
  writeTree(base, { 'dist/app.js': 'app' })
  // `ln -s /sys dist/s` (here: a folder outside) is refused once, named, not walked.
  fs.symlinkSync(outside, path.join(base, 'dist/s'))
  await assert.rejects(
    findSubjects(['dist/**'], base, [], base),
    (e: unknown) =>
      e instanceof SealError &&
      e.code === 'PATH_UNSAFE' &&
      /dist\/s is a symbolic link to .*, outside base-dir/.test(e.message)
  )
  fs.unlinkSync(path.join(base, 'dist/s'))
  // Twenty levels, each holding two links to the next: 2^20 paths, twenty directories.
  let level = path.join(base, 'dist/chain')
  for (let i = 0; i < 20; i++) {
    fs.mkdirSync(path.join(level, 'next'), { recursive: true })
    fs.writeFileSync(path.join(level, 'f'), String(i))
    fs.symlinkSync('next', path.join(level, 'a'))
    fs.symlinkSync('next', path.join(level, 'b'))
    level = path.join(level, 'next')
  }
  fs.symlinkSync(path.join(base, 'dist'), path.join(level, 'loop')) // and a cycle back to the top
  const names = await findSubjects(['dist/**'], base, [], base)
  assert.equal(names.length, 21)
  assert.ok(
    names.every(n => n === 'dist/app.js' || n.endsWith('/f')),
    names.join(' ')
  )
  // The working directory given is where patterns start, not the process's.
  process.chdir(outside)
  assert.deepEqual(await findSubjects(['dist/*.js'], base, [], base), ['dist/app.js'])
})
