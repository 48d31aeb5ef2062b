import type { CacheStore } from './cache.js'

/**
 * The real CacheStore: @actions/cache, which talks to GitHub's cache service and its blob
 * storage. Both calls already turn service failures into warnings; a restore that matched
 * another key by prefix counts as a miss. Imported on first use: with the Azure storage client
 * under it, it is most of the action's bundle, and only `cache: true` needs it.
 */
export const actionsCacheStore: CacheStore = {
  async save(paths, key) {
    const cache = await loadCache()
    return cache ? (await cache.saveCache(paths, key)) !== -1 : false
  },
  async restore(paths, key) {
    const cache = await loadCache()
    return cache ? (await cache.restoreCache(paths, key)) === key : false
  }
}

/** The cache module, or null (with a warning) when it cannot be loaded: a cache problem is a miss, as in @actions/cache itself. */
async function loadCache(): Promise<typeof import('@actions/cache') | null> {
  try {
    return await import('@actions/cache')
  } catch (error) {
    process.emitWarning(`artifact-seal: the Actions cache cannot be used: ${(error as Error).message}`)
    return null
  }
}
