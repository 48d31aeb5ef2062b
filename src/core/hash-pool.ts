import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { DigestAlgorithm } from './algorithms.js'
import { describeFsError, type SealErrorCode } from './errors.js'
import { CHUNK_BYTES, createKernel, OVERLAP_BYTES, type Kernel, type KernelResult } from './hash-kernel.js'

/*
 * Hashes many files on every core: this thread plus `threads - 1` worker threads claim batches of
 * names from one counter in shared memory (Atomics.compareExchange), so no thread waits for
 * another to hand it work. This thread starts at once, and claims whatever a worker has not yet
 * claimed, so a small job is done before a worker has even started (about 50 ms each); a large
 * one is spread over all of them. Batches shrink as the names run out (guided self-scheduling), so
 * four large files go to four threads, and 20,000 small ones go up to 256 at a time with one
 * message per batch.
 */

/** What every file of one job shares. */
export interface HashJob {
  baseDir: string
  realBase: string
  names: readonly string[]
  algorithm: DigestAlgorithm
  /** Whether a name may go through a symbolic link (to a file inside base-dir). */
  allowLinks: boolean
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
  /**
   * Other work for this thread, run once the workers have been started and before this thread
   * joins the hashing, so that it overlaps theirs (verify's walk for unlisted files). It must not
   * throw: an error rejects the whole job.
   */
  alongside?: () => void
}

const MAX_BATCH = 256

/** What a worker is given: the whole job, and the shared counter of the next unclaimed name. */
export interface WorkerJob {
  baseDir: string
  realBase: string
  algorithm: DigestAlgorithm
  allowLinks: boolean
  /** Every name of the job, NUL-joined (names cannot hold NUL): one string to copy, not 100,000. */
  names: string
  /** Shared counters (see sharedCounters): the next unclaimed name, and bytes and files hashed so far. */
  shared: SharedArrayBuffer
  threads: number
  maxBatch: number
  chunkBytes: number
  overlapBytes: number
}

type WorkerMessage =
  | {
      type: 'done'
      start: number
      digests: string
      sizes: Float64Array
      errors: { i: number; code: SealErrorCode; message: string }[]
    }
  | { type: 'finished' }

/**
 * Views of the job's shared memory: `next`, the next name no thread has claimed; `progress`, bytes
 * and files hashed by all threads, which progress lines read while the threads are busy (a thread
 * in a synchronous loop reads no messages). Serialized into the workers' source.
 */
export function sharedCounters(buffer: SharedArrayBuffer): { next: Int32Array; progress: BigInt64Array } {
  return { next: new Int32Array(buffer, 0, 1), progress: new BigInt64Array(buffer, 8, 2) }
}
const SHARED_BYTES = 24

/**
 * Claims the next batch of names: [start, end), or null when none are left. Serialized into the
 * workers' source: uses only its parameters.
 */
export function claimBatch(
  next: Int32Array,
  total: number,
  threads: number,
  maxBatch: number
): [number, number] | null {
  for (;;) {
    const start = Atomics.load(next, 0)
    if (start >= total) return null
    const size = Math.max(1, Math.min(maxBatch, Math.ceil((total - start) / (threads * 4))))
    const end = Math.min(total, start + size)
    if (Atomics.compareExchange(next, 0, start, end) === start) return [start, end]
  }
}

/** The loop of a worker thread. Serialized into its source: uses only its parameters. */
async function workerLoop(
  port: import('node:worker_threads').MessagePort,
  kernel: Kernel,
  claim: typeof claimBatch,
  counters: typeof sharedCounters,
  job: WorkerJob
): Promise<void> {
  const { next, progress } = counters(job.shared)
  // Added to the shared count every 16 MiB and at the end of each file, not on every read.
  let unreported = 0
  const onBytes = (n: number): void => {
    unreported += n
    if (unreported >= 16 * 1024 * 1024) {
      Atomics.add(progress, 0, BigInt(unreported))
      unreported = 0
    }
  }
  const names = job.names.split('\0')
  // Results leave as one digest string and one size array per batch: two values to copy instead
  // of hundreds of small objects.
  for (
    let batch = claim(next, names.length, job.threads, job.maxBatch);
    batch;
    batch = claim(next, names.length, job.threads, job.maxBatch)
  ) {
    const [start, end] = batch
    const digests: string[] = new Array(end - start)
    const sizes = new Float64Array(end - start)
    const errors: { i: number; code: string; message: string }[] = []
    for (let i = 0; i < end - start; i++) {
      const p = kernel.hash(job.baseDir, job.realBase, names[start + i], job.algorithm, job.allowLinks, onBytes)
      const r = p instanceof Promise ? await p : p
      if (r.ok) {
        digests[i] = r.digest
        sizes[i] = r.size
      } else {
        digests[i] = ''
        errors.push({ i, code: r.code, message: r.message })
      }
      Atomics.add(progress, 0, BigInt(unreported))
      unreported = 0
      Atomics.add(progress, 1, 1n)
    }
    port.postMessage({ type: 'done', start, digests: digests.join('\n'), sizes, errors })
  }
  port.postMessage({ type: 'finished' })
  // Stay alive until the pool terminates this thread, so that an exit always means a failure.
  port.on('message', () => {})
}

