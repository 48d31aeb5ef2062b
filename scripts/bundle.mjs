// Builds the committed bundles users run: dist/ for the action, dist/cli/ for the command line.
// `node scripts/bundle.mjs OUTDIR` builds into OUTDIR instead (check-dist compares the two).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const out = path.resolve(process.argv[2] ?? 'dist')
const ncc = path.resolve('node_modules/@vercel/ncc/dist/ncc/cli.js')
const entries = [
  ['src/action/index.ts', out],
  ['src/cli/index.ts', path.join(out, 'cli')]
]
fs.rmSync(out, { recursive: true, force: true })
// Source maps are emitted but not registered at start-up: source-map-support costs 10-20 ms on
// every run, our errors are one line with no stack, and NODE_OPTIONS=--enable-source-maps makes
// Node map a stack through the same .map files when a maintainer needs one.
const flags = ['--source-map', '--no-source-map-register', '--license', 'licenses.txt', '--quiet']
for (const [entry, dir] of entries) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, ...flags], {
    stdio: 'inherit'
  })
}
// The CLI bundle is the package's bin: it must start with its shebang and be executable.
const cli = path.join(out, 'cli', 'index.js')
const text = fs.readFileSync(cli, 'utf8')
if (!text.startsWith('#!')) fs.writeFileSync(cli, '#!/usr/bin/env node\n' + text)
fs.chmodSync(cli, 0o755)
