/**
 * Typed errors. Every error names its subject (an input, a file, a manifest field) so that the
 * one line a user sees says what to fix; callers and tests match on `code`, never on text.
 */

/** Codes for errors that stop an operation before it can produce a result. */
export type SealErrorCode =
  | 'INPUT_INVALID' // an input, flag or option has a bad value
  | 'KEY_INVALID' // a key could not be decoded or is too short
  | 'KEY_SOURCE' // a key store refused or failed
  | 'NO_FILES' // the patterns matched nothing
  | 'PATH_UNSAFE' // a name is absolute, has `..`, or resolves outside base-dir
  | 'FILE_MISSING' // a listed file does not exist
  | 'FILE_UNREADABLE' // a file could not be opened or read
  | 'FILE_NOT_REGULAR' // a directory, FIFO, socket or device where a file was expected
  | 'FILE_CHANGED' // a file changed while it was being hashed
  | 'MANIFEST_INVALID' // the manifest could not be read or parsed, or has the wrong shape
  | 'MANIFEST_TOO_LARGE' // the manifest is larger than we are willing to parse
  | 'WRITE_FAILED' // the manifest or another output could not be written
  | 'REMOTE' // a remote service (GitHub, cache) failed

/** The one error type the core throws on purpose. */
export class SealError extends Error {
  override readonly name = 'SealError'
  constructor(
    readonly code: SealErrorCode,
    message: string,
    /** What the error is about: an input name, a file path or a manifest field. */
    readonly subject?: string,
    options?: { cause?: unknown }
  ) {
    super(oneLine(message), options)
  }
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with control characters written as JSON escapes (`\n`, `\u001b`): a subject name may
 * hold a newline (coreutils lists can), and printed raw it would forge a line in a log, where the
 * runner reads `::` workflow commands.
 */
export function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, c => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * `text` with the forms the Actions runner reads as workflow commands in any process's output
 * neutralized: `::` opening a line (`::add-mask::`, `::set-env`…) and the older `##[` anywhere in
 * a line. A file named `dist/##[add-mask]x` printed raw by the CLI in a `run:` step would be a
 * command. The escapes read as JSON's (`\u0023` is `#`), so inside a JSON string they decode
 * back to the very name, and --json output stays exact.
 */
export function escapeWorkflowCommands(text: string): string {
  return text.replace(/##\[/g, '#\\u0023[').replace(/^([ \t]*)::/gm, '$1:\\u003a')
}

/**
 * Codes that, when verify stops on them, mean the artifacts or the manifest failed the check
 * (exit 1 in the CLI), not that the user configured something wrong (exit 2).
 */
const VERIFICATION_FAILURES: ReadonlySet<SealErrorCode> = new Set<SealErrorCode>([
  'MANIFEST_INVALID',
  'MANIFEST_TOO_LARGE',
  'FILE_MISSING',
  'FILE_UNREADABLE',
  'FILE_NOT_REGULAR',
  'FILE_CHANGED',
  'PATH_UNSAFE'
])

/** Whether an error that stopped a verify is a failed verification rather than bad usage or configuration. */
export function isVerificationFailure(error: unknown): boolean {
  return error instanceof SealError && VERIFICATION_FAILURES.has(error.code)
}

/** Turns anything thrown into one line for a user; a SealError's message already names its subject. */
export function errorLine(error: unknown): string {
  if (error instanceof SealError) return error.message
  if (error instanceof Error) {
    const errno = error as NodeJS.ErrnoException
    if (errno.code && errno.path) return oneLine(`${errno.code}: ${errno.path}: ${error.message}`)
    return oneLine(error.message || String(error))
  }
  return oneLine(String(error))
}

/** Describes a Node filesystem error in a few words, e.g. "permission denied". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOSPC':
      return 'no space left on device'
    case 'EROFS':
      return 'read-only file system'
    case 'EFBIG':
      return 'file too large (over the file size limit)'
    case 'EDQUOT':
      return 'disk quota exceeded'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    case 'ENOTDIR':
      return 'a parent is not a directory'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    default:
      return code ? code.toLowerCase() : error instanceof Error ? error.message : String(error)
  }
}
