import * as fs from 'node:fs/promises'
import { describeFsError, SealError } from '../core/errors.js'
import type { MacKey } from '../core/keys.js'
import { resolveKeys } from '../keys/key-source.js'
import type { Plan } from '../options/plan.js'
import type { RunHooks } from './hooks.js'

/** The key lines and how to name where they came from (an input, a flag or a variable; never the key). */
async function keyText(plan: Plan, hooks: RunHooks): Promise<{ text: string; label: string }> {
  const { key } = plan
  if (key.source !== 'input') return { text: '', label: plan.spell('key-source') }
  if (key.file) {
    try {
      return { text: await fs.readFile(key.file, 'utf8'), label: `--key-file ${key.file}` }
    } catch (error) {
      throw new SealError(
        'INPUT_INVALID',
        `--key-file ${key.file}: cannot read: ${describeFsError(error)}`,
        '--key-file'
      )
    }
  }
  if (key.envVariable) {
    const text = hooks.env[key.envVariable] ?? ''
    if (!text.trim())
      throw new SealError('INPUT_INVALID', `no key: give --key-file FILE or set ${key.envVariable}`, '--key-file')
    return { text, label: key.envVariable }
  }
  return { text: key.text ?? '', label: plan.spell('key') }
}

/** The keys the plan names, from wherever they live; every secret is masked as it arrives. */
export async function loadKeys(plan: Plan, hooks: RunHooks): Promise<MacKey[]> {
  const { text, label } = await keyText(plan, hooks)
  return resolveKeys({
    source: plan.key.source,
    algorithm: plan.algorithm,
    encoding: plan.key.encoding,
    keyText: text,
    keyLabel: label,
    onSecret: hooks.onSecret,
    // Merge verifies its parts with every key a store accepts, and signs with signingKeysOf them.
    purpose: plan.mode === 'sign' ? 'sign' : 'verify',
    store: plan.key.store,
    optionName: plan.spell,
    env: hooks.env,
    log: hooks.log,
    allowEnvToken: plan.frontEnd === 'cli',
    fetchOidcToken: hooks.fetchOidcToken
  })
}
