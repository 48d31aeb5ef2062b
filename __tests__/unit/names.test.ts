import { test, describe } from '@jest/globals'
import assert from 'node:assert/strict'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeFsError, SealError } from '../../src/core/errors.js'
import { checkSealableNames, findNameTwins, isInside, nameProblemOn, windowsNameProblem } from '../../src/core/names.js'
import { subjectNameFor } from '../../src/core/subjects.js'
import { createKernel, CHUNK_BYTES } from '../../src/core/hash-kernel.js'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement, seal, sealSubjects, signStatement } from '../../src/core/seal.js'
import { verify } from '../../src/core/verify.js'
import { parseChecksumList } from '../../src/formats/sha256sum.js'
import { renameRetrying } from '../../src/core/atomic-write.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { observeFs } from '../helpers/fs-spy.js'

const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const CONTEXT = {
  repository: 'acme/widgets',
  commit: 'c'.repeat(40),
  ref: 'refs/heads/main',
  workflowRef: null,
  runId: '1',
  runAttempt: '1',
  serverUrl: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
}
const sha256 = (b: string) => crypto.createHash('sha256').update(b).digest('hex')
const pathUnsafe = (pattern: RegExp) => (e: unknown) =>
  e instanceof SealError && e.code === 'PATH_UNSAFE' && pattern.test(e.message)

/** Every name a Windows verifier must refuse, with what the refusal says. */
const WINDOWS_UNSAFE: [string, RegExp][] = [
  ['dist\\app.exe', /"\\", a path separator/],
  ['a\\..\\..\\x', /path separator/],
  ['app.exe:hidden', /alternate data stream/],
  ['app.exe::$DATA', /alternate data stream/],
  ['CON', /reserved device name/],
  ['dist/nul', /"nul", a reserved device name/],
  ['nul.txt', /reserved device name/],
  ['NUL.tar.gz', /reserved device name/],
  ['Aux.h', /reserved device name/],
  ['prn', /reserved device name/],
  ['com1', /reserved device name/],
  ['COM9.log', /reserved device name/],
  ['lpt1', /reserved device name/],
  ['sub/LPT9.txt/x', /reserved device name/],
  ['nul .txt', /reserved device name/],
  ['COM\u00b9', /reserved device name/],
  ['conin$', /reserved device name/],
  ['app.exe.', /ends in a dot/],
  ['dir./x', /ends in a dot/],
  ['app.exe ', /ends in a space/],
  ['dir /x', /ends in a space/]
]
const WINDOWS_SAFE = [
  'app.exe',
  'dist/console.log',
  'con-fig',
  'nul_',
  'com10',
  'lpt',
  'COMA',
  'aux-tools/x',
  '.hidden',
  'a..b',
  'name with spaces.txt',
  ' leading',
  'ünï/cødé'
]

describe('Windows name rules', () => {
  test('every unsafe name is refused, saying why', () => {
    for (const [name, why] of WINDOWS_UNSAFE) {
      const problem = windowsNameProblem(name)
      assert.ok(problem !== null && why.test(problem), `${JSON.stringify(name)}: ${problem}`)
      assert.equal(nameProblemOn(name, 'win32'), problem)
    }
  })

  test('names that only look alike pass', () => {
    for (const name of WINDOWS_SAFE) assert.equal(windowsNameProblem(name), null, name)
  })

  test('only Windows adds rules: the same names pass on Linux and macOS', () => {
    for (const [name] of WINDOWS_UNSAFE) {
      assert.equal(nameProblemOn(name, 'linux'), null, name)
      assert.equal(nameProblemOn(name, 'darwin'), null, name)
    }
  })
})

