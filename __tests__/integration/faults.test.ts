import { test } from '@jest/globals'
import { diagnostic } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { LocalHmacKey } from '../../src/core/keys.js'
import { seal } from '../../src/core/seal.js'
import { MAX_MANIFEST_BYTES } from '../../src/core/verify.js'
import { listTree, OTHER_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runAction, runCli } from '../helpers/runner.js'
import { isRoot, openToAll, runCliRestricted } from '../helpers/unprivileged.js'

const CONTEXT = {
  repository: 'acme/widgets',
  commit: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/tags/v1.2.3',
  workflowRef: null,
  runId: '4242',
  runAttempt: '1',
  serverUrl: null,
  job: null,
  label: null,
  eventName: null,
  runnerEnvironment: null,
  workflowSha: null
}
/** A key that exists only to be searched for: derived, not typed, so no other fixture shares a byte run with it. */
const CANARY = createHash('sha256').update('artifact-seal canary key').digest()
const CANARY_HEX = CANARY.toString('hex')
/** A utf8 key, for the runs that use key-encoding utf8. */
const CANARY_UTF8 = 'canary-utf8-key-never-printed-0123456789'
let faults = 0

function sealIn(dir: string, patterns: string[], hex = CANARY_HEX): Promise<unknown> {
  return seal({
    patterns: patterns.map(p => path.join(dir, p)),
    baseDir: dir,
    manifestPath: path.join(dir, 'artifact-seal.json'),
    algorithm: 'sha256',
    keys: [new LocalHmacKey(Buffer.from(hex, 'hex'), 'sha256')],
    context: CONTEXT
  })
}

test('faults through the CLI: permission denied reading a file or writing the manifest, and a write over the file size limit', async () => {
  if (isRoot)
    diagnostic(
      'running as root: the permission cases run the CLI as nobody (uid 65534), since root reads through chmod 000'
    )
  const dir = tempDir('artifact-seal-perm-')
  try {
    writeTree(dir, { 'dist/app.js': 'app', 'dist/secret.bin': 'secret', 'out/.keep': '' })
    await sealIn(dir, ['dist/**'])
    openToAll(dir)
    const env = { ARTIFACT_SEAL_KEY: CANARY_HEX }
    const before = fs.readFileSync(path.join(dir, 'artifact-seal.json'))

    fs.chmodSync(path.join(dir, 'dist/secret.bin'), 0o000)
    const sign = await runCliRestricted(dir, ['sign', '--path', 'dist/**', '--manifest', 'signed.json'], env, {
      unprivileged: true
    })
    faults++
    assert.equal(sign.exitCode, 2, sign.stderr)
    assert.equal(sign.stderr, 'artifact-seal: error: dist/secret.bin: cannot open: permission denied\n')
    assert.ok(!fs.existsSync(path.join(dir, 'signed.json')))

    const verify = await runCliRestricted(dir, ['verify'], env, { unprivileged: true })
    faults++
    assert.equal(verify.exitCode, 1, verify.stderr)
    assert.match(verify.stdout, /^FAIL FILE_UNREADABLE: dist\/secret\.bin: cannot open: permission denied$/m)
    assert.match(verify.stdout, /verification failed: 1 problem\(s\), 1 file\(s\) verified/)
    fs.chmodSync(path.join(dir, 'dist/secret.bin'), 0o644)

    // No permission to write where the manifest goes: the directory is not writable by this user.
    if (!isRoot) fs.chmodSync(path.join(dir, 'out'), 0o555)
    const noWrite = await runCliRestricted(
      dir,
      ['sign', '--path', 'dist/**', '--manifest', 'out/artifact-seal.json'],
      env,
      { unprivileged: true }
    )
    faults++
    assert.equal(noWrite.exitCode, 2)
    assert.equal(
      noWrite.stderr,
      `artifact-seal: error: cannot write manifest ${path.join(dir, 'out/artifact-seal.json')}: permission denied\n`
    )
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['.keep'], 'no partial or temporary file')
    fs.chmodSync(path.join(dir, 'out'), 0o755)

    // A write that fails half-way (here: RLIMIT_FSIZE, as a full disk would) leaves the old manifest whole.
    writeTree(dir, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`dist/more-${i}.js`, `${i}`])))
    const tooBig = await runCliRestricted(dir, ['sign', '--path', 'dist/**'], env, { fileSizeLimitKiB: 1 })
    faults++
    assert.equal(tooBig.exitCode, 2, 'a manifest of 42 subjects is over 1 KiB')
    assert.match(
      tooBig.stderr,
      /^artifact-seal: error: cannot write manifest .*artifact-seal\.json: file too large \(over the file size limit\)\n$/
    )
    assert.deepEqual(fs.readFileSync(path.join(dir, 'artifact-seal.json')), before, 'the previous manifest is intact')
    assert.deepEqual(
      listTree(dir).filter(f => f.endsWith('.tmp')),
      [],
      'no temporary file left'
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 30_000)

