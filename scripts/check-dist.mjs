// Fails when dist/ is not the bundle of the committed src/: users run dist/, so a stale one ships old code.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-dist-'))
try {
  execFileSync(process.execPath, ['scripts/bundle.mjs', fresh], { stdio: 'inherit' })
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
  console.log(`dist/ is fresh (${want.length} files)`)
} finally {
  fs.rmSync(fresh, { recursive: true, force: true })
}
