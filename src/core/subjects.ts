import * as path from 'node:path'
import * as glob from '@actions/glob'
import { SealError } from './errors.js'

/** C0 control characters and DEL (NUL has its own message). */
const CONTROL_CHAR = /[\x01-\x1f\x7f]/

/** Longest subject name we accept; Linux's PATH_MAX. */
export const MAX_NAME_LENGTH = 4096

/**
 * The path rules for a subject name, applied when signing and again when verifying: a relative
 * POSIX path of plain segments. Backslashes are split on as well, so that a name cannot climb out
 * of base-dir on Windows either.
 */
export function checkSubjectName(name: string, where: string): void {
  const refuse = (why: string): never => {
    // `where` may be a file path holding the very control characters refused here: escape them.
    const at = where.replace(/[\x00-\x1f\x7f]/g, c => JSON.stringify(c).slice(1, -1))
    throw new SealError('PATH_UNSAFE', `${at}: subject name ${JSON.stringify(name.slice(0, 200))} ${why}`, name)
  }
  if (name.length === 0) refuse('is empty')
  if (name.length > MAX_NAME_LENGTH) refuse(`is longer than ${MAX_NAME_LENGTH} characters`)
  if (name.includes('\0')) refuse('contains a NUL byte')
  // A newline or escape in a name would forge lines in logs, summaries and sha256sum lists.
  if (CONTROL_CHAR.test(name)) refuse('contains a control character')
  // A lone surrogate is written to the filesystem as U+FFFD: two names would open one file.
  if (name.includes('\uFFFD') || /\p{Cs}/u.test(name)) refuse('is not valid UTF-8')
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) refuse('is absolute')
  for (const segment of name.split(/[/\\]/)) {
    if (segment === '..') refuse('contains ".."')
    if (segment === '.' || segment === '') refuse('is not a normalized relative path')
  }
}

/** Orders names by their UTF-8 bytes, the order of `LC_ALL=C sort`, so any tool can reproduce it. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** The subject name of `file` relative to `baseDir`, or an error naming the file if it lies outside. */
export function subjectNameFor(baseDir: string, file: string): string {
  const rel = path.relative(baseDir, file)
  if (rel === '' || rel.startsWith('..' + path.sep) || rel === '..' || path.isAbsolute(rel)) {
    throw new SealError('PATH_UNSAFE', `${file} is outside base-dir ${baseDir}`, file)
  }
  const name = rel.split(path.sep).join('/')
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

/**
 * Files matched by @actions/glob patterns (the language users know from upload-artifact and
 * cache: `!` excludes, `**`, hidden files included), as sorted subject names relative to baseDir.
 * `exclude` holds absolute paths never to return (the manifest itself).
 */
export async function findSubjects(patterns: string[], baseDir: string, exclude: string[] = []): Promise<string[]> {
  if (patterns.length === 0) throw new SealError('INPUT_INVALID', 'path has no patterns', 'path')
  let files: string[]
  try {
    const globber = await glob.create(patterns.join('\n'), {
      matchDirectories: false,
      implicitDescendants: true,
      followSymbolicLinks: true,
      omitBrokenSymbolicLinks: false
    })
    files = await globber.glob()
  } catch (error) {
    throw new SealError('FILE_UNREADABLE', `path: ${(error as Error).message}`, 'path', { cause: error })
  }
  const skip = new Set(exclude.map(p => path.resolve(p)))
  const names = new Set<string>()
  for (const file of files) {
    if (skip.has(path.resolve(file))) continue
    names.add(subjectNameFor(baseDir, file))
  }
  return [...names].sort(compareNames)
}
