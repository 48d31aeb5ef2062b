import type { HashManyOptions } from '../core/digest.js'
import { seal, sealSubjects, type SealResult } from '../core/seal.js'
import type { Plan } from '../options/plan.js'
import { checkCarriers, shipSeal, type Shipped } from '../transport/carry.js'
import { readSubjectChecksums } from '../formats/subject-checksums.js'
import { carriersFor } from './carriers.js'
import type { RunHooks } from './hooks.js'
import { loadKeys } from './keys.js'

/** Sign: hash the files (or take a checksum list), write the manifest, then ship it. */
export async function runSign(
  plan: Plan,
  hooks: RunHooks,
  hashing: HashManyOptions = {}
): Promise<SealResult & Shipped> {
  const keys = await loadKeys(plan, hooks)
  const carriers = await carriersFor(plan, hooks)
  await checkCarriers(carriers)
  const common = {
    manifestPath: plan.manifest,
    algorithm: plan.algorithm,
    keys,
    context: plan.context,
    expiresInMs: plan.expiresInMs
  }
  const result = plan.subjectChecksums
    ? await sealSubjects(
        await readSubjectChecksums(
          plan.subjectChecksums,
          plan.algorithm,
          plan.frontEnd === 'cli' ? '--subject-checksums' : 'subject-checksums'
        ),
        common
      )
    : await seal({
        ...common,
        patterns: plan.patterns,
        baseDir: plan.baseDir,
        cwd: plan.cwd,
        allowSymlinks: plan.allowSymlinks,
        omitBrokenLinks: plan.omitBrokenLinks,
        hashing
      })
  return { ...result, ...(await shipSeal(result, carriers)) }
}
