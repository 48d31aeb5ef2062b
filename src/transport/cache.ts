import * as path from 'node:path'
import { SealError } from '../core/errors.js'

/**
 * The Actions cache as a carrier for the manifest, and nothing else.
 *
 * The cache is an untrusted channel: any workflow run on the same branch (or the default branch)
 * can write entries. Carrying the manifest through it is safe because verify checks the
 * signature before it trusts a byte, so a planted manifest fails like a tampered file. What must
 * never travel this way is anything sign would believe without checking: file hashes (a poisoned
 * hash cache would make us sign digests an attacker chose) or keys. So the only thing this module
 * can save is the manifest file sign has just written, and sign never restores anything.
 */

/** The part of @actions/cache we use, injected so that tests need no module mocking. */
export interface CacheStore {
  /** Saves `paths` under `key`; false when the entry could not be saved (it already exists, the service failed). */
  save(paths: string[], key: string): Promise<boolean>
  /** Restores `paths` saved under exactly `key`; false on a miss. */
  restore(paths: string[], key: string): Promise<boolean>
}

/** Identifies one manifest: the repository and commit it was sealed at, and its file name. */
export interface ManifestCacheId {
  repository: string
  commit: string
  manifestPath: string
}

/** Bumped when what is stored under a key changes, so old entries are never read as new ones. */
const KEY_VERSION = 'v1'

/**
 * `artifact-seal-v1-<manifest file name>-<owner/name>-<commit>`. The commit ends the key because
 * the cache matches keys by prefix: a fixed-length hex commit last means one key is never a
 * prefix of another's. Commas are not allowed in keys and are replaced.
 */
export function manifestCacheKey(id: ManifestCacheId): string {
  if (!id.repository || !id.commit) {
    throw new SealError('INPUT_INVALID', 'cache: true needs the repository and commit (GITHUB_REPOSITORY and GITHUB_SHA, or expected-repository and expected-commit)', 'cache')
  }
  const key = `artifact-seal-${KEY_VERSION}-${path.basename(id.manifestPath)}-${id.repository}-${id.commit}`.replace(/,/g, '_')
  if (key.length > 512) throw new SealError('INPUT_INVALID', 'cache: the manifest file name is too long for a cache key (512 characters at most)', 'cache')
  return key
}

/**
 * The path as the cache records it. Entries are versioned by their path list, so the manifest is
 * named relative to the workspace: the same `manifest` input then finds the entry from a runner
 * whose workspace lies elsewhere.
 */
export function cachePath(manifestPath: string, workspace: string): string {
  const rel = path.relative(workspace, manifestPath)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : manifestPath
}

/** Sign: saves the manifest just written. The one way anything enters the cache. */
export async function saveManifest(store: CacheStore, id: ManifestCacheId, workspace: string): Promise<{ key: string; saved: boolean }> {
  const key = manifestCacheKey(id)
  return { key, saved: await store.save([cachePath(id.manifestPath, workspace)], key) }
}

/** Verify: restores the manifest to its path when it is absent; whatever arrives is checked like any manifest. */
export async function restoreManifest(store: CacheStore, id: ManifestCacheId, workspace: string): Promise<{ key: string; restored: boolean }> {
  const key = manifestCacheKey(id)
  return { key, restored: await store.restore([cachePath(id.manifestPath, workspace)], key) }
}
