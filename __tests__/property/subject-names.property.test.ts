import { test } from '@jest/globals'
import { diagnostic, reporter } from '../helpers/diagnostic.js'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { LocalHmacKey } from '../../src/core/keys.js'
import { buildStatement, signStatement } from '../../src/core/seal.js'
import { verify } from '../../src/core/verify.js'
import { TEST_KEY_HEX, tempDir } from '../helpers/fixtures.js'
import { observeFs } from '../helpers/fs-spy.js'
import { checkAsyncProperty } from '../helpers/property.js'

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
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

// root/ holds base/ (base-dir), the sentinel beside it, and a sibling whose name extends base's.
const root = tempDir('artifact-seal-names-')
const base = path.join(root, 'base')
const sentinel = path.join(root, 'sentinel')
fs.mkdirSync(base)
fs.mkdirSync(path.join(root, 'base-sibling'))
fs.writeFileSync(sentinel, 'must never be opened')
fs.writeFileSync(path.join(root, 'base-sibling', 'f'), 'outside')
// Names that are harmless as text but lead outside through a symbolic link: opened, refused by real path.
fs.symlinkSync('../sentinel', path.join(base, 'link-to-sentinel'))
fs.symlinkSync('..', path.join(base, 'link-to-root'))

type Kind = 'safe' | 'dangerous' | 'escapes'
type Named = { name: string; kind: Kind }

const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._ -]{0,11}$/),
  // Unicode spellings that other filesystems fold together: NFC and NFD, case, width, ligatures.
  fc.constantFrom(
    'é',
    'e\u0301',
    'Å',
    'A\u030a',
    'ﬁle',
    'ＡＢ',
    'ß',
    'SS',
    'ǅ',
    '日本',
    'back\\slash',
    '…',
    '-rf',
    '.hidden',
    '~',
    'a..b'
  ),
  // Newlines are allowed (coreutils lists carry them); they must never leave base-dir or reach a log raw.
  fc.constantFrom('new\nline', '::error::forged\n')
)
const safeName: fc.Arbitrary<Named[]> = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('as-is', 'upper', 'nfc', 'nfd', 'long'))
  .map(([segs, variant]) => {
    const name = segs.join('/')
    const variants: Record<string, string[]> = {
      'as-is': [name],
      upper: [name, name.toUpperCase()],
      nfc: [name.normalize('NFC'), name.normalize('NFD')],
      nfd: [name.normalize('NFD')],
      // Just under the 4096-character limit, in segments short enough for the filesystem.
      long: [Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(200, 'x')).join('/') + '/' + segs[0]]
    }
    return [...new Set(variants[variant])].filter(n => n.length <= 4096).map(n => ({ name: n, kind: 'safe' as const }))
  })
const dangerousName: fc.Arbitrary<Named[]> = fc
  .oneof(
    fc
      .tuple(fc.array(segment, { maxLength: 2 }), fc.constantFrom('/', '\\'), fc.nat(3))
      .map(([segs, sep, ups]) => [...segs, ...Array(ups + 1).fill('..'), 'sentinel'].join(sep)),
    fc.constantFrom(sentinel, '/etc/passwd', '\\\\server\\share\\x', 'C:\\x', 'c:/x', '//x', '\\x'),
    fc.constantFrom(
      'sentinel\0',
      'a\0/../sentinel',
      'a\n/../../sentinel',
      'x\r',
      'tab\there',
      '\x1b[31mred',
      'del\x7f',
      '::error::forged\r'
    ),
    fc.constantFrom('', 'a//b', './a', 'a/.', 'a/', '.', '..', 'a/./b'),
    fc.constantFrom('a'.repeat(4097), `${'b/'.repeat(2048)}c`),
    fc.constantFrom('lone\ud800', '\udc00x', 'repl\ufffd')
  )
  .map(name => [{ name, kind: 'dangerous' as const }])
const escapingName: fc.Arbitrary<Named[]> = fc
  .constantFrom('link-to-sentinel', 'link-to-root/sentinel', 'link-to-root/base-sibling/f')
  .map(name => [{ name, kind: 'escapes' as const }])

