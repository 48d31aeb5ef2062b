import * as fs from 'node:fs'
import * as os from 'node:os'
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

/** Whether every user may reach `file`: each folder above it searchable by others, the file itself readable and executable. */
function openToOthers(file: string): boolean {
  const real = fs.realpathSync(file)
  if ((fs.statSync(real).mode & 0o005) !== 0o005) return false
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false
    if (dir === path.dirname(dir)) return true
  }
}

let copies: { node: string; cli: string } | undefined

/**
 * The CLI bundle, and Node when it lives in the clone (.cache/node24), copied where
 * `nobody` can read them: a clone under a folder only its owner may enter (as `mktemp -d` makes
 * them, mode 0700) is closed to other users, and the CLI would fail with MODULE_NOT_FOUND.
 */
function copiesForNobody(): { node: string; cli: string } {
  if (copies) return copies
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-bundle-'))
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  fs.cpSync(path.dirname(DIST_CLI), path.join(dir, 'cli'), { recursive: true })
  let node = process.execPath
  if (!openToOthers(node)) {
    node = path.join(dir, 'node')
    fs.copyFileSync(process.execPath, node)
  }
  openToAll(dir)
  const cli = path.join(dir, 'cli', path.basename(DIST_CLI))
  for (const file of [node, cli]) if (file.startsWith(dir)) fs.chmodSync(file, 0o755)
  copies = { node, cli }
  return copies
}

/**
 * Runs the bundled CLI in `cwd`, as `nobody` when this process is root (so permission bits
 * apply), and with a file size limit (RLIMIT_FSIZE, in KiB, set by the shell's ulimit) if asked.
 */
export function runCliRestricted(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { fileSizeLimitKiB?: number; unprivileged?: boolean } = {}
): Promise<ProcessResult> {
  const asNobody = options.unprivileged && isRoot
  const { node, cli } = asNobody ? copiesForNobody() : { node: process.execPath, cli: DIST_CLI }
  const command = options.fileSizeLimitKiB ? '/bin/sh' : node
  // The shell sets the limit and execs node, which ignores SIGXFSZ, so a write past it fails with EFBIG.
  const argv = options.fileSizeLimitKiB
    ? ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, node, cli, ...args]
    : [cli, ...args]
  return collect(command, argv, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {})
  })
}
