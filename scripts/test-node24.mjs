// `npm run test:node24`: npm test again under Node 24 (Linux x64, fetched into .cache/node24 by
// scripts/fetch-node.mjs): npm runs on the first node on PATH, and run-tests.mjs tests that one.
import { execFileSync, spawnSync } from 'node:child_process'
import * as path from 'node:path'

execFileSync(process.execPath, ['scripts/fetch-node.mjs', 'node24'], { stdio: 'inherit' })
const bin = path.resolve('.cache/node24/bin')
const result = spawnSync('npm', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }
})
process.exit(result.status ?? 1)
