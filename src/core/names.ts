import * as path from 'node:path'
import { SealError } from './errors.js'

/*
 * The rules that make a subject name mean the same file on every runner. checkSubjectName
 * (subjects.ts) is the rule every name obeys everywhere (relative, no `..`, no control
 * characters); these are what Windows and macOS add. Each takes the platform or the path module
 * as an argument, so that the unit tests run the Windows rules with path.win32 on Linux too.
 */

/**
 * Whether `child` is `parent` or lies below it, by the rules of `paths` (case-insensitive with
 * path.win32, and another drive is never inside). Both absolute and normalized. The hashing
 * kernel has its own copy, because it is serialized into the worker threads (hash-kernel.ts).
 */
export function isInside(parent: string, child: string, paths: path.PlatformPath = path): boolean {
  const rel = paths.relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + paths.sep) && !paths.isAbsolute(rel))
}

// What Windows opens as a device in any folder, with or without an extension (`nul.txt` is NUL):
// the superscript digits are in the list too, since Windows reads them as COM1-3 and LPT1-3.
const DEVICE_NAME = /^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]|CONIN\$|CONOUT\$)$/i

/**
 * Why `name` (a subject name, `/`-separated) cannot name a file safely on Windows, or null:
 * `\` is a separator there (`a\..\..\x` climbs out), `:` opens an alternate data stream
 * (`app.exe:hidden` is not app.exe), a device name opens a device instead of a file, and a
 * trailing dot or space is dropped (`app.exe.` opens app.exe: two names, one file).
 */
export function windowsNameProblem(name: string): string | null {
  if (name.includes('\\')) return 'contains "\\", a path separator on Windows'
  if (name.includes(':')) return 'contains ":", which opens an alternate data stream on Windows'
  for (const segment of name.split('/')) {
    // Windows drops the extension and trailing spaces before it looks for a device: `nul .txt` is NUL.
    const stem = segment.split('.')[0].replace(/ +$/, '')
    if (DEVICE_NAME.test(stem)) return `has the segment ${JSON.stringify(segment)}, a reserved device name on Windows`
    if (segment.endsWith('.'))
      return `has the segment ${JSON.stringify(segment)}, which ends in a dot that Windows drops`
    if (segment.endsWith(' '))
      return `has the segment ${JSON.stringify(segment)}, which ends in a space that Windows drops`
  }
  return null
}

/** Why `name` cannot name a file safely on `platform`, or null: only Windows adds rules of its own. */
export function nameProblemOn(name: string, platform: NodeJS.Platform): string | null {
  return platform === 'win32' ? windowsNameProblem(name) : null
}

/** Whether names that differ only in case or normalization are one file on `platform` by default. */
export function foldsNames(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin'
}

/**
 * Pairs of names that are one file on a case-insensitive, normalization-insensitive file system
 * (Windows by default, macOS by default), each pair as [first seen, its twin]. Names are compared
 * in NFC, lower-cased and, separately, upper-cased: either alone misses twins (`ı` and `i` are
 * equal only upper-cased, `ς` and `σ` too; `ß` and `ẞ` only lower-cased). That also
 * pairs `ß` with `ss`, which NTFS keeps apart: refusing them is the safe side.
 */
export function findNameTwins(names: Iterable<string>): Array<[string, string]> {
  const lower = new Map<string, string>()
  const upper = new Map<string, string>()
  const twins: Array<[string, string]> = []
  for (const name of names) {
    const nfc = name.normalize('NFC')
    const l = nfc.toLowerCase().normalize('NFC')
    const u = nfc.toUpperCase().normalize('NFC')
    const twin = lower.get(l) ?? upper.get(u)
    if (twin !== undefined && twin !== name) {
      twins.push([twin, name])
      continue
    }
    lower.set(l, name)
    upper.set(u, name)
  }
  return twins
}

/** "a" and "b", and N more pairs: the twins named in one line. */
export function describeTwins(twins: ReadonlyArray<readonly [string, string]>): string {
  const shown = twins.slice(0, 3).map(([a, b]) => `${JSON.stringify(a)} and ${JSON.stringify(b)}`)
  const more = twins.length > shown.length ? `, and ${twins.length - shown.length} more pair(s)` : ''
  return shown.join('; ') + more
}

/**
 * Refuses, when signing on any OS, names that a verifier on some runner could not check: a name
 * Windows reads otherwise (see windowsNameProblem), and twins that differ only in case or Unicode
 * normalization (one file on Windows and macOS, where a verifier would read it twice). `where`
 * says where the names came from (`path`, a checksum list). A configuration error: sign exits 2.
 */
export function checkSealableNames(names: readonly string[], where: string): void {
  for (const name of names) {
    const why = windowsNameProblem(name)
    if (why !== null) {
      throw new SealError(
        'PATH_UNSAFE',
        `${where}: subject name ${JSON.stringify(name.slice(0, 200))} ${why}; a verifier on Windows would refuse the manifest, so it is not sealed`,
        name
      )
    }
  }
  const twins = findNameTwins(names)
  if (twins.length > 0) {
    throw new SealError(
      'PATH_UNSAFE',
      `${where}: subjects ${describeTwins(twins)} differ only in letter case or Unicode normalization; they are one file on Windows and macOS, so the manifest could not be checked there`,
      twins[0][1]
    )
  }
}
