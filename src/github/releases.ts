import { SealError } from '../core/errors.js'
import { TOOL_NAME, TOOL_VERSION } from '../core/version.js'
import { gitHubError, statusOf, type GitHubClient, type RepoRef } from './client.js'

/** The fields of a release we use (REST "release" object). */
export interface Release {
  id: number
  tagName: string
  /** Hypermedia template, e.g. https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}; GHES gives its own host. */
  uploadUrl: string
  draft: boolean
  /** Published with immutable releases on: its assets are frozen (absent from older servers: false). */
  immutable: boolean
}

/** The fields of a release asset we use (REST "release-asset" object). */
export interface ReleaseAsset {
  id: number
  name: string
  size: number
  state: string
  browserDownloadUrl: string
  /** What GitHub computed over the uploaded bytes, `sha256:<hex>`; null when it has none. */
  digest: string | null
}

interface RawAsset {
  id: number
  name: string
  size: number
  state: string
  browser_download_url: string
  digest?: string | null
}

interface RawRelease {
  id: number
  tag_name: string
  upload_url: string
  draft: boolean
  immutable?: boolean
}

const toAsset = (a: RawAsset): ReleaseAsset => ({
  id: a.id,
  name: a.name,
  size: a.size,
  state: a.state,
  browserDownloadUrl: a.browser_download_url,
  digest: typeof a.digest === 'string' ? a.digest : null
})
const toRelease = (r: RawRelease): Release => ({
  id: r.id,
  tagName: r.tag_name,
  uploadUrl: r.upload_url,
  draft: r.draft,
  immutable: r.immutable === true
})

/** `owner/name` for messages. */
export const repoName = (repo: RepoRef): string => `${repo.owner}/${repo.repo}`

/**
 * The release of `tag`. Drafts have no tag lookup in the API, so when the tag is not found the
 * releases are listed (a token that may write sees drafts) before giving up with a clear error.
 */
export async function getRelease(client: GitHubClient, repo: RepoRef, tag: string, writes: boolean): Promise<Release> {
  const what = `release ${tag} of ${repoName(repo)}`
  try {
    const { data } = await client.rest.repos.getReleaseByTag({ ...repo, tag })
    return toRelease(data as RawRelease)
  } catch (error) {
    if (statusOf(error) !== 404) throw gitHubError(error, `get ${what}`, writes)
  }
  let all: RawRelease[]
  try {
    all = (await client.paginate(client.rest.repos.listReleases, { ...repo, per_page: 100 })) as RawRelease[]
  } catch (error) {
    throw gitHubError(error, `list the releases of ${repoName(repo)}`, writes)
  }
  const draft = all.find(r => r.tag_name === tag)
  if (draft) return toRelease(draft)
  throw new SealError(
    'REMOTE',
    `${what} does not exist (create the release first, or check release-tag and the repository)`,
    'release-tag'
  )
}

/** Every asset of a release, following the Link header's pages (100 per page). */
export async function listAssets(
  client: GitHubClient,
  repo: RepoRef,
  release: Release,
  writes: boolean
): Promise<ReleaseAsset[]> {
  try {
    const assets = await client.paginate(client.rest.repos.listReleaseAssets, {
      ...repo,
      release_id: release.id,
      per_page: 100
    })
    return (assets as RawAsset[]).map(toAsset)
  } catch (error) {
    throw gitHubError(error, `list the assets of release ${release.tagName} of ${repoName(repo)}`, writes)
  }
}

/** Deletes an asset (to replace it). */
export async function deleteAsset(client: GitHubClient, repo: RepoRef, asset: ReleaseAsset): Promise<void> {
  try {
    await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.id })
  } catch (error) {
    // Gone already: a retried DELETE whose first answer was lost finds nothing, and that is success.
    if (statusOf(error) === 404) return
    throw gitHubError(error, `delete the existing asset ${asset.name} of ${repoName(repo)}`, true)
  }
}

/** Renames an asset (REST "update a release asset"), to put a staged replacement in place. */
export async function renameAsset(
  client: GitHubClient,
  repo: RepoRef,
  asset: ReleaseAsset,
  name: string
): Promise<ReleaseAsset> {
  try {
    const { data } = await client.rest.repos.updateReleaseAsset({ ...repo, asset_id: asset.id, name })
    return toAsset(data as RawAsset)
  } catch (error) {
    throw gitHubError(
      error,
      `rename the uploaded asset ${asset.name} to ${name} of ${repoName(repo)} (the old ${name} is already deleted)`,
      true
    )
  }
}

