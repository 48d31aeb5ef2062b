import * as cache from '@actions/cache'
import type { CacheStore } from './cache.js'

/**
 * The real CacheStore: @actions/cache, which talks to GitHub's cache service and its blob
 * storage. Both calls already turn service failures into warnings; a restore that matched
 * another key by prefix counts as a miss.
 */
export const actionsCacheStore: CacheStore = {
  async save(paths, key) {
    return (await cache.saveCache(paths, key)) !== -1
  },
  async restore(paths, key) {
    return (await cache.restoreCache(paths, key)) === key
  }
}
