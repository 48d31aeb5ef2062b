import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { DigestAlgorithm } from './algorithms.js'
import type { SealErrorCode } from './errors.js'
import { CHUNK_BYTES, createKernel, OVERLAP_BYTES, type Kernel, type KernelResult } from './hash-kernel.js'

/*
 * Hashes many files on every core: this thread plus `threads - 1` worker threads take batches of
 * names from one queue. This thread starts at once, so a small job is done before a worker has
 * even started (about 20 ms each); a large one is spread over all of them. Batches shrink as the
 * queue empties (guided self-scheduling), so four large files go to four threads, and 20,000
 * small ones go 256 at a time with one message each way per batch.
 */

/** What every file of one job shares. */
export interface HashJob {
  baseDir: string
  realBase: string
  names: readonly string[]
  algorithm: DigestAlgorithm
}

/** Progress so far, with the average rate since the job started. */
export interface HashProgress {
  done: number
  total: number
  bytes: number
  bytesPerSecond: number
}

export interface PoolOptions {
  /** Threads hashing at once, this one included; 1 hashes in this thread only. */
  threads?: number
  onProgress?: (progress: HashProgress) => void
  progressIntervalMs?: number
  /** The workers' code; only tests replace it (to check that a failing worker fails the job). */
  workerSource?: string
}

const MAX_BATCH = 256

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'bytes'; bytes: number }
  | { type: 'done'; start: number; digests: string; sizes: Float64Array; errors: { i: number; code: SealErrorCode; message: string }[]; bytes: number }
/** A worker reports bytes at least this often, so progress moves during a large file. */
const PROGRESS_BYTES = 64 * 1024 * 1024

/** The message loop of a worker thread. Serialized into its source: uses only its parameters. */
function workerLoop(
  port: import('node:worker_threads').MessagePort,
  kernel: Kernel,
  job: { baseDir: string; realBase: string; algorithm: DigestAlgorithm; progressBytes: number }
): void {
  let unreported = 0
  const onBytes = (n: number): void => {
    unreported += n
    if (unreported >= job.progressBytes) {
      port.postMessage({ type: 'bytes', bytes: unreported })
      unreported = 0
    }
  }
  // Batches arrive as one NUL-joined string (names cannot hold NUL) and leave as one digest string
  // and one size array: two values to copy per batch instead of hundreds of small objects.
  // One batch at a time, in the order sent: a large file awaits its reads, and the next batch
  // (already queued, see feed) must not start in between.
  let queue = Promise.resolve()
  port.on('message', (batch: { start: number; names: string }) => {
    queue = queue.then(() => run(batch))
  })
  const run = async (batch: { start: number; names: string }): Promise<void> => {
    const names = batch.names.split('\0')
    const digests: string[] = new Array(names.length)
    const sizes = new Float64Array(names.length)
    const errors: { i: number; code: string; message: string }[] = []
    for (let i = 0; i < names.length; i++) {
      const p = kernel.hash(job.baseDir, job.realBase, names[i], job.algorithm, onBytes)
      const r = p instanceof Promise ? await p : p
      if (r.ok) {
        digests[i] = r.digest
        sizes[i] = r.size
      } else {
        digests[i] = ''
        errors.push({ i, code: r.code, message: r.message })
      }
    }
    port.postMessage({ type: 'done', start: batch.start, digests: digests.join('\n'), sizes, errors, bytes: unreported })
    unreported = 0
  }
  port.postMessage({ type: 'ready' })
}

