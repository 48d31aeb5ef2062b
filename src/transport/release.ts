import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { DigestAlgorithm } from '../core/algorithms.js'
import { replaceFile } from '../core/atomic-write.js'
import { describeFsError, oneLine, SealError } from '../core/errors.js'
import type { Statement, Subject } from '../core/statement.js'
import { nameProblemOn } from '../core/names.js'
import { checkSubjectName } from '../core/subjects.js'
import { MAX_MANIFEST_BYTES, type FileFindings, type Problem } from '../core/verify.js'
import type { GitHubClient, RepoRef } from '../github/client.js'
import { listFileName, statementChecksumList } from '../formats/sha256sum.js'
import {
  deleteAsset,
  getRelease,
  immutableRelease,
  listAssets,
  openAsset,
  publishRelease,
  renameAsset,
  repoName,
  uploadAsset,
  type AssetBody,
  type Release,
  type ReleaseAsset
} from '../github/releases.js'

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

const writable = new WeakMap<ReleaseTarget, Promise<Release>>()

/**
 * The release sign or merge will attach to, looked up once per target and checked before any file
 * is hashed: a published immutable release can take no asset (GitHub answers 422 "Cannot upload
 * assets to an immutable release"), and `publish` needs a draft to publish.
 */
export function checkWritableRelease(target: ReleaseTarget, publish: boolean): Promise<Release> {
  let lookup = writable.get(target)
  if (!lookup) {
    lookup = getRelease(target.client, target.repo, target.tag, true).then(release => {
      if (!release.draft && release.immutable) throw immutableRelease(target.tag, target.repo)
      if (publish && !release.draft) {
        throw new SealError(
          'INPUT_INVALID',
          `release-publish: release ${target.tag} of ${repoName(target.repo)} is already published, not a draft; create it as a draft (gh release create --draft) or drop release-publish`,
          'release-publish'
        )
      }
      return release
    })
    writable.set(target, lookup)
  }
  return lookup
}

/** Publishes the target's draft release (after its assets are attached), so that they are frozen together. */
export async function publishTarget(target: ReleaseTarget): Promise<Release> {
  const release = await checkWritableRelease(target, true)
  if (!release.draft)
    throw new SealError(
      'INPUT_INVALID',
      `release-publish: release ${target.tag} of ${repoName(target.repo)} is already published, not a draft`,
      'release-publish'
    )
  return publishRelease(target.client, target.repo, release)
}

/**
 * Attaches files to a release. Every name is checked against the existing assets before anything
 * is uploaded, so a refusal (an asset exists and overwrite is false) leaves the release untouched.
 * A replacement is uploaded under a temporary name first, and the old asset is deleted only once
 * it is there, then the new one renamed: a failed upload leaves the old manifest in place.
 */
export async function publishToRelease(
  target: ReleaseTarget,
  files: readonly ReleaseFile[],
  overwrite: boolean
): Promise<ReleaseAsset[]> {
  const { client, repo, tag } = target
  const release = await checkWritableRelease(target, false)
  const existing = await listAssets(client, repo, release, true)
  const clashes = files
    .map(f => existing.find(a => a.name === f.name))
    .filter((a): a is ReleaseAsset => a !== undefined)
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
    const staged = await uploadAsset(
      client,
      repo,
      release,
      `${file.name}.${randomBytes(4).toString('hex')}.new`,
      file.bytes,
      file.contentType
    )
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

/** A body that broke off (connection reset, idle too long) as one line naming the asset. */
function brokeOff(what: string, received: number, size: number, error: unknown): SealError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
  return new SealError(
    'REMOTE',
    `${what}: the download broke off after ${received} of ${size} bytes (${reason}); nothing was kept`,
    what,
    { cause: error }
  )
}

