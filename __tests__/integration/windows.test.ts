import { describe, test, beforeAll } from '@jest/globals'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement, signStatement } from '../../src/core/seal.js'
import { TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { GITHUB_CONTEXT, runCli, type ProcessResult } from '../helpers/runner.js'
import { windowsCli, type WindowsCli } from '../helpers/windows.js'

/*
 * The CLI bundle as a Windows process (Node for Windows under Wine here, the runner's own Node
 * on windows-latest) against the same bundle on Linux: manifests cross both ways, the names
 * Windows reads otherwise are refused, links out of base-dir are refused, and globs match alike.
 * Files Windows cannot hold (nul.txt, README.md beside Readme.md) are made from the Linux side.
 */

const COMMIT = '0123456789abcdef0123456789abcdef01234567'
const GITHUB_REPOSITORY = GITHUB_CONTEXT.GITHUB_REPOSITORY
const BIND = ['--repository', 'acme/widgets', '--commit', COMMIT]
const key = new LocalHmacKey(Buffer.from(TEST_KEY_HEX, 'hex'), 'sha256')
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex')
const CONTEXT = {
  repository: 'acme/widgets',
  commit: COMMIT,
  ref: null,
  workflowRef: null,
  runId: null,
  runAttempt: null,
  serverUrl: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
}
/** Names Windows cannot hold, which only the Linux side of Wine can make. */
const LINUX_ONLY_NAMES = process.platform === 'linux'

/** A workspace with the key file beside the artifacts (the CLI reads it relative to cwd). */
function workspace(files: Record<string, string>): string {
  const dir = tempDir('artifact-seal-win-')
  writeTree(dir, { key: TEST_KEY_HEX, ...files })
  return dir
}

function json(result: ProcessResult): any {
  try {
    return JSON.parse(result.stdout)
  } catch {
    assert.fail(`not JSON (exit ${result.exitCode}): ${result.stdout}\n${result.stderr}`)
  }
}

/** A manifest signed with the test key over `subjects`, as an older or foreign sign could have written it. */
async function manifestOver(dir: string, subjects: Array<{ name: string; content: string }>): Promise<void> {
  const statement = buildStatement(
    subjects.map(s => ({ name: s.name, digest: sha256(s.content) })),
    'sha256',
    CONTEXT,
    new Date()
  )
  fs.writeFileSync(path.join(dir, 'artifact-seal.json'), (await signStatement(statement, [key])).bytes)
}

const linux = (cwd: string, args: string[]) => runCli(cwd, [...args, '--key-file', 'key'])
const problemsOf = (result: ProcessResult) =>
  (json(result).problems as Array<{ code: string; subject?: string; message: string }>).map(p => [p.code, p.subject])

describe('sign refuses names a Windows or macOS verifier could not check, on this OS too (exit 2)', () => {
  // Skipped off Linux: such files cannot be made here.
  ;(!LINUX_ONLY_NAMES ? test.skip : test)(
    'a device name, an alternate data stream and case twins, each named',
    async () => {
      const cases: Array<[Record<string, string>, RegExp]> = [
        [
          { 'dist/nul.txt': 'n', 'dist/app.exe': 'a' },
          /subject name "dist\/nul\.txt" has the segment "nul\.txt", a reserved device name on Windows/
        ],
        [{ 'dist/app.exe:hidden': 'h', 'dist/app.exe': 'a' }, /subject name "dist\/app\.exe:hidden" contains ":"/],
        [
          { 'dist/README.md': 'a', 'dist/Readme.md': 'b' },
          /subjects "dist\/README\.md" and "dist\/Readme\.md" differ only in letter case or Unicode normalization/
        ]
      ]
      for (const [files, message] of cases) {
        const ws = workspace(files)
        const signed = await linux(ws, ['sign', '--path', 'dist/**', ...BIND])
        assert.equal(signed.exitCode, 2, signed.stderr)
        assert.match(signed.stderr, message)
        assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')))
      }
    }
  )
})

const windows = windowsCli()
const skip = typeof windows === 'string' ? `Windows suite skipped: ${windows}` : false

// Without Wine and Node for Windows, one skipped line that says why (describe.skip would list
// every test in the suite as skipped).
const suite = skip ? (name: string, _body: () => void) => test.skip(`${name}: ${skip}`, () => {}) : describe
suite('Windows: the CLI bundle as a Windows process', () => {
  const win = windows as WindowsCli
  const started = Date.now()

  beforeAll(async () => {
    // The first run under Wine makes its prefix (seconds); the tests below then take about one second a run.
    const version = await win.run(process.cwd(), ['--version'])
    assert.equal(version.exitCode, 0, version.stderr)
    // Not diagnostic(): in beforeAll jest still names the test that ran before.
    console.log(`Windows suite: ${win.how}: ready in ${Date.now() - started} ms`)
  })

  test('sealed on Windows (patterns with \\, base-dir with /) verifies on Linux, every name with /', async () => {
    const ws = workspace({
      'dist/app.exe': 'app',
      'dist/sub/hello.txt': 'hello',
      'dist/sub/deep/x.js': 'x',
      'dist/app.js.map': 'map'
    })
    const baseDir = win.windowsPath(ws).replace(/\\/g, '/')
    const signed = await win.run(ws, [
      'sign',
      '--path',
      'dist\\**',
      '--path',
      '!dist\\**\\*.map',
      '--base-dir',
      baseDir,
      '--key-file',
      'key',
      ...BIND,
      '--json'
    ])
    assert.equal(signed.exitCode, 0, signed.stderr)
    assert.deepEqual(
      json(signed).subjects.map((s: { name: string }) => s.name),
      ['dist/app.exe', 'dist/sub/deep/x.js', 'dist/sub/hello.txt']
    )
    const verified = await linux(ws, [
      'verify',
      '--path',
      'dist/**',
      '--path',
      '!dist/**/*.map',
      '--expected-repository',
      'acme/widgets'
    ])
    assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
    assert.match(verified.stdout, /verified 3 file\(s\)/)
  })

  test('the action bundle seals on Windows (pattern with \\), and its outputs and manifest check on Linux', async () => {
    const ws = workspace({ 'dist/app.exe': 'app', 'dist/sub/hello.txt': 'hello' })
    const step = await win.action(ws, { path: 'dist\\**', key: TEST_KEY_HEX })
    assert.equal(step.exitCode, 0, step.stdout + step.stderr)
    assert.equal(step.outputs['subject-count'], '2')
    const verified = await linux(ws, ['verify', '--path', 'dist/**', '--expected-repository', GITHUB_REPOSITORY])
    assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
  })

  test('sealed on Linux verifies on Windows (base-dir with \\); a tampered and an unlisted file fail there (exit 1)', async () => {
    const ws = workspace({ 'dist/app.exe': 'app', 'dist/sub/hello.txt': 'hello' })
    const signed = await linux(ws, ['sign', '--path', 'dist/**', ...BIND])
    assert.equal(signed.exitCode, 0, signed.stderr)
    const verifyArgs = ['verify', '--path', 'dist/**', '--base-dir', win.windowsPath(ws), '--key-file', 'key', '--json']
    const verified = await win.run(ws, verifyArgs)
    assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr)
    assert.equal(json(verified).verifiedCount, 2)

    fs.appendFileSync(path.join(ws, 'dist', 'sub', 'hello.txt'), '!')
    fs.writeFileSync(path.join(ws, 'dist', 'planted.exe'), 'evil')
    const failed = await win.run(ws, verifyArgs)
    assert.equal(failed.exitCode, 1, failed.stdout + failed.stderr)
    assert.deepEqual(problemsOf(failed), [
      ['DIGEST_MISMATCH', 'dist/sub/hello.txt'],
      ['UNLISTED_FILE', 'dist/planted.exe']
    ])
  })

  // Skipped off Linux: the files a rule-less verifier would open are made from Linux.
  ;(!LINUX_ONLY_NAMES ? test.skip : test)(
    'a Windows verifier refuses every name Windows reads otherwise, naming it, and never reads what it would open',
    async () => {
      // Beside each unsafe name lies the file Windows would open for it, with the digest the
      // manifest lists: a verifier without the rules would call these verified.
      const ws = workspace({
        'ok.txt': 'ok',
        'dir/x': 'x',
        'app.exe': 'app',
        'nul.txt': 'device?',
        'COM1.log': 'device?'
      })
      const unsafe = [
        { name: 'dir\\x', content: 'x' },
        { name: 'app.exe.', content: 'app' },
        { name: 'app.exe ', content: 'app' },
        { name: 'app.exe:hidden', content: 'app' },
        { name: 'nul.txt', content: 'device?' },
        { name: 'COM1.log', content: 'device?' }
      ]
      await manifestOver(ws, [{ name: 'ok.txt', content: 'ok' }, ...unsafe])
      const verified = await win.run(ws, ['verify', '--key-file', 'key', '--json'])
      assert.equal(verified.exitCode, 1, verified.stdout + verified.stderr)
      const report = json(verified)
      assert.deepEqual(
        report.problems.map((p: { code: string }) => p.code),
        unsafe.map(() => 'PATH_UNSAFE')
      )
      assert.deepEqual(
        report.problems.map((p: { subject: string }) => p.subject).sort(),
        unsafe.map(u => u.name).sort()
      )
      for (const p of report.problems)
        assert.ok(
          p.message.startsWith(`${p.subject}: subject name `) && p.message.endsWith('; it is not read'),
          p.message
        )
      const status = Object.fromEntries(
        report.subjects.map((s: { name: string; status: string }) => [s.name, s.status])
      )
      assert.deepEqual(status, Object.fromEntries([['ok.txt', 'verified'], ...unsafe.map(u => [u.name, 'unsafe'])]))
    }
  )

  // Skipped off Linux: such files cannot be made here.
  ;(!LINUX_ONLY_NAMES ? test.skip : test)(
    'sign on Windows refuses a device name and case twins (exit 2), naming them',
    async () => {
      const device = workspace({ 'dist/app.exe': 'a', 'dist/aux.h': 'n' })
      const twins = workspace({ 'dist/Setup.exe': 'a', 'dist/setup.EXE': 'b' })
      const [a, b] = await Promise.all(
        [device, twins].map(ws => win.run(ws, ['sign', '--path', 'dist/**', '--key-file', 'key', ...BIND]))
      )
      assert.equal(a.exitCode, 2, a.stderr)
      assert.match(a.stderr, /subject name "dist\/aux\.h" has the segment "aux\.h", a reserved device name on Windows/)
      assert.equal(b.exitCode, 2, b.stderr)
      assert.match(b.stderr, /subjects "dist\/Setup\.exe" and "dist\/setup\.EXE" differ only in letter case/)
      for (const ws of [device, twins]) assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')))
    }
  )

  test('symbolic links (and junctions) inside base-dir that lead outside are refused by sign and verify, allow-symlinks or not', async () => {
    const root = tempDir('artifact-seal-win-links-')
    writeTree(root, { 'outside/secret.txt': 'secret', 'base/key': TEST_KEY_HEX, 'base/dist/app.exe': 'app' })
    const ws = path.join(root, 'base')
    try {
      fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(ws, 'dist', 'link.txt'), 'file')
      fs.symlinkSync(
        path.join(root, 'outside'),
        path.join(ws, 'dist', 'linkdir'),
        process.platform === 'win32' ? 'junction' : 'dir'
      )
    } catch (error) {
      return assert.fail(`cannot make links here: ${(error as Error).message}`)
    }
    const base = ['--key-file', 'key', ...BIND]
    const runs = await Promise.all([
      win.run(ws, ['sign', '--path', 'dist/**', ...base]),
      win.run(ws, ['sign', '--path', 'dist/link.txt', ...base]),
      win.run(ws, ['sign', '--path', 'dist/link.txt', '--allow-symlinks', ...base])
    ])
    const [walked, file, allowed] = runs
    assert.equal(walked.exitCode, 2, walked.stderr)
    assert.match(walked.stderr, /dist\\linkdir .*outside base-dir/)
    for (const r of [file, allowed]) {
      assert.equal(r.exitCode, 2, r.stderr)
      assert.match(r.stderr, /dist\/link\.txt: resolves outside base-dir/)
    }
    assert.ok(!fs.existsSync(path.join(ws, 'artifact-seal.json')))

    // A manifest that lists the secret through both links, with its very digest.
    await manifestOver(ws, [
      { name: 'dist/app.exe', content: 'app' },
      { name: 'dist/link.txt', content: 'secret' },
      { name: 'dist/linkdir/secret.txt', content: 'secret' }
    ])
    for (const extra of [[], ['--allow-symlinks']]) {
      const verified = await win.run(ws, ['verify', '--key-file', 'key', '--json', ...extra])
      assert.equal(verified.exitCode, 1, verified.stdout + verified.stderr)
      assert.deepEqual(problemsOf(verified), [
        ['PATH_UNSAFE', 'dist/link.txt'],
        ['PATH_UNSAFE', 'dist/linkdir/secret.txt']
      ])
    }
  })

  test('globs select the same files as on Linux, with either separator on Windows', async () => {
    const ws = workspace({
      'a.txt': 'a',
      '.config/settings.json': '{}',
      'dist/app.js': 'app',
      'dist/app.js.map': 'map',
      'dist/b.txt': 'b',
      'dist/.env': 'env',
      'dist/sub dir/space file.txt': 'space',
      'dist/lib/util.js': 'util',
      'dist/lib/deep/x.js': 'x',
      'docs/readme.md': 'readme',
      'ünï/cödé.txt': 'unicode'
    })
    const sets = [
      ['dist/**', '!dist/**/*.map'],
      ['**/*.txt'],
      ['dist/*/', 'docs/readme.md'],
      ['dist/[ab]*.js', 'dist/sub dir/*', '.config/**'],
      ['dist/**/x.js', '**/util.js', '!dist/lib/deep/**'],
      ['ünï/**', '*']
    ]
    const namesOf = (r: ProcessResult) => {
      assert.equal(r.exitCode, 0, r.stderr)
      return json(r).subjects.map((s: { name: string }) => s.name)
    }
    const sign = (run: (args: string[]) => Promise<ProcessResult>, patterns: string[], i: number, side: string) =>
      run([
        'sign',
        ...patterns.flatMap(p => ['--path', p]),
        '--manifest',
        path.join('..', `${path.basename(ws)}-${side}-${i}.json`),
        '--key-file',
        'key',
        ...BIND,
        '--json'
      ])
    const onLinux = await Promise.all(sets.map((set, i) => sign(args => runCli(ws, args), set, i, 'linux')))
    const onWindows = await Promise.all(
      sets.map((set, i) =>
        sign(args => win.run(ws, args), i % 2 ? set : set.map(p => p.replace(/\//g, '\\')), i, 'windows')
      )
    )
    sets.forEach((set, i) => assert.deepEqual(namesOf(onWindows[i]), namesOf(onLinux[i]), set.join(' ')))
    assert.deepEqual(namesOf(onLinux[2]), [
      'dist/lib/deep/x.js',
      'dist/lib/util.js',
      'dist/sub dir/space file.txt',
      'docs/readme.md'
    ])
  })
})
