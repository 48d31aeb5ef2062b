import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { SealResult } from '../core/seal.js'
import { checkBaseDir } from '../core/seal.js'
import { reportOf, verify, verifyFiles, verifyManifest, type VerifyOptions, type VerifyReport } from '../core/verify.js'
import type { ReleaseAsset } from '../github/releases.js'
import {
  checkWritableRelease,
  compareAssetDigests,
  downloadListedAssets,
  fetchManifestAsset,
  publishTarget,
  publishToRelease,
  type ReleaseFile,
  type ReleaseTarget
} from './release.js'
import { listFileName, statementChecksumList } from '../formats/sha256sum.js'

/**
 * Where a manifest travels besides the file: a release. The action and the CLI fill this from
 * their inputs and flags; the logic is here once. (The Actions cache is not a carrier: see
 * CACHE_REFUSED in src/action/inputs.ts.)
 */
export interface Carriers {
  release?: ReleaseTarget & {
    /** Sign: also attach a checksum list. */
    checksums?: boolean
    /** Sign: replace assets of the same name. */
    overwrite?: boolean
    /** Sign and merge: publish the draft release once the manifest is attached. */
    publish?: boolean
    /** Verify: download the listed (selected) assets into base-dir before checking, or compare GitHub's digests of them. */
    assets?: boolean | 'digests'
    /** Verify with assets: let release assets that the manifest does not list pass. */
    allowUnlistedAssets?: boolean
  }
  log: (line: string) => void
  warn: (line: string) => void
}

/** What sign sent where. */
export interface Shipped {
  manifestAsset?: ReleaseAsset
  checksumsAsset?: ReleaseAsset
}

/**
 * The files attached to a release for a seal: the manifest, and with `checksums` a list named
 * after the digests it holds (SHA256SUMS for sha256, SHA512SUMS for sha512; never a list of one
 * hash under another's name, and never a second, unsigned hash of the files).
 */
export function releaseFiles(result: SealResult, checksums: boolean): ReleaseFile[] {
  const files: ReleaseFile[] = [
    { name: path.basename(result.manifestPath), bytes: result.manifestBytes, contentType: 'application/json' }
  ]
  if (checksums) {
    const algorithm = result.statement.predicate.algorithm
    files.push({
      name: listFileName(algorithm),
      bytes: Buffer.from(statementChecksumList(result.statement, algorithm)),
      contentType: 'text/plain'
    })
  }
  return files
}

/**
 * Before sign or merge hashes or reads anything: the release they will attach to exists and can
 * take assets (a published immutable release cannot), and is a draft when it is to be published.
 */
export async function checkCarriers(carriers: Carriers): Promise<void> {
  if (carriers.release) await checkWritableRelease(carriers.release, carriers.release.publish ?? false)
}

/** After a seal: the manifest (only it, and the checksum list made from it) goes to the release. */
export async function shipSeal(result: SealResult, carriers: Carriers): Promise<Shipped> {
  const shipped: Shipped = {}
  if (carriers.release) {
    const release = carriers.release
    let assets: Awaited<ReturnType<typeof publishToRelease>>
    try {
      assets = await publishToRelease(
        release,
        releaseFiles(result, release.checksums ?? false),
        release.overwrite ?? false
      )
    } catch (error) {
      // A failed step leaves no manifest: one on disk beside a release without it would be
      // uploaded by the next step as if the seal had shipped.
      await fs.rm(result.manifestPath, { force: true })
      throw error
    }
    const [manifestAsset, checksumsAsset] = assets
    shipped.manifestAsset = manifestAsset
    shipped.checksumsAsset = checksumsAsset
    carriers.log(
      `Attached ${[manifestAsset, checksumsAsset]
        .filter(Boolean)
        .map(a => a!.name)
        .join(' and ')} to release ${release.tag}: ${manifestAsset.browserDownloadUrl}`
    )
    if (release.publish) {
      await publishTarget(release)
      carriers.log(`Published release ${release.tag}: its assets and the manifest are released together`)
    }
  }
  return shipped
}

async function absent(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT'
  )
}

/**
 * Verify, fetching what is not on disk: a missing manifest from the release; with `assets`, the release's assets that the manifest lists. Which assets to fetch is
 * read from the manifest only after its signature and predicate checked, and every file is then
 * verified as usual. Nothing fetched is trusted for being fetched.
 */
export async function verifyCarried(options: VerifyOptions, carriers: Carriers): Promise<VerifyReport> {
  let manifestBytes = options.manifestBytes
  if (!manifestBytes && (await absent(options.manifestPath))) {
    if (carriers.release) {
      const fetched = await fetchManifestAsset(carriers.release, path.basename(options.manifestPath))
      manifestBytes = fetched.bytes
      carriers.log(`Fetched the manifest from release ${carriers.release.tag}: ${fetched.asset.browserDownloadUrl}`)
    }
  }
  const release = carriers.release
  if (!release?.assets) return verify({ ...options, manifestBytes })
  // One pass: the manifest is read and checked once, and the files are verified against exactly
  // the statement whose signature decided which assets to fetch.
  await checkBaseDir(options.baseDir)
  const verdict = await verifyManifest({ ...options, manifestBytes })
  // A manifest that failed any check stops here: nothing is fetched for it.
  if (verdict.problems.length > 0 || !verdict.statement) return reportOf(verdict)
  const statement = verdict.statement
  const rules = {
    algorithm: options.algorithm,
    manifestName: path.basename(options.manifestPath),
    allowUnlisted: release.allowUnlistedAssets ?? false
  }
  if (release.assets === 'digests') {
    const compared = await compareAssetDigests(release, statement, verdict.selected, rules)
    carriers.log(
      `Compared ${verdict.selected.length} ${verdict.selection ? 'selected' : 'listed'} file(s) with the digests GitHub reports for the assets of release ${release.tag} (nothing downloaded)`
    )
    return verifyFiles(verdict, options, [], compared)
  }
  const { downloaded, problems } = await downloadListedAssets(
    release,
    statement,
    verdict.selected,
    options.baseDir,
    rules
  )
  carriers.log(
    `Downloaded ${downloaded.length} of ${verdict.selected.length} ${verdict.selection ? 'selected' : 'listed'} file(s) from release ${release.tag} into ${options.baseDir}`
  )
  return verifyFiles(verdict, options, problems)
}
