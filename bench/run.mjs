// `npm run bench`: times sign and verify (the CLI bundle, and the action bundle through the runner
// contract) against GNU sha256sum with xargs -P <cores> and against the SHA-256 limit that
// `openssl speed` measures, on the workloads of issue 5, and prints a table with PASS/FAIL per
// target. It never fails the build: the exit code is 0 whatever the verdicts (2 if it cannot run).
// Each workload also times bench/floor.mjs, Node doing nothing but start, walk, read and hash on
// every core: each target's line shows that floor beside our figure, so a miss that the floor
// misses too is the platform's, not ours.
//
// Environment: BENCH_DIR (where the temporary folder goes; default the OS temp dir),
// BENCH_REPEAT (runs per measurement, the median is kept; default 3), BENCH_SCALING=0 to skip
// the 1,000 vs 100,000 subjects check. At most one workload (about 1 GiB) is on disk at a time.
import { execFileSync, spawnSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

// Under npm, `node` is node_modules/.bin/node (the Node 24 dev dependency): time the Node that runs npm,
// as `npm test` does; `PATH=.cache/node24/bin:$PATH npm run bench` times Node 24 (scripts/fetch-node.mjs node24).
const NODE = process.env.npm_node_execpath || process.execPath
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const FLOOR = path.join(ROOT, 'bench', 'floor.mjs')
const KEY_HEX = crypto.randomBytes(32).toString('hex')
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))
const CORES = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
const MiB = 1024 * 1024
const GiB = 1024 * MiB
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null

for (const file of [CLI, ACTION]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${path.relative(ROOT, file)} is missing; run npm run bundle first`)
    process.exit(2)
  }
}

const tmp = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'artifact-seal-bench-'))
const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true })
process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})
const keyFile = path.join(tmp, 'key')
fs.writeFileSync(keyFile, KEY_HEX)

// ---- workloads --------------------------------------------------------------------------------

/** Writes `size` bytes of random-looking data (a random block, varied per block) to `file`. */
function writeLargeFile(file, size) {
  const block = crypto.randomBytes(16 * MiB)
  const fd = fs.openSync(file, 'w')
  try {
    for (let written = 0, n = 0; written < size; n++) {
      block.writeUInt32LE(n, 0) // no two blocks alike
      const len = Math.min(block.length, size - written)
      fs.writeSync(fd, block, 0, len)
      written += len
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** `count` files of 1 to 9 KiB spread over `folders` folders. */
function writeSmallFiles(dir, count, folders) {
  const data = crypto.randomBytes(9 * 1024)
  for (let f = 0; f < folders; f++)
    fs.mkdirSync(path.join(dir, `dir-${String(f).padStart(3, '0')}`), { recursive: true })
  for (let i = 0; i < count; i++) {
    const size = 1024 * (1 + (i % 9))
    data.writeUInt32LE(i, 0)
    fs.writeFileSync(
      path.join(dir, `dir-${String(i % folders).padStart(3, '0')}`, `file-${String(i).padStart(6, '0')}.bin`),
      data.subarray(0, size)
    )
  }
}

const WORKLOADS = [
  { id: '1x1GiB', label: 'one 1 GiB file', files: 1, make: dir => writeLargeFile(path.join(dir, 'one.bin'), GiB) },
  {
    id: '4x256MiB',
    label: 'four 256 MiB files',
    files: 4,
    make: dir => {
      for (let i = 0; i < 4; i++) writeLargeFile(path.join(dir, `part-${i}.bin`), 256 * MiB)
    }
  },
  {
    id: '20000x1-9KiB',
    label: '20,000 files of 1–9 KiB in 50 folders',
    files: 20000,
    make: dir => writeSmallFiles(dir, 20000, 50)
  }
]

// ---- running things ---------------------------------------------------------------------------

/** Runs a command once; returns wall seconds and peak RSS in MB (from /usr/bin/time when there). */
function runOnce(command, args, { cwd, env = {}, expectExit = 0 }) {
  const rssFile = path.join(tmp, 'rss')
  const argv = TIME ? ['-f', '%M', '-o', rssFile, command, ...args] : args
  const started = process.hrtime.bigint()
  const r = spawnSync(TIME ?? command, argv, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * MiB
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (r.status !== expectExit) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} exited ${r.status}:\n${String(r.stderr).slice(-2000)}${String(r.stdout).slice(-2000)}`
    )
  }
  const rssMb = TIME ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN
  return { seconds, rssMb }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Runs `REPEAT` times; the median time and the largest peak RSS. */
function measure(fn) {
  const runs = Array.from({ length: REPEAT }, fn)
  return { seconds: median(runs.map(r => r.seconds)), rssMb: Math.max(...runs.map(r => r.rssMb)) }
}