/** Every printable form of a key, cut into every 16-character run: a partial leak counts too. */
function needles(bytes: Buffer, text: string): string[] {
  const forms = [
    text,
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64'),
    bytes.toString('base64url')
  ]
  const windows = new Set<string>()
  for (const form of forms) for (let i = 0; i + 16 <= form.length; i++) windows.add(form.slice(i, i + 16))
  return [...windows]
}

/** Every regular file below the directories, except the sparse oversized manifest the test wrote itself. */
function filesBelow(...dirs: string[]): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = []
  for (const dir of dirs) {
    for (const name of listTree(dir)) {
      const file = path.join(dir, name)
      const stats = fs.lstatSync(file)
      if (stats.isFile() && stats.size <= 8 * 1024 * 1024) out.push({ file, bytes: fs.readFileSync(file) })
    }
  }
  return out
}

type Run = {
  exitCode: number
  stdout: string
  stderr: string
  outputs?: Record<string, string>
  summary?: string
  runnerDir?: string
  masks?: string[]
}

test('canary: every failure path of the action and the CLI leaves no trace of the key in stdout, stderr, outputs, summary or any file', async () => {
  const root = tempDir('artifact-seal-canary-')
  const keyNeedles = [...needles(CANARY, CANARY_HEX), ...needles(Buffer.from(CANARY_UTF8), CANARY_UTF8)]
  const rawKeys = [CANARY, Buffer.from(CANARY_UTF8)]
  let n = 0
  const workspace = (files: Record<string, string | Buffer>): string => {
    const dir = path.join(root, `ws-${n++}`)
    fs.mkdirSync(dir)
    writeTree(dir, files)
    return dir
  }
  const runs: [string, RegExp, Promise<Run>][] = []
  try {
    const base = { 'dist/app.js': 'console.log(1)', 'dist/lib/util.js': 'export {}' }
    // Prepared failures, each in its own workspace.
    const tampered = workspace(base)
    await sealIn(tampered, ['dist/**'])
    fs.appendFileSync(path.join(tampered, 'dist/app.js'), '// injected')
    const wrongKey = workspace(base)
    await sealIn(wrongKey, ['dist/**'], OTHER_KEY_HEX)
    const notJson = workspace({ ...base, 'artifact-seal.json': `{"payload": "${CANARY_HEX.slice(0, 8)}` })
    const tooLarge = workspace(base)
    fs.writeFileSync(path.join(tooLarge, 'artifact-seal.json'), '')
    fs.truncateSync(path.join(tooLarge, 'artifact-seal.json'), MAX_MANIFEST_BYTES + 1)
    const deep = workspace({ ...base, 'artifact-seal.json': '['.repeat(100_000) })
    const changedTree = workspace({ ...base, 'dist/gone.js': 'gone', 'dist/dir.js': 'file' })
    await sealIn(changedTree, ['dist/**'])
    fs.rmSync(path.join(changedTree, 'dist/gone.js'))
    fs.rmSync(path.join(changedTree, 'dist/dir.js'))
    fs.mkdirSync(path.join(changedTree, 'dist/dir.js'))
    fs.writeFileSync(path.join(changedTree, 'dist/planted.js'), 'not sealed')
    const fifo = workspace(base)
    execFileSync('mkfifo', [path.join(fifo, 'dist/pipe')])
    const escape = workspace({ ...base, 'dist/evil\x1b[2K\r::warning::forged.js': 'x' })
    const shortKeyFile = workspace({ ...base, 'key.txt': CANARY_HEX.slice(0, 40) })

    const hexKey = { key: CANARY_HEX }
    const env = { ARTIFACT_SEAL_KEY: CANARY_HEX }
    // Started together: each is its own process and workspace.
    runs.push(
      [
        'action sign: path matches nothing',
        /path matched no files/,
        runAction(workspace(base), { ...hexKey, path: 'nothing/**' })
      ],
      [
        'action sign: a FIFO matched by the glob',
        /dist\/pipe: not a regular file \(a FIFO\)/,
        runAction(fifo, { ...hexKey, path: 'dist/**' })
      ],
      [
        'action sign: a name with an escape sequence and a carriage return',
        /contains a control character/,
        runAction(escape, { ...hexKey, path: 'dist/**' })
      ],
      [
        'action sign: manifest directory missing',
        /cannot write manifest .*m\.json: no such file/,
        runAction(workspace(base), { ...hexKey, path: 'dist/**', manifest: 'missing/dir/m.json' })
      ],
      [
        'action sign: key too short',
        /key input is 31 bytes after hex decoding/,
        runAction(workspace(base), { key: CANARY_HEX.slice(0, 62), path: 'dist/**' })
      ],
      [
        'action sign: key not hex',
        /key input is not valid hex/,
        runAction(workspace(base), { key: CANARY_UTF8, path: 'dist/**' })
      ],
      [
        'action sign: key not base64',
        /key input is not valid base64/,
        runAction(workspace(base), { key: CANARY_UTF8 + '!', 'key-encoding': 'base64', path: 'dist/**' })
      ],
      [
        'action verify: tampered file',
        /DIGEST_MISMATCH.*dist\/app\.js/,
        runAction(tampered, { ...hexKey, mode: 'verify', path: 'dist/**' })
      ],
      [
        'action verify: signed by another key (two key lines)',
        /SIGNATURE_INVALID/,
        runAction(wrongKey, { key: `${CANARY_HEX}\n${'ab'.repeat(32)}`, mode: 'verify' })
      ],
      [
        'action verify: utf8 key, manifest not JSON',
        /is not valid JSON/,
        runAction(notJson, { key: CANARY_UTF8, 'key-encoding': 'utf8', mode: 'verify' })
      ],
      ['action verify: manifest over 64 MiB', /MANIFEST_TOO_LARGE/, runAction(tooLarge, { ...hexKey, mode: 'verify' })],
      [
        'action verify: manifest nested too deep',
        /nests deeper than 32 levels/,
        runAction(deep, { ...hexKey, mode: 'verify' })
      ],
      [
        'action verify: missing, directory, unlisted, wrong repository and commit',
        /REPOSITORY_MISMATCH[^]*COMMIT_MISMATCH[^]*FILE_NOT_REGULAR[^]*FILE_MISSING[^]*UNLISTED_FILE/,
        runAction(changedTree, {
          ...hexKey,
          mode: 'verify',
          path: 'dist/**',
          'expected-repository': 'evil/fork',
          'expected-commit': 'f'.repeat(40)
        })
      ],
      [
        'cli sign --json: FIFO',
        /"code":"FILE_NOT_REGULAR"/,
        runCli(fifo, ['sign', '--path', 'dist/**', '--json'], env)
      ],
      [
        'cli sign: key too short in a key file',
        /is 20 bytes after hex decoding/,
        runCli(shortKeyFile, ['sign', '--path', 'dist/**', '--key-file', 'key.txt'])
      ],
      [
        'cli verify --json: tampered',
        /"code": "DIGEST_MISMATCH"/,
        runCli(tampered, ['verify', '--json', '--path', 'dist/**'], env)
      ],
      ['cli verify: wrong key', /FAIL SIGNATURE_INVALID/, runCli(wrongKey, ['verify'], env)],
      [
        'cli verify --json: missing, directory, unlisted, commit',
        /COMMIT_MISMATCH[^]*FILE_NOT_REGULAR[^]*FILE_MISSING[^]*UNLISTED_FILE/,
        runCli(changedTree, ['verify', '--json', '--path', 'dist/**', '--expected-commit', 'f'.repeat(40)], env)
      ],
      ['cli verify: manifest over 64 MiB', /FAIL MANIFEST_TOO_LARGE/, runCli(tooLarge, ['verify'], env)]
    )
    let places = 0
    const results = await Promise.all(runs.map(([, , p]) => p))
    results.forEach((r, i) => {
      const [what, expected] = runs[i]
      faults++
      assert.notEqual(r.exitCode, 0, `${what}: should fail\n${r.stdout}\n${r.stderr}`)
      assert.match(r.stdout + r.stderr, expected, `${what}: failed for another reason than the one under test`)
      // ::add-mask:: lines are how the key reaches the runner's mask; the runner consumes them and never shows them.
      const stdout = r.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      const texts: [string, string][] = [
        ['stdout', stdout],
        ['stderr', r.stderr],
        ['outputs', JSON.stringify(r.outputs ?? {})],
        ['summary', r.summary ?? '']
      ]
      for (const [where, text] of texts) {
        places++
        const leak = keyNeedles.find(k => text.includes(k))
        assert.equal(leak, undefined, `${what}: the key (${leak}) appears in ${where}`)
      }
      const keyInputs = [CANARY_HEX, CANARY_UTF8, CANARY_UTF8 + '!', CANARY_HEX.slice(0, 62)]
      if (r.masks)
        assert.ok(
          r.masks.some(m => keyInputs.includes(m)),
          `${what}: the key as given was registered with the mask`
        )
    })
    // Every file any run could have written: the workspaces (manifests, temporary files) and the runner's files.
    const written = filesBelow(root, ...results.flatMap(r => (r.runnerDir ? [r.runnerDir] : [])))
    for (const { file, bytes } of written) {
      if (file === path.join(shortKeyFile, 'key.txt')) continue // the key file the user wrote
      places++
      const text = bytes.toString('utf8')
      const leak = keyNeedles.find(k => text.includes(k)) ?? rawKeys.find(k => bytes.includes(k))?.toString('hex')
      assert.equal(leak, undefined, `the key appears in ${file}`)
    }
    diagnostic(
      `${runs.length} failing runs (${faults} faults injected in this file), ${places} outputs and files searched for ${keyNeedles.length} key fragments and the raw key bytes: no trace`
    )
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
    for (const r of await Promise.all(runs.map(([, , p]) => p.catch(() => null))))
      if (r?.runnerDir) fs.rmSync(r.runnerDir, { recursive: true, force: true })
  }
}, 60_000)
