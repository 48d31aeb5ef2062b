import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIST_CLI } from './fixtures.js'
import { collect, type ProcessResult } from './runner.js'

/**
 * As root, permission bits do not deny reads or writes (CAP_DAC_OVERRIDE), so chmod 000 proves
 * nothing. Tests that need a real "permission denied" run the CLI as this user instead; as any
 * other user they run it as themselves and chmod works.
 */
export const NOBODY = 65534
export const isRoot = process.getuid?.() === 0

/** Makes `dir` and everything below readable (and directories traversable) by any user. */
export function openToAll(dir: string): void {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = path.join(entry.parentPath, entry.name)
    if (!entry.isSymbolicLink()) fs.chmodSync(p, entry.isDirectory() ? 0o755 : 0o644)
  }
}

/**
 * Runs the bundled CLI in `cwd`, as `nobody` when this process is root (so permission bits
 * apply), and with a file size limit (RLIMIT_FSIZE, in KiB, set by the shell's ulimit) if asked.
 */
export function runCliRestricted(cwd: string, args: string[], env: NodeJS.ProcessEnv, options: { fileSizeLimitKiB?: number; unprivileged?: boolean } = {}): Promise<ProcessResult> {
  const asNobody = options.unprivileged && isRoot
  const command = options.fileSizeLimitKiB ? '/bin/sh' : process.execPath
  // The shell sets the limit and execs node, which ignores SIGXFSZ, so a write past it fails with EFBIG.
  const argv = options.fileSizeLimitKiB
    ? ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, DIST_CLI, ...args]
    : [DIST_CLI, ...args]
  return collect(command, argv, { cwd, env: { PATH: process.env.PATH, ...env }, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) })
}
