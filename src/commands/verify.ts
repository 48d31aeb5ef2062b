import type { HashManyOptions } from '../core/digest.js'
import { checkBaseDir } from '../core/seal.js'
import { verifyManifest, type ManifestVerdict, type VerifyOptions, type VerifyReport } from '../core/verify.js'
import type { Plan } from '../options/plan.js'
import { verifyCarried } from '../transport/carry.js'
import { carriersFor } from './carriers.js'
import type { RunHooks } from './hooks.js'
import { loadKeys } from './keys.js'

/** What core/verify needs from a plan. */
async function verifyOptions(plan: Plan, hooks: RunHooks, hashing: HashManyOptions): Promise<VerifyOptions> {
  return {
    manifestPath: plan.manifest,
    baseDir: plan.baseDir,
    algorithm: plan.algorithm,
    keys: await loadKeys(plan, hooks),
    patterns: plan.patterns,
    allowUnlisted: plan.allowUnlisted,
    allowSymlinks: plan.allowSymlinks,
    omitBrokenLinks: plan.omitBrokenLinks,
    cwd: plan.cwd,
    expectedRepository: plan.expectedRepository,
    expectedCommit: plan.expectedCommit,
    maxAgeMs: plan.maxAgeMs,
    policy: plan.policy,
    subjects: plan.subjects,
    hashing
  }
}

/** Verify: the manifest (from disk or its release) and every file it lists. */
export async function runVerify(plan: Plan, hooks: RunHooks, hashing: HashManyOptions = {}): Promise<VerifyReport> {
  const carriers = await carriersFor(plan, hooks)
  return verifyCarried(await verifyOptions(plan, hooks, hashing), carriers)
}

/** checksums: the manifest's signature, statement and predicate, reading no file. */
export async function runChecksums(plan: Plan, hooks: RunHooks): Promise<ManifestVerdict> {
  const options = await verifyOptions(plan, hooks, {})
  await checkBaseDir(options.baseDir)
  return verifyManifest(options)
}
