import { SealError } from '../core/errors.js'
import { networkFailure } from '../net/network-error.js'
import { describeClaims } from './oidc.js'
import { oidcToken, type SourceContext } from './source-context.js'

/** The audience AWS's OIDC identity provider for GitHub expects by default. */
export const AWS_DEFAULT_AUDIENCE = 'sts.amazonaws.com'

/** Temporary credentials from STS; every field is a secret. */
export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
}

/** Where the AWS services of one source live: region, credentials, and endpoint overrides. */
export interface AwsSession {
  region: string
  roleArn: string
  credentials: AwsCredentials
  /** The endpoint for a service: AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, else AWS's own. */
  endpoint: (service: AwsService) => string | undefined
}

export type AwsService = 'STS' | 'KMS' | 'SECRETS_MANAGER'

/** The endpoint override the AWS tools honour, read from `env` (so the CLI's env is used, not only process.env). */
export function awsEndpoint(env: NodeJS.ProcessEnv, service: AwsService): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`]?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined
}

/** A name STS accepts for the session ([\w+=,.@-], 2 to 64 characters), tied to the run. */
export function sessionName(env: NodeJS.ProcessEnv): string {
  const run = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('-')
  return `artifact-seal${run ? `-${run}` : ''}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
}

/** The SDK's error as code and message, whatever shape it has. */
export function awsErrorParts(error: unknown): { code: string; message: string } {
  const e = error as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  return { code: e?.Code ?? e?.name ?? 'Error', message: (e?.message ?? String(error)).replace(/\s+/g, ' ').trim() }
}

/**
 * Assumes `aws-role-arn` with the job's OIDC token (STS AssumeRoleWithWebIdentity, which needs no
 * AWS credentials). The SDK is imported here, only when an AWS source is chosen, so that
 * `key-source: input` starts as fast as before.
 */
export async function assumeRole(ctx: SourceContext): Promise<AwsSession> {
  const o = ctx.options
  const region = o.get('aws-region') ?? (ctx.env.AWS_REGION?.trim() || ctx.env.AWS_DEFAULT_REGION?.trim())
  if (!region) o.need('aws-region', 'e.g. us-east-1; AWS_REGION is used when set')
  const roleArn = o.need('aws-role-arn', 'the IAM role whose trust policy accepts this repository’s OIDC token')
  const jwt = await oidcToken(ctx, AWS_DEFAULT_AUDIENCE)
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts')
  const sts = new STSClient({ region, endpoint: awsEndpoint(ctx.env, 'STS'), maxAttempts: 3 })
  let answer
  try {
    answer = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: sessionName(ctx.env),
        WebIdentityToken: jwt
      })
    )
  } catch (error) {
    throw stsError(ctx, error, roleArn, jwt)
  } finally {
    sts.destroy()
  }
  const c = answer.Credentials
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new SealError(
      'KEY_SOURCE',
      `STS answered AssumeRoleWithWebIdentity for ${roleArn} without credentials`,
      'aws-role-arn'
    )
  }
  const credentials = {
    accessKeyId: ctx.secrets.add(c.AccessKeyId),
    secretAccessKey: ctx.secrets.add(c.SecretAccessKey),
    sessionToken: ctx.secrets.add(c.SessionToken)
  }
  ctx.log(`Assumed AWS role ${roleArn} in ${region}`)
  return { region: region!, roleArn, credentials, endpoint: service => awsEndpoint(ctx.env, service) }
}

function stsError(ctx: SourceContext, error: unknown, roleArn: string, jwt: string): SealError {
  const unreachable = networkFailure(error)
  if (unreachable)
    return new SealError(
      'KEY_SOURCE',
      ctx.secrets.redact(`AWS STS (to assume ${roleArn}): ${unreachable}`),
      'aws-region'
    )
  const { code, message } = awsErrorParts(error)
  const claims = describeClaims(jwt, ['sub', 'aud'])
  let hint: string
  switch (code) {
    case 'AccessDenied':
      hint = `the role's trust policy must allow sts:AssumeRoleWithWebIdentity for this job: its token.actions.githubusercontent.com:sub condition must match${claims ? ` (${claims})` : ' this job'}`
      break
    case 'InvalidIdentityToken':
    case 'IDPRejectedClaim':
      hint = `the account needs an IAM OIDC identity provider for https://token.actions.githubusercontent.com whose audience matches oidc-audience${claims ? ` (${claims})` : ''}`
      break
    case 'ExpiredTokenException':
      hint = 'the OIDC token expired before it reached STS; run the step again'
      break
    default:
      hint = 'check aws-role-arn and aws-region'
  }
  return new SealError(
    'KEY_SOURCE',
    ctx.secrets.redact(`AWS STS refused to let this job assume ${roleArn}: ${code}: ${message}; ${hint}`),
    'aws-role-arn'
  )
}
