import type { KeyRequest } from '../../src/keys/key-source.js'
import type { StoreOptions } from '../../src/keys/options.js'

/**
 * A KeyRequest as an adapter builds one to sign with sha256 and a hex key, in a job that may ask
 * for an OIDC token (`env`), with `store` over the suite's `defaults`; it records every value
 * offered for masking in `masked`.
 */
export function keyRequest(
  source: KeyRequest['source'],
  defaults: { env: NodeJS.ProcessEnv; store: StoreOptions; retry?: KeyRequest['retry'] },
  store: StoreOptions,
  extra: Partial<KeyRequest> = {}
): KeyRequest & { masked: string[] } {
  const masked: string[] = []
  return {
    source,
    algorithm: 'sha256',
    encoding: 'hex',
    keyLabel: 'key input',
    onSecret: v => masked.push(v),
    purpose: 'sign',
    ...defaults,
    store: { ...defaults.store, ...store },
    ...extra,
    masked
  }
}
