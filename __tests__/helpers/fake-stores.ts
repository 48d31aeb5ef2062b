import { createHmac, timingSafeEqual } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AWS_CREDENTIALS,
  awsJsonError,
  describeKeyAnswer,
  KMS_KEY_ARN,
  SECRET_ARN,
  stsCredentialsXml,
  stsErrorXml
} from './aws-shapes.js'
import { TEST_KEY_HEX } from './fixtures.js'
import { fakeJwt, RUNTIME_TOKEN } from './oidc.js'

/**
 * One local HTTP server on 127.0.0.1 that plays the runner's OIDC token endpoint, Vault (JWT
 * login, KV v2, transit) and AWS (STS, Secrets Manager, KMS via AWS_ENDPOINT_URL), with the
 * request and response shapes of their API documentation. The end-to-end tests run dist/ in a
 * child process, which nock cannot reach; this server computes real HMACs so that sign then
 * verify is a real round trip, and refuses requests without the token or credentials it issued.
 */
export interface FakeStores {
  url: string
  /** The environment a job with `permissions: id-token: write` has, plus AWS_ENDPOINT_URL. */
  env: NodeJS.ProcessEnv
  /** Everything secret the server handed out or expects (for leak checks). */
  secrets: () => string[]
  /** "GET /v1/…" or the AWS operation ("kms:GenerateMac"), in order. */
  requests: string[]
  close: () => Promise<void>
}