/** Uploads `bytes` as asset `name` to the upload host the release names (uploads.github.com, or GHES's). */
export async function uploadAsset(
  client: GitHubClient,
  repo: RepoRef,
  release: Release,
  name: string,
  bytes: Buffer,
  contentType: string
): Promise<ReleaseAsset> {
  try {
    // The release gives a URI template ({?name,label}); we fill in the name and nothing else.
    const url = `${release.uploadUrl.replace(/\{[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`
    const { data } = await client.request({
      method: 'POST',
      url,
      data: bytes,
      headers: { 'content-type': contentType, 'content-length': bytes.length }
    })
    return toAsset(data as RawAsset)
  } catch (error) {
    // Published meanwhile: GitHub answers 422 "Cannot upload assets to an immutable release".
    if (statusOf(error) === 422 && /immutable/i.test((error as Error).message))
      throw immutableRelease(release.tagName, repo)
    throw gitHubError(error, `upload ${name} to release ${release.tagName} of ${repoName(repo)}`, true)
  }
}

/** The one line for a published immutable release: why nothing can be attached, and the flow that works. */
export function immutableRelease(tag: string, repo: RepoRef): SealError {
  return new SealError(
    'RELEASE_IMMUTABLE',
    `release ${tag} of ${repoName(repo)} is immutable (published with immutable releases on, its assets are frozen): attach the manifest while the release is a draft (create it as a draft, seal or merge with release-tag and release-publish: true); overwrite cannot change that`,
    'release-tag'
  )
}

/** Publishes a draft release (REST "update a release" with draft: false), freezing its assets when immutable releases are on. */
export async function publishRelease(client: GitHubClient, repo: RepoRef, release: Release): Promise<Release> {
  try {
    const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false })
    return toRelease(data as RawRelease)
  } catch (error) {
    throw gitHubError(error, `publish release ${release.tagName} of ${repoName(repo)}`, true)
  }
}

/** Seconds without a byte before a download is given up, unless ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS says otherwise. */
const DEFAULT_IDLE_MS = 60_000

/** An asset's body, read as it arrives; `close` ends the request whether or not it was read to its end. */
export interface AssetBody {
  chunks: AsyncIterable<Buffer>
  close(): void
}

/**
 * Opens an asset's bytes: the API answers `Accept: application/octet-stream` with a redirect to a
 * signed storage URL (followed, without the token on the way) or with the bytes themselves.
 * Through Node's own HTTP client, not fetch: the body is a Node stream that buffers until it is
 * read, where the fetch of Node 20 (undici before nodejs/undici#5474) crashed the process with
 * `assert(!this.paused)` when a server closed the connection while the body waited
 * (nodejs/undici#5360). A server that sends nothing for the idle time is given up on.
 */
export async function openAsset(
  client: GitHubClient,
  repo: RepoRef,
  asset: ReleaseAsset,
  env: NodeJS.ProcessEnv = process.env
): Promise<AssetBody> {
  const what = `download asset ${asset.name} of ${repoName(repo)}`
  const idleMs =
    Number(env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS) > 0
      ? Number(env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS) * 1000
      : DEFAULT_IDLE_MS
  const { HttpClient } = await import('@actions/http-client')
  const http = new HttpClient(`${TOOL_NAME}/${TOOL_VERSION}`, [], {
    allowRetries: false,
    allowRedirects: true,
    maxRedirects: 10,
    socketTimeout: idleMs
  })
  const { token } = (await client.auth()) as { token?: string }
  const baseUrl = String(client.request.endpoint.DEFAULTS.baseUrl).replace(/\/+$/, '')
  const url = `${baseUrl}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/releases/assets/${asset.id}`
  let response
  try {
    response = await http.get(url, {
      accept: 'application/octet-stream',
      ...(token ? { authorization: `token ${token}` } : {})
    })
  } catch (error) {
    http.dispose()
    throw new SealError(
      'REMOTE',
      `${what}: no answer: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      asset.name,
      { cause: error }
    )
  }
  const message = response.message
  const status = message.statusCode ?? 0
  if (status !== 200) {
    message.destroy()
    http.dispose()
    throw gitHubError(
      Object.assign(new Error(message.statusMessage || 'error'), { status, response: { headers: message.headers } }),
      what,
      false
    )
  }
  message.setTimeout(idleMs, () => message.destroy(new Error(`no data for ${idleMs / 1000} s`)))
  return {
    chunks: message,
    close: () => {
      message.destroy()
      http.dispose()
    }
  }
}
