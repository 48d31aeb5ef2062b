import { describe, test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { main, USAGE } from '../../src/cli/main.js'
import { renderActionYml } from '../../src/options/action-yml.js'
import { flagOf, OPTION_LIST, offers, OPTIONS, STORE_OPTIONS, type OptionName } from '../../src/options/table.js'
import { ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runInProcess } from '../helpers/in-process.js'

test('action.yml is what the option table generates (run `npm run action-yml` after editing the table)', () => {
  assert.equal(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'), renderActionYml())
})

test('--help lists every CLI option of the table, and nothing the table does not hold', () => {
  for (const [name, spec] of OPTION_LIST) {
    if (offers(spec, 'cli')) assert.ok(new RegExp(`--${flagOf(name)}\\b`).test(USAGE), `--help lacks --${flagOf(name)}`)
  }
  const flags = new Set(OPTION_LIST.filter(([, s]) => offers(s, 'cli')).map(([n]) => flagOf(n)))
  for (const [, flag] of USAGE.matchAll(/--([a-z][a-z0-9-]+)/g))
    assert.ok(
      flags.has(flag) || flag === 'help' || flag === 'version' || flag === 'tag',
      `--help names --${flag}, which the table lacks`
    )
  for (const name of STORE_OPTIONS) assert.ok(USAGE.includes(`--${name}`), `the Key sources section lacks --${name}`)
})

test('every option has a description, modes, and a default or a reason to have none', () => {
  for (const [name, spec] of OPTION_LIST) {
    assert.ok(spec.description.length > 10, `${name}: description`)
    assert.ok(spec.modes.length > 0, `${name}: modes`)
    if (offers(spec, 'action'))
      assert.notEqual(spec.default, undefined, `${name}: an action input needs action.yml's default`)
    for (const r of spec.requires ?? [])
      assert.ok((typeof r === 'string' ? r : r.option) in OPTIONS, `${name} requires an unknown option`)
  }
})

/**
 * One table of option combinations, run through both front ends: the verdict (exit 0, or a
 * configuration error naming the same option as each front end spells it) must agree.
 */
describe('the action and the CLI give the same verdict on the same options', () => {
  type Case = [string, 'sign' | 'verify' | 'merge', Partial<Record<OptionName, string>>, 'ok' | OptionName]
  const cases: Case[] = [
    ['a plain seal', 'sign', { path: 'dist/**' }, 'ok'],
    ['a plain verify', 'verify', { path: 'dist/**' }, 'ok'],
    ['verify with subject-checksums', 'verify', { 'subject-checksums': 'sums.txt' }, 'subject-checksums'],
    ['sign with expected-commit', 'sign', { path: 'dist/**', 'expected-commit': 'zz' }, 'expected-commit'],
    ['verify with a short expected-commit', 'verify', { 'expected-commit': 'abc123' }, 'expected-commit'],
    ['sign with max-age', 'sign', { path: 'dist/**', 'max-age': '7d' }, 'max-age'],
    ['verify with expires-in', 'verify', { 'expires-in': '7d' }, 'expires-in'],
    ['verify with label', 'verify', { label: 'linux' }, 'label'],
    ['sign with a policy', 'sign', { path: 'dist/**', 'expected-ref': 'refs/tags/v*' }, 'expected-ref'],
    [
      'sign with require-hosted-runner',
      'sign',
      { path: 'dist/**', 'require-hosted-runner': 'true' },
      'require-hosted-runner'
    ],
    ['allow-unlisted without path', 'verify', { 'allow-unlisted': 'true' }, 'allow-unlisted'],
    ['sign without path', 'sign', {}, 'path'],
    ['path and subject-checksums', 'sign', { path: 'dist/**', 'subject-checksums': 'sums.txt' }, 'path'],
    ['checksums without release-tag', 'sign', { path: 'dist/**', checksums: 'true' }, 'checksums'],
    ['overwrite without release-tag', 'sign', { path: 'dist/**', overwrite: 'true' }, 'overwrite'],
    ['release-assets without release-tag', 'verify', { 'release-assets': 'true' }, 'release-assets'],
    ['release-assets to sign', 'sign', { path: 'dist/**', 'release-assets': 'true' }, 'release-assets'],
    [
      'allow-unlisted-assets alone',
      'verify',
      { 'release-tag': 'v1', 'allow-unlisted-assets': 'true' },
      'allow-unlisted-assets'
    ],
    [
      'a store option with key-source input',
      'sign',
      { path: 'dist/**', 'vault-url': 'https://vault.example.com' },
      'vault-url'
    ],
    ['an unknown algorithm', 'sign', { path: 'dist/**', algorithm: 'md5' }, 'algorithm'],
    ['an unknown key encoding', 'verify', { 'key-encoding': 'raw' }, 'key-encoding'],
    ['an unknown key source', 'verify', { 'key-source': 'hsm' }, 'key-source'],
    ['a bad duration', 'sign', { path: 'dist/**', 'expires-in': '3 days' }, 'expires-in'],
    ['an exclusion-only ref policy', 'verify', { 'expected-ref': '!refs/heads/main' }, 'expected-ref'],
    ['a bad event list', 'verify', { 'expected-event': 'push;release' }, 'expected-event'],
    ['a boolean that is neither', 'verify', { path: 'dist/**', 'allow-unlisted': 'yes' }, 'allow-unlisted'],
    ['sign omitting broken links', 'sign', { path: 'dist/**', 'omit-broken-symbolic-links': 'true' }, 'ok'],
    ['verify omitting broken links', 'verify', { path: 'dist/**', 'omit-broken-symbolic-links': 'true' }, 'ok'],
    [
      'omit-broken-symbolic-links that is neither',
      'sign',
      { path: 'dist/**', 'omit-broken-symbolic-links': 'maybe' },
      'omit-broken-symbolic-links'
    ],
    ['a subset verify', 'verify', { subjects: 'dist/app.js' }, 'ok'],
    ['subjects to sign', 'sign', { path: 'dist/**', subjects: 'dist/*' }, 'subjects'],
    ['an exclusion-only subjects list', 'verify', { subjects: '!dist/*' }, 'subjects'],
    [
      'a merge',
      'merge',
      {
        manifests: 'artifact-seal.json',
        manifest: 'merged.json',
        'expected-commit': '0123456789abcdef0123456789abcdef01234567'
      },
      'ok'
    ],
    ['merge without manifests', 'merge', {}, 'manifests'],
    ['merge with path', 'merge', { manifests: '*.json', path: 'dist/**' }, 'path'],
    ['manifests to verify', 'verify', { manifests: '*.json' }, 'manifests'],
    ['release-publish without release-tag', 'sign', { path: 'dist/**', 'release-publish': 'true' }, 'release-publish'],
    ['release-publish to verify', 'verify', { 'release-tag': 'v1', 'release-publish': 'true' }, 'release-publish'],
    [
      'release-assets neither true, false nor digests',
      'verify',
      { 'release-tag': 'v1', 'release-assets': 'some' },
      'release-assets'
    ],
    [
      'release-assets digests with sha512',
      'verify',
      { 'release-tag': 'v1', 'release-assets': 'digests', algorithm: 'sha512' },
      'release-assets'
    ]
  ]

  // A sealed workspace per front end and case, so that no run sees another's output.
  const fresh = async (): Promise<string> => {
    const dir = tempDir()
    writeTree(dir, { 'dist/app.js': 'app', 'sums.txt': `${'0'.repeat(64)}  dist/app.js\n` })
    // Sealed by the action, in the run context the action's verify expects.
    assert.equal((await runInProcess(dir, { path: 'dist/**', key: TEST_KEY_HEX })).failed, false)
    return dir
  }

  for (const [what, mode, options, verdict] of cases) {
    test(what, async () => {
      const cliDir = await fresh()
      const args: string[] = [mode]
      for (const [name, value] of Object.entries(options)) {
        const spec = OPTIONS[name as OptionName]
        if (spec.kind === 'boolean') {
          if (value === 'true') args.push(`--${flagOf(name as OptionName)}`)
          else args.push(`--${flagOf(name as OptionName)}=${value}`)
        } else args.push(`--${flagOf(name as OptionName)}`, value)
      }
      let stderr = ''
      const cliCode = await main(args, {
        stdout: () => {},
        stderr: t => void (stderr += t),
        env: { ARTIFACT_SEAL_KEY: TEST_KEY_HEX },
        cwd: cliDir
      })

      const actionDir = await fresh()
      const result = await runInProcess(actionDir, { mode, key: TEST_KEY_HEX, ...options })

      if (verdict === 'ok') {
        assert.equal(cliCode, 0, `CLI: ${stderr}`)
        assert.equal(result.failed, false, `action: ${result.log}`)
        return
      }
      const booleanValue =
        OPTIONS[verdict].kind === 'boolean' && options[verdict] !== 'true' && options[verdict] !== undefined
      // parseArgs itself refuses a value given to a boolean flag; that is the CLI's way to say it.
      if (booleanValue) assert.match(stderr, new RegExp(`--${flagOf(verdict)}`))
      else
        assert.match(
          stderr,
          new RegExp(`artifact-seal: error: .*--${flagOf(verdict)}\\b`),
          `CLI names --${flagOf(verdict)}`
        )
      assert.equal(cliCode, 2)
      assert.equal(result.failed, true)
      const failure = /::error::(.*)/.exec(result.log)?.[1] ?? ''
      assert.match(failure, new RegExp(`(^|[^-])\\b${verdict}\\b`), `action names ${verdict}: ${failure}`)
      assert.doesNotMatch(failure, new RegExp(`--${verdict}\\b`), 'the action does not name a flag')
    })
  }
})

test('a single-valued flag given twice is refused, naming it; a list flag adds up', async () => {
  const dir = tempDir()
  writeTree(dir, { 'a/x': 'x', 'b/y': 'y' })
  let stderr = ''
  const io = {
    stdout: () => {},
    stderr: (t: string) => void (stderr += t),
    env: { ARTIFACT_SEAL_KEY: TEST_KEY_HEX },
    cwd: dir
  }
  assert.equal(await main(['sign', '--path', 'a/**', '--manifest', 'one.json', '--manifest', 'two.json'], io), 2)
  assert.match(stderr, /--manifest is given 2 times; give it once/)
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a', 'b'])
  assert.equal(await main(['sign', '--path', 'a/**', '--path', 'b/**'], io), 0)
  const listed = JSON.parse(
    Buffer.from(JSON.parse(fs.readFileSync(path.join(dir, 'artifact-seal.json'), 'utf8')).payload, 'base64').toString()
  ).subject.map((s: { name: string }) => s.name)
  assert.deepEqual(listed, ['a/x', 'b/y'])
})

test('CLI: a missing store flag is named as a flag; VAULT_ADDR stands in for --vault-url; exit 2 with nothing written', async () => {
  const cwd = tempDir()
  let stderr = ''
  const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), env: {}, cwd }
  assert.equal(
    await main(['verify', '--key-source', 'vault', '--vault-role', 'r', '--vault-secret', 'secret/data/x'], io),
    2
  )
  assert.match(stderr, /--vault-url is required with key-source vault/)
  stderr = ''
  assert.equal(
    await main(['verify', '--key-source', 'vault-transit', '--vault-role', 'r'], {
      ...io,
      env: { VAULT_ADDR: 'https://vault.example.com' }
    }),
    2
  )
  assert.match(stderr, /--vault-transit-key is required with key-source vault-transit/)
  // A key file beside a remote source is refused, as the action refuses `key` there.
  stderr = ''
  assert.equal(await main(['verify', '--key-source', 'aws-kms', '--key-file', 'k.txt'], io), 2)
  assert.match(stderr, /--key-file is used only with key-source input \(key-source is aws-kms\)/)
  assert.deepEqual(fs.readdirSync(cwd), [])
})
