import * as fs from 'node:fs'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { CloudFakes, type FakeRequest, type FakeResponse } from './cloud-fakes.js'
import { ROOT } from './fixtures.js'
import { fakeJwt, RUNTIME_TOKEN } from './oidc.js'

const TLS = path.join(ROOT, '__tests__', 'fixtures', 'tls')
export const TEST_CA = path.join(TLS, 'ca.pem')

/** The stand-ins on one loopback HTTPS server, each under its own path prefix. */
export interface CloudServer {
  fakes: CloudFakes
  url: string
  vaultUrl: string
  hsmUrl: string
  /** A job with id-token: write, the Google endpoints moved here, the throwaway CA trusted. */
  env: NodeJS.ProcessEnv
  close: () => Promise<void>
}

/**
 * Google's and Microsoft's APIs as a user's private endpoints would look (one HTTPS host with a
 * certificate from a private CA), served by the same fakes the unit tests use through nock: the
 * end-to-end tests run dist/ in a child process, which nock cannot reach.
 */
export async function startCloudServer(): Promise<CloudServer> {
  const fakes = new CloudFakes()
  let base = ''
  const routes: Record<string, (req: FakeRequest) => FakeResponse> = {
    '/sts': r => fakes.sts(r),
    '/iam': r => fakes.iamCredentials(r),
    '/sm': r => fakes.secretManager(r),
    '/kms': r => fakes.kms(r),
    '/entra': r => fakes.entra(r),
    '/vault': r => fakes.keyVault(r, `${base}/vault`),
    '/hsm': r => fakes.managedHsm(r, `${base}/hsm`)
  }
  const server = https.createServer(
    { cert: fs.readFileSync(path.join(TLS, 'server.pem')), key: fs.readFileSync(path.join(TLS, 'server-key.pem')) },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', c => chunks.push(c))
      req.on('end', () => {
        const url = req.url ?? '/'
        let answer: FakeResponse = { status: 404, body: { error: 'no such stand-in' } }
        if (url.startsWith('/token')) {
          const audience = new URL(url, 'https://x').searchParams.get('audience') ?? 'https://github.com/acme'
          fakes.requests.push(`token audience=${audience}`)
          if (req.headers.authorization !== `Bearer ${RUNTIME_TOKEN}`)
            answer = { status: 401, body: { message: 'unauthorized' } }
          else {
            const jwt = fakeJwt({ aud: audience, n: fakes.oidcTokens.size })
            fakes.oidcTokens.add(jwt)
            answer = { status: 200, body: { count: 1, value: jwt } }
          }
        } else {
          const prefix = Object.keys(routes).find(p => url.startsWith(`${p}/`))
          if (prefix)
            answer = routes[prefix]({
              method: req.method ?? 'GET',
              url: url.slice(prefix.length),
              headers: req.headers,
              body: Buffer.concat(chunks).toString('utf8')
            })
        }
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(answer.body))
      })
    }
  )
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    fakes,
    url: base,
    vaultUrl: `${base}/vault`,
    hsmUrl: `${base}/hsm`,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN,
      NODE_EXTRA_CA_CERTS: TEST_CA,
      GCP_ENDPOINT_STS: `${base}/sts`,
      GCP_ENDPOINT_IAMCREDENTIALS: `${base}/iam`,
      GCP_ENDPOINT_SECRETMANAGER: `${base}/sm`,
      GCP_ENDPOINT_CLOUDKMS: `${base}/kms`,
      AZURE_AUTHORITY_HOST: `${base}/entra`
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
