import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { DigestAlgorithm } from '../core/algorithms.js'
import { describeFsError, oneLine, SealError } from '../core/errors.js'
import type { Statement, Subject } from '../core/statement.js'
import { checkSubjectName } from '../core/subjects.js'
import { MAX_MANIFEST_BYTES, type Problem } from '../core/verify.js'
import type { GitHubClient, RepoRef } from '../github/client.js'
import { listFileName, statementChecksumList } from './sha256sum.js'
import { deleteAsset, downloadAsset, getRelease, listAssets, renameAsset, repoName, uploadAsset, type ReleaseAsset } from '../github/releases.js'

/** Which release: a repository, a tag, and the client to reach them with. */
export interface ReleaseTarget {
  client: GitHubClient
  repo: RepoRef
  tag: string
}

/** A file to attach to a release. */
export interface ReleaseFile {
  name: string
  bytes: Buffer
  contentType: string
}

/**
 * Attaches files to a release. Every name is checked against the existing assets before anything
 * is uploaded, so a refusal (an asset exists and overwrite is false) leaves the release untouched.
 * A replacement is uploaded under a temporary name first, and the old asset is deleted only once
 * it is there, then the new one renamed: a failed upload leaves the old manifest in place.
 */
export async function publishToRelease(target: ReleaseTarget, files: readonly ReleaseFile[], overwrite: boolean): Promise<ReleaseAsset[]> {
  const { client, repo, tag } = target
  const release = await getRelease(client, repo, tag, true)
  const existing = await listAssets(client, repo, release, true)
  const clashes = files.map(f => existing.find(a => a.name === f.name)).filter((a): a is ReleaseAsset => a !== undefined)
  if (clashes.length > 0 && !overwrite) {
    throw new SealError(
      'REMOTE',
      `release ${tag} of ${repoName(repo)} already has ${clashes.map(a => a.name).join(' and ')}; set overwrite: true (--overwrite) to replace it`,
      'overwrite'
    )
  }
  const uploaded: ReleaseAsset[] = []
  for (const file of files) {
    const old = clashes.find(a => a.name === file.name)
    if (!old) {
      uploaded.push(await uploadAsset(client, repo, release, file.name, file.bytes, file.contentType))
      continue
    }
    const staged = await uploadAsset(client, repo, release, `${file.name}.${randomBytes(4).toString('hex')}.new`, file.bytes, file.contentType)
    try {
      await deleteAsset(client, repo, old)
    } catch (error) {
      await deleteAsset(client, repo, staged).catch(() => {})
      throw error
    }
    uploaded.push(await renameAsset(client, repo, staged, file.name))
  }
  return uploaded
}

/** Reads a whole body of at most `limit` bytes; past it the request is cancelled and refused. */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number, what: string): Promise<Buffer> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks, total)
    total += value.length
    if (total > limit) {
      await reader.cancel().catch(() => {})
      throw new SealError('MANIFEST_TOO_LARGE', `${what} is larger than ${limit} bytes`, what)
    }
    chunks.push(value)
  }
}

const listings = new WeakMap<ReleaseTarget, Promise<ReleaseAsset[]>>()

/**
 * The assets of the target's release, looked up and listed once per target: verify fetches the
 * manifest and then the assets it lists from one listing, not two.
 */
function assetsOf(target: ReleaseTarget): Promise<ReleaseAsset[]> {
  let listing = listings.get(target)
  if (!listing) {
    const { client, repo, tag } = target
    listing = getRelease(client, repo, tag, false).then(release => listAssets(client, repo, release, false))
    listings.set(target, listing)
  }
  return listing
}

/** Fetches the manifest asset `name` of a release; its size is checked before and while reading. */
export async function fetchManifestAsset(target: ReleaseTarget, name: string): Promise<{ bytes: Buffer; asset: ReleaseAsset }> {
  const { client, repo, tag } = target
  const assets = await assetsOf(target)
  const asset = assets.find(a => a.name === name)
  const what = `asset ${name} of release ${tag} of ${repoName(repo)}`
  if (!asset) {
    throw new SealError('REMOTE', `release ${tag} of ${repoName(repo)} has no asset ${name} (it has ${assets.length} asset(s)); was it sealed with release-tag?`, name)
  }
  if (asset.size > MAX_MANIFEST_BYTES) {
    throw new SealError('MANIFEST_TOO_LARGE', `${what} is ${asset.size} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`, name)
  }
  // Never more than the listing said it holds: a server that sends more is refused, not believed.
  return { bytes: await readAll(await downloadAsset(client, repo, asset), Math.min(asset.size, MAX_MANIFEST_BYTES), what), asset }
}

/** GitHub refuses release assets of 2 GiB or more: no genuine asset is larger, whatever a server says. */
export const MAX_ASSET_BYTES = 2 * 1024 ** 3

