import type { KMSClient } from '@aws-sdk/client-kms'
import type { DigestAlgorithm } from '../core/algorithms.js'
import { SealError } from '../core/errors.js'
import { networkFailure } from '../net/network-error.js'
import { splitKeyLines, type MacKey } from '../core/keys.js'
import { assumeRole, awsErrorParts } from './aws.js'
import { MAC_LENGTH, remoteMacInput } from './remote-mac.js'
import type { Secrets } from './secrets.js'
import type { SourceContext } from './source-context.js'

/** KMS's MacAlgorithm for each of our hashes. */
export const KMS_MAC_ALGORITHM = { sha256: 'HMAC_SHA_256', sha384: 'HMAC_SHA_384', sha512: 'HMAC_SHA_512' } as const

type KmsModule = typeof import('@aws-sdk/client-kms')

/** Turns a KMS error into one line that says what to change; `action` is GenerateMac, VerifyMac or DescribeKey. */
function kmsError(secrets: Secrets, error: unknown, action: string, keyId: string, roleArn: string): SealError {
  const unreachable = networkFailure(error)
  if (unreachable)
    return new SealError('KEY_SOURCE', secrets.redact(`AWS KMS ${action} for ${keyId}: ${unreachable}`), 'aws-region')
  const { code, message } = awsErrorParts(error)
  const hints: Record<string, string> = {
    AccessDeniedException: `the role ${roleArn} needs kms:${action} on the key (build jobs: kms:GenerateMac; deploy jobs: only kms:VerifyMac; both: kms:DescribeKey)`,
    DisabledException: 'the key is disabled; enable it, or set aws-kms-key-id to the current key',
    KMSInvalidStateException: 'the key is not usable in its current state (pending deletion or import?)',
    InvalidKeyUsageException:
      'aws-kms needs an HMAC key (key usage GENERATE_VERIFY_MAC, key spec HMAC_256, HMAC_384 or HMAC_512) whose MAC algorithms include the configured algorithm',
    NotFoundException: 'check aws-kms-key-id and aws-region',
    InvalidArnException: 'check aws-kms-key-id',
    KeyUnavailableException: 'KMS could not use the key right now; run the step again'
  }
  return new SealError(
    'KEY_SOURCE',
    secrets.redact(
      `AWS KMS ${action} failed for ${keyId}: ${code}: ${message}; ${hints[code] ?? 'check aws-kms-key-id'}`
    ),
    'aws-kms-key-id'
  )
}

/**
 * An HMAC key that never leaves AWS KMS: GenerateMac to sign, VerifyMac to verify, over the digest
 * of the PAE (KMS takes at most 4,096 bytes). Its key id names the key's ARN, so that a manifest
 * says which key made it and a new key (rotation) gets a new key id.
 */
export class AwsKmsKey implements MacKey {
  readonly keyId: string

  constructor(
    private readonly kms: KMSClient,
    private readonly sdk: KmsModule,
    readonly arn: string,
    private readonly algorithm: DigestAlgorithm,
    private readonly secrets: Secrets,
    private readonly roleArn: string
  ) {
    this.keyId = `aws-kms:${arn}`
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    try {
      const answer = await this.kms.send(
        new this.sdk.GenerateMacCommand({
          KeyId: this.arn,
          MacAlgorithm: KMS_MAC_ALGORITHM[this.algorithm],
          Message: remoteMacInput(this.algorithm, message)
        })
      )
      const mac = answer.Mac ? Buffer.from(answer.Mac) : Buffer.alloc(0)
      if (mac.length !== MAC_LENGTH[this.algorithm]) {
        throw new SealError(
          'KEY_SOURCE',
          `AWS KMS GenerateMac for ${this.arn} answered with a ${mac.length}-byte MAC; ${this.algorithm} gives ${MAC_LENGTH[this.algorithm]}`,
          'aws-kms-key-id'
        )
      }
      return mac
    } catch (error) {
      if (error instanceof SealError) throw error
      throw kmsError(this.secrets, error, 'GenerateMac', this.arn, this.roleArn)
    }
  }

  async verify(message: Uint8Array, mac: Uint8Array): Promise<boolean> {
    // KMS refuses MACs of the wrong length with a ValidationException; they cannot be ours.
    if (mac.length !== MAC_LENGTH[this.algorithm]) return false
    try {
      const answer = await this.kms.send(
        new this.sdk.VerifyMacCommand({
          KeyId: this.arn,
          MacAlgorithm: KMS_MAC_ALGORITHM[this.algorithm],
          Message: remoteMacInput(this.algorithm, message),
          Mac: mac
        })
      )
      return answer.MacValid === true
    } catch (error) {
      // KMS reports a MAC that does not match as an exception: a failed verification, not an error.
      if (awsErrorParts(error).code === 'KMSInvalidMacException') return false
      throw kmsError(this.secrets, error, 'VerifyMac', this.arn, this.roleArn)
    }
  }

  toJSON(): string {
    return `[MacKey ${this.keyId}]`
  }
}

/**
 * key-source `aws-kms`: OIDC → STS, then DescribeKey for each line of aws-kms-key-id (an ARN, key
 * id or alias), so that a disabled key or one of the wrong kind fails before any file is hashed,
 * and an alias resolves to the ARN the key id names.
 */
export async function awsKmsKeys(ctx: SourceContext): Promise<AwsKmsKey[]> {
  const ids = splitKeyLines(
    ctx.options.need('aws-kms-key-id', 'the ARN, id or alias of an HMAC KMS key; one per line to rotate')
  )
  const session = await assumeRole(ctx)
  const sdk = await import('@aws-sdk/client-kms')
  const kms = new sdk.KMSClient({
    region: session.region,
    credentials: session.credentials,
    endpoint: session.endpoint('KMS'),
    maxAttempts: 3
  })
  const wanted = KMS_MAC_ALGORITHM[ctx.algorithm]
  const keys: AwsKmsKey[] = []
  for (const id of ids) {
    let meta
    try {
      meta = (await kms.send(new sdk.DescribeKeyCommand({ KeyId: id }))).KeyMetadata
    } catch (error) {
      throw kmsError(ctx.secrets, error, 'DescribeKey', id, session.roleArn)
    }
    const arn = meta?.Arn ?? id
    if (meta?.KeyUsage && meta.KeyUsage !== 'GENERATE_VERIFY_MAC') {
      throw new SealError(
        'KEY_SOURCE',
        `AWS KMS key ${arn} has key usage ${meta.KeyUsage}; aws-kms needs an HMAC key (key usage GENERATE_VERIFY_MAC, key spec HMAC_256, HMAC_384 or HMAC_512)`,
        'aws-kms-key-id'
      )
    }
    if (meta?.KeyState && meta.KeyState !== 'Enabled') {
      throw new SealError(
        'KEY_SOURCE',
        `AWS KMS key ${arn} is ${meta.KeyState}; it must be Enabled to ${ctx.purpose}`,
        'aws-kms-key-id'
      )
    }
    if (meta?.MacAlgorithms && !meta.MacAlgorithms.includes(wanted)) {
      throw new SealError(
        'KEY_SOURCE',
        `AWS KMS key ${arn} supports ${meta.MacAlgorithms.join(', ')}, not ${wanted}; set algorithm to match the key, or use a key with spec HMAC_${wanted.slice(-3)}`,
        'aws-kms-key-id'
      )
    }
    keys.push(new AwsKmsKey(kms, sdk, arn, ctx.algorithm, ctx.secrets, session.roleArn))
  }
  ctx.log(`Using AWS KMS key(s) ${keys.map(k => k.arn).join(', ')}`)
  return keys
}
