import { SealError } from '../core/errors.js'
import { networkFailure } from '../net/network-error.js'
import { keyRenderings, keysFromText, LocalHmacKey, MIN_KEY_BYTES } from '../core/keys.js'
import { assumeRole, awsErrorParts } from './aws.js'
import type { SourceContext } from './source-context.js'

/**
 * key-source `aws-secrets-manager`: OIDC → STS → GetSecretValue. A SecretString is decoded by
 * key-encoding (one key per line, for rotation); a SecretBinary is the key's raw bytes.
 */
export async function awsSecretsManagerKeys(ctx: SourceContext): Promise<LocalHmacKey[]> {
  const secretId = ctx.options.need('aws-secret-id', 'the name or ARN of the secret that holds the key')
  const session = await assumeRole(ctx)
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager')
  const client = new SecretsManagerClient({
    region: session.region,
    credentials: session.credentials,
    endpoint: session.endpoint('SECRETS_MANAGER'),
    maxAttempts: 3
  })
  let answer
  try {
    answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }))
  } catch (error) {
    const unreachable = networkFailure(error)
    if (unreachable)
      throw new SealError(
        'KEY_SOURCE',
        ctx.secrets.redact(`AWS Secrets Manager (GetSecretValue for ${secretId}): ${unreachable}`),
        'aws-region'
      )
    const { code, message } = awsErrorParts(error)
    const hint =
      code === 'ResourceNotFoundException'
        ? `check aws-secret-id and aws-region (${session.region})`
        : code === 'AccessDeniedException'
          ? `the role ${session.roleArn} needs secretsmanager:GetSecretValue on the secret (and kms:Decrypt on its KMS key if it is not the default one)`
          : 'check aws-secret-id'
    throw new SealError(
      'KEY_SOURCE',
      ctx.secrets.redact(`AWS Secrets Manager refused GetSecretValue for ${secretId}: ${code}: ${message}; ${hint}`),
      'aws-secret-id'
    )
  } finally {
    client.destroy()
  }
  const label = `AWS secret ${secretId}`
  if (typeof answer.SecretString === 'string') {
    ctx.secrets.add(answer.SecretString)
    ctx.log(`Read the key from ${label}`)
    return keysFromText(answer.SecretString, ctx.encoding, ctx.algorithm, label, v => ctx.secrets.add(v))
  }
  if (answer.SecretBinary) {
    const bytes = Buffer.from(answer.SecretBinary)
    for (const form of keyRenderings(bytes.toString('hex'), bytes)) ctx.secrets.add(form)
    if (bytes.length < MIN_KEY_BYTES) {
      throw new SealError(
        'KEY_INVALID',
        `${label} SecretBinary is ${bytes.length} bytes; at least ${MIN_KEY_BYTES} are required`,
        'aws-secret-id'
      )
    }
    ctx.log(`Read the key from ${label} (binary)`)
    return [new LocalHmacKey(bytes, ctx.algorithm)]
  }
  throw new SealError('KEY_SOURCE', `${label} has neither SecretString nor SecretBinary`, 'aws-secret-id')
}
