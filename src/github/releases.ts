import { SealError } from '../core/errors.js'
import { gitHubError, statusOf, type GitHubClient, type RepoRef } from './client.js'

/** The fields of a release we use (REST "release" object). */
export interface Release {
  id: number
  tagName: string
  /** Hypermedia template, e.g. https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}; GHES gives its own host. */
  uploadUrl: string
  draft: boolean
}

/** The fields of a release asset we use (REST "release-asset" object). */
export interface ReleaseAsset {
  id: number
  name: string
  size: number
  state: string
  browserDownloadUrl: string
}

interface RawAsset {
  id: number
  name: string
  size: number
  state: string
  browser_download_url: string
}

interface RawRelease {
  id: number
  tag_name: string
  upload_url: string
  draft: boolean
}

const toAsset = (a: RawAsset): ReleaseAsset => ({ id: a.id, name: a.name, size: a.size, state: a.state, browserDownloadUrl: a.browser_download_url })
const toRelease = (r: RawRelease): Release => ({ id: r.id, tagName: r.tag_name, uploadUrl: r.upload_url, draft: r.draft })

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
  throw new SealError('REMOTE', `${what} does not exist (create the release first, or check release-tag and the repository)`, 'release-tag')
}

/** Every asset of a release, following the Link header's pages (100 per page). */
export async function listAssets(client: GitHubClient, repo: RepoRef, release: Release, writes: boolean): Promise<ReleaseAsset[]> {
  try {
    const assets = await client.paginate(client.rest.repos.listReleaseAssets, { ...repo, release_id: release.id, per_page: 100 })
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
export async function renameAsset(client: GitHubClient, repo: RepoRef, asset: ReleaseAsset, name: string): Promise<ReleaseAsset> {
  try {
    const { data } = await client.rest.repos.updateReleaseAsset({ ...repo, asset_id: asset.id, name })
    return toAsset(data as RawAsset)
  } catch (error) {
    throw gitHubError(error, `rename the uploaded asset ${asset.name} to ${name} of ${repoName(repo)} (the old ${name} is already deleted)`, true)
  }
}

/** Uploads `bytes` as asset `name` to the upload host the release names (uploads.github.com, or GHES's). */
export async function uploadAsset(client: GitHubClient, repo: RepoRef, release: Release, name: string, bytes: Buffer, contentType: string): Promise<ReleaseAsset> {
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
    throw gitHubError(error, `upload ${name} to release ${release.tagName} of ${repoName(repo)}`, true)
  }
}

/**
 * Downloads an asset's bytes as a stream: the API answers `Accept: application/octet-stream` with
 * a redirect to a signed storage URL (fetch follows it and drops the token on the way) or with the
 * bytes themselves.
 */
export async function downloadAsset(client: GitHubClient, repo: RepoRef, asset: ReleaseAsset): Promise<ReadableStream<Uint8Array>> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false }
    })
    return response.data as unknown as ReadableStream<Uint8Array>
  } catch (error) {
    throw gitHubError(error, `download asset ${asset.name} of ${repoName(repo)}`, false)
  }
}
