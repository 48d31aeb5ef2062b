import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describeFsError, SealError } from '../core/errors.js'
import { checkSubjectName } from '../core/subjects.js'
import { MAX_MANIFEST_BYTES } from '../core/verify.js'
import type { GitHubClient, RepoRef } from '../github/client.js'
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

async function readAll(stream: ReadableStream<Uint8Array>, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0])) {
    total += (chunk as Buffer).length
    if (total > limit) throw new SealError('MANIFEST_TOO_LARGE', `${what} is larger than ${limit} bytes`, what)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
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
  return { bytes: await readAll(await downloadAsset(client, repo, asset), MAX_MANIFEST_BYTES, what), asset }
}

/**
 * Downloads the assets of a release whose names are in `wanted` (subject names from a manifest
 * whose signature already checked) into `baseDir`, replacing files of the same name. Asset names
 * are flat, so a file lands directly in base-dir: it is streamed to a new temporary file there
 * (created exclusively, so no symlink is followed) and renamed over the target, which replaces a
 * symlink rather than writing through it. Returns the names downloaded.
 */
export async function downloadListedAssets(target: ReleaseTarget, wanted: ReadonlySet<string>, baseDir: string): Promise<string[]> {
  const { client, repo, tag } = target
  const assets = (await assetsOf(target)).filter(a => wanted.has(a.name))
  const realBase = await fs.realpath(baseDir)
  const done: string[] = []
  for (const asset of assets) {
    checkSubjectName(asset.name, `asset of release ${tag}`)
    if (/[/\\]/.test(asset.name)) throw new SealError('PATH_UNSAFE', `asset name ${JSON.stringify(asset.name)} is not a plain file name`, asset.name)
    const file = path.join(realBase, asset.name)
    const temp = path.join(realBase, `.${asset.name}.${randomBytes(6).toString('hex')}.download`)
    const stream = await downloadAsset(client, repo, asset)
    let handle: fs.FileHandle | undefined
    try {
      handle = await fs.open(temp, 'wx', 0o644)
      await pipeline(Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0]), handle.createWriteStream())
      handle = undefined
      await fs.rename(temp, file)
    } catch (error) {
      await handle?.close().catch(() => {})
      await fs.rm(temp, { force: true }).catch(() => {})
      if (error instanceof SealError) throw error
      throw new SealError('WRITE_FAILED', `cannot download asset ${asset.name} into ${realBase}: ${describeFsError(error)}`, asset.name, { cause: error })
    }
    done.push(asset.name)
  }
  return done
}