/** Whether `p` lies in base-dir (lexically), or is a descriptor's /proc entry. */
function allowed(p: string): boolean {
  const rel = path.relative(base, path.resolve(p))
  return p.startsWith('/proc/self/fd/') || rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

test('subject names: dangerous names are refused, and nothing outside base-dir is ever opened or read', async () => {
  let opened = 0
  let reads = 0
  try {
    await checkAsyncProperty(
      reporter,
      'generated subject names against a sentinel outside base-dir',
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 2, arbitrary: safeName },
            { weight: 2, arbitrary: dangerousName },
            { weight: 1, arbitrary: escapingName }
          ),
          { minLength: 1, maxLength: 4 }
        ),
        async groups => {
          const named = [...new Map(groups.flat().map(n => [n.name, n])).values()]
          const created = new Set<string>()
          for (const { name, kind } of named) {
            if (kind !== 'safe') continue
            const file = path.join(base, ...name.split('/'))
            try {
              fs.mkdirSync(path.dirname(file), { recursive: true })
              fs.writeFileSync(file, name)
              created.add(name)
            } catch {
              // A name the filesystem cannot hold (a file where a directory is needed): verify must report it, not pass.
            }
          }
          const statement = buildStatement(
            named.map(n => ({ name: n.name, size: 0, digest: sha256(n.name) })),
            'sha256',
            CONTEXT,
            new Date()
          )
          const { bytes } = await signStatement(statement, [key])
          // One hashing thread: the spy sees this thread's fs calls; worker threads run the same kernel.
          const { result: report, seen } = await observeFs(() =>
            verify({
              manifestPath: path.join(root, 'm.json'),
              manifestBytes: bytes,
              baseDir: base,
              algorithm: 'sha256',
              keys: [key],
              hashing: { concurrency: 1 }
            })
          )

          const outside = seen.calls.filter(c => c.paths.some(p => !allowed(p)))
          assert.deepEqual(
            outside,
            [],
            `a filesystem call named a path outside base-dir: ${JSON.stringify(outside.slice(0, 5))}`
          )
          assert.ok(!seen.readFrom.some(p => p === sentinel || !allowed(p)), `read from ${seen.readFrom.join(', ')}`)
          opened += seen.calls.filter(c => /\.open(Sync)?$/.test(c.fn)).length
          reads += seen.readFrom.length

          if (named.some(n => n.kind === 'dangerous')) {
            assert.deepEqual(
              report.problems.map(p => p.code),
              ['STATEMENT_INVALID']
            )
            assert.match(report.problems[0].message, /subject name .* (contains|is )/)
            assert.equal(
              seen.calls.filter(c => /\.open(Sync)?$/.test(c.fn)).length,
              0,
              'no file is opened for a refused statement'
            )
            return
          }
          for (const problem of report.problems)
            assert.ok(
              !/[\n\r]/.test(problem.message),
              `a problem message spans lines: ${JSON.stringify(problem.message)}`
            )
          const status = new Map(report.subjects.map(s => [s.name, s.status]))
          for (const { name, kind } of named) {
            if (kind === 'escapes') assert.equal(status.get(name), 'unsafe', name)
            else if (created.has(name) && fs.readFileSync(path.join(base, ...name.split('/')), 'utf8') === name)
              assert.equal(status.get(name), 'verified', name)
            else assert.notEqual(status.get(name), 'verified', name)
          }
          assert.equal(report.result, named.every(n => status.get(n.name) === 'verified') ? 'verified' : 'failed')
        }
      ),
      { numRuns: 150 }
    )
    diagnostic(
      `the fs spy saw verify open ${opened} files and read ${reads} times across the cases; none outside base-dir`
    )
    assert.ok(opened > 50 && reads > 50, 'the spy observed the verifier (else this test proves nothing)')
    assert.equal(fs.readFileSync(sentinel, 'utf8'), 'must never be opened')
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
})

test('subject names: duplicates, in any spelling of the JSON, and a subject with two digests are refused', async () => {
  const dir = tempDir('artifact-seal-dup-')
  try {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'a')
    const good = sha256('a')
    const sign = async (payload: string) => {
      const { encodeEnvelope, IN_TOTO_PAYLOAD_TYPE, pae } = await import('../../src/core/dsse.js')
      const sig = await key.sign(pae(IN_TOTO_PAYLOAD_TYPE, Buffer.from(payload)))
      return verify({
        manifestPath: path.join(dir, 'm.json'),
        manifestBytes: encodeEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(payload), [{ keyid: key.keyId, sig }]),
        baseDir: dir,
        algorithm: 'sha256',
        keys: [key]
      })
    }
    const statementWith = (subjects: string) =>
      JSON.stringify(buildStatement([{ name: 'a.txt', size: 1, digest: good }], 'sha256', CONTEXT, new Date())).replace(
        /"subject":\[.*?\]\]?(?=,"predicateType")/,
        `"subject":[${subjects}]`
      )
    const cases: [string, string, RegExp][] = [
      [
        'the same name twice, digests disagreeing',
        `{"name":"a.txt","digest":{"sha256":"${good}"}},{"name":"a.txt","digest":{"sha256":"${'0'.repeat(64)}"}}`,
        /repeats the subject name/
      ],
      [
        'the same name spelled with an escape',
        `{"name":"a.txt","digest":{"sha256":"${good}"}},{"name":"\\u0061.txt","digest":{"sha256":"${'0'.repeat(64)}"}}`,
        /repeats the subject name/
      ],
      [
        'one subject, two sha256 digests',
        `{"name":"a.txt","digest":{"sha256":"${'0'.repeat(64)}","sha256":"${good}"}}`,
        /duplicate key at character \d+/
      ],
      [
        'one subject, two algorithms',
        `{"name":"a.txt","digest":{"sha256":"${good}","sha512":"${'0'.repeat(128)}"}}`,
        /exactly one sha256 digest/
      ],
      [
        'a duplicate name key',
        `{"name":"b.txt","name":"a.txt","digest":{"sha256":"${good}"}}`,
        /duplicate key at character \d+/
      ]
    ]
    for (const [what, subjects, message] of cases) {
      const report = await sign(statementWith(subjects))
      assert.deepEqual(
        report.problems.map(p => p.code),
        ['STATEMENT_INVALID'],
        what
      )
      assert.match(report.problems[0].message, message, what)
      assert.equal(report.verifiedCount, 0, what)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
