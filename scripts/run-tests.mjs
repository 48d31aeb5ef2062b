// Runs every compiled test file with node's test runner. Files are listed here rather than by a
// glob in package.json because Node 20 and Node 24 read `node --test` arguments differently.
// `npm test -- unit/dsse` runs only the files whose path contains one of the arguments.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const root = 'build/__tests__'
const filters = process.argv.slice(2)
const files = fs
  .readdirSync(root, { recursive: true })
  .map(f => path.join(root, String(f)))
  .filter(f => f.endsWith('.test.js'))
  .filter(f => filters.length === 0 || filters.some(x => f.includes(x)))
  .sort()
if (files.length === 0) {
  console.error(`no test files under ${root}${filters.length ? ` matching ${filters.join(', ')}` : ''}`)
  process.exit(1)
}
// Run the tests on the Node that runs npm, so that `npm test` tests the machine's Node and
// `npm run test:node24` (.cache/node24 first on PATH, so npm runs on it) tests Node 24.
const node = process.env.npm_node_execpath || process.execPath
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
console.log(`node ${version} (${node}): ${files.length} test files`)
const result = spawnSync(node, ['--test', '--test-concurrency=4', '--test-reporter=spec', ...files], { stdio: 'inherit' })
process.exit(result.status ?? 1)
