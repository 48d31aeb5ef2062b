/** A JWT shaped like GitHub's OIDC token (unsigned: the stores are faked, nothing checks it). */
export function fakeJwt(claims: Record<string, unknown> = {}): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  const payload = {
    iss: 'https://token.actions.githubusercontent.com',
    sub: 'repo:acme/widgets:ref:refs/tags/v1.2.3',
    aud: 'https://github.com/acme',
    repository: 'acme/widgets',
    ref: 'refs/tags/v1.2.3',
    job_workflow_ref: 'acme/widgets/.github/workflows/build.yml@refs/tags/v1.2.3',
    ...claims
  }
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${part(payload)}.${Buffer.from('not-a-real-signature-' + JSON.stringify(claims)).toString('base64url')}`
}

/** The runner's token request variables, as in a job with `permissions: id-token: write`. */
export const TOKEN_HOST = 'https://pipelines.actions.example'
export const TOKEN_PATH = '/00000000/idtoken'
export const RUNTIME_TOKEN = 'runtime-request-token-3f9a1c'
export function oidcEnv(base = TOKEN_HOST): NodeJS.ProcessEnv {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${base}${TOKEN_PATH}?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN
  }
}
