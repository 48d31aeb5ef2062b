import { merge, type MergeOutcome } from '../core/merge.js'
import { signingKeysOf } from '../keys/key-source.js'
import type { Plan } from '../options/plan.js'
import { checkCarriers, shipSeal, type Shipped } from '../transport/carry.js'
import { carriersFor } from './carriers.js'
import type { RunHooks } from './hooks.js'
import { loadKeys } from './keys.js'

/**
 * Merge: the release checked before any part is read, every part verified, one manifest written
 * (or nothing, with every problem), then shipped as sign ships.
 */
export async function runMerge(plan: Plan, hooks: RunHooks): Promise<MergeOutcome & { shipped?: Shipped }> {
  const keys = await loadKeys(plan, hooks)
  const carriers = await carriersFor(plan, hooks)
  await checkCarriers(carriers)
  const outcome = await merge({
    manifests: plan.manifests,
    manifestPath: plan.manifest,
    algorithm: plan.algorithm,
    keys,
    signingKeys: signingKeysOf(plan.key.source, keys),
    context: plan.context,
    expiresInMs: plan.expiresInMs,
    cwd: plan.cwd,
    manifestsOption: plan.frontEnd === 'cli' ? '--manifests' : 'manifests',
    expectedRepository: plan.expectedRepository,
    expectedCommit: plan.expectedCommit,
    maxAgeMs: plan.maxAgeMs,
    policy: plan.policy
  })
  if (!outcome.ok) return outcome
  return { ...outcome, shipped: await shipSeal(outcome.result, carriers) }
}