export const VAULT_TOKEN = 'hvs.CAESIFakeVaultTokenForEndToEndTests01'
/** The transit key's versions (what Vault holds and never returns). */
const TRANSIT_KEYS: Record<number, Buffer> = { 1: Buffer.alloc(32, 0x11), 2: Buffer.alloc(32, 0x22) }
const KMS_KEY = Buffer.alloc(32, 0x33)
const NODE_HASH: Record<string, string> = {
  'sha2-256': 'sha256',
  'sha2-384': 'sha384',
  'sha2-512': 'sha512',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512'
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function startFakeStores(): Promise<FakeStores> {
  const issued = new Set<string>()
  const requests: string[] = []

  const vault = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    body: Record<string, unknown>
  ): void => {
    requests.push(`${req.method} ${path}`)
    if (path === '/v1/auth/jwt/login') {
      if (body.role !== 'artifact-seal' || !issued.has(String(body.jwt)))
        return send(res, 400, {
          errors: ['error validating claims: claim "repository" does not match any associated bound claim values']
        })
      return send(res, 200, {
        request_id: 'r1',
        lease_duration: 0,
        renewable: false,
        data: null,
        auth: {
          client_token: VAULT_TOKEN,
          accessor: 'a1',
          policies: ['artifact-seal'],
          lease_duration: 600,
          renewable: true
        }
      })
    }
    if (req.headers['x-vault-token'] !== VAULT_TOKEN) return send(res, 403, { errors: ['permission denied'] })
    if (req.method === 'GET' && path === '/v1/secret/data/ci/artifact-seal') {
      return send(res, 200, {
        data: {
          data: { key: TEST_KEY_HEX },
          metadata: { created_time: '2026-01-01T00:00:00Z', version: 1, destroyed: false, deletion_time: '' }
        }
      })
    }
    if (req.method === 'GET' && path === '/v1/transit/keys/artifact-seal') {
      return send(res, 200, {
        data: {
          name: 'artifact-seal',
          type: 'hmac',
          latest_version: 2,
          min_decryption_version: 1,
          keys: { 1: 1767225600, 2: 1767312000 }
        }
      })
    }
    const hmacPath = /^\/v1\/transit\/hmac\/artifact-seal\/(sha2-\d+)$/.exec(path)
    if (hmacPath) {
      const version = Number(body.key_version ?? 2)
      const mac = createHmac(NODE_HASH[hmacPath[1]], TRANSIT_KEYS[version])
        .update(Buffer.from(String(body.input), 'base64'))
        .digest('base64')
      return send(res, 200, { data: { hmac: `vault:v${version}:${mac}` } })
    }
    if (path === '/v1/transit/verify/artifact-seal') {
      const m = /^vault:v(\d+):(.*)$/.exec(String(body.hmac))
      const key = m ? TRANSIT_KEYS[Number(m[1])] : undefined
      if (!m || !key) return send(res, 400, { errors: ['invalid HMAC version'] })
      const expected = createHmac(NODE_HASH[String(body.hash_algorithm ?? 'sha2-256')], key)
        .update(Buffer.from(String(body.input), 'base64'))
        .digest()
      return send(res, 200, { data: { valid: same(expected, Buffer.from(m[2], 'base64')) } })
    }
    send(res, 404, { errors: [] })
  }

  const aws = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const target = req.headers['x-amz-target']
    if (!target) {
      const form = new URLSearchParams(raw)
      requests.push(`sts:${form.get('Action')}`)
      if (form.get('Action') !== 'AssumeRoleWithWebIdentity' || !issued.has(form.get('WebIdentityToken') ?? '')) {
        return send(
          res,
          400,
          stsErrorXml('InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider"),
          'text/xml'
        )
      }
      return send(res, 200, stsCredentialsXml(), 'text/xml')
    }
    const op = String(target)
    requests.push(op.replace('TrentService.', 'kms:').replace('secretsmanager.', 'secretsmanager:'))
    const json = 'application/x-amz-json-1.1'
    if (!String(req.headers.authorization ?? '').includes(`Credential=${AWS_CREDENTIALS.accessKeyId}/`)) {
      return send(
        res,
        400,
        awsJsonError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
        json
      )
    }
    const body = JSON.parse(raw || '{}') as Record<string, string>
    switch (op) {
      case 'secretsmanager.GetSecretValue':
        return send(
          res,
          200,
          {
            ARN: SECRET_ARN,
            Name: 'ci/artifact-seal',
            SecretString: TEST_KEY_HEX,
            VersionId: 'v1',
            VersionStages: ['AWSCURRENT'],
            CreatedDate: 1.7e9
          },
          json
        )
      case 'TrentService.DescribeKey':
        return send(res, 200, describeKeyAnswer({ MacAlgorithms: ['HMAC_SHA_256'] }), json)
      case 'TrentService.GenerateMac': {
        const mac = createHmac(NODE_HASH[body.MacAlgorithm], KMS_KEY)
          .update(Buffer.from(body.Message, 'base64'))
          .digest('base64')
        return send(res, 200, { KeyId: KMS_KEY_ARN, Mac: mac, MacAlgorithm: body.MacAlgorithm }, json)
      }
      case 'TrentService.VerifyMac': {
        const mac = createHmac(NODE_HASH[body.MacAlgorithm], KMS_KEY)
          .update(Buffer.from(body.Message, 'base64'))
          .digest()
        if (!same(mac, Buffer.from(body.Mac, 'base64')))
          return send(res, 400, awsJsonError('KMSInvalidMacException', ''), json)
        return send(res, 200, { KeyId: KMS_KEY_ARN, MacValid: true, MacAlgorithm: body.MacAlgorithm }, json)
      }
    }
    send(res, 400, awsJsonError('UnknownOperationException', op), json)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (url.pathname === '/token') {
        requests.push(`token audience=${url.searchParams.get('audience') ?? ''}`)
        if (req.headers.authorization !== `Bearer ${RUNTIME_TOKEN}` || url.searchParams.get('api-version') !== '2.0')
          return send(res, 401, { message: 'unauthorized' })
        const jwt = fakeJwt({ aud: url.searchParams.get('audience') ?? 'https://github.com/acme', n: issued.size })
        issued.add(jwt)
        return send(res, 200, { count: 1, value: jwt })
      }
      if (url.pathname.startsWith('/v1/')) return vault(req, res, url.pathname, raw ? JSON.parse(raw) : {})
      if (url.pathname === '/') return aws(req, res, raw)
      send(res, 404, {})
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN,
      AWS_ENDPOINT_URL: url
    },
    secrets: () => [RUNTIME_TOKEN, VAULT_TOKEN, TEST_KEY_HEX, ...Object.values(AWS_CREDENTIALS), ...issued],
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
