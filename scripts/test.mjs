// `npm test`: lint, format check, then jest on the Node that runs npm.
// `npm test -- unit/dsse integration/cli` runs only the test files whose path matches one of the
// arguments (jest path patterns) and skips lint and format: that is the quick run while working.
import { spawnSync } from 'node:child_process'

// Under npm, `node` is node_modules/.bin/node, the Node 24 dev dependency, whatever Node runs
// npm: run everything on the Node that runs npm instead, so that `npm test` tests the machine's
// Node and `npm run test:node24` (node24 first on PATH, so npm runs on it) tests Node 24.
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
run(`jest (node ${version}, ${node})`, 'node_modules/jest/bin/jest.js', args, {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ')
})
