import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Minimatch } from 'minimatch'
import { describeFsError, SealError } from './errors.js'
import { isInside } from './names.js'

/*
 * The @actions/glob pattern language (the one users know from upload-artifact and cache), matched
 * by a faster walker. The matching rules below are a port of @actions/glob 0.7's Pattern and
 * pattern helper, down to its quirks, with the same minimatch options; a differential test runs
 * both over a corpus of patterns. What is different is only the walk: one synchronous readdir with
 * file types per directory instead of an async stat per entry, a stat only for symbolic links, a
 * realpath only for symlinked directories, and nothing printed (@actions/glob writes `::debug::`
 * lines to stdout, which corrupts the CLI's output and --json).
 *
 * The options are fixed to what subjects need: files only (matchDirectories false), implicit
 * descendants, symbolic links followed (but never out of base-dir, and no directory twice). A
 * broken symbolic link that the patterns match is an error (all of them named), or omitted with
 * `omitBrokenLinks` (@actions/glob's omitBrokenSymbolicLinks); one that they exclude is skipped,
 * as @actions/glob's default skips it: an excluded path can never be a result.
 */

const SEP = path.sep
const IS_WINDOWS = process.platform === 'win32'

// dot: hidden files match; nobrace/noext: @actions/glob does not expand {a,b} or +(a|b).
const MINIMATCH_OPTIONS = {
  dot: true,
  nobrace: true,
  nocase: IS_WINDOWS,
  nocomment: true,
  noext: true,
  nonegate: true
} as const

const MATCH_DIRECTORY = 1
const MATCH_FILE = 2
const MATCH_ALL = MATCH_DIRECTORY | MATCH_FILE

/** Collapses repeated separators (and turns / into \ on Windows). */
function normalizeSeparators(p: string): string {
  if (IS_WINDOWS) {
    const q = p.replace(/\//g, '\\')
    return (/^\\\\+[^\\]/.test(q) ? '\\' : '') + q.replace(/\\\\+/g, '\\')
  }
  return p.replace(/\/\/+/g, '/')
}

/** Drops a trailing separator unless the path is a root. */
function trimTrailingSeparator(p: string): string {
  const q = normalizeSeparators(p)
  if (!q.endsWith(SEP) || q === SEP || (IS_WINDOWS && /^[A-Z]:\\$/i.test(q))) return q
  return q.slice(0, -1)
}

function hasRoot(p: string): boolean {
  const q = normalizeSeparators(p)
  return IS_WINDOWS ? q.startsWith('\\') || /^[A-Z]:/i.test(q) : q.startsWith('/')
}

function dirname(p: string): string {
  return path.dirname(trimTrailingSeparator(p))
}

/** Splits a path into a root followed by plain segments, as @actions/glob's Path does. */
function segmentsOf(p: string): string[] {
  const trimmed = trimTrailingSeparator(p)
  if (!hasRoot(trimmed)) return trimmed.split(SEP)
  const segments: string[] = []
  let remaining = trimmed
  for (let dir = dirname(remaining); dir !== remaining; dir = dirname(remaining)) {
    segments.unshift(path.basename(remaining))
    remaining = dir
  }
  segments.unshift(remaining)
  return segments
}

function joinSegments(segments: readonly string[]): string {
  let result = segments[0]
  let skipSlash = result.endsWith(SEP)
  for (let i = 1; i < segments.length; i++) {
    if (skipSlash) skipSlash = false
    else result += SEP
    result += segments[i]
  }
  return result
}

/** The literal a pattern segment stands for, or '' when it holds a wildcard or a real character class. */
function literalOf(segment: string): string {
  let literal = ''
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]
    if (c === '\\' && !IS_WINDOWS && i + 1 < segment.length) {
      literal += segment[++i]
      continue
    }
    if (c === '*' || c === '?') return ''
    if (c === '[' && i + 1 < segment.length) {
      let set = ''
      let closed = -1
      for (let j = i + 1; j < segment.length; j++) {
        const d = segment[j]
        if (d === '\\' && !IS_WINDOWS && j + 1 < segment.length) {
          set += segment[++j]
          continue
        }
        if (d === ']') {
          closed = j
          break
        }
        set += d
      }
      if (closed >= 0) {
        if (set.length > 1) return ''
        if (set) {
          literal += set
          i = closed
          continue
        }
      }
    }
    literal += c
  }
  return literal
}