const cliSign = (dir, manifest) =>
  runOnce(NODE, [CLI, 'sign', '--path', '**', '--key-file', keyFile, '--manifest', manifest], { cwd: dir })
const cliVerify = (dir, manifest) =>
  runOnce(NODE, [CLI, 'verify', '--path', '**', '--key-file', keyFile, '--manifest', manifest], { cwd: dir })

/** The action bundle as the runner runs it: INPUT_* variables, GITHUB_OUTPUT and summary files. */
function actionStep(dir, mode, manifest) {
  const output = path.join(tmp, 'github-output')
  const summary = path.join(tmp, 'github-summary')
  fs.writeFileSync(output, '')
  fs.writeFileSync(summary, '')
  const result = runOnce(NODE, [ACTION], {
    cwd: dir,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'acme/bench',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: tmp,
      INPUT_MODE: mode,
      INPUT_PATH: '**',
      INPUT_KEY: KEY_HEX,
      INPUT_MANIFEST: manifest
    }
  })
  const outputs = fs.readFileSync(output, 'utf8')
  if (mode === 'verify' && !/verified/.test(outputs)) throw new Error(`action verify did not verify: ${outputs}`)
  return result
}

/** GNU sha256sum over the same files, split over `CORES` processes by xargs. */
function sha256sum(dir, files) {
  const perProcess = Math.max(1, Math.ceil(files / CORES))
  return runOnce(
    '/bin/sh',
    ['-c', `find . -type f -print0 | xargs -0 -P ${CORES} -n ${perProcess} sha256sum > /dev/null`],
    { cwd: dir }
  )
}

/**
 * SHA-256 bytes per second from `openssl speed` over 16 KiB blocks: on one core, or summed over
 * `processes` processes at once (-multi), which is what several cores really give together (two
 * vCPUs may share one physical core).
 */
