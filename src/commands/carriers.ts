import { createGitHubClient, parseRepository } from '../github/client.js'
import type { Plan } from '../options/plan.js'
import type { Carriers } from '../transport/carry.js'
import type { RunHooks } from './hooks.js'

/** The carriers the plan names (today: a release), with a client that is only made when one is. */
export async function carriersFor(plan: Plan, hooks: RunHooks): Promise<Carriers> {
  const carriers: Carriers = { log: hooks.log, warn: hooks.warn }
  const release = plan.release
  if (release) {
    carriers.release = {
      client: await createGitHubClient({ token: release.token }, hooks.env),
      repo: parseRepository(release.repository, release.repositoryFrom),
      tag: release.tag,
      checksums: release.checksums,
      overwrite: release.overwrite,
      publish: release.publish,
      assets: release.assets,
      allowUnlistedAssets: release.allowUnlistedAssets
    }
  }
  return carriers
}
