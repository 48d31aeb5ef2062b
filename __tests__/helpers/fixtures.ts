import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file (__tests__/helpers/), which ts-jest runs as it is. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/**
 * The bundles the integration tests run: scripts/test.mjs builds them from the source under
 * test into build/dist, never a stale dist/; posttest (check-dist) then requires the committed
 * dist/ to be these very bytes.
 */
export const BUNDLE = path.join(ROOT, 'build', 'dist')
export const DIST_ACTION = path.join(BUNDLE, 'index.js')
export const DIST_CLI = path.join(BUNDLE, 'cli', 'index.js')

/** A fixed 32-byte test key (hex). Never a real key. */
export const TEST_KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'
export const OTHER_KEY_HEX = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f'

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'artifact-seal-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Writes files given as { 'relative/name': content } below `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
  }
}

/** Every file below `dir`, relative, sorted. */
export function listTree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => !e.isDirectory())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}
