import type { DigestAlgorithm } from '../core/algorithms.js'
import { parseChoice } from '../core/choice.js'
import { SealError } from '../core/errors.js'
import { keysFromText, type KeyEncoding, type MacKey } from '../core/keys.js'

/** Where keys come from; each value's own inputs are read by its module. */
export const KEY_SOURCES = ['input'] as const
export type KeySource = (typeof KEY_SOURCES)[number]

export function parseKeySource(value: string, inputName = 'key-source'): KeySource {
  return parseChoice(value, KEY_SOURCES, inputName)
}

/** What any key source may need; adapters fill it from inputs or flags. */
export interface KeyRequest {
  source: KeySource
  algorithm: DigestAlgorithm
  encoding: KeyEncoding
  /** The key lines, for source `input`. */
  keyText?: string
  /** Names the key's origin in messages (an input or flag name, never the key). */
  keyLabel: string
  /** Registers a secret with the log mask; called for every secret the moment it exists. */
  onSecret: (value: string) => void
}

/** Resolves the keys a request names. */
export async function resolveKeys(request: KeyRequest): Promise<MacKey[]> {
  switch (request.source) {
    case 'input': {
      if (!request.keyText || request.keyText.trim() === '') {
        throw new SealError('KEY_INVALID', `${request.keyLabel} is required with key-source input`, request.keyLabel)
      }
      return keysFromText(request.keyText, request.encoding, request.algorithm, request.keyLabel, request.onSecret)
    }
  }
}
