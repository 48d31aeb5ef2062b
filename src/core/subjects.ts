import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { SealError } from './errors.js'
import { globFiles, unmatchedPatterns } from './glob.js'
import { isInside } from './names.js'

/**
 * C0 control characters but newline, DEL and C1 controls (NUL has its own message). A newline is allowed
 * because coreutils lists can carry it (escaped); every message that prints a name escapes it
 * (see oneLine), as do our sha256sum lists and the job summary.
 */
const CONTROL_CHAR = /[\x01-\x09\x0b-\x1f\x7f-\x9f]/

/** Longest subject name we accept; Linux's PATH_MAX. */
export const MAX_NAME_LENGTH = 4096

/**
 * The path rules for a subject name, applied when signing and again when verifying: a relative
 * POSIX path of plain segments. Backslashes are split on as well, so that a name cannot climb out
 * of base-dir on Windows either. What Windows and macOS add (device names, `:`, case twins) is in
 * names.ts: sign applies it on every OS, verify on the OS it concerns.
 */
export function checkSubjectName(name: string, where: string): void {
  const refuse = (why: string): never => {
    // SealError escapes control characters, in `where` (a file path) as in the name.
    throw new SealError('PATH_UNSAFE', `${where}: subject name ${JSON.stringify(name.slice(0, 200))} ${why}`, name)
  }
  if (name.length === 0) refuse('is empty')
  if (name.length > MAX_NAME_LENGTH) refuse(`is longer than ${MAX_NAME_LENGTH} characters`)
  if (name.includes('\0')) refuse('contains a NUL byte')
  // A carriage return or escape sequence would rewrite what a terminal shows; nothing needs them.
  if (CONTROL_CHAR.test(name)) refuse('contains a control character')
  // A lone surrogate is written to the filesystem as U+FFFD: two names would open one file.
  if (name.includes('\uFFFD') || /\p{Cs}/u.test(name)) refuse('is not valid UTF-8')
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) refuse('is absolute')
  for (const segment of name.split(/[/\\]/)) {
    if (segment === '..') refuse('contains ".."')
    if (segment === '.' || segment === '') refuse('is not a normalized relative path')
  }
}

/**
 * Orders names by their UTF-8 bytes, the order of `LC_ALL=C sort`, so any tool can reproduce it.
 * Compared by UTF-16 code units without encoding (100,000 names sort in a blink): the orders
 * agree except that a surrogate (a code point above U+FFFF) must sort after U+E000..U+FFFF.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000
    return x < y ? -1 : 1
  }
  return a.length - b.length
}

/**
 * The name of `file` relative to `root` (always with `/`), or null when it is not below it.
 * `paths` is the platform's path module (path.win32 in tests of Windows rules).
 */
function relativeName(root: string, file: string, paths: path.PlatformPath): string | null {
  if (paths.sep === '/') {
    // Walked paths are absolute and normalized: below base-dir a name is a plain suffix, no path.relative needed.
    const prefix = root.endsWith('/') ? root : root + '/'
    return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : null
  }
  const rel = paths.relative(root, file)
  return rel === '' || !isInside(root, file, paths) ? null : rel.split(paths.sep).join('/')
}

/** The subject name of `file` relative to `baseDir` (always with `/`), or an error naming the file if it lies outside. */
export function subjectNameFor(baseDir: string, file: string, paths: path.PlatformPath = path): string {
  const name = relativeName(baseDir, file, paths)
  if (name === null) throw new SealError('PATH_UNSAFE', `${file} is outside base-dir ${baseDir}`, file)
  checkSubjectName(name, file)
  return name
}

/** Splits a newline-separated pattern input into patterns, dropping blanks and comments. */
export function splitPatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line.length > 0 && !line.startsWith('#'))
}

/** How findSubjects walks, beyond the patterns. */
export interface FindOptions {
  /** Leave broken symbolic links out instead of failing on them (omit-broken-symbolic-links). */
  omitBrokenLinks?: boolean
  /**
   * Every including pattern must match a file (verify's unlisted check: a pattern that matches
   * nothing checks nothing). Without it only the whole list must match something (sign).
   */
  eachPatternMatches?: boolean
}

/** Where relative patterns start, as every message about a pattern says it. */
export function relativeTo(cwd: string): string {
  return `patterns are relative to ${path.resolve(cwd)}`
}

/** The patterns as one quoted, comma-separated list for a message. */
export function quotePatterns(patterns: readonly string[]): string {
  return patterns.map(p => `'${p}'`).join(', ')
}

/**
 * Files matched by @actions/glob patterns (the language users know from upload-artifact and
 * cache: `!` excludes, `**`, hidden files included), as sorted subject names relative to baseDir.
 * `exclude` holds absolute paths never to return (the manifest itself). Patterns are relative to
 * `cwd` (the working directory, as in @actions/glob); the walk never follows a link out of base-dir.
 * Matching no file is NO_FILES, and a file outside base-dir INPUT_INVALID: both are the
 * configuration, named with the folder the patterns are relative to.
 */
export async function findSubjects(
  patterns: string[],
  baseDir: string,
  exclude: string[] = [],
  cwd: string = process.cwd(),
  options: FindOptions = {}
): Promise<string[]> {
  if (patterns.length === 0) throw new SealError('INPUT_INVALID', 'path has no patterns', 'path')
  const base = path.resolve(baseDir)
  // fs.promises.realpath asks the OS, as realpathSync.native does. A path may be spelled either
  // way: on macOS base-dir /var/folders/x is /private/var/folders/x, and the working directory
  // (getcwd) and so the walked paths are the real one; on Windows RUNNER~1 is runneradmin.
  const realBase = await fs.realpath(base)
  const files = globFiles(patterns, cwd, { base, within: realBase, omitBrokenLinks: options.omitBrokenLinks })
  const roots = realBase === base ? [base] : [base, realBase]
  const nameOf = (file: string): string | null => {
    for (const root of roots) {
      const name = relativeName(root, file, path)
      if (name !== null) return name
    }
    return null
  }
  const skip = new Set(exclude.map(p => nameOf(path.resolve(p))))
  const kept = files.filter(file => !skip.has(nameOf(file)))
  const unmatched = options.eachPatternMatches
    ? unmatchedPatterns(patterns, kept, cwd)
    : kept.length === 0
      ? patterns
      : []
  if (unmatched.length > 0) {
    throw new SealError(
      'NO_FILES',
      `path matched no files: ${quotePatterns(unmatched)} (${relativeTo(cwd)}; base-dir is ${base})`,
      'path'
    )
  }
  const names = new Set<string>()
  for (const file of kept) {
    const name = nameOf(file)
    // A plain path outside base-dir (links out are refused by the walk): the patterns look elsewhere.
    if (name === null)
      throw new SealError(
        'INPUT_INVALID',
        `path matches ${file}, outside base-dir ${base} (${relativeTo(cwd)})`,
        'path'
      )
    checkSubjectName(name, file)
    names.add(name)
  }
  return [...names].sort(compareNames)
}
