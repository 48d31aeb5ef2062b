import type { CacheStore } from './cache.js'

/**
 * The real CacheStore: @actions/cache, which talks to GitHub's cache service and its blob
 * storage. Both calls already turn service failures into warnings; a restore that matched
 * another key by prefix counts as a miss. Imported on first use: with the Azure storage client
 * under it, it is most of the action's bundle, and only `cache: true` needs it.
 */
export const actionsCacheStore: CacheStore = {
  async save(paths, key) {
    const cache = await import('@actions/cache')
    return (await cache.saveCache(paths, key)) !== -1
  },
  async restore(paths, key) {
    const cache = await import('@actions/cache')
    return (await cache.restoreCache(paths, key)) === key
  }
}
