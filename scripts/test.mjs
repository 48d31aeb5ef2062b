// `npm test`: lint, format check, the bundle the integration tests run, then jest on the Node
// that runs npm. `npm test -- unit/dsse integration/cli` runs only the test files whose path
// matches one of the arguments (jest path patterns) and skips lint and format: that is the quick
// run while working.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

// Run everything on the Node that runs npm, so that `npm test` tests the machine's Node and
// `npm run test:node24` (.cache/node24 first on PATH, so npm runs on it) tests Node 24.
const node = process.env.npm_node_execpath || process.execPath
const args = process.argv.slice(2)

function run(label, script, scriptArgs, env = process.env) {
  console.log(`== ${label}`)
  const result = spawnSync(node, [script, ...scriptArgs], { stdio: 'inherit', env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
if (args.length === 0) {
  run('eslint', 'node_modules/eslint/bin/eslint.js', ['.', '--max-warnings=0'])
  run('prettier --check', 'node_modules/prettier/bin/prettier.cjs', ['--check', '.'])
}
// The integration tests run the bundles as the runner and a shell would: build them from the
// source under test (build/dist, which posttest's check-dist then compares with dist/), so that
// a stale dist/ is never what passes. A run of unit tests alone skips the bundle's ~10 s.
const files = fs
  .readdirSync('__tests__', { recursive: true })
  .map(f => path.join('__tests__', String(f)).split(path.sep).join('/'))
  .filter(f => f.endsWith('.test.ts'))
const selected =
  args.length === 0 ? files : files.filter(f => args.some(a => !a.startsWith('-') && new RegExp(a).test(f)))
if (selected.some(f => f.startsWith('__tests__/integration/'))) {
  run('bundle (build/dist)', 'scripts/bundle.mjs', ['build/dist'])
}
run(`jest (node ${version}, ${node})`, 'node_modules/jest/bin/jest.js', args, {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ')
})
