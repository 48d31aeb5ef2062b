// Response bodies in the shapes of the AWS API references: STS AssumeRoleWithWebIdentity (query
// protocol, XML), and Secrets Manager / KMS (JSON 1.1, operation in the X-Amz-Target header).
// Shared by the nock unit tests and the local fake server of the end-to-end tests.

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/artifact-seal-build'
export const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
export const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ci/artifact-seal-AbCdEf'
export const AWS_CREDENTIALS = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE-session-token-for-tests'
}

export function stsCredentialsXml(subject = 'repo:acme/widgets:ref:refs/tags/v1.2.3'): string {
  return `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${subject}</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/artifact-seal-build/artifact-seal-4242-1</Arn>
      <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:artifact-seal-4242-1</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>${AWS_CREDENTIALS.sessionToken}</SessionToken>
      <SecretAccessKey>${AWS_CREDENTIALS.secretAccessKey}</SecretAccessKey>
      <Expiration>2099-10-24T23:00:23Z</Expiration>
      <AccessKeyId>${AWS_CREDENTIALS.accessKeyId}</AccessKeyId>
    </Credentials>
    <Provider>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`
}

export function stsErrorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>`
}

export const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' }

/** A JSON 1.1 error body (the SDK reads the code from __type). */
export function awsJsonError(type: string, message: string): Record<string, string> {
  return { __type: type, message }
}

export function describeKeyAnswer(overrides: Record<string, unknown> = {}): unknown {
  return {
    KeyMetadata: {
      AWSAccountId: '123456789012',
      Arn: KMS_KEY_ARN,
      CreationDate: 1.7e9,
      CustomerMasterKeySpec: 'HMAC_256',
      Description: 'artifact-seal',
      Enabled: true,
      KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      KeyManager: 'CUSTOMER',
      KeySpec: 'HMAC_256',
      KeyState: 'Enabled',
      KeyUsage: 'GENERATE_VERIFY_MAC',
      MacAlgorithms: ['HMAC_SHA_256'],
      MultiRegion: false,
      Origin: 'AWS_KMS',
      ...overrides
    }
  }
}
