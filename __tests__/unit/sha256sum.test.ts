import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import { formatChecksumList, listFileName, parseChecksumList } from '../../src/formats/sha256sum.js'
import { tempDir, writeTree } from '../helpers/fixtures.js'

const sha = (text: string, algorithm = 'sha256'): string => createHash(algorithm).update(text).digest('hex')

// Names that exercise coreutils' escaping: a backslash, a newline, and plain ones.
const FILES: Record<string, string> = {
  'plain.txt': 'one',
  'with space.bin': 'two',
  'back\\slash': 'three',
  'new\nline': 'four',
  'dir/nested.txt': 'six'
}

function isCode(code: string, pattern?: RegExp) {
  return (e: unknown) => e instanceof SealError && e.code === code && (!pattern || pattern.test(e.message))
}

test('lists we write are checked OK by the real sha256sum -c, untagged and --tag, escapes included', () => {
  const dir = tempDir()
  writeTree(dir, FILES)
  const entries = Object.entries(FILES).map(([name, content]) => ({ name, digest: sha(content) }))
  for (const tag of [false, true]) {
    fs.writeFileSync(path.join(dir, 'LIST'), formatChecksumList(entries, 'sha256', { tag }))
    const out = execFileSync('sha256sum', ['-c', 'LIST'], { cwd: dir, encoding: 'utf8' })
    assert.equal(out.match(/: OK$/gm)?.length, entries.length, out)
  }
  // And a tampered file is caught by the same list: the list says what we sealed, not what is there.
  fs.writeFileSync(path.join(dir, 'back\\slash'), 'tampered')
  const failed = spawnSync('sha256sum', ['-c', 'LIST'], { cwd: dir, encoding: 'utf8' })
  assert.equal(failed.status, 1)
  assert.match(failed.stdout, /back\\slash: FAILED/)
})

test('lists the real sha256sum writes (untagged, --tag, binary mode) parse back to the same names and digests', () => {
  const dir = tempDir()
  writeTree(dir, FILES)
  // A backslash is a separator on Windows: such a name is refused when sealing (below).
  const names = Object.keys(FILES).filter(name => !name.includes('\\'))
  const want = names.map(name => ({ name, digest: sha(FILES[name]) })).sort((a, b) => a.name.localeCompare(b.name))
  for (const flags of [[], ['--tag'], ['-b']]) {
    const text = execFileSync('sha256sum', [...flags, ...names], { cwd: dir, encoding: 'utf8' })
    const got = parseChecksumList(text, 'sha256', 'LIST').sort((a, b) => a.name.localeCompare(b.name))
    assert.deepEqual(got, want, `sha256sum ${flags.join(' ')}`)
  }
  const backslash = execFileSync('sha256sum', ['back\\slash'], { cwd: dir, encoding: 'utf8' })
  assert.throws(
    () => parseChecksumList(backslash, 'sha256', 'LIST'),
    isCode('PATH_UNSAFE', /^LIST: subject name "back\\\\slash" contains "\\", a path separator on Windows/)
  )
  // coreutils escapes a carriage return too; the name rules refuse it (it can rewrite what a terminal shows).
  fs.writeFileSync(path.join(dir, 'cr\rname'), 'five')
  const cr = execFileSync('sha256sum', ['cr\rname'], { cwd: dir, encoding: 'utf8' })
  assert.throws(
    () => parseChecksumList(cr, 'sha256', 'LIST'),
    isCode('PATH_UNSAFE', /^LIST line 1: subject name "cr\\rname" contains a control character$/)
  )
  // sha512sum lists parse as sha512 and are named after what they hold.
  const text = execFileSync('sha512sum', ['plain.txt'], { cwd: dir, encoding: 'utf8' })
  assert.deepEqual(parseChecksumList(text, 'sha512', 'LIST'), [{ name: 'plain.txt', digest: sha('one', 'sha512') }])
  assert.equal(listFileName('sha256'), 'SHA256SUMS')
  assert.equal(listFileName('sha512'), 'SHA512SUMS')
})

test('a leading ./ is dropped, CRLF line ends, blank lines and # comments are tolerated, hex is lowercased', () => {
  const d = sha('x').toUpperCase()
  const text = `# made by find\r\n${d}  ./a/b.txt\r\n\r\n${d} *./c\r\n`
  assert.deepEqual(parseChecksumList(text, 'sha256', 'L'), [
    { name: 'a/b.txt', digest: d.toLowerCase() },
    { name: 'c', digest: d.toLowerCase() }
  ])
})

test('malformed lines are refused with the file and line number', () => {
  const d = sha('x')
  const cases: Array<[string, string, RegExp]> = [
    [`${d}  ok\nnonsense\n`, 'INPUT_INVALID', /^LIST line 2: not a checksum line/],
    [`${d.slice(1)}  short\n`, 'INPUT_INVALID', /^LIST line 1: digest is 63 hex digits/],
    [`${d}  a\n${d}  a\n`, 'INPUT_INVALID', /^LIST line 2: repeats the name "a"/],
    [`${d}  ok\n\\${d}  bad\\tescape\n`, 'INPUT_INVALID', /^LIST line 2: has an escape/],
    [`SHA256 (x) = ${d}00\n`, 'INPUT_INVALID', /^LIST line 1: SHA256 digest is 66 hex digits/],
    ['# only a comment\n', 'NO_FILES', /LIST lists no files/]
  ]
  for (const [text, code, pattern] of cases)
    assert.throws(() => parseChecksumList(text, 'sha256', 'LIST'), isCode(code, pattern), text)
})

test('a list of another algorithm is refused, never re-labelled', () => {
  const d512 = sha('x', 'sha512')
  assert.throws(
    () => parseChecksumList(`${d512}  a\n`, 'sha256', 'L'),
    isCode('INPUT_INVALID', /line 1: holds a sha512 digest, but algorithm is sha256/)
  )
  assert.throws(
    () => parseChecksumList(`SHA256 (a) = ${sha('x')}\n`, 'sha384', 'L'),
    isCode('INPUT_INVALID', /holds a sha256 digest, but algorithm is sha384/)
  )
})

test('names in a list obey the subject path rules', () => {
  const d = sha('x')
  for (const name of ['/etc/passwd', '../up', 'a/../../b', 'a//b', 'C:/x', '\\\\server']) {
    assert.throws(
      () => parseChecksumList(`${d}  ${name}\n`, 'sha256', 'L'),
      isCode('PATH_UNSAFE', /^L line 1: subject name/),
      name
    )
  }
  // An escaped name is unescaped before the rules apply: "\\.." is a backslash path climbing out.
  assert.throws(() => parseChecksumList(`\\${d}  a\\\\..\\\\..\\\\x\n`, 'sha256', 'L'), isCode('PATH_UNSAFE'))
})
