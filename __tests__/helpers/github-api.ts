import nock from './nock.js'

/**
 * Response shapes copied from GitHub's REST documentation (Releases: "Get a release by tag name",
 * "List release assets", "Upload a release asset", "Delete a release asset", "Get a release
 * asset"), trimmed to the fields a client could read. Only the values change per test.
 */
export const API = 'https://api.github.com'
export const UPLOADS = 'https://uploads.github.com'
export const OWNER = 'acme'
export const REPO = 'widgets'
export const RELEASE_ID = 1

export function releaseJson(
  tag: string,
  options: { api?: string; uploads?: string; id?: number; draft?: boolean; immutable?: boolean } = {}
) {
  const api = options.api ?? API
  const id = options.id ?? RELEASE_ID
  return {
    url: `${api}/repos/${OWNER}/${REPO}/releases/${id}`,
    html_url: `https://github.com/${OWNER}/${REPO}/releases/${tag}`,
    assets_url: `${api}/repos/${OWNER}/${REPO}/releases/${id}/assets`,
    upload_url: `${options.uploads ?? UPLOADS}/repos/${OWNER}/${REPO}/releases/${id}/assets{?name,label}`,
    id,
    node_id: 'MDc6UmVsZWFzZTE=',
    tag_name: tag,
    target_commitish: 'main',
    name: tag,
    body: 'Description of the release',
    draft: options.draft ?? false,
    prerelease: false,
    // Immutable releases (GA October 2025): true once a release published with the setting on.
    immutable: options.immutable ?? false,
    created_at: '2013-02-27T19:35:32Z',
    published_at: options.draft ? null : '2013-02-27T19:35:32Z',
    author: { login: 'octocat', id: 1, type: 'User' },
    assets: []
  }
}

export function assetJson(
  id: number,
  name: string,
  size: number,
  tag = 'v1.2.3',
  api = API,
  digest: string | null = null
) {
  return {
    url: `${api}/repos/${OWNER}/${REPO}/releases/assets/${id}`,
    browser_download_url: `https://github.com/${OWNER}/${REPO}/releases/download/${tag}/${name}`,
    id,
    node_id: 'MDEyOlJlbGVhc2VBc3NldDE=',
    name,
    label: '',
    state: 'uploaded',
    content_type: 'application/octet-stream',
    size,
    // What GitHub computed over the uploaded bytes (null for assets uploaded before it did).
    digest,
    download_count: 0,
    created_at: '2013-02-27T19:35:32Z',
    updated_at: '2013-02-27T19:35:32Z',
    uploader: { login: 'octocat', id: 1, type: 'User' }
  }
}

/** GitHub's answer to an upload to a published immutable release. */
export const IMMUTABLE_UPLOAD = {
  message: 'Cannot upload assets to an immutable release',
  documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
  status: '422'
}

export const NOT_FOUND = {
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name',
  status: '404'
}

/** Serves a release's assets over two pages joined by a Link header, as the API paginates. */
export function serveAssetPages(scope: nock.Scope, pages: unknown[][], api = API, id = RELEASE_ID): void {
  pages.forEach((page, i) => {
    const next =
      i + 1 < pages.length
        ? {
            link: `<${api}/repositories/1296269/releases/${id}/assets?per_page=100&page=${i + 2}>; rel="next", <${api}/repositories/1296269/releases/${id}/assets?per_page=100&page=${pages.length}>; rel="last"`
          }
        : undefined
    if (i === 0)
      scope.get(`/repos/${OWNER}/${REPO}/releases/${id}/assets`).query({ per_page: '100' }).reply(200, page, next)
    else
      scope
        .get(`/repositories/1296269/releases/${id}/assets`)
        .query({ per_page: '100', page: String(i + 1) })
        .reply(200, page, next)
  })
}

/** Serves an asset's bytes the way github.com does: a 302 to signed storage, which must not see the token. */
export function serveAssetDownload(scope: nock.Scope, id: number, bytes: Buffer | string): void {
  const storage = `https://objects.githubusercontent.com/github-production-release-asset-2e65be/1296269/asset-${id}?X-Amz-Signature=abc`
  scope
    .get(`/repos/${OWNER}/${REPO}/releases/assets/${id}`)
    .matchHeader('accept', 'application/octet-stream')
    .reply(302, '', { location: storage })
  nock('https://objects.githubusercontent.com', { badheaders: ['authorization'] })
    .get(`/github-production-release-asset-2e65be/1296269/asset-${id}`)
    .query(true)
    .reply(200, bytes, { 'content-type': 'application/octet-stream' })
}