describe('case and normalization twins', () => {
  test('pairs that are one file on Windows or macOS are found, each naming both', () => {
    const cases: [string, string][] = [
      ['README.md', 'Readme.md'],
      ['dist/App.exe', 'DIST/app.exe'],
      ['caf\u00e9.txt', 'cafe\u0301.txt'], // NFC and NFD: one file on macOS
      ['\u00c5ngstr\u00f6m', 'A\u030angstro\u0308m'],
      ['K.txt', '\u212a.txt'], // the Kelvin sign
      ['\u0131.txt', 'I.txt'], // dotless i: equal only upper-cased
      ['\u03c2', '\u03c3'], // final and medial sigma: equal only upper-cased
      ['\u00df', '\u1e9e'] // sharp s and capital sharp s: equal only lower-cased
    ]
    for (const [a, b] of cases) assert.deepEqual(findNameTwins([a, 'other', b]), [[a, b]], `${a} / ${b}`)
  })

  test('distinct names are not twins, nor is one name listed twice', () => {
    assert.deepEqual(findNameTwins(['a/b', 'a-b', 'ab', 'a.b', 'é', 'e', 'readme.md', 'readme.md.bak']), [])
    assert.deepEqual(findNameTwins(['x', 'x']), [])
  })

  test('sign refuses twins naming both, and Windows-unsafe names naming them, on every OS', () => {
    assert.throws(
      () => checkSealableNames(['a', 'README.md', 'Readme.md'], 'path'),
      pathUnsafe(/^path: subjects "README\.md" and "Readme\.md" differ only in letter case or Unicode normalization/)
    )
    assert.throws(
      () => checkSealableNames(['ok', 'app.exe:hidden'], 'path'),
      pathUnsafe(/^path: subject name "app\.exe:hidden" contains ":"/)
    )
    assert.doesNotThrow(() => checkSealableNames(WINDOWS_SAFE, 'path'))
  })
})

describe('inside base-dir, by each platform path module', () => {
  test('POSIX: exact, no prefix confusion', () => {
    assert.ok(isInside('/w/base', '/w/base', path.posix))
    assert.ok(isInside('/w/base', '/w/base/a/b', path.posix))
    assert.ok(isInside('/w/base', '/w/base/..a', path.posix))
    assert.ok(!isInside('/w/base', '/w/base-sibling/x', path.posix))
    assert.ok(!isInside('/w/base', '/w', path.posix))
    assert.ok(!isInside('/w/base', '/W/base/x', path.posix))
  })

  test('Windows: case-insensitive, either separator, another drive or share is outside', () => {
    assert.ok(isInside('C:\\w\\base', 'c:\\W\\BASE\\a.txt', path.win32))
    assert.ok(isInside('C:/w/base', 'C:\\w\\base\\sub\\a.txt', path.win32))
    assert.ok(!isInside('C:\\w\\base', 'C:\\w\\base-sibling\\x', path.win32))
    assert.ok(!isInside('C:\\w\\base', 'D:\\w\\base\\x', path.win32))
    assert.ok(!isInside('C:\\w\\base', '\\\\server\\share\\x', path.win32))
    assert.ok(!isInside('C:\\w\\base', 'C:\\w', path.win32))
  })

  test('subject names are always written with /, whatever the separator of base-dir', () => {
    assert.equal(subjectNameFor('C:\\w\\base', 'C:\\w\\base\\dist\\a.js', path.win32), 'dist/a.js')
    assert.equal(subjectNameFor('C:/w/base/', 'C:\\w\\base\\dist\\a.js', path.win32), 'dist/a.js')
    assert.throws(() => subjectNameFor('C:\\w\\base', 'C:\\w\\other\\a.js', path.win32), pathUnsafe(/outside base-dir/))
    assert.throws(() => subjectNameFor('C:\\w\\base', 'D:\\w\\base\\a.js', path.win32), pathUnsafe(/outside base-dir/))
  })
})