/** Reads a whole body of at most `limit` bytes; past it the request is ended and refused. */
async function readAll(body: AssetBody, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of body.chunks) {
      total += chunk.length
      if (total > limit) throw new SealError('MANIFEST_TOO_LARGE', `${what} is larger than ${limit} bytes`, what)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof SealError) throw error
    throw brokeOff(what, total, limit, error)
  } finally {
    body.close()
  }
  return Buffer.concat(chunks, total)
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
export async function fetchManifestAsset(
  target: ReleaseTarget,
  name: string
): Promise<{ bytes: Buffer; asset: ReleaseAsset }> {
  const { client, repo, tag } = target
  const assets = await assetsOf(target)
  const asset = assets.find(a => a.name === name)
  const what = `asset ${name} of release ${tag} of ${repoName(repo)}`
  if (!asset) {
    throw new SealError(
      'REMOTE',
      `release ${tag} of ${repoName(repo)} has no asset ${name} (it has ${assets.length} asset(s)); was it sealed with release-tag?`,
      name
    )
  }
  if (asset.size > MAX_MANIFEST_BYTES) {
    throw new SealError(
      'MANIFEST_TOO_LARGE',
      `${what} is ${asset.size} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`,
      name
    )
  }
  // Never more than the listing said it holds: a server that sends more is refused, not believed.
  return {
    bytes: await readAll(await openAsset(client, repo, asset), Math.min(asset.size, MAX_MANIFEST_BYTES), what),
    asset
  }
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
export async function downloadListedAssets(
  target: ReleaseTarget,
  statement: Statement,
  selected: readonly Subject[],
  baseDir: string,
  rules: AssetRules
): Promise<AssetCheck> {
  const { tag } = target
  const expected = new Map(selected.map(s => [s.name, s.digest[rules.algorithm]]))
  const assets = await assetsOf(target)
  const realBase = await fs.realpath(baseDir)
  const check: AssetCheck = {
    downloaded: [],
    problems: await checkReleaseListing(target, statement, assets, rules, 'download')
  }
  for (const asset of assets) {
    const digest = expected.get(asset.name)
    if (digest === undefined) continue
    checkSubjectName(asset.name, `asset of release ${tag}`)
    if (/[/\\]/.test(asset.name))
      throw new SealError(
        'PATH_UNSAFE',
        `asset name ${JSON.stringify(asset.name)} is not a plain file name`,
        asset.name
      )
    const why = nameProblemOn(asset.name, process.platform)
    if (why !== null)
      throw new SealError(
        'PATH_UNSAFE',
        `asset name ${JSON.stringify(asset.name)} ${why}; it is not downloaded`,
        asset.name
      )
    const outcome = await downloadChecked(target, asset, realBase, rules.algorithm, digest)
    if (outcome === 'ok') check.downloaded.push(asset.name)
    else
      check.problems.push({
        code: 'DIGEST_MISMATCH',
        message: oneLine(`release asset ${asset.name} ${outcome}; the local file was left as it was`),
        subject: asset.name
      })
  }
  return check
}

/**
 * The release's assets held against the manifest: one the manifest does not list is a problem
 * (a planted `installer-evil.exe` would otherwise ride along with a verified release), except the
 * manifest itself and the checksum list sign writes, which must then be exactly that list: read
 * (`download`), or compared by GitHub's digest of it (`digests`, nothing downloaded).
 */
async function checkReleaseListing(
  target: ReleaseTarget,
  statement: Statement,
  assets: readonly ReleaseAsset[],
  rules: AssetRules,
  how: 'download' | 'digests'
): Promise<Problem[]> {
  const { tag } = target
  const listed = new Set(statement.subject.map(s => s.name))
  const problems: Problem[] = []
  const listName = listFileName(rules.algorithm)
  const list = Buffer.from(statementChecksumList(statement, rules.algorithm))
  for (const asset of assets) {
    if (listed.has(asset.name) || asset.name === rules.manifestName) continue
    if (asset.name === listName) {
      const same =
        how === 'download'
          ? (
              await readAll(
                await openAsset(target.client, target.repo, asset),
                Math.min(asset.size, MAX_MANIFEST_BYTES),
                `asset ${asset.name} of release ${tag}`
              )
            ).equals(list)
          : asset.digest === `sha256:${createHash('sha256').update(list).digest('hex')}`
      if (!same)
        problems.push({
          code: 'DIGEST_MISMATCH',
          message: `release asset ${asset.name} is not the list of the manifest's ${rules.algorithm} digests (forged or stale)`,
          subject: asset.name
        })
    } else if (!rules.allowUnlisted) {
      problems.push({
        code: 'UNLISTED_FILE',
        message: oneLine(`release asset ${asset.name} of release ${tag} is not listed in the manifest`),
        subject: asset.name
      })
    }
  }
  return problems
}

/**
 * `release-assets: digests`: each selected subject's digest against the `digest` GitHub's release
 * API reports for the asset of that name (`sha256:<hex>`, computed by GitHub when the asset was
 * uploaded). Nothing is downloaded; what this trusts is GitHub's computation (README).
 */
export async function compareAssetDigests(
  target: ReleaseTarget,
  statement: Statement,
  selected: readonly Subject[],
  rules: AssetRules
): Promise<FileFindings> {
  if (rules.algorithm !== 'sha256') {
    throw new SealError(
      'INPUT_INVALID',
      `release-assets: digests compares GitHub's sha256 asset digests; algorithm is ${rules.algorithm}`,
      'release-assets'
    )
  }
  const assets = await assetsOf(target)
  const byName = new Map(assets.map(a => [a.name, a]))
  const findings: FileFindings = {
    subjects: [],
    verifiedCount: 0,
    problems: await checkReleaseListing(target, statement, assets, rules, 'digests')
  }
  const where = `release ${target.tag} of ${repoName(target.repo)}`
  for (const subject of selected) {
    const expected = subject.digest.sha256
    const asset = byName.get(subject.name)
    if (!asset) {
      findings.subjects.push({ name: subject.name, status: 'missing', expected })
      findings.problems.push({
        code: 'FILE_MISSING',
        message: oneLine(`${subject.name}: ${where} has no asset of that name`),
        subject: subject.name
      })
      continue
    }
    const actual = /^sha256:([0-9a-f]{64})$/.exec(asset.digest ?? '')?.[1]
    if (actual === expected) {
      findings.subjects.push({ name: subject.name, status: 'verified', size: asset.size, expected, actual })
      findings.verifiedCount++
    } else {
      findings.subjects.push({ name: subject.name, status: 'mismatch', size: asset.size, expected, actual })
      const said = asset.digest === null ? 'GitHub reports no digest for it' : `GitHub reports ${asset.digest}`
      findings.problems.push({
        code: 'DIGEST_MISMATCH',
        message: oneLine(`${subject.name}: the asset of ${where} does not have the manifest's sha256 digest (${said})`),
        subject: subject.name
      })
    }
  }
  return findings
}

/** Streams one asset into a temporary file, then renames it into place if its digest is `digest`; else says what was wrong. */
async function downloadChecked(
  target: ReleaseTarget,
  asset: ReleaseAsset,
  realBase: string,
  algorithm: DigestAlgorithm,
  digest: string
): Promise<'ok' | string> {
  const cap = Math.min(asset.size, MAX_ASSET_BYTES)
  const hash = createHash(algorithm)
  let received = 0
  try {
    // The file is open before the request goes out, and the body is read the moment it arrives.
    return await replaceFile(
      path.join(realBase, asset.name),
      async handle => {
        const body = await openAsset(target.client, target.repo, asset)
        const chunks = body.chunks[Symbol.asyncIterator]()
        try {
          for (;;) {
            let next: IteratorResult<Buffer>
            try {
              next = await chunks.next()
            } catch (error) {
              throw brokeOff(`asset ${asset.name} of release ${target.tag}`, received, asset.size, error)
            }
            if (next.done) break
            received += next.value.length
            if (received > cap) return `sent more than its listed ${asset.size} bytes`
            hash.update(next.value)
            await handle.write(next.value)
          }
        } finally {
          body.close()
        }
        if (received !== asset.size) return `is ${received} bytes, not its listed ${asset.size}`
        if (hash.digest('hex') !== digest) return `does not match the manifest's ${algorithm} digest`
        return 'ok'
      },
      outcome => outcome === 'ok'
    )
  } catch (error) {
    if (error instanceof SealError) throw error
    throw new SealError(
      'WRITE_FAILED',
      `cannot download asset ${asset.name} into ${realBase}: ${describeFsError(error)}`,
      asset.name,
      { cause: error }
    )
  }
}
