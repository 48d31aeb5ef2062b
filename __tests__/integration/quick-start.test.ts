import { test } from '@jest/globals'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as actionsGlob from '@actions/glob'
import { ROOT, TEST_KEY_HEX, tempDir, writeTree } from '../helpers/fixtures.js'
import { runAction } from '../helpers/runner.js'
import { parseSteps, type Step } from '../helpers/workflow-steps.js'

/*
 * The README's quick start and the example workflows, run as a user would copy them: each
 * artifact-seal step through dist/ (the action bundle), the rest simulated with the documented
 * defaults: actions/checkout cleans the workspace and checks the repository out,
 * actions/upload-artifact@v4 drops hidden files unless include-hidden-files is true and stores
 * paths relative to the least common ancestor of its search paths, download-artifact@v4 with a
 * name extracts into the workspace (or `path`).
 */

const COMMIT = '0123456789abcdef0123456789abcdef01234567'
/** What `make dist` builds: source maps, a hidden file, nested folders. */
const BUILD = {
  'dist/index.html': '<html>',
  'dist/js/app.js': 'app()',
  'dist/js/app.js.map': '{}',
  'dist/.nojekyll': '',
  'dist/css/site.css': 'body{}'
}
const REPOSITORY = { 'deploy.sh': '#!/bin/sh\necho deployed\n', Makefile: 'dist:\n', 'src/app.ts': 'app' }

function expand(value: string): string {
  return value
    .replace(/\$\{\{\s*secrets\.ARTIFACT_SEAL_KEY\s*\}\}/g, TEST_KEY_HEX)
    .replace(/\$\{\{\s*github\.event\.workflow_run\.head_sha\s*\}\}/g, COMMIT)
}

/** upload-artifact@v4: its search (@actions/glob, hidden files excluded by default), stored relative to the search paths' common ancestor. */
async function upload(
  workspace: string,
  inputs: Record<string, string>,
  store: Map<string, Map<string, Buffer>>
): Promise<void> {
  process.chdir(workspace)
  const globber = await actionsGlob.create(inputs.path, {
    excludeHiddenFiles: inputs['include-hidden-files'] !== 'true',
    matchDirectories: false
  })
  const files = await globber.glob()
  const roots = globber
    .getSearchPaths()
    .map(p => (fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ? p : path.dirname(p)))
  let root = roots[0]
  while (!roots.every(r => r === root || r.startsWith(root + path.sep))) root = path.dirname(root)
  const artifact = new Map<string, Buffer>()
  for (const file of files) artifact.set(path.relative(root, file), fs.readFileSync(file))
  store.set(inputs.name ?? 'artifact', artifact)
}

function download(workspace: string, inputs: Record<string, string>, store: Map<string, Map<string, Buffer>>): void {
  const artifact = store.get(inputs.name ?? 'artifact')
  assert.ok(artifact, `artifact ${inputs.name} was uploaded`)
  const into = path.resolve(workspace, inputs.path ?? '.')
  for (const [name, bytes] of artifact) {
    fs.mkdirSync(path.dirname(path.join(into, name)), { recursive: true })
    fs.writeFileSync(path.join(into, name), bytes)
  }
}

/** Runs the steps of one job in a fresh workspace; returns what each artifact-seal step did. */
async function runJob(
  steps: Step[],
  store: Map<string, Map<string, Buffer>>,
  env: NodeJS.ProcessEnv
): Promise<{ workspace: string; seal: Awaited<ReturnType<typeof runAction>>[]; deployed: boolean }> {
  const workspace = fs.realpathSync(tempDir('artifact-seal-job-'))
  const cwd = process.cwd()
  const seal = []
  let deployed = false
  try {
    for (const step of steps) {
      const inputs = Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k, expand(v)]))
      if (step.uses?.startsWith('actions/checkout@')) {
        fs.rmSync(workspace, { recursive: true, force: true })
        fs.mkdirSync(workspace)
        writeTree(workspace, REPOSITORY)
      } else if (step.uses?.startsWith('actions/upload-artifact@')) {
        await upload(workspace, inputs, store)
      } else if (step.uses?.startsWith('actions/download-artifact@')) {
        download(workspace, inputs, store)
      } else if (step.uses?.startsWith('acme/artifact-seal@')) {
        const result = await runAction(workspace, inputs, env)
        seal.push(result)
        if (result.exitCode !== 0) break // a failed step stops the job
      } else if (step.run?.startsWith('make dist')) {
        writeTree(workspace, BUILD)
      } else if (step.run?.startsWith('./deploy.sh')) {
        assert.ok(
          fs.existsSync(path.join(workspace, 'deploy.sh')),
          `./deploy.sh exists when it runs (a checkout before it): ${fs.readdirSync(workspace).join(' ')}`
        )
        deployed = true
      }
    }
  } finally {
    process.chdir(cwd)
  }
  return { workspace, seal, deployed }
}

