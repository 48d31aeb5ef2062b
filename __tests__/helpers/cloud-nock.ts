import nock from './nock.js'
import { CloudFakes, type FakeRequest, type FakeResponse } from './cloud-fakes.js'
import { fakeJwt, TOKEN_HOST, TOKEN_PATH, RUNTIME_TOKEN } from './oidc.js'

export const GOOGLE = {
  sts: 'https://sts.googleapis.com',
  iamcredentials: 'https://iamcredentials.googleapis.com',
  secretmanager: 'https://secretmanager.googleapis.com',
  cloudkms: 'https://cloudkms.googleapis.com'
}
export const ENTRA = 'https://login.microsoftonline.com'
export const VAULT_URL = 'https://acme-ci.vault.azure.net'
export const HSM_URL = 'https://acme-ci.managedhsm.azure.net'

/** Serves one stand-in of `fakes` at `origin` through nock, for every method and path, until cleanAll. */
export function serve(origin: string, handler: (req: FakeRequest) => FakeResponse): void {
  // nock 15 hands a reply function the request as a Fetch API Request.
  const reply = async (request: Request): Promise<[number, string, Record<string, string>]> => {
    const url = new URL(request.url)
    const headers = Object.fromEntries(request.headers.entries())
    const answer = handler({
      method: request.method,
      url: url.pathname + url.search,
      headers,
      body: await request.text()
    })
    return [answer.status, JSON.stringify(answer.body), { 'content-type': 'application/json; charset=utf-8' }]
  }
  nock(origin).persist().get(/.*/).reply(reply).post(/.*/).reply(reply)
}

/**
 * The runner's OIDC token endpoint: a fresh JWT for the audience asked (the claims a GitHub token
 * for acme/widgets at a tag has, with `claims` over them), remembered by the stand-ins. Records
 * each audience asked for in `audiences`.
 */
export function serveTokenEndpoint(fakes: CloudFakes, audiences: string[], claims: Record<string, unknown> = {}): void {
  nock(TOKEN_HOST)
    .persist()
    .get(TOKEN_PATH)
    .query(true)
    .reply(async (request: Request) => {
      if (request.headers.get('authorization') !== `Bearer ${RUNTIME_TOKEN}`) return [401, { message: 'unauthorized' }]
      const audience = new URL(request.url).searchParams.get('audience') ?? 'https://github.com/acme'
      audiences.push(audience)
      const jwt = fakeJwt({ aud: audience, n: fakes.oidcTokens.size, ...claims })
      fakes.oidcTokens.add(jwt)
      return [200, { count: 1, value: jwt }]
    })
}

/** Every Google and Microsoft stand-in at its public address. */
export function serveClouds(fakes: CloudFakes): void {
  serve(GOOGLE.sts, req => fakes.sts(req))
  serve(GOOGLE.iamcredentials, req => fakes.iamCredentials(req))
  serve(GOOGLE.secretmanager, req => fakes.secretManager(req))
  serve(GOOGLE.cloudkms, req => fakes.kms(req))
  serve(ENTRA, req => fakes.entra(req))
  serve(VAULT_URL, req => fakes.keyVault(req, VAULT_URL))
  serve(HSM_URL, req => fakes.managedHsm(req, HSM_URL))
}
