import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { checkSubjectName, compareNames, findSubjects, splitPatterns, subjectNameFor } from '../../src/core/subjects.js'
import { SealError } from '../../src/core/errors.js'
import { tempDir, writeTree } from '../helpers/fixtures.js'

test('safe relative names pass; absolute, .. and unnormalized names are refused', () => {
  for (const ok of [
    'a',
    'dist/app.tar.gz',
    '.hidden/x',
    'a..b',
    '...',
    'name with spaces',
    'ünï/cødé',
    'back\\slash-is-a-char'
  ]) {
    assert.doesNotThrow(() => checkSubjectName(ok, 'test'), ok)
  }
  const bad: [string, RegExp][] = [
    ['/etc/passwd', /is absolute/],
    ['\\\\server\\share', /is absolute/],
    ['C:/Windows', /is absolute/],
    ['c:x', /is absolute/],
    ['../x', /contains "\.\."/],
    ['a/../../x', /contains "\.\."/],
    ['a\\..\\..\\x', /contains "\.\."/],
    ['..', /contains "\.\."/],
    ['./a', /not a normalized/],
    ['a//b', /not a normalized/],
    ['a/', /not a normalized/],
    ['', /is empty/],
    ['a\0b', /NUL/],
    ['x'.repeat(5000), /longer than/]
  ]
  for (const [name, why] of bad) {
    assert.throws(
      () => checkSubjectName(name, 'statement field subject[0].name'),
      (e: unknown) => e instanceof SealError && e.code === 'PATH_UNSAFE' && why.test(e.message),
      name
    )
  }
})

test('names sort by UTF-8 bytes, as LC_ALL=C sort does', () => {
  const names = ['b', 'a/b', 'B', 'a', '\u{1F600}', '\uFFFD', 'é']
  assert.deepEqual([...names].sort(compareNames), ['B', 'a', 'a/b', 'b', 'é', '\uFFFD', '\u{1F600}'])
})

test('subject names are relative POSIX paths; a file outside base-dir is named in the error', () => {
  assert.equal(subjectNameFor('/w/base', '/w/base/dist/a.js'), 'dist/a.js')
  assert.throws(() => subjectNameFor('/w/base', '/w/other/a.js'), /\/w\/other\/a.js is outside base-dir \/w\/base/)
  assert.throws(() => subjectNameFor('/w/base', '/w/base'), /outside base-dir/)
})

test('patterns: one per line, blanks and comments dropped', () => {
  assert.deepEqual(splitPatterns('dist/**\n\n  # comment\n!dist/**/*.map\r\n'), ['dist/**', '!dist/**/*.map'])
})

test('findSubjects: excludes, hidden files, the manifest itself never included, sorted', async () => {
  const dir = tempDir()
  writeTree(dir, {
    'dist/b.js': 'b',
    'dist/a.js': 'a',
    'dist/a.js.map': 'm',
    'dist/.hidden': 'h',
    'dist/sub/c.txt': 'c',
    'other/x': 'x'
  })
  const cwd = process.cwd()
  process.chdir(dir)
  try {
    const manifest = path.join(dir, 'dist', 'artifact-seal.json')
    fs.writeFileSync(manifest, '{}')
    assert.deepEqual(await findSubjects(['dist/**', '!dist/**/*.map'], dir, [manifest]), [
      'dist/.hidden',
      'dist/a.js',
      'dist/b.js',
      'dist/sub/c.txt'
    ])
    assert.deepEqual(await findSubjects(['dist/sub'], path.join(dir, 'dist'), [manifest]), ['sub/c.txt'])
    // Patterns are relative to the working directory; one that reaches outside base-dir, or
    // matches nothing, is the configuration's fault, and the message says relative to what.
    await assert.rejects(
      findSubjects(['other/**'], path.join(dir, 'dist')),
      (e: SealError) =>
        e.code === 'INPUT_INVALID' && /other\/x, outside base-dir .* \(patterns are relative to /.test(e.message)
    )
    await assert.rejects(
      findSubjects(['nothing/**'], dir),
      (e: SealError) => e.code === 'NO_FILES' && e.message.includes(`'nothing/**' (patterns are relative to ${dir}`)
    )
    // Sign asks for a match in all; verify for one per including pattern, exclusions applied.
    assert.deepEqual(await findSubjects(['dist/**', 'dsit/**'], dir, [manifest]), [
      'dist/.hidden',
      'dist/a.js',
      'dist/a.js.map',
      'dist/b.js',
      'dist/sub/c.txt'
    ])
    await assert.rejects(
      findSubjects(['dist/**', 'dsit/**', '!dist/sub/**'], dir, [], dir, { eachPatternMatches: true }),
      /^SealError: path matched no files: 'dsit\/\*\*' \(/
    )
    await assert.rejects(
      findSubjects(['dist/sub/**', '!dist/**/*.txt', 'dist/*.js'], dir, [], dir, { eachPatternMatches: true }),
      /matched no files: 'dist\/sub\/\*\*'/
    )
    // The manifest alone is no match.
    await assert.rejects(
      findSubjects(['dist/artifact-seal.json'], dir, [manifest], dir, { eachPatternMatches: true }),
      /matched no files/
    )
  } finally {
    process.chdir(cwd)
  }
})
