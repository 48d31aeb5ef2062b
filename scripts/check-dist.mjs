// Fails when dist/ is not the bundle of src/: users run dist/, so a stale one ships old code.
// `node scripts/check-dist.mjs DIR` compares with the bundle already built in DIR when there is
// one (npm test's: build/dist, which the integration tests ran), else bundles afresh.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const prebuilt = process.argv[2] && fs.existsSync(process.argv[2]) ? path.resolve(process.argv[2]) : null
const fresh = prebuilt ?? fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-dist-'))
try {
  if (!prebuilt) execFileSync(process.execPath, ['scripts/bundle.mjs', fresh], { stdio: 'inherit' })
  const list = dir =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
      .sort()
  const want = list(fresh)
  const have = fs.existsSync('dist') ? list('dist') : []
  const stale = []
  for (const f of new Set([...want, ...have])) {
    const a = path.join(fresh, f)
    const b = path.join('dist', f)
    if (!fs.existsSync(a)) stale.push(`${f} (not produced by the bundle any more)`)
    else if (!fs.existsSync(b)) stale.push(`${f} (missing)`)
    else if (!fs.readFileSync(a).equals(fs.readFileSync(b))) stale.push(`${f} (differs)`)
  }
  if (stale.length > 0) {
    console.error(`dist/ is not the bundle of src/: ${stale.join(', ')}\nRun: npm run bundle, and commit dist/.`)
    process.exit(1)
  }
  console.log(`dist/ is fresh (${want.length} files${prebuilt ? `, the bundle the tests ran` : ''})`)
} finally {
  if (!prebuilt) fs.rmSync(fresh, { recursive: true, force: true })
}