/** What a release download found: the names now on disk, and every way the release differs from the manifest. */
export interface AssetCheck {
  downloaded: string[]
  problems: Problem[]
}

export interface AssetRules {
  algorithm: DigestAlgorithm
  /** The manifest's own asset name, which the manifest cannot list. */
  manifestName: string
  /** Let assets that the manifest does not list pass (allow-unlisted-assets). */
  allowUnlisted: boolean
}

/**
 * Downloads the release assets that a manifest lists (its signature already checked) into
 * `baseDir`, and holds the rest of the release against it: an asset the manifest does not list
 * is a problem (a planted `installer-evil.exe` would otherwise ride along with a verified
 * release), except the manifest itself and the checksum list sign writes, which must then be
 * exactly that list. Each download is streamed into a new temporary file in base-dir (created
 * exclusively, so no link is followed), hashed as it arrives, cut off past the asset's listed
 * size, and renamed over the file of that name only when its digest is the manifest's: a
 * tampered asset never replaces a local file.
 */
export async function downloadListedAssets(target: ReleaseTarget, statement: Statement, selected: readonly Subject[], baseDir: string, rules: AssetRules): Promise<AssetCheck> {
  const { tag } = target
  const listed = new Set(statement.subject.map(s => s.name))
  const expected = new Map(selected.map(s => [s.name, s.digest[rules.algorithm]]))
  const assets = await assetsOf(target)
  const realBase = await fs.realpath(baseDir)
  const check: AssetCheck = { downloaded: [], problems: [] }
  const problem = (code: Problem['code'], message: string, subject: string): void => void check.problems.push({ code, message: oneLine(message), subject })
  const listName = listFileName(rules.algorithm)
  for (const asset of assets) {
    if (listed.has(asset.name) || asset.name === rules.manifestName) continue
    if (asset.name === listName) {
      const bytes = await readAll(await downloadAsset(target.client, target.repo, asset), Math.min(asset.size, MAX_MANIFEST_BYTES), `asset ${asset.name} of release ${tag}`)
      if (!bytes.equals(Buffer.from(statementChecksumList(statement, rules.algorithm)))) {
        problem('DIGEST_MISMATCH', `release asset ${asset.name} is not the list of the manifest's ${rules.algorithm} digests (forged or stale)`, asset.name)
      }
    } else if (!rules.allowUnlisted) {
      problem('UNLISTED_FILE', `release asset ${asset.name} of release ${tag} is not listed in the manifest`, asset.name)
    }
  }
  for (const asset of assets) {
    const digest = expected.get(asset.name)
    if (digest === undefined) continue
    checkSubjectName(asset.name, `asset of release ${tag}`)
    if (/[/\\]/.test(asset.name)) throw new SealError('PATH_UNSAFE', `asset name ${JSON.stringify(asset.name)} is not a plain file name`, asset.name)
    const outcome = await downloadChecked(target, asset, realBase, rules.algorithm, digest)
    if (outcome === 'ok') check.downloaded.push(asset.name)
    else problem('DIGEST_MISMATCH', `release asset ${asset.name} ${outcome}; the local file was left as it was`, asset.name)
  }
  return check
}

/** Streams one asset into a temporary file, then renames it into place if its digest is `digest`; else says what was wrong. */
async function downloadChecked(target: ReleaseTarget, asset: ReleaseAsset, realBase: string, algorithm: DigestAlgorithm, digest: string): Promise<'ok' | string> {
  const file = path.join(realBase, asset.name)
  const temp = path.join(realBase, `.${asset.name}.${randomBytes(6).toString('hex')}.download`)
  const cap = Math.min(asset.size, MAX_ASSET_BYTES)
  const hash = createHash(algorithm)
  let received = 0
  let handle: fs.FileHandle | undefined
  try {
    // The file is open before the request goes out, so the body is read from its first byte on
    // (a response left unread while a file opens is how undici#5360 crashed on Connection: close).
    handle = await fs.open(temp, 'wx', 0o644)
    const reader = (await downloadAsset(target.client, target.repo, asset)).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.length
      if (received > cap) {
        // Cancelled through the reader, so that fetch ends the request itself (destroying a
        // Node stream wrapped around the body trips an assertion in Node 20's undici).
        await reader.cancel().catch(() => {})
        return `sent more than its listed ${asset.size} bytes`
      }
      hash.update(value)
      await handle.write(value)
    }
    await handle.close()
    handle = undefined
    if (received !== asset.size) return `is ${received} bytes, not its listed ${asset.size}`
    if (hash.digest('hex') !== digest) return `does not match the manifest's ${algorithm} digest`
    await fs.rename(temp, file)
    return 'ok'
  } catch (error) {
    if (error instanceof SealError) throw error
    throw new SealError('WRITE_FAILED', `cannot download asset ${asset.name} into ${realBase}: ${describeFsError(error)}`, asset.name, { cause: error })
  } finally {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
  }
}
