// The floor for a workload: the least that any Node program must do to hash every file below a
// folder on this machine, timed by bench/run.mjs as one more tool. It starts Node, walks the
// folder, and reads and hashes every file on every core (this thread plus a worker per other
// core, each taking every n-th file; a lone large file read ahead of the hash on libuv's pool),
// and prints one digest per file. It checks nothing (no file type, no real path, no change
// while reading), writes no manifest and signs nothing: where even this misses a target, no
// Node implementation of artifact-seal can meet it on this machine.
//
// Usage: node bench/floor.mjs DIR
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'

const CHUNK = 128 * 1024
const AHEAD = 4 * 1024 * 1024

function hashSync(file, buffer) {
  const fd = fs.openSync(file, 'r')
  try {
    // A short first read is the whole file: one read and a one-shot digest, the fastest way here.
    let n = fs.readSync(fd, buffer, 0, buffer.length, null)
    if (n < buffer.length && crypto.hash) return crypto.hash('sha256', buffer.subarray(0, n), 'hex')
    const hash = crypto.createHash('sha256')
    for (; n > 0; n = fs.readSync(fd, buffer, 0, buffer.length, null))
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n))
    return hash.digest('hex')
  } finally {
    fs.closeSync(fd)
  }
}

/** One file alone: the next read fills one buffer on libuv's pool while the hash digests the other. */
async function hashAhead(file) {
  const fd = fs.openSync(file, 'r')
  const read = (buffer, position) =>
    new Promise((resolve, reject) =>
      fs.read(fd, buffer, 0, buffer.length, position, (e, n) => (e ? reject(e) : resolve(n)))
    )
  try {
    const hash = crypto.createHash('sha256')
    const buffers = [Buffer.allocUnsafe(AHEAD), Buffer.allocUnsafe(AHEAD)]
    let turn = 0
    let total = 0
    let pending = read(buffers[0], 0)
    for (let n; (n = await pending) > 0;) {
      const current = buffers[turn]
      turn ^= 1
      total += n
      pending = read(buffers[turn], total)
      hash.update(n === current.length ? current : current.subarray(0, n))
    }
    return hash.digest('hex')
  } finally {
    fs.closeSync(fd)
  }
}

function share(files, part, parts) {
  const buffer = Buffer.allocUnsafe(CHUNK)
  const out = []
  for (let i = part; i < files.length; i += parts) out.push(`${hashSync(files[i], buffer)}  ${files[i]}`)
  return out
}

if (isMainThread) {
  const dir = path.resolve(process.argv[2] ?? '.')
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.join(e.parentPath ?? e.path, e.name))
  const threads = Math.min(
    files.length,
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  )
  if (threads <= 1) {
    for (const file of files) console.log(`${await hashAhead(file)}  ${file}`)
  } else {
    const self = fileURLToPath(import.meta.url)
    const others = Array.from(
      { length: threads - 1 },
      (_, w) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(self, { workerData: { files, part: w + 1, parts: threads } })
          worker.once('message', resolve)
          worker.once('error', reject)
        })
    )
    const lines = share(files, 0, threads)
    for (const more of await Promise.all(others)) lines.push(...more)
    console.log(lines.join('\n'))
  }
} else {
  parentPort.postMessage(share(workerData.files, workerData.part, workerData.parts))
}
