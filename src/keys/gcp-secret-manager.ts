import { SealError } from '../core/errors.js'
import { keysFromText, type LocalHmacKey } from '../core/keys.js'
import { answerBytes, call, failure, malformed, serviceMessage } from './cloud-http.js'
import { crc32cMatches } from './crc32c.js'
import { gcpFederate } from './gcp.js'
import type { SourceContext } from './source-context.js'

const SECRET = /^projects\/([^/\s]+)\/secrets\/([\w-]{1,255})(?:\/versions\/(latest|\d+|[\w-]+))?$/

/** `gcp-secret` as the version's resource name; without `/versions/V` it is the latest version. */
export function secretVersionName(ctx: SourceContext): string {
  const raw = ctx.options
    .need('gcp-secret', 'projects/PROJECT/secrets/NAME, optionally with /versions/VERSION')
    .replace(/^\/+|\/+$/g, '')
  const m = SECRET.exec(raw)
  if (!m) {
    throw new SealError(
      'INPUT_INVALID',
      `${ctx.options.nameOf('gcp-secret')} ${raw} is not projects/PROJECT/secrets/NAME or projects/PROJECT/secrets/NAME/versions/VERSION`,
      'gcp-secret'
    )
  }
  return m[3] ? raw : `${raw}/versions/latest`
}

/**
 * key-source `gcp-secret-manager`: federation, then Secret Manager `versions/…:access`. The
 * payload's CRC32C is checked before the payload is used: a key damaged on the way would sign
 * manifests that nothing verifies. The payload's text is decoded by key-encoding (one key per
 * line, for rotation).
 */
export async function gcpSecretManagerKeys(ctx: SourceContext): Promise<LocalHmacKey[]> {
  const name = secretVersionName(ctx)
  const session = await gcpFederate(ctx)
  const site = session.site('Secret Manager', 'gcp-secret')
  const answer = await call(site, 'GET', `${session.endpoint('secretmanager')}/v1/${name}:access`, {
    bearer: session.token
  })
  if (answer.status !== 200) {
    const status = serviceMessage(answer).code
    const hint =
      answer.status === 403 || status === 'PERMISSION_DENIED'
        ? `${session.principal} needs roles/secretmanager.secretAccessor (secretmanager.versions.access) on the secret of gcp-secret`
        : status === 'FAILED_PRECONDITION'
          ? 'the secret version is disabled or destroyed; enable it, or name another version in gcp-secret'
          : 'check gcp-secret (project, secret name and version)'
    throw failure(site, answer, `Secret Manager refused to access ${name}`, hint)
  }
  const payload = (answer.body as { payload?: { data?: unknown; dataCrc32c?: unknown } } | undefined)?.payload
  if (typeof payload?.data !== 'string') throw malformed(site, `Secret Manager access of ${name}`, 'payload.data')
  ctx.secrets.add(payload.data)
  const bytes = answerBytes(payload.data, `Secret Manager access of ${name}`, 'payload.data', 'gcp-secret')
  const text = ctx.secrets.add(bytes.toString('utf8'))
  for (const line of text.split(/\r?\n/)) ctx.secrets.add(line.trim())
  // Secret Manager stores a CRC32C with every version (it computes one when none was given).
  if (payload.dataCrc32c !== undefined && !crc32cMatches(payload.dataCrc32c, bytes)) {
    throw new SealError(
      'KEY_SOURCE',
      `Secret Manager answered ${name} with a payload whose CRC32C does not match payload.dataCrc32c (damaged on the way); run the step again`,
      'gcp-secret'
    )
  }
  const version = (answer.body as { name?: unknown }).name
  ctx.log(`Read the key from Secret Manager ${typeof version === 'string' ? version : name}`)
  return keysFromText(text, ctx.encoding, ctx.algorithm, `Secret Manager ${name}`, v => ctx.secrets.add(v))
}
