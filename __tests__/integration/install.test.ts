import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { collect } from '../helpers/runner.js'

// The package as a user gets it: `npm pack`, then `npm install -g` of the tarball with no
// registry at all (--offline and an empty cache): dist/ must carry every dependency.
test('the packed tarball installs offline with no dependencies and gives a working artifact-seal', async () => {
  const work = tempDir('artifact-seal-install-')
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        npm_config_cache: path.join(work, 'cache'),
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false'
      }
    })
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT))[0]
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  assert.deepEqual(pkg.dependencies ?? {}, {}, 'no runtime dependencies: dist/ carries them')
  assert.ok(packed.size < 3 * 1024 * 1024, `tarball ${packed.size} bytes`)
  const files: string[] = packed.files.map((f: { path: string }) => f.path)
  assert.ok(files.includes('dist/cli/index.js') && files.includes('action.yml') && files.includes('dist/licenses.txt'))
  assert.ok(!files.some(f => f.startsWith('src/') || f.startsWith('__tests__/') || f.endsWith('.map')), files.join(' '))

  const prefix = path.join(work, 'global')
  const installed = npm(['install', '-g', '--offline', '--prefix', prefix, path.join(work, packed.filename)], work)
  assert.match(installed, /added 1 package/)
  const bin = path.join(prefix, 'bin', 'artifact-seal')
  const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, ARTIFACT_SEAL_KEY: TEST_KEY_HEX }
  const version = await collect(bin, ['--version'], { env, cwd: work })
  assert.equal(version.stdout, `${pkg.version}\n`)

  const project = tempDir()
  writeTree(project, { 'dist/app.js': 'app', 'dist/.nojekyll': '' })
  const sign = await collect(bin, ['sign', '--path', 'dist/**'], { env, cwd: project })
  assert.equal(sign.exitCode, 0, sign.stderr)
  const verify = await collect(bin, ['verify', '--path', 'dist/**'], { env, cwd: project })
  assert.equal(verify.exitCode, 0, verify.stdout + verify.stderr)
  assert.match(verify.stdout, /^verified 2 file\(s\)/m)
})
