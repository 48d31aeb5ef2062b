import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIST_CLI } from './fixtures.js'

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

export interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * Runs the bundled CLI in `cwd`, as `nobody` when this process is root (so permission bits
 * apply), and with a file size limit (RLIMIT_FSIZE, in KiB, set by the shell's ulimit) if asked.
 */
export function runCliRestricted(cwd: string, args: string[], env: NodeJS.ProcessEnv, options: { fileSizeLimitKiB?: number; unprivileged?: boolean } = {}): Promise<CliRun> {
  const asNobody = options.unprivileged && isRoot
  const command = options.fileSizeLimitKiB ? '/bin/sh' : process.execPath
  // The shell sets the limit and execs node, which ignores SIGXFSZ, so a write past it fails with EFBIG.
  const argv = options.fileSizeLimitKiB
    ? ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, DIST_CLI, ...args]
    : [DIST_CLI, ...args]
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {})
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ exitCode: code ?? -1, stdout, stderr }))
  })
}
