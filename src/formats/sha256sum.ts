import { DIGEST_ALGORITHMS, DIGEST_HEX_LENGTH, type DigestAlgorithm } from '../core/algorithms.js'
import { SealError } from '../core/errors.js'
import type { Statement } from '../core/statement.js'
import { checkSealableNames } from '../core/names.js'
import { checkSubjectName } from '../core/subjects.js'

/**
 * Checksum lists in the formats of GNU coreutils' `sha256sum` (and sha384sum, sha512sum):
 *   untagged  `<hex>  <name>` (or `<hex> *<name>` in binary mode)
 *   tagged    `SHA256 (<name>) = <hex>` (the `--tag` / BSD style)
 * A name holding a backslash, newline or carriage return is written escaped (`\\`, `\n`, `\r`)
 * and the line starts with a backslash, as coreutils does; both directions follow that rule so
 * that `sha256sum -c` reads what we write and we read what it writes.
 */

/** One line of a list: a subject name and its digest. */
export interface ChecksumEntry {
  name: string
  digest: string
}

const TAG_OF: Record<DigestAlgorithm, string> = { sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512' }

/** The coreutils program that checks a list of `algorithm` digests (`sha256sum` for sha256). */
export function checkerFor(algorithm: DigestAlgorithm): string {
  return `${algorithm}sum`
}

/** The conventional file name of a list (`SHA256SUMS`), named after the digests it actually holds. */
export function listFileName(algorithm: DigestAlgorithm): string {
  return `${TAG_OF[algorithm]}SUMS`
}

function needsEscape(name: string): boolean {
  return /[\\\n\r]/.test(name)
}

function escapeName(name: string): string {
  return name.replace(/[\\\n\r]/g, c => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'))
}

/** Reverses coreutils' escaping; null when the text holds an escape coreutils would not write. */
function unescapeName(text: string): string | null {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\') {
      out += c
      continue
    }
    const next = text[++i]
    if (next === '\\') out += '\\'
    else if (next === 'n') out += '\n'
    else if (next === 'r') out += '\r'
    else return null
  }
  return out
}

/** A statement's subjects as a checksum list of `algorithm` (see formatChecksumList). */
export function statementChecksumList(
  statement: Statement,
  algorithm: DigestAlgorithm,
  options: { tag?: boolean } = {}
): string {
  return formatChecksumList(
    statement.subject.map(s => ({ name: s.name, digest: s.digest[algorithm] })),
    algorithm,
    options
  )
}

/** Formats entries as a list `sha256sum -c` (or `--tag` style with `tag: true`) accepts. */
export function formatChecksumList(
  entries: readonly ChecksumEntry[],
  algorithm: DigestAlgorithm,
  options: { tag?: boolean } = {}
): string {
  return entries
    .map(({ name, digest }) => {
      const prefix = needsEscape(name) ? '\\' : ''
      const shown = prefix ? escapeName(name) : name
      return options.tag ? `${prefix}${TAG_OF[algorithm]} (${shown}) = ${digest}\n` : `${prefix}${digest}  ${shown}\n`
    })
    .join('')
}

const UNTAGGED = /^([0-9A-Fa-f]+) [ *](.+)$/s
const TAGGED = /^(SHA256|SHA384|SHA512) \((.+)\) = ([0-9A-Fa-f]+)$/s

function algorithmOfHexLength(length: number): DigestAlgorithm | undefined {
  return DIGEST_ALGORITHMS.find(a => DIGEST_HEX_LENGTH[a] === length)
}

/**
 * Parses a checksum list made by `sha256sum` (or `--tag`) for sealing. Every digest must be of
 * `algorithm` (the seal's own configuration: a list of another hash is refused, never converted);
 * names obey the subject path rules and may not repeat. Blank lines and `#` comments are skipped
 * as coreutils does; anything else malformed is refused with its line number.
 */
export function parseChecksumList(text: string, algorithm: DigestAlgorithm, source: string): ChecksumEntry[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const entries: ChecksumEntry[] = []
  const seen = new Set<string>()
  lines.forEach((raw, i) => {
    const where = `${source} line ${i + 1}`
    const refuse = (why: string): never => {
      throw new SealError('INPUT_INVALID', `${where}: ${why}`, source)
    }
    // A list written on Windows ends its lines with CRLF; a real CR in a name is always escaped.
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '' || line.startsWith('#')) return
    const escaped = line.startsWith('\\')
    if (escaped) line = line.slice(1)
    let nameText: string
    let hex: string
    let lineAlgorithm: DigestAlgorithm | undefined
    const tagged = TAGGED.exec(line)
    const untagged = tagged ? null : UNTAGGED.exec(line)
    if (tagged) {
      ;[, , nameText, hex] = tagged
      lineAlgorithm = tagged[1].toLowerCase() as DigestAlgorithm
      if (hex.length !== DIGEST_HEX_LENGTH[lineAlgorithm])
        refuse(`${tagged[1]} digest is ${hex.length} hex digits, not ${DIGEST_HEX_LENGTH[lineAlgorithm]}`)
    } else if (untagged) {
      ;[, hex, nameText] = untagged
      lineAlgorithm = algorithmOfHexLength(hex.length)
      if (!lineAlgorithm) refuse(`digest is ${hex.length} hex digits, which is no sha256, sha384 or sha512 digest`)
    } else {
      return refuse(`not a checksum line (expected "<hex>  <name>" or "${TAG_OF[algorithm]} (<name>) = <hex>")`)
    }
    if (lineAlgorithm !== algorithm) {
      refuse(
        `holds a ${lineAlgorithm} digest, but algorithm is ${algorithm}: make the list with ${checkerFor(algorithm)} or set algorithm: ${lineAlgorithm}`
      )
    }
    let name = nameText
    if (escaped) {
      const unescaped = unescapeName(nameText)
      if (unescaped === null) refuse('has an escape other than \\\\, \\n or \\r in its name')
      name = unescaped as string
    }
    // `sha256sum ./dist/*` and `find . -exec sha256sum` write "./" before names; it names the same file.
    while (name.startsWith('./')) name = name.slice(2)
    try {
      checkSubjectName(name, where)
    } catch (error) {
      throw new SealError('PATH_UNSAFE', (error as Error).message, source)
    }
    if (seen.has(name)) refuse(`repeats the name ${JSON.stringify(name)}`)
    seen.add(name)
    entries.push({ name, digest: hex.toLowerCase() })
  })
  if (entries.length === 0) throw new SealError('NO_FILES', `${source} lists no files`, source)
  checkSealableNames(
    entries.map(e => e.name),
    source
  )
  return entries
}
