import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { main, USAGE } from '../../src/cli/main.js'
import { KEY_SOURCES, parseKeySource } from '../../src/keys/key-source.js'
import { STORE_DEFAULTS, STORE_OPTIONS } from '../../src/keys/options.js'
import { Inputs } from '../../src/action/inputs.js'
import { ROOT, tempDir } from '../helpers/fixtures.js'

const ACTION_YML = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')

/** The `default:` of an input in action.yml, or undefined when the input is not there. */
function inputBlock(name: string): { description: boolean; default: string } | undefined {
  const m = new RegExp(`^  ${name}:\\n((?:    .*\\n|      .*\\n)+)`, 'm').exec(ACTION_YML)
  if (!m) return undefined
  return { description: /^    description: \S/m.test(m[1]), default: /^    default: '(.*)'$/m.exec(m[1])?.[1] ?? '' }
}

test('every remote-source option is an action input with a description, the same default, and a CLI flag', () => {
  const inputNames = new Set<string>(Object.values(Inputs))
  for (const name of STORE_OPTIONS) {
    const block = inputBlock(name)
    assert.ok(block, `action.yml lacks input ${name}`)
    assert.ok(block.description, `${name} has no description`)
    assert.equal(block.default, STORE_DEFAULTS[name] ?? '', `${name} default`)
    assert.ok(inputNames.has(name), `Inputs lacks ${name}`)
    assert.ok(USAGE.includes(`--${name}`), `--help lacks --${name}`)
  }
  for (const source of KEY_SOURCES) assert.equal(parseKeySource(source), source)
  assert.throws(() => parseKeySource('oci-kms'), /Available options: input, vault, vault-transit, aws-secrets-manager, aws-kms, gcp-secret-manager, gcp-kms, azure-key-vault, azure-managed-hsm/)
})

test('CLI: a missing flag is named as a flag; VAULT_ADDR stands in for --vault-url; exit 2 with nothing written', async () => {
  const cwd = tempDir()
  let stderr = ''
  const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), env: {}, cwd }
  assert.equal(await main(['verify', '--key-source', 'vault', '--vault-role', 'r', '--vault-secret', 'secret/data/x'], io), 2)
  assert.match(stderr, /--vault-url is required with key-source vault/)
  stderr = ''
  assert.equal(await main(['verify', '--key-source', 'vault-transit', '--vault-role', 'r'], { ...io, env: { VAULT_ADDR: 'https://vault.example.com' } }), 2)
  assert.match(stderr, /--vault-transit-key is required with key-source vault-transit/)
  // A key file beside a remote source is refused, as the action refuses `key` there.
  stderr = ''
  assert.equal(await main(['verify', '--key-source', 'aws-kms', '--key-file', 'k.txt'], io), 2)
  assert.match(stderr, /--key-file is not used with --key-source aws-kms/)
  assert.deepEqual(fs.readdirSync(cwd), [])
})