/** Escapes a literal path (the working directory) for use inside a pattern. */
function globEscape(s: string): string {
  return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

function invalid(pattern: string, why: string): never {
  throw new SealError('INPUT_INVALID', `path: invalid pattern ${JSON.stringify(pattern)}: ${why}`, 'path')
}

/** Makes a pattern absolute against `cwd` (or the home directory for `~`). */
function rootPattern(pattern: string, cwd: string): string {
  const literals = segmentsOf(pattern).map(literalOf)
  if (!literals.every((x, i) => (x !== '.' || i === 0) && x !== '..'))
    invalid(pattern, "relative pathing '.' and '..' is not allowed")
  if (hasRoot(pattern) && !literals[0]) invalid(pattern, 'the root segment must not contain globs')
  let p = normalizeSeparators(pattern)
  if (p === '.' || p.startsWith(`.${SEP}`)) p = globEscape(cwd) + p.slice(1)
  else if (p === '~' || p.startsWith(`~${SEP}`)) p = globEscape(os.homedir()) + p.slice(1)
  else if (!hasRoot(p)) {
    const root = globEscape(cwd)
    p = (root.endsWith('/') || (IS_WINDOWS && root.endsWith('\\')) ? root : root + SEP) + p
  }
  return normalizeSeparators(p)
}

class Pattern {
  readonly negate: boolean
  readonly segments: string[]
  readonly trailingSeparator: boolean
  readonly searchPath: string
  private readonly rootRegExp: RegExp
  private readonly minimatch: Minimatch
  private readonly endsInGlobstar: boolean
  /** For `<literal>/**`, the commonest pattern, `<literal>/`: a match is then a prefix test, no minimatch. */
  private readonly globstarPrefix: string | null

  constructor(
    text: string,
    cwd: string,
    readonly isImplicit = false
  ) {
    let pattern = text.trim()
    let negate = false
    while (pattern.startsWith('!')) {
      negate = !negate
      pattern = pattern.slice(1).trim()
    }
    if (!pattern) invalid(text, 'it is empty')
    this.negate = negate
    pattern = rootPattern(pattern, cwd)
    this.segments = segmentsOf(pattern)
    // A trailing separator means "directories only" (and, with implicit descendants, what is below them).
    this.trailingSeparator = normalizeSeparators(pattern).endsWith(SEP)
    pattern = trimTrailingSeparator(pattern)
    let foundGlob = false
    const searchSegments = this.segments.map(literalOf).filter(x => !foundGlob && !(foundGlob = x === ''))
    this.searchPath = joinSegments(searchSegments)
    this.rootRegExp = new RegExp(searchSegments[0].replace(/[[\\^$.|?*+()]/g, '\\$&'), IS_WINDOWS ? 'i' : '')
    this.minimatch = new Minimatch(IS_WINDOWS ? pattern.replace(/\\/g, '/') : pattern, MINIMATCH_OPTIONS)
    this.endsInGlobstar = this.segments[this.segments.length - 1] === '**'
    const literalThenGlobstar = this.endsInGlobstar && searchSegments.length === this.segments.length - 1 && !IS_WINDOWS
    this.globstarPrefix = literalThenGlobstar
      ? this.searchPath.endsWith(SEP)
        ? this.searchPath
        : this.searchPath + SEP
      : null
  }

  /** The same pattern with `/**` appended: what "implicit descendants" adds. */
  descendants(cwd: string): Pattern {
    const text = joinSegments([...this.segments, '**'])
    return new Pattern(this.negate ? `!${text}` : text, cwd, true)
  }

  match(itemPath: string): number {
    let p: string
    if (this.endsInGlobstar) {
      p = normalizeSeparators(itemPath)
      // minimatch does not match `/foo/**` against `/foo` but does against `/foo/`.
      if (!p.endsWith(SEP) && !this.isImplicit) p += SEP
      if (this.globstarPrefix !== null)
        return p.startsWith(this.globstarPrefix) ? (this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL) : 0
    } else {
      p = trimTrailingSeparator(itemPath)
    }
    if (this.minimatch.match(p)) return this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL
    return 0
  }

  /** Whether something below `itemPath` could match, i.e. whether to descend into it. */
  partialMatch(itemPath: string): boolean {
    const p = trimTrailingSeparator(itemPath)
    if (dirname(p) === p) return this.rootRegExp.test(p)
    return this.minimatch.matchOne(p.split(IS_WINDOWS ? /\\+/ : /\/+/), this.minimatch.set[0], true)
  }
}

function matchAll(patterns: readonly Pattern[], itemPath: string): number {
  let result = 0
  for (const pattern of patterns) {
    if (pattern.negate) result &= ~pattern.match(itemPath)
    else result |= pattern.match(itemPath)
  }
  return result
}

function partialMatchAny(patterns: readonly Pattern[], itemPath: string): boolean {
  return patterns.some(x => !x.negate && x.partialMatch(itemPath))
}

/** Search roots: the literal prefix of each including pattern, without duplicates or descendants of another root. */
function searchPaths(patterns: readonly Pattern[]): string[] {
  const including = patterns.filter(x => !x.negate)
  const key = (p: string): string => (IS_WINDOWS ? p.toUpperCase() : p)
  const seen = new Map<string, 'candidate' | 'included'>()
  for (const pattern of including) seen.set(key(pattern.searchPath), 'candidate')
  const result: string[] = []
  for (const pattern of including) {
    const k = key(pattern.searchPath)
    if (seen.get(k) === 'included') continue
    let foundAncestor = false
    for (let temp = k, parent = dirname(temp); parent !== temp; temp = parent, parent = dirname(temp)) {
      if (seen.has(parent)) {
        foundAncestor = true
        break
      }
    }
    if (!foundAncestor) {
      result.push(pattern.searchPath)
      seen.set(k, 'included')
    }
  }
  return result
}

/** Parses newline-separated patterns (blank lines and `#` comments skipped) into the list matched in order. */
function parsePatterns(lines: readonly string[], cwd: string): Pattern[] {
  const patterns: Pattern[] = []
  for (const line of lines.flatMap(l => l.split('\n')).map(l => l.trim())) {
    if (!line || line.startsWith('#')) continue
    const pattern = new Pattern(line, cwd)
    patterns.push(pattern)
    if (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== '**')
      patterns.push(pattern.descendants(cwd))
  }
  return patterns
}

interface Item {
  path: string
  /** The real path when it is known without a realpath call (nothing symlinked on the way). */
  real: string | null
  /** What readdir already told us: 'dir', 'file' (not a directory, not a link), or null to look. */
  kind: 'dir' | 'file' | null
}

function kindOf(entry: fs.Dirent): Item['kind'] {
  if (entry.isDirectory()) return 'dir'
  if (entry.isFile() || entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice())
    return 'file'
  return null // a symbolic link, or a file system that does not report types
}

function unreadable(item: Item, error: unknown): SealError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new SealError(
      'FILE_MISSING',
      `path: ${item.path} is a broken symbolic link (its target does not exist)`,
      item.path
    )
  if (code === 'ELOOP')
    return new SealError('FILE_UNREADABLE', `path: ${item.path}: ${describeFsError(error)}`, item.path)
  return new SealError('FILE_UNREADABLE', `path: cannot read ${item.path}: ${(error as Error).message}`, item.path, {
    cause: error
  })
}

/** What `item` is, following symbolic links: a directory (and whether a link led to it) or anything else; a broken link is an error naming it. */
function look(item: Item): { dir: boolean; linked: boolean } {
  if (item.kind) return { dir: item.kind === 'dir', linked: false }
  try {
    const linked = fs.lstatSync(item.path).isSymbolicLink()
    return { dir: (linked ? fs.statSync(item.path) : fs.lstatSync(item.path)).isDirectory(), linked }
  } catch (error) {
    throw unreadable(item, error)
  }
}

/** Where the walk may go. */
export interface WalkLimits {
  /**
   * The real path of base-dir: a symbolic link to a directory whose real path lies outside it is
   * refused, not walked (`ln -s /sys dist/s` would otherwise walk the whole of /sys).
   */
  within?: string
  /**
   * base-dir as given (resolved, not real). A directory below it (or below `within`) whose real
   * path is outside `within` is refused even when lstat does not call it a link: a Windows junction, or a Unix
   * link seen through Wine, is a directory to lstat and only the OS's realpath sees where it goes.
   */
  base?: string
  /** Leave broken symbolic links out instead of failing on them (@actions/glob's omitBrokenSymbolicLinks). */
  omitBrokenLinks?: boolean
}

/** Symbolic links the patterns match whose targets do not exist; every one of them, not only the first. */
export class BrokenLinksError extends SealError {
  constructor(readonly paths: readonly string[]) {
    const shown = paths.slice(0, 10).join(', ') + (paths.length > 10 ? `, … and ${paths.length - 10} more` : '')
    super(
      'FILE_MISSING',
      `path: ${paths.length === 1 ? `${paths[0]} is a broken symbolic link` : `${paths.length} broken symbolic links`} (target does not exist)${paths.length === 1 ? '' : `: ${shown}`}; exclude with a ! pattern or set omit-broken-symbolic-links`,
      paths[0]
    )
  }
}

function isBrokenLink(error: unknown): boolean {
  return error instanceof SealError && error.code === 'FILE_MISSING'
}

/**
 * Absolute paths of the files (not directories) that @actions/glob patterns match, in walk order.
 * Patterns are relative to `cwd`; a path through a symbolic link is reported as that path, not as
 * the link's target. Prints nothing.
 */
export function globFiles(
  patternLines: readonly string[],
  cwd: string = process.cwd(),
  limits: WalkLimits = {}
): string[] {
  const patterns = parsePatterns(patternLines, path.resolve(cwd))
  const results: string[] = []
  const stack: Item[] = []
  // Each directory is listed once, by device and inode, however many links lead to it: a cycle
  // ends there, and so do two links per level to the next (exponential when walked as paths).
  const listed = new Set<string>()
  const broken: string[] = []
  for (const root of searchPaths(patterns)) {
    try {
      fs.lstatSync(root)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw new SealError('FILE_UNREADABLE', `path: cannot read ${root}: ${(error as Error).message}`, root, {
        cause: error
      })
    }
    stack.unshift({ path: root, real: null, kind: null })
  }
  while (stack.length > 0) {
    const item = stack.pop() as Item
    const match = matchAll(patterns, item.path)
    const partial = match !== 0 || partialMatchAny(patterns, item.path)
    if (!partial) continue
    let looked: { dir: boolean; linked: boolean }
    try {
      looked = look(item)
    } catch (error) {
      if (!isBrokenLink(error)) throw error
      // Excluded, or only on the way to a match: it can never be a result, so it is never an error.
      if (match & MATCH_FILE && !limits.omitBrokenLinks) broken.push(item.path)
      continue
    }
    const { dir, linked } = looked
    if (!dir) {
      if (match & MATCH_FILE) results.push(item.path)
      continue
    }
    let real: string
    let id: string
    try {
      real = item.real ?? fs.realpathSync.native(item.path)
      const stats = fs.statSync(item.path, { bigint: true })
      id = `${stats.dev}:${stats.ino}`
    } catch (error) {
      throw unreadable(item, error)
    }
    if (limits.within !== undefined && !isInside(limits.within, real)) {
      if (linked)
        throw new SealError(
          'PATH_UNSAFE',
          `path: ${item.path} is a symbolic link to ${real}, outside base-dir ${limits.within}; it is not followed`,
          item.path
        )
      if ((limits.base !== undefined && isInside(limits.base, item.path)) || isInside(limits.within, item.path)) {
        throw new SealError(
          'PATH_UNSAFE',
          `path: ${item.path} resolves to ${real}, outside base-dir ${limits.within} (a link or junction on the way); it is not followed`,
          item.path
        )
      }
    }
    if (listed.has(id)) continue
    listed.add(id)
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(item.path, { withFileTypes: true })
    } catch (error) {
      throw new SealError('FILE_UNREADABLE', `path: cannot list ${item.path}: ${(error as Error).message}`, item.path, {
        cause: error
      })
    }
    // Parents are already normalized and names hold no separator, so plain concatenation is path.join.
    const prefix = item.path.endsWith(SEP) ? item.path : item.path + SEP
    const realPrefix = real.endsWith(SEP) ? real : real + SEP
    // Pushed in reverse so that the walk order is readdir's order, as in @actions/glob.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]
      const kind = kindOf(entry)
      stack.push({ path: prefix + entry.name, real: kind === 'dir' ? realPrefix + entry.name : null, kind })
    }
  }
  if (broken.length > 0) throw new BrokenLinksError(broken)
  return results
}

/**
 * The including patterns (as written) that match none of `files` (a walk's result, exclusions
 * already applied):
 * `dsit/**` beside `dist/**` checks nothing, and saying so is how verify fails closed.
 */
export function unmatchedPatterns(
  patternLines: readonly string[],
  files: readonly string[],
  cwd: string = process.cwd()
): string[] {
  const root = path.resolve(cwd)
  const unmatched: string[] = []
  for (const line of patternLines.flatMap(l => l.split('\n')).map(l => l.trim())) {
    if (!line || line.startsWith('#') || line.startsWith('!')) continue
    const own = parsePatterns([line], root)
    if (!files.some(file => matchAll(own, file) & MATCH_FILE)) unmatched.push(line)
  }
  return unmatched
}