function yamlBlocksAfter(markdown: string, heading: string): string[] {
  const section = markdown.slice(
    markdown.indexOf(heading),
    markdown.indexOf('\n## ', markdown.indexOf(heading) + heading.length)
  )
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1])
}

test('the README quick start works as copied: what is sealed, uploaded and verified agree, and deploy runs', async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const [build, deploy] = yamlBlocksAfter(readme, '## Quick start')
  const store = new Map<string, Map<string, Buffer>>()
  const env = { GITHUB_SHA: COMMIT }
  const sealed = await runJob(parseSteps(build), store, env)
  assert.equal(sealed.seal[0].exitCode, 0, sealed.seal[0].stdout)
  assert.equal(sealed.seal[0].outputs['subject-count'], '4', 'maps are not sealed, the hidden file is')
  assert.deepEqual([...store.get('dist')!.keys()].sort(), [
    'artifact-seal.json',
    'dist/.nojekyll',
    'dist/css/site.css',
    'dist/index.html',
    'dist/js/app.js'
  ])
  const deployed = await runJob(parseSteps(deploy), store, env)
  assert.equal(deployed.seal[0].exitCode, 0, deployed.seal[0].stdout)
  assert.equal(deployed.seal[0].outputs.result, 'verified')
  assert.ok(deployed.deployed)
})

test('build-and-seal.yml and verify-and-deploy.yml work as copied', async () => {
  const read = (name: string) => fs.readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8')
  const store = new Map<string, Map<string, Buffer>>()
  const env = { GITHUB_SHA: COMMIT }
  const sealed = await runJob(parseSteps(read('build-and-seal.yml')), store, env)
  assert.equal(sealed.seal[0].exitCode, 0, sealed.seal[0].stdout)
  assert.ok(store.get('dist')!.has('dist/.nojekyll'), 'the sealed hidden file is uploaded')
  const deployed = await runJob(parseSteps(read('verify-and-deploy.yml')), store, env)
  assert.equal(deployed.seal[0].exitCode, 0, deployed.seal[0].stdout)
  assert.equal(deployed.seal[0].outputs.result, 'verified')
  assert.ok(deployed.deployed)
})

test('the simulation is not vacuous: the old quick start (maps and hidden files uploaded as upload-artifact does) fails', async () => {
  const store = new Map<string, Map<string, Buffer>>()
  const env = { GITHUB_SHA: COMMIT }
  const old = parseSteps(`
- uses: actions/checkout@v4
- run: make dist
- uses: acme/artifact-seal@v1
  with:
    path: dist/**
    key: \${{ secrets.ARTIFACT_SEAL_KEY }}
- uses: actions/upload-artifact@v4
  with:
    name: dist
    path: |
      dist/
      artifact-seal.json
`)
  await runJob(old, store, env)
  const verify = await runJob(
    parseSteps(`
- uses: actions/download-artifact@v4
  with:
    name: dist
- uses: acme/artifact-seal@v1
  with:
    mode: verify
    path: dist/**
    key: \${{ secrets.ARTIFACT_SEAL_KEY }}
`),
    store,
    env
  )
  assert.equal(verify.seal[0].exitCode, 1)
  assert.match(verify.seal[0].stdout, /FILE_MISSING.*dist\/\.nojekyll/)
})
