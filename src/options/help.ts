import { OPTION_LIST, flagOf, offers } from './table.js'

const COLUMN = 29
const WIDTH = 100

/** Wraps `text` into lines that start at the help's second column. */
function wrap(text: string, first: string): string[] {
  const out: string[] = []
  let line = first.length >= COLUMN - 1 ? (out.push(first), ' '.repeat(COLUMN)) : first.padEnd(COLUMN)
  let empty = true
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      out.push(line)
      line = ' '.repeat(COLUMN)
      empty = true
    }
    line += (empty ? '' : ' ') + word
    empty = false
  }
  out.push(line)
  return out
}

/** The options part of --help, one entry per CLI option of the table, in table order. */
function optionLines(): string {
  const lines: string[] = []
  for (const [name, spec] of OPTION_LIST) {
    if (!offers(spec, 'cli') || !spec.help) continue
    const flag = `  --${flagOf(name)}${spec.help.arg ? ` ${spec.help.arg}` : ''}`
    lines.push(...wrap(spec.help.text, flag))
  }
  lines.push(...wrap('show this help', '  -h, --help'), ...wrap('show the version', '  --version'))
  return lines.join('\n')
}

export const USAGE = `Usage: artifact-seal <sign|verify|merge|checksums> [options]

Seal build artifacts with an HMAC-signed manifest, or verify them against one.
merge verifies the manifests of several jobs (--manifests) without reading files and writes one
manifest (--manifest) listing every file once, with predicate.parts saying which part sealed it.
checksums verifies the manifest's signature (not the files) and prints its subjects as a list
for sha256sum -c (sha384sum/sha512sum with that --algorithm); nothing is printed unless it verifies.

Options (the same as the action's inputs; an empty value means the default):
${optionLines()}

Key sources (the same names as the action's inputs; README "Key sources"):
  vault                      --vault-url URL (default $VAULT_ADDR) --vault-role ROLE
                             --vault-secret secret/data/PATH [--vault-secret-field key]
                             [--vault-namespace NS (default $VAULT_NAMESPACE)]
                             [--vault-auth-path jwt] [--oidc-audience AUD]
  vault-transit              the Vault flags, --vault-transit-key NAME
                             [--vault-transit-mount transit]
  aws-secrets-manager        --aws-region R (default $AWS_REGION) --aws-role-arn ARN
                             --aws-secret-id ID [--oidc-audience sts.amazonaws.com]
  aws-kms                    --aws-region R --aws-role-arn ARN --aws-kms-key-id ID
                             (repeatable, to rotate)
  gcp-secret-manager         --gcp-workload-identity-provider projects/N/locations/global/
                             workloadIdentityPools/P/providers/X [--gcp-service-account SA]
                             --gcp-secret projects/P/secrets/S[/versions/V]
  gcp-kms                    the GCP flags, --gcp-kms-key projects/…/cryptoKeyVersions/V
                             (repeatable: the first signs, all verify)
  azure-key-vault            --azure-tenant-id T --azure-client-id C
                             --azure-key-vault-url https://NAME.vault.azure.net
                             --azure-secret NAME[/VERSION]
  azure-managed-hsm          --azure-tenant-id T --azure-client-id C
                             --azure-managed-hsm-url https://NAME.managedhsm.azure.net
                             --azure-hsm-key NAME[/VERSION] (repeatable)
                             The OIDC token comes from ACTIONS_ID_TOKEN_REQUEST_URL and
                             ACTIONS_ID_TOKEN_REQUEST_TOKEN (a GitHub Actions job with
                             permissions id-token: write); elsewhere, from ARTIFACT_SEAL_OIDC_TOKEN.
                             Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, _KMS,
                             _SECRETS_MANAGER; GCP_ENDPOINT_STS, _IAMCREDENTIALS,
                             _SECRETMANAGER, _CLOUDKMS; AZURE_AUTHORITY_HOST.

Exit codes: 0 signed or verified, 1 verification failed, 2 bad usage or configuration.
`