/** The workers' source: the kernel and the loop above, over the worker's own Node modules. */
export const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const kernel = (${createKernel.toString()})({
  fs: require('node:fs'), crypto: require('node:crypto'), path: require('node:path'), platform: process.platform,
  chunkBytes: workerData.chunkBytes, overlapBytes: workerData.overlapBytes
});
(${workerLoop.toString()})(parentPort, kernel, workerData);
`

let localKernel: Kernel | undefined
/** The kernel for this thread, made on first use (it holds two read buffers). */
export function inProcessKernel(): Kernel {
  localKernel ??= createKernel({ fs, crypto, path, platform: process.platform, chunkBytes: CHUNK_BYTES, overlapBytes: OVERLAP_BYTES })
  return localKernel
}

/** Threads to use by default: every core the process may run on. */
export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
}

/**
 * Hashes every name of the job on up to `threads` threads and returns one result per name, in
 * order. A worker that fails (crashes, is killed, cannot start) rejects the whole job at once and
 * stops the others: the job never hangs on a lost batch.
 */
export function hashInThreads(job: HashJob, options: PoolOptions = {}): Promise<KernelResult[]> {
  const total = job.names.length
  const results: KernelResult[] = new Array(total)
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total))
  const started = Date.now()
  let next = 0
  let done = 0
  let bytes = 0
  const workers: Worker[] = []
  let timer: NodeJS.Timeout | undefined

  const takeBatch = (): [number, number] | null => {
    if (next >= total) return null
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil((total - next) / (threads * 4))))
    const batch: [number, number] = [next, Math.min(total, next + size)]
    next = batch[1]
    return batch
  }

  return new Promise<KernelResult[]>((resolve, reject) => {
    let settled = false
    const finish = (error?: Error): void => {
      if (settled) return
      settled = true
      if (timer) clearInterval(timer)
      for (const worker of workers) void worker.terminate()
      if (error) reject(error)
      else resolve(results)
    }
    const completed = (count: number): void => {
      done += count
      if (done === total) finish()
    }
    if (total === 0) return finish()

    if (options.onProgress) {
      const onProgress = options.onProgress
      timer = setInterval(() => {
        const seconds = (Date.now() - started) / 1000
        onProgress({ done, total, bytes, bytesPerSecond: seconds > 0 ? bytes / seconds : 0 })
      }, options.progressIntervalMs ?? 5000)
      timer.unref()
    }

    for (let w = 1; w < threads; w++) {
      let worker: Worker
      try {
        worker = new Worker(options.workerSource ?? WORKER_SOURCE, {
          eval: true,
          // A worker hashes every file in one synchronous read-and-hash loop, its progress going out
          // by message from inside the loop. Measured on two cores with four 256 MiB files: reading
          // ahead in workers too made the readers compete with the hashers for the cores.
          workerData: { baseDir: job.baseDir, realBase: job.realBase, algorithm: job.algorithm, progressBytes: PROGRESS_BYTES, chunkBytes: CHUNK_BYTES, overlapBytes: Infinity }
        })
      } catch (error) {
        finish(new Error(`cannot start a hashing thread: ${(error as Error).message}`, { cause: error }))
        return
      }
      // Not unref'd: while this thread awaits the last batches, the workers are what keeps the process alive.
      workers.push(worker)
      // While much is left, two batches in flight per worker, so that it never waits for this
      // thread to finish a batch of its own before it is fed; near the end (and for a few large
      // files) one, so that no worker holds a file another thread could start at once.
      const inFlight: [number, number][] = []
      const feed = (): void => {
        const wanted = total - next >= threads * 16 ? 2 : 1
        while (inFlight.length < wanted) {
          const batch = takeBatch()
          if (!batch) return
          inFlight.push(batch)
          worker.postMessage({ start: batch[0], names: job.names.slice(batch[0], batch[1]).join('\0') })
        }
      }
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return
        if (message.type === 'bytes') {
          bytes += message.bytes
        } else if (message.type === 'ready') {
          feed()
        } else if (message.type === 'done' && inFlight.length > 0) {
          const [start, end] = inFlight.shift() as [number, number]
          const digests = message.digests.split('\n')
          if (message.start !== start || digests.length !== end - start) return finish(new Error('hashing thread answered for the wrong files'))
          for (let i = 0; i < digests.length; i++) results[start + i] = { ok: true, size: message.sizes[i], digest: digests[i] }
          for (const e of message.errors) results[start + e.i] = { ok: false, code: e.code, message: e.message }
          bytes += message.bytes
          feed()
          completed(end - start)
        } else {
          finish(new Error('hashing thread sent an unexpected message'))
        }
      })
      worker.on('error', error => finish(new Error(`hashing thread failed: ${error.message}`, { cause: error })))
      worker.on('messageerror', error => finish(new Error(`hashing thread failed: ${error.message}`, { cause: error })))
      worker.on('exit', code => {
        if (!settled) finish(new Error(`hashing thread stopped unexpectedly (exit code ${code})`))
      })
    }

    // This thread hashes too, yielding between batches so that workers are fed and progress runs;
    // a large file it reads ahead on libuv's pool, which also keeps its event loop turning.
    const kernel = inProcessKernel()
    const onBytes = (n: number): void => {
      bytes += n
    }
    const local = async (): Promise<void> => {
      for (let batch = takeBatch(); batch && !settled; batch = takeBatch()) {
        for (let i = batch[0]; i < batch[1]; i++) {
          const r = kernel.hash(job.baseDir, job.realBase, job.names[i], job.algorithm, onBytes)
          results[i] = r instanceof Promise ? await r : r
        }
        completed(batch[1] - batch[0])
        await new Promise(resolve => setImmediate(resolve))
      }
    }
    local().catch(error => finish(error instanceof Error ? error : new Error(String(error))))
  })
}