describe('the real-path check without /proc (Windows, macOS)', () => {
  // The kernel as it runs on a platform without /proc, over an fs whose JavaScript realpathSync
  // answers as it does for a junction (or a Unix link under Wine): with the path unchanged.
  const root = fs.realpathSync(tempDir('artifact-seal-realpath-'))
  const base = path.join(root, 'base')
  writeTree(root, { 'base/in.txt': 'in', 'outside/secret.txt': 'secret' })
  fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(base, 'link.txt'))
  fs.symlinkSync(path.join(root, 'outside'), path.join(base, 'linkdir'))
  const blindFs = {
    ...fs,
    realpathSync: Object.assign((p: fs.PathLike) => String(p), { native: fs.realpathSync.native })
  } as typeof fs
  const kernel = createKernel({
    fs: blindFs,
    crypto,
    path,
    describeFsError,
    platform: 'darwin',
    chunkBytes: CHUNK_BYTES,
    overlapBytes: Infinity
  })

  test('a link to a file outside base-dir, or below a linked directory, is refused by the OS realpath', async () => {
    for (const name of ['link.txt', 'linkdir/secret.txt']) {
      for (const allowLinks of [false, true]) {
        const result = await kernel.hash(base, base, name, 'sha256', allowLinks)
        assert.equal(result.ok, false, name)
        assert.ok(
          !result.ok && result.code === 'PATH_UNSAFE' && /resolves outside base-dir/.test(result.message),
          JSON.stringify(result)
        )
      }
    }
    const ok = await kernel.hash(base, base, 'in.txt', 'sha256', false)
    assert.deepEqual(ok, { ok: true, size: 2, digest: sha256('in') })
  })

  test('macOS /var → /private/var: base-dir reached through a link seals and verifies, and links out are still refused', async () => {
    // root/private/var is the real folder, root/var a link to it, as on macOS.
    fs.mkdirSync(path.join(root, 'private', 'var', 'job'), { recursive: true })
    fs.symlinkSync(path.join(root, 'private', 'var'), path.join(root, 'var'))
    const job = path.join(root, 'var', 'job')
    writeTree(job, { 'dist/app.bin': 'app' })
    const cwd = process.cwd()
    process.chdir(job)
    try {
      const manifestPath = path.join(job, 'seal.json')
      const sealed = await seal({
        patterns: ['dist/**'],
        baseDir: job,
        manifestPath,
        algorithm: 'sha256',
        keys: [key],
        context: CONTEXT
      })
      assert.deepEqual(
        sealed.subjects.map(s => s.name),
        ['dist/app.bin']
      )
      const report = await verify({
        manifestPath,
        baseDir: job,
        algorithm: 'sha256',
        keys: [key],
        patterns: ['dist/**']
      })
      assert.equal(report.result, 'verified', JSON.stringify(report.problems))
      fs.symlinkSync(path.join(root, 'outside'), path.join(job, 'dist', 'out'))
      await assert.rejects(
        seal({ patterns: ['dist/**'], baseDir: job, manifestPath, algorithm: 'sha256', keys: [key], context: CONTEXT }),
        pathUnsafe(/symbolic link to .*outside base-dir/)
      )
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('sign refuses, verify on Windows refuses', () => {
  // Such files cannot be made on Windows or macOS.
  ;(process.platform === 'win32' || process.platform === 'darwin' ? test.skip : test)(
    'sign on this OS refuses a Windows-unsafe file and case twins before hashing, and writes nothing',
    async () => {
      const dir = tempDir()
      const cwd = process.cwd()
      process.chdir(dir)
      try {
        const manifestPath = path.join(dir, 'seal.json')
        const sign = () =>
          seal({
            patterns: ['dist/**'],
            baseDir: dir,
            manifestPath,
            algorithm: 'sha256',
            keys: [key],
            context: CONTEXT
          })
        writeTree(dir, { 'dist/app.exe': 'app', 'dist/nul.txt': 'device' })
        await assert.rejects(
          sign(),
          pathUnsafe(
            /^path: subject name "dist\/nul\.txt" has the segment "nul\.txt", a reserved device name on Windows/
          )
        )
        fs.rmSync(path.join(dir, 'dist', 'nul.txt'))
        writeTree(dir, { 'dist/README.md': 'a', 'dist/Readme.md': 'b' })
        await assert.rejects(sign(), pathUnsafe(/"dist\/README\.md" and "dist\/Readme\.md"/))
        assert.ok(!fs.existsSync(manifestPath))
        assert.deepEqual(fs.readdirSync(dir).sort(), ['dist'])
      } finally {
        process.chdir(cwd)
      }
    }
  )

  test('sealing a checksum list refuses the same names, naming the list', async () => {
    const hex = 'a'.repeat(64)
    assert.throws(
      () => parseChecksumList(`${hex}  app.exe:evil\n`, 'sha256', '--subject-checksums sums.txt'),
      pathUnsafe(/^--subject-checksums sums\.txt: subject name "app\.exe:evil"/)
    )
    assert.throws(
      () => parseChecksumList(`${hex}  Setup.exe\n${hex}  setup.EXE\n`, 'sha256', '--subject-checksums sums.txt'),
      pathUnsafe(/"Setup\.exe" and "setup\.EXE"/)
    )
    await assert.rejects(
      sealSubjects([{ name: 'LPT1', digest: hex }], {
        manifestPath: path.join(tempDir(), 'm.json'),
        algorithm: 'sha256',
        keys: [key],
        context: CONTEXT
      }),
      pathUnsafe(/reserved device name/)
    )
  })

  test('a verifier on Windows refuses each unsafe name as PATH_UNSAFE, reads none of them, and checks the rest', async () => {
    const dir = tempDir()
    writeTree(dir, { 'ok.txt': 'ok' })
    // `a\..\..\x` is refused on every OS already, as the whole statement (checkSubjectName).
    const refused = WINDOWS_UNSAFE.map(([n]) => n).filter(n => !n.includes('..'))
    const names = ['ok.txt', ...refused]
    const statement = buildStatement(
      names.map(name => ({ name, digest: sha256(name === 'ok.txt' ? 'ok' : name) })),
      'sha256',
      CONTEXT,
      new Date()
    )
    const { bytes } = await signStatement(statement, [key])
    const run = (platform: NodeJS.Platform) =>
      verify({
        manifestPath: path.join(dir, 'm.json'),
        manifestBytes: bytes,
        baseDir: dir,
        algorithm: 'sha256',
        keys: [key],
        platform,
        hashing: { concurrency: 1 }
      })
    const { result: report, seen } = await observeFs(() => run('win32'))
    const unsafe = report.problems.filter(p => p.code === 'PATH_UNSAFE')
    assert.deepEqual(unsafe.map(p => p.subject).sort(), refused.sort())
    for (const p of unsafe)
      assert.ok(
        p.message.startsWith(`${p.subject}: subject name `) && p.message.endsWith('; it is not read'),
        p.message
      )
    assert.equal(report.subjects.find(s => s.name === 'ok.txt')?.status, 'verified')
    assert.ok(report.subjects.filter(s => s.name !== 'ok.txt').every(s => s.status === 'unsafe'))
    const opened = seen.calls
      .filter(c => /\.open(Sync)?$/.test(c.fn))
      .flatMap(c => c.paths.map(p => path.relative(dir, p)))
    assert.deepEqual(opened, ['ok.txt'])
    // On Linux the same manifest is checked as before: those names are only missing files.
    const linux = await run('linux')
    assert.equal(linux.problems.filter(p => p.code === 'PATH_UNSAFE').length, 0)
  })

  test('a verifier on Windows or macOS refuses both names of a twin pair from an older manifest', async () => {
    const dir = tempDir()
    writeTree(dir, { 'README.md': 'a' })
    const statement = buildStatement(
      ['README.md', 'Readme.md', 'other'].map(name => ({ name, digest: sha256('a') })),
      'sha256',
      CONTEXT,
      new Date()
    )
    const { bytes } = await signStatement(statement, [key])
    for (const platform of ['win32', 'darwin'] as const) {
      const report = await verify({
        manifestPath: path.join(dir, 'm.json'),
        manifestBytes: bytes,
        baseDir: dir,
        algorithm: 'sha256',
        keys: [key],
        platform
      })
      const unsafe = report.problems.filter(p => p.code === 'PATH_UNSAFE')
      assert.deepEqual(
        unsafe.map(p => p.subject),
        ['README.md', 'Readme.md'],
        platform
      )
      assert.match(unsafe[0].message, /^README\.md: subject name and "Readme\.md" differ only in letter case/)
    }
  })
})

describe('atomic rename on Windows', () => {
  const busy = (code: string) => Object.assign(new Error(code), { code })

  test('a rename refused EPERM, EBUSY or EACCES is retried briefly on Windows', async () => {
    for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
      let calls = 0
      const rename = async () => {
        if (++calls < 3) throw busy(code)
      }
      await renameRetrying('a', 'b', { platform: 'win32', rename, delaysMs: [1, 1, 1] })
      assert.equal(calls, 3, code)
    }
  })

  test('it gives up when the file stays busy, and never retries elsewhere or on other errors', async () => {
    let calls = 0
    const alwaysBusy = async () => {
      calls++
      throw busy('EBUSY')
    }
    await assert.rejects(renameRetrying('a', 'b', { platform: 'win32', rename: alwaysBusy, delaysMs: [1, 1] }), /EBUSY/)
    assert.equal(calls, 3)
    calls = 0
    await assert.rejects(renameRetrying('a', 'b', { platform: 'linux', rename: alwaysBusy }), /EBUSY/)
    assert.equal(calls, 1)
    calls = 0
    const missing = async () => {
      calls++
      throw busy('ENOENT')
    }
    await assert.rejects(renameRetrying('a', 'b', { platform: 'win32', rename: missing }), /ENOENT/)
    assert.equal(calls, 1)
  })
})