/** The workers' source: the kernel and the loop above, over the worker's own Node modules. */
export const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const kernel = (${createKernel.toString()})({
  fs: require('node:fs'), crypto: require('node:crypto'), path: require('node:path'), platform: process.platform,
  chunkBytes: workerData.chunkBytes, overlapBytes: workerData.overlapBytes, describeFsError: ${describeFsError.toString()}
});
(${workerLoop.toString()})(parentPort, kernel, ${claimBatch.toString()}, ${sharedCounters.toString()}, workerData);
`

const localKernels = new Map<boolean, Kernel>()
/**
 * The kernel for this thread, made on first use. `readAhead`: read large files ahead of the hash
 * on libuv's pool (best when this thread hashes alone); without it, one synchronous loop (best
 * when workers keep the other cores busy).
 */
export function inProcessKernel(readAhead = true): Kernel {
  let kernel = localKernels.get(readAhead)
  if (!kernel) {
    kernel = createKernel({
      fs,
      crypto,
      path,
      platform: process.platform,
      chunkBytes: CHUNK_BYTES,
      overlapBytes: readAhead ? OVERLAP_BYTES : Infinity,
      describeFsError
    })
    localKernels.set(readAhead, kernel)
  }
  return kernel
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
  // Workers get the names NUL-joined: a NUL inside one would shift every index after it.
  if (threads > 1 && job.names.some(name => name.includes('\0')))
    throw new Error('hashInThreads: a name holds a NUL byte')
  const shared = new SharedArrayBuffer(SHARED_BYTES)
  const { next, progress } = sharedCounters(shared)
  const started = Date.now()
  let done = 0
  const workers: Worker[] = []
  let timer: NodeJS.Timeout | undefined

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

    const interval = options.progressIntervalMs ?? 5000
    let lastReport = started
    const report = (): void => {
      const now = Date.now()
      lastReport = now
      const seconds = (now - started) / 1000
      const bytes = Number(Atomics.load(progress, 0))
      options.onProgress?.({
        done: Number(Atomics.load(progress, 1)),
        total,
        bytes,
        bytesPerSecond: seconds > 0 ? bytes / seconds : 0
      })
    }
    if (options.onProgress) {
      timer = setInterval(report, interval)
      timer.unref()
    }

    const workerJob: WorkerJob = {
      baseDir: job.baseDir,
      realBase: job.realBase,
      algorithm: job.algorithm,
      allowLinks: job.allowLinks,
      names: threads > 1 ? job.names.join('\0') : '',
      shared,
      threads,
      maxBatch: MAX_BATCH,
      chunkBytes: CHUNK_BYTES,
      // A worker hashes every file in one synchronous read-and-hash loop, its progress going to
      // the shared counters from inside the loop. Measured on two cores with four 256 MiB files: reading
      // ahead in workers too made the readers compete with the hashers for the cores.
      overlapBytes: Infinity
    }
    for (let w = 1; w < threads; w++) {
      let worker: Worker
      try {
        worker = new Worker(options.workerSource ?? WORKER_SOURCE, { eval: true, workerData: workerJob })
      } catch (error) {
        finish(new Error(`cannot start a hashing thread: ${(error as Error).message}`, { cause: error }))
        return
      }
      // Not unref'd: while this thread awaits the last batches, the workers are what keeps the process alive.
      workers.push(worker)
      let finished = false
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return
        if (message.type === 'done' && !finished) {
          const digests = message.digests.split('\n')
          const end = message.start + digests.length
          if (!Number.isInteger(message.start) || message.start < 0 || end > total)
            return finish(new Error('hashing thread answered for the wrong files'))
          for (let i = 0; i < digests.length; i++)
            results[message.start + i] = { ok: true, size: message.sizes[i], digest: digests[i] }
          for (const e of message.errors) results[message.start + e.i] = { ok: false, code: e.code, message: e.message }
          completed(digests.length)
        } else if (message.type === 'finished') {
          finished = true
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

    // This thread hashes too. With workers, in one synchronous loop (the workers need nothing from
    // it, and their results wait in its queue); alone, a large file is read ahead on libuv's pool.
    const kernel = inProcessKernel(threads === 1)
    // The timer cannot fire while this thread is in a synchronous loop over a large file: report from the loop.
    const onBytes = (n: number): void => {
      Atomics.add(progress, 0, BigInt(n))
      if (options.onProgress && Date.now() - lastReport >= interval) report()
    }
    const local = async (): Promise<void> => {
      for (
        let batch = claimBatch(next, total, threads, MAX_BATCH);
        batch && !settled;
        batch = claimBatch(next, total, threads, MAX_BATCH)
      ) {
        for (let i = batch[0]; i < batch[1]; i++) {
          const r = kernel.hash(job.baseDir, job.realBase, job.names[i], job.algorithm, job.allowLinks, onBytes)
          results[i] = r instanceof Promise ? await r : r
          Atomics.add(progress, 1, 1n)
        }
        completed(batch[1] - batch[0])
      }
    }
    const failed = (error: unknown): void => finish(error instanceof Error ? error : new Error(String(error)))
    try {
      options.alongside?.()
    } catch (error) {
      return failed(error)
    }
    local().catch(failed)
  })
}
