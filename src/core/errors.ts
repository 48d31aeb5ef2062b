/**
 * Typed errors. Every error names its subject (an input, a file, a manifest field) so that the
 * one line a user sees says what to fix; callers and tests match on `code`, never on text.
 */

/** What a subject's row in a verify report says about it. */
export type SubjectStatus = 'verified' | 'mismatch' | 'missing' | 'unreadable' | 'unsafe' | 'unlisted' | 'conflict'

/**
 * What a code means, for everything that derives from it: `thrown` codes are SealError codes
 * (they stop an operation); `problem` codes appear in a verify report; `status` is what a file
 * check that failed with this code shows for the file; `exit` says whether stopping on it is a
 * failed verification (exit 1) or bad usage or configuration (exit 2).
 */
interface CodeRow {
  readonly thrown?: true
  readonly problem?: true
  readonly status?: Exclude<SubjectStatus, 'verified'>
  readonly exit: 'verification' | 'configuration'
}

/** Every code, once. A new kind of failure is one row here. */
export const CODES = {
  INPUT_INVALID: { thrown: true, exit: 'configuration' }, // an input, flag or option has a bad value
  KEY_INVALID: { thrown: true, exit: 'configuration' }, // a key could not be decoded or is too short
  KEY_SOURCE: { thrown: true, exit: 'configuration' }, // a key store refused or failed
  NO_FILES: { thrown: true, exit: 'configuration' }, // the patterns matched nothing
  WRITE_FAILED: { thrown: true, exit: 'configuration' }, // the manifest or another output could not be written
  REMOTE: { thrown: true, exit: 'configuration' }, // a remote service (GitHub) failed
  RELEASE_IMMUTABLE: { thrown: true, exit: 'configuration' }, // a published immutable release cannot take assets
  MANIFEST_INVALID: { thrown: true, problem: true, exit: 'verification' }, // the manifest could not be read or parsed, or has the wrong shape
  MANIFEST_TOO_LARGE: { thrown: true, problem: true, exit: 'verification' }, // the manifest is larger than we are willing to parse
  PATH_UNSAFE: { thrown: true, problem: true, status: 'unsafe', exit: 'verification' }, // a name is absolute, has `..`, or resolves outside base-dir
  FILE_MISSING: { thrown: true, problem: true, status: 'missing', exit: 'verification' }, // a listed file does not exist
  FILE_UNREADABLE: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a file could not be opened or read
  FILE_NOT_REGULAR: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a directory, FIFO, socket or device where a file was expected
  FILE_CHANGED: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a file changed while it was being hashed
  SIGNATURE_INVALID: { problem: true, exit: 'verification' },
  STATEMENT_INVALID: { problem: true, exit: 'verification' },
  REPOSITORY_MISMATCH: { problem: true, exit: 'verification' },
  COMMIT_MISMATCH: { problem: true, exit: 'verification' },
  EXPIRED: { problem: true, exit: 'verification' },
  TOO_OLD: { problem: true, exit: 'verification' },
  CREATED_IN_FUTURE: { problem: true, exit: 'verification' },
  REF_MISMATCH: { problem: true, exit: 'verification' },
  WORKFLOW_MISMATCH: { problem: true, exit: 'verification' },
  EVENT_MISMATCH: { problem: true, exit: 'verification' },
  RUNNER_MISMATCH: { problem: true, exit: 'verification' },
  DIGEST_MISMATCH: { problem: true, status: 'mismatch', exit: 'verification' },
  UNLISTED_FILE: { problem: true, status: 'unlisted', exit: 'verification' },
  SUBJECT_NOT_LISTED: { problem: true, exit: 'verification' }, // a subjects pattern matches no listed subject
  SUBJECT_CONFLICT: { problem: true, status: 'conflict', exit: 'verification' } // two merged parts list one name with different digests
} as const satisfies Record<string, CodeRow>

type Codes = typeof CODES
/** Codes for errors that stop an operation before it can produce a result. */
export type SealErrorCode = { [K in keyof Codes]: Codes[K] extends { thrown: true } ? K : never }[keyof Codes]
/** Why verification failed; one code per kind of problem, so callers match on codes. */
export type ProblemCode = { [K in keyof Codes]: Codes[K] extends { problem: true } ? K : never }[keyof Codes]

const row = (code: string): CodeRow | undefined => (CODES as Record<string, CodeRow>)[code]

/** Whether `code` can appear in a verify report. */
export function isProblemCode(code: string): code is ProblemCode {
  return row(code)?.problem === true
}

/** What a failed file check shows: the file's status and the problem's code (FILE_UNREADABLE for a code with no status). */
export function fileFailure(code: SealErrorCode): { status: Exclude<SubjectStatus, 'verified'>; code: ProblemCode } {
  const status = row(code)?.status
  return status && isProblemCode(code) ? { status, code } : { status: 'unreadable', code: 'FILE_UNREADABLE' }
}

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
  return text.replace(
    /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    c => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
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
 * Whether an error that stopped a verify (or a merge) is a failed verification (exit 1: the
 * manifest or the files failed the check) rather than bad usage or configuration (exit 2).
 */
export function isVerificationFailure(error: unknown): boolean {
  return error instanceof SealError && row(error.code)?.exit === 'verification'
}

/** A problem for a report from anything thrown: `code` when given, else the error's own code when it is a problem code, else MANIFEST_INVALID. */
export function problemFromError(
  error: unknown,
  code?: ProblemCode
): { code: ProblemCode; message: string; subject?: string } {
  if (error instanceof SealError)
    return {
      code: code ?? (isProblemCode(error.code) ? error.code : 'MANIFEST_INVALID'),
      message: error.message,
      subject: error.subject
    }
  return { code: code ?? 'MANIFEST_INVALID', message: oneLine(String(error)) }
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