function opensslSha256(processes = 1) {
  const multi = processes > 1 ? ['-multi', String(processes)] : []
  const out = execFileSync('openssl', ['speed', ...multi, '-seconds', '3', '-bytes', '16384', '-evp', 'sha256'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const line = out.split('\n').findLast(l => /^sha256\s/i.test(l.trim()))
  const k = line && /([\d.]+)k\s*$/.exec(line.trim())
  if (!k) throw new Error(`cannot read openssl speed output:\n${out}`)
  return Number(k[1]) * 1000
}

// ---- the run ----------------------------------------------------------------------------------

const fmt = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')
const verdict = ok => (ok ? 'PASS' : 'FAIL')
const rows = []
const targets = []

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const kernel = os.release()
  const load = os
    .loadavg()
    .map(x => x.toFixed(2))
    .join(' ')
  const sums = spawnSync('sha256sum', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]
  const ssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout.trim()
  return `${cpu}, ${CORES} cores (availableParallelism), ${(os.totalmem() / GiB).toFixed(0)} GiB RAM, Linux ${kernel}, node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}, ${sums}, ${ssl}; load average at start ${load}`
}

try {
  console.log(`machine: ${machine()}`)
  // One file can only use one core (SHA-256 is sequential); n files can use min(n, cores).
  const limits = new Map()
  const limitFor = files => {
    const processes = Math.min(files, CORES)
    if (!limits.has(processes)) limits.set(processes, opensslSha256(processes))
    return limits.get(processes)
  }
  const limitAll = limitFor(CORES)
  console.log(
    `openssl speed sha256 (16 KiB blocks): ${fmt(limitFor(1) / MiB, 0)} MiB/s on one core, ${fmt(limitAll / MiB, 0)} MiB/s on all ${CORES} together; runs per measurement: ${REPEAT} (median kept)\n`
  )

  for (const w of WORKLOADS) {
    const dir = path.join(tmp, w.id)
    fs.mkdirSync(dir)
    process.stdout.write(`${w.label}: writing… `)
    w.make(dir)
    const bytes = Number(execFileSync('du', ['-sb', '--apparent-size', dir], { encoding: 'utf8' }).split('\t')[0])
    // One untimed pass so that every tool reads from the page cache, as the first one otherwise would not.
    sha256sum(dir, w.files)
    process.stdout.write('timing… ')
    const cliManifest = path.join(tmp, `${w.id}.cli.json`)
    const actionManifest = path.join(tmp, `${w.id}.action.json`)
    const results = {
      'sha256sum -P': measure(() => sha256sum(dir, w.files)),
      // What Node itself allows here: start-up, walk, read and hash on every core, no checks (floor.mjs).
      'node floor': measure(() => runOnce(NODE, [FLOOR, dir], { cwd: dir })),
      'CLI sign': measure(() => cliSign(dir, cliManifest)),
      'CLI verify': measure(() => cliVerify(dir, cliManifest)),
      'action sign': measure(() => actionStep(dir, 'sign', actionManifest)),
      'action verify': measure(() => actionStep(dir, 'verify', actionManifest))
    }
    console.log('done')
    const base = results['sha256sum -P'].seconds
    const limit = limitFor(w.files)
    const floor = results['node floor']
    const floorNote = `node floor ${fmt(floor.seconds / base)}×`
    const floorLimitNote = `node floor ${fmt(bytes / floor.seconds / limit)}`
    for (const [tool, r] of Object.entries(results)) {
      const rate = bytes / r.seconds
      const ours = tool !== 'sha256sum -P' && tool !== 'node floor'
      rows.push({
        workload: w.label,
        tool,
        seconds: r.seconds,
        rate,
        vsSum: ours ? r.seconds / base : NaN,
        ofLimit: rate / limit,
        rssMb: r.rssMb
      })
      if (!ours) continue
      targets.push({
        target: `${w.id} ${tool}: time ≤ 0.5× sha256sum`,
        value: `${fmt(r.seconds / base)}× (${floorNote})`,
        ok: r.seconds <= 0.5 * base
      })
      if (w.files <= 4)
        targets.push({
          target: `${w.id} ${tool}: ≥ 0.8 of the SHA-256 limit`,
          value: `${fmt(rate / limit)} (${floorLimitNote})`,
          ok: rate / limit >= 0.8
        })
      targets.push({ target: `${w.id} ${tool}: peak RSS < 200 MB`, value: `${fmt(r.rssMb, 0)} MB`, ok: r.rssMb < 200 })
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }

  if (process.env.BENCH_SCALING !== '0') {
    // Per-file time with the process start-up (measured with --version) taken off, so that the
    // fixed cost does not flatter the small run.
    const startup = measure(() => runOnce(NODE, [CLI, '--version'], { cwd: tmp })).seconds
    const perFile = {}
    for (const count of [1000, 100000]) {
      const dir = path.join(tmp, `scale-${count}`)
      fs.mkdirSync(dir)
      process.stdout.write(`${count} subjects: writing… `)
      writeSmallFiles(dir, count, 100)
      const manifest = path.join(tmp, `scale-${count}.json`)
      const actionManifest = path.join(tmp, `scale-${count}.action.json`)
      process.stdout.write('timing… ')
      const r = {
        'CLI sign': measure(() => cliSign(dir, manifest)),
        'CLI verify': measure(() => cliVerify(dir, manifest)),
        'action sign': measure(() => actionStep(dir, 'sign', actionManifest)),
        'action verify': measure(() => actionStep(dir, 'verify', actionManifest))
      }
      console.log('done')
      for (const [tool, m] of Object.entries(r)) {
        perFile[`${tool} ${count}`] = Math.max(0, m.seconds - startup) / count
        rows.push({
          workload: `${count.toLocaleString('en')} subjects of 1–9 KiB`,
          tool,
          seconds: m.seconds,
          rate: NaN,
          vsSum: NaN,
          ofLimit: NaN,
          rssMb: m.rssMb
        })
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
    for (const tool of ['CLI sign', 'CLI verify', 'action sign', 'action verify']) {
      const ratio = perFile[`${tool} 100000`] / perFile[`${tool} 1000`]
      targets.push({
        target: `${tool}: time per file at 100,000 ≤ 1.5× at 1,000`,
        value: `${fmt(ratio)}× (${fmt(perFile[`${tool} 1000`] * 1e6, 0)} → ${fmt(perFile[`${tool} 100000`] * 1e6, 0)} µs/file, start-up ${fmt(startup * 1000, 0)} ms off)`,
        ok: ratio <= 1.5
      })
    }
  }

  console.log('\n| workload | tool | time (s) | MiB/s | vs sha256sum | of SHA-256 limit | peak RSS (MB) |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    console.log(
      `| ${r.workload} | ${r.tool} | ${fmt(r.seconds)} | ${fmt(r.rate / MiB, 0)} | ${Number.isFinite(r.vsSum) ? fmt(r.vsSum) + '×' : ''} | ${Number.isFinite(r.ofLimit) ? fmt(r.ofLimit) : ''} | ${fmt(r.rssMb, 0)} |`
    )
  }
  console.log('\n| target | measured | verdict |')
  console.log('| --- | --- | --- |')
  for (const t of targets) console.log(`| ${t.target} | ${t.value} | ${verdict(t.ok)} |`)
  const failed = targets.filter(t => !t.ok).length
  console.log(
    `\n${targets.length - failed} of ${targets.length} targets met${failed ? `; ${failed} missed (reported, not fatal)` : ''}.`
  )
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
} finally {
  cleanup()
}
