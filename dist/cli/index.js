#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9780);

// `artifact-seal checksums | head -2`: the reader is gone and Node reports EPIPE on the next
// write. That is the reader's choice, not a failure: stop quietly, as coreutils do, instead of
// dying with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code === 'EPIPE')
            process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        throw error;
    });
}
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd()
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9780:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: ExitCode, USAGE

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/progress.ts
/** Formats a byte count in binary units, e.g. `3.2 GiB`. */
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
/**
 * The line printed every few seconds while files are hashed, so that someone watching a 20 GB
 * seal knows it is alive and how fast it goes: `hashed 1200/20000 files, 3.2 GiB, 1.4 GiB/s`.
 */
function progressLine(done, total, bytes, bytesPerSecond) {
    return `hashed ${done}/${total} files, ${formatBytes(bytes)}, ${formatBytes(Math.round(bytesPerSecond))}/s`;
}

// EXTERNAL MODULE: ./src/core/version.ts
var version = __nccwpck_require__(3323);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/core/atomic-write.ts




/** Codes with which Windows refuses a rename over a file that another process holds open for a moment. */
const BUSY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** About 1.3 s in all: enough for a virus scanner or the indexer to let go of a file just written. */
const RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640];
/**
 * fs.rename, which replaces `to` in one step on every OS. On Windows it fails with EPERM, EBUSY
 * or EACCES while any process has `to` (or `from`) open, and a virus scanner or the search indexer
 * opens a file just written for a few milliseconds: there it is retried briefly, as graceful-fs
 * does. Elsewhere those codes mean what they say and fail at once.
 */
async function renameRetrying(from, to, options = {}) {
    const rename = options.rename ?? promises_.rename;
    const delays = (options.platform ?? process.platform) === 'win32' ? (options.delaysMs ?? RETRY_DELAYS_MS) : [];
    for (let attempt = 0;; attempt++) {
        try {
            return await rename(from, to);
        }
        catch (error) {
            const code = error.code ?? '';
            if (attempt >= delays.length || !BUSY_CODES.has(code))
                throw error;
            await new Promise(resolve => setTimeout(resolve, delays[attempt]));
        }
    }
}
/**
 * Makes `file` so that readers see the old file or the whole new one, never a part, and nothing
 * is left behind on failure: `fill` writes into a temporary file in the same directory (so the
 * rename cannot cross file systems); when `keep` accepts its result the file is flushed and
 * renamed over `file`; otherwise, or on any error, it is removed and `file` is left as it was.
 * Errors are thrown as they came: the caller knows what the file is.
 */
async function replaceFile(file, fill, keep = () => true, rename = {}) {
    const temp = external_node_path_.join(external_node_path_.dirname(file), `.${external_node_path_.basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    let handle;
    try {
        handle = await promises_.open(temp, 'wx', 0o644);
        const result = await fill(handle);
        if (keep(result)) {
            await handle.sync();
            await handle.close();
            handle = undefined;
            await renameRetrying(temp, file, rename);
        }
        return result;
    }
    finally {
        await handle?.close().catch(() => { });
        await promises_.rm(temp, { force: true }).catch(() => { });
    }
}
/** Writes `bytes` to `file` through replaceFile; a failure is one WRITE_FAILED line naming `what` and the file. */
async function writeFileAtomic(file, bytes, what = 'manifest', rename = {}) {
    try {
        await replaceFile(file, handle => handle.writeFile(bytes), undefined, rename);
    }
    catch (error) {
        throw new errors/* SealError */.EM('WRITE_FAILED', `cannot write ${what} ${file}: ${(0,errors/* describeFsError */.TQ)(error)}`, file, {
            cause: error
        });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
;// CONCATENATED MODULE: ./src/core/hash-kernel.ts
/**
 * Reads of this size keep the hash fed at memory speed. Larger is slower: measured on two cores,
 * 512 MiB read and hashed in 128 KiB reads took 0.10 s of system time, in 256 KiB to 4 MiB reads
 * 0.37 to 0.41 s (the copy from the page cache no longer fits the CPU's cache).
 */
const CHUNK_BYTES = 128 * 1024;
/** Files at least this large are read ahead of the hash (double-buffered, off-thread reads); below it a synchronous loop is faster. */
const OVERLAP_BYTES = 8 * 1024 * 1024;
/** Builds the kernel over the given Node modules. Self-contained: see the note at the top. */
function createKernel(deps) {
    const { fs, crypto, path, platform, chunkBytes, overlapBytes, describeFsError: describe } = deps;
    // Reads ahead of the hash are larger than chunkBytes: they run on another core, where their
    // system time is hidden, and fewer of them mean fewer round trips (one 1 GiB file: 0.87 of the
    // SHA-256 limit with 4 MiB, 0.73 with 128 KiB).
    const readAheadBytes = 4 * 1024 * 1024;
    const c = fs.constants;
    // O_NONBLOCK so that opening a FIFO a glob matched returns at once instead of waiting for a
    // writer; regular files ignore the flag. O_NOCTTY so that a terminal never becomes ours.
    const OPEN_FLAGS = c.O_RDONLY | (c.O_NONBLOCK ?? 0) | (c.O_NOCTTY ?? 0);
    // One buffer per thread for the synchronous loop, reused for every small file: nothing can
    // interleave with a loop that never yields. A large file gets its own pair (see below).
    const shared = Buffer.allocUnsafe(chunkBytes);
    const fail = (code, message) => ({ ok: false, code, message });
    /** Whether `child` is `parent` or lies below it (both absolute and normalized). */
    const isInside = (parent, child) => {
        // Both are absolute and normalized (a real path), so on POSIX a prefix test is exact, and it
        // runs once per file: path.relative was a tenth of this thread's time on 20,000 small files.
        if (path.sep === '/')
            return child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');
        const rel = path.relative(parent, child);
        return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
    };
    /**
     * The real path of an open descriptor: from /proc on Linux, else the OS's realpath of the name
     * checked to be the same file. realpathSync.native, not realpathSync: the JavaScript one walks
     * the path with lstat, which does not see a Windows junction (nor a Unix link under Wine) and
     * answers with the path unchanged; the OS's (GetFinalPathNameByHandle, realpath(3)) resolves it.
     */
    const realPathOf = (fd, file, stats) => {
        if (platform === 'linux') {
            try {
                return fs.readlinkSync(`/proc/self/fd/${fd}`);
            }
            catch {
                // /proc not mounted: fall through to the portable check.
            }
        }
        const real = fs.realpathSync.native(file);
        const again = fs.statSync(real);
        return again.ino === stats.ino && again.dev === stats.dev ? real : null;
    };
    const readAt = (fd, buffer, position) => new Promise((resolve, reject) => fs.read(fd, buffer, 0, buffer.length, position, (error, n) => (error ? reject(error) : resolve(n))));
    const changedWhileRead = (name, before, after, total) => {
        // Reads from a descriptor go on after its file is unlinked: no links left means the name now
        // holds nothing, or another file, and what was hashed is not what a deploy would find there.
        if (after.nlink === 0)
            return fail('FILE_CHANGED', `${name}: deleted or replaced while it was being hashed`);
        if (total !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
            // The size it has now, or, when only the read saw it grow or shrink, what the read found.
            const size = after.size !== before.size ? after.size : total;
            return fail('FILE_CHANGED', `${name}: changed while it was being hashed (size ${before.size} → ${size})`);
        }
        return null;
    };
    const finish = (fd, name, before, total, hash) => {
        const after = fs.fstatSync(fd);
        const changed = changedWhileRead(name, before, after, total);
        return changed ?? { ok: true, size: total, digest: hash.digest('hex') };
    };
    // crypto.hash (Node >= 20.12) digests a buffer without making a Hash object: most of the
    // per-file cost of a small file, which is read whole in one call.
    const oneShot = crypto.hash;
    const hashSync = (fd, name, before, algorithm, onBytes) => {
        const buffer = shared;
        // Asking for one byte more than fstat said tells a file that grew from one that did not.
        const want = Math.min(buffer.length, before.size + 1);
        let n;
        try {
            n = fs.readSync(fd, buffer, 0, want, null);
        }
        catch (error) {
            return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`);
        }
        if (n === before.size && n < want && oneShot) {
            // A short read of a regular file is its end; the fstat after it still catches a change.
            onBytes?.(n);
            const changed = changedWhileRead(name, before, fs.fstatSync(fd), n);
            return changed ?? { ok: true, size: n, digest: oneShot(algorithm, buffer.subarray(0, n), 'hex') };
        }
        const hash = crypto.createHash(algorithm);
        let total = 0;
        while (n > 0) {
            hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
            total += n;
            onBytes?.(n);
            try {
                n = fs.readSync(fd, buffer, 0, buffer.length, null);
            }
            catch (error) {
                return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`);
            }
        }
        return finish(fd, name, before, total, hash);
    };
    // While the hash digests one buffer on this thread, the next read fills the other on libuv's pool.
    // The pair is this call's own: two large files hashed at once on one thread must not share it.
    const hashOverlapped = async (fd, name, before, algorithm, onBytes) => {
        const hash = crypto.createHash(algorithm);
        const buffers = [Buffer.allocUnsafe(readAheadBytes), Buffer.allocUnsafe(readAheadBytes)];
        let total = 0;
        let turn = 0;
        let pending = readAt(fd, buffers[0], 0);
        for (;;) {
            let n;
            try {
                n = await pending;
            }
            catch (error) {
                return fail('FILE_UNREADABLE', `${name}: cannot read: ${describe(error)}`);
            }
            if (n === 0)
                break;
            const current = buffers[turn];
            turn ^= 1;
            total += n;
            pending = readAt(fd, buffers[turn], total);
            hash.update(n === current.length ? current : current.subarray(0, n));
            onBytes?.(n);
        }
        return finish(fd, name, before, total, hash);
    };
    const hash = (baseDir, realBase, name, algorithm, allowLinks, onBytes) => {
        // Names are checked relative POSIX paths (no '.', '..' or empty segments), so on POSIX a
        // plain concatenation is path.join without its cost.
        const file = path.sep === '/'
            ? baseDir.endsWith('/')
                ? baseDir + name
                : baseDir + '/' + name
            : path.join(baseDir, ...name.split('/'));
        let fd;
        try {
            fd = fs.openSync(file, OPEN_FLAGS);
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT')
                return fail('FILE_MISSING', `${name}: no such file`);
            if (code === 'ENXIO')
                return fail('FILE_NOT_REGULAR', `${name}: not a regular file (a socket or device)`);
            return fail('FILE_UNREADABLE', `${name}: cannot open: ${describe(error)}`);
        }
        let closeNow = true;
        try {
            const before = fs.fstatSync(fd);
            if (!before.isFile()) {
                const kind = before.isDirectory() ? 'a directory' : before.isFIFO() ? 'a FIFO' : 'a socket or device';
                return fail('FILE_NOT_REGULAR', `${name}: not a regular file (${kind})`);
            }
            const real = realPathOf(fd, file, before);
            if (real === null)
                return fail('FILE_CHANGED', `${name}: was replaced while it was being opened`);
            if (!isInside(realBase, real))
                return fail('PATH_UNSAFE', `${name}: resolves outside base-dir (to ${real})`);
            // A name whose real path is not base-dir plus the name went through a symbolic link (or is
            // spelled otherwise than on disk): what ships under that name may be a link, or another
            // file's bytes, so it passes only when links were allowed.
            if (!allowLinks) {
                const lexical = path.sep === '/'
                    ? realBase.endsWith('/')
                        ? realBase + name
                        : realBase + '/' + name
                    : path.join(realBase, ...name.split('/'));
                if (real !== lexical)
                    return fail('PATH_UNSAFE', `${name}: is a symbolic link or lies below one (it resolves to ${real}); links are refused unless allow-symlinks is set`);
            }
            if (before.size < overlapBytes)
                return hashSync(fd, name, before, algorithm, onBytes);
            closeNow = false;
            return hashOverlapped(fd, name, before, algorithm, onBytes)
                .catch((error) => fail('FILE_UNREADABLE', `${name}: ${describe(error)}`))
                .finally(() => fs.closeSync(fd));
        }
        catch (error) {
            return fail('FILE_UNREADABLE', `${name}: ${describe(error)}`);
        }
        finally {
            if (closeNow)
                fs.closeSync(fd);
        }
    };
    return { hash };
}

;// CONCATENATED MODULE: ./src/core/hash-pool.ts







const MAX_BATCH = 256;
/**
 * Views of the job's shared memory: `next`, the next name no thread has claimed; `progress`, bytes
 * and files hashed by all threads, which progress lines read while the threads are busy (a thread
 * in a synchronous loop reads no messages). Serialized into the workers' source.
 */
function sharedCounters(buffer) {
    return { next: new Int32Array(buffer, 0, 1), progress: new BigInt64Array(buffer, 8, 2) };
}
const SHARED_BYTES = 24;
/**
 * Claims the next batch of names: [start, end), or null when none are left. Serialized into the
 * workers' source: uses only its parameters.
 */
function claimBatch(next, total, threads, maxBatch) {
    for (;;) {
        const start = Atomics.load(next, 0);
        if (start >= total)
            return null;
        const size = Math.max(1, Math.min(maxBatch, Math.ceil((total - start) / (threads * 4))));
        const end = Math.min(total, start + size);
        if (Atomics.compareExchange(next, 0, start, end) === start)
            return [start, end];
    }
}
/** The loop of a worker thread. Serialized into its source: uses only its parameters. */
async function workerLoop(port, kernel, claim, counters, job) {
    const { next, progress } = counters(job.shared);
    // Added to the shared count every 16 MiB and at the end of each file, not on every read.
    let unreported = 0;
    const onBytes = (n) => {
        unreported += n;
        if (unreported >= 16 * 1024 * 1024) {
            Atomics.add(progress, 0, BigInt(unreported));
            unreported = 0;
        }
    };
    const names = job.names.split('\0');
    // Results leave as one digest string and one size array per batch: two values to copy instead
    // of hundreds of small objects.
    for (let batch = claim(next, names.length, job.threads, job.maxBatch); batch; batch = claim(next, names.length, job.threads, job.maxBatch)) {
        const [start, end] = batch;
        const digests = new Array(end - start);
        const sizes = new Float64Array(end - start);
        const errors = [];
        for (let i = 0; i < end - start; i++) {
            const p = kernel.hash(job.baseDir, job.realBase, names[start + i], job.algorithm, job.allowLinks, onBytes);
            const r = p instanceof Promise ? await p : p;
            if (r.ok) {
                digests[i] = r.digest;
                sizes[i] = r.size;
            }
            else {
                digests[i] = '';
                errors.push({ i, code: r.code, message: r.message });
            }
            Atomics.add(progress, 0, BigInt(unreported));
            unreported = 0;
            Atomics.add(progress, 1, 1n);
        }
        port.postMessage({ type: 'done', start, digests: digests.join('\n'), sizes, errors });
    }
    port.postMessage({ type: 'finished' });
    // Stay alive until the pool terminates this thread, so that an exit always means a failure.
    port.on('message', () => { });
}
/** The workers' source: the kernel and the loop above, over the worker's own Node modules. */
const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const kernel = (${createKernel.toString()})({
  fs: require('node:fs'), crypto: require('node:crypto'), path: require('node:path'), platform: process.platform,
  chunkBytes: workerData.chunkBytes, overlapBytes: workerData.overlapBytes, describeFsError: ${errors/* describeFsError */.TQ.toString()}
});
(${workerLoop.toString()})(parentPort, kernel, ${claimBatch.toString()}, ${sharedCounters.toString()}, workerData);
`;
const localKernels = new Map();
/**
 * The kernel for this thread, made on first use. `readAhead`: read large files ahead of the hash
 * on libuv's pool (best when this thread hashes alone); without it, one synchronous loop (best
 * when workers keep the other cores busy).
 */
function hash_pool_inProcessKernel(readAhead = true) {
    let kernel = localKernels.get(readAhead);
    if (!kernel) {
        kernel = createKernel({
            fs: external_node_fs_,
            crypto: external_node_crypto_,
            path: external_node_path_,
            platform: process.platform,
            chunkBytes: CHUNK_BYTES,
            overlapBytes: readAhead ? OVERLAP_BYTES : Infinity,
            describeFsError: errors/* describeFsError */.TQ
        });
        localKernels.set(readAhead, kernel);
    }
    return kernel;
}
/** Threads to use by default: every core the process may run on. */
function defaultThreads() {
    return typeof external_node_os_.availableParallelism === 'function' ? external_node_os_.availableParallelism() : external_node_os_.cpus().length;
}
/**
 * Hashes every name of the job on up to `threads` threads and returns one result per name, in
 * order. A worker that fails (crashes, is killed, cannot start) rejects the whole job at once and
 * stops the others: the job never hangs on a lost batch.
 */
function hashInThreads(job, options = {}) {
    const total = job.names.length;
    const results = new Array(total);
    const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total));
    // Workers get the names NUL-joined: a NUL inside one would shift every index after it.
    if (threads > 1 && job.names.some(name => name.includes('\0')))
        throw new Error('hashInThreads: a name holds a NUL byte');
    const shared = new SharedArrayBuffer(SHARED_BYTES);
    const { next, progress } = sharedCounters(shared);
    const started = Date.now();
    let done = 0;
    const workers = [];
    let timer;
    return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearInterval(timer);
            for (const worker of workers)
                void worker.terminate();
            if (error)
                reject(error);
            else
                resolve(results);
        };
        const completed = (count) => {
            done += count;
            if (done === total)
                finish();
        };
        if (total === 0)
            return finish();
        const interval = options.progressIntervalMs ?? 5000;
        let lastReport = started;
        const report = () => {
            const now = Date.now();
            lastReport = now;
            const seconds = (now - started) / 1000;
            const bytes = Number(Atomics.load(progress, 0));
            options.onProgress?.({
                done: Number(Atomics.load(progress, 1)),
                total,
                bytes,
                bytesPerSecond: seconds > 0 ? bytes / seconds : 0
            });
        };
        if (options.onProgress) {
            timer = setInterval(report, interval);
            timer.unref();
        }
        const workerJob = {
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
        };
        for (let w = 1; w < threads; w++) {
            let worker;
            try {
                worker = new external_node_worker_threads_.Worker(options.workerSource ?? WORKER_SOURCE, { eval: true, workerData: workerJob });
            }
            catch (error) {
                finish(new Error(`cannot start a hashing thread: ${error.message}`, { cause: error }));
                return;
            }
            // Not unref'd: while this thread awaits the last batches, the workers are what keeps the process alive.
            workers.push(worker);
            let finished = false;
            worker.on('message', (message) => {
                if (settled)
                    return;
                if (message.type === 'done' && !finished) {
                    const digests = message.digests.split('\n');
                    const end = message.start + digests.length;
                    if (!Number.isInteger(message.start) || message.start < 0 || end > total)
                        return finish(new Error('hashing thread answered for the wrong files'));
                    for (let i = 0; i < digests.length; i++)
                        results[message.start + i] = { ok: true, size: message.sizes[i], digest: digests[i] };
                    for (const e of message.errors)
                        results[message.start + e.i] = { ok: false, code: e.code, message: e.message };
                    completed(digests.length);
                }
                else if (message.type === 'finished') {
                    finished = true;
                }
                else {
                    finish(new Error('hashing thread sent an unexpected message'));
                }
            });
            worker.on('error', error => finish(new Error(`hashing thread failed: ${error.message}`, { cause: error })));
            worker.on('messageerror', error => finish(new Error(`hashing thread failed: ${error.message}`, { cause: error })));
            worker.on('exit', code => {
                if (!settled)
                    finish(new Error(`hashing thread stopped unexpectedly (exit code ${code})`));
            });
        }
        // This thread hashes too. With workers, in one synchronous loop (the workers need nothing from
        // it, and their results wait in its queue); alone, a large file is read ahead on libuv's pool.
        const kernel = hash_pool_inProcessKernel(threads === 1);
        // The timer cannot fire while this thread is in a synchronous loop over a large file: report from the loop.
        const onBytes = (n) => {
            Atomics.add(progress, 0, BigInt(n));
            if (options.onProgress && Date.now() - lastReport >= interval)
                report();
        };
        const local = async () => {
            for (let batch = claimBatch(next, total, threads, MAX_BATCH); batch && !settled; batch = claimBatch(next, total, threads, MAX_BATCH)) {
                for (let i = batch[0]; i < batch[1]; i++) {
                    const r = kernel.hash(job.baseDir, job.realBase, job.names[i], job.algorithm, job.allowLinks, onBytes);
                    results[i] = r instanceof Promise ? await r : r;
                    Atomics.add(progress, 1, 1n);
                }
                completed(batch[1] - batch[0]);
            }
        };
        const failed = (error) => finish(error instanceof Error ? error : new Error(String(error)));
        try {
            options.alongside?.();
        }
        catch (error) {
            return failed(error);
        }
        local().catch(failed);
    });
}

;// CONCATENATED MODULE: ./src/core/digest.ts



/**
 * Opens `name` below `baseDir` once, checks that what was opened is a regular file whose real
 * path lies inside `realBase`, and hashes it from that same descriptor: what is checked is
 * exactly what is read. A file whose size or mtime changes while it is read is an error.
 * (The rules themselves live in hash-kernel.ts, shared with the hashing threads.)
 */
async function hashFile(baseDir, realBase, name, algorithm, allowLinks = false) {
    const result = await inProcessKernel().hash(baseDir, realBase, name, algorithm, allowLinks);
    if (!result.ok)
        throw new SealError(result.code, result.message, name);
    return { name, size: result.size, digest: result.digest };
}
/**
 * Hashes every name across all cores (see hash-pool.ts) and returns one outcome per name in the
 * same order. Errors are collected, not thrown, so that verify can report every problem; only a
 * hashing thread that fails rejects.
 */
async function hashMany(baseDir, names, algorithm, options = {}) {
    if (names.length === 0)
        return [];
    const realBase = await promises_.realpath(baseDir);
    const onProgress = options.onProgress;
    const results = await hashInThreads({ baseDir, realBase, names, algorithm, allowLinks: options.allowLinks ?? false }, {
        threads: options.concurrency,
        progressIntervalMs: options.progressIntervalMs,
        alongside: options.alongside,
        onProgress: onProgress && (p => onProgress(p.done, p.total, p.bytes, p.bytesPerSecond))
    });
    return results.map((r, i) => {
        const name = names[i];
        return r.ok
            ? { ok: true, value: { name, size: r.size, digest: r.digest } }
            : { ok: false, name, error: new errors/* SealError */.EM(r.code, r.message, name) };
    });
}

// EXTERNAL MODULE: ./src/core/encoding.ts
var encoding = __nccwpck_require__(3590);
;// CONCATENATED MODULE: ./src/core/json.ts

/** A JSON object: not null, not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Our formats nest at most a few levels; anything deeper is an attack on the parser, not a manifest. */
const MAX_JSON_DEPTH = 32;
/**
 * JSON.parse with two refusals it lacks: duplicate keys in an object (JSON.parse silently keeps
 * the last, so two readers could see two different documents) and nesting deeper than
 * MAX_JSON_DEPTH. The scan runs before JSON.parse, in one linear pass, so a hostile document is
 * refused before it is built in memory.
 */
function parseJsonStrict(text, what) {
    scan(text, what);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // JSON.parse's message quotes the text around the fault ("Unexpected token 'c', "c900144300"...
        // is not valid JSON"): a key file given as the manifest would print part of the key. Only where.
        const at = /position (\d+)/.exec(error.message);
        const where = at
            ? `at character ${at[1]}`
            : /end of JSON/i.test(error.message)
                ? 'it ends early'
                : 'unexpected character';
        throw new errors/* SealError */.EM('MANIFEST_INVALID', `${what} is not valid JSON (${where})`, what);
    }
}
function scan(text, what) {
    // Each open container: a Set of keys for an object, null for an array.
    const stack = [];
    let expectKey = false;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */) {
            const start = i;
            let escaped = false;
            i++;
            while (i < n) {
                const d = text.charCodeAt(i);
                if (d === 0x5c /* \ */) {
                    escaped = true;
                    i += 2;
                }
                else if (d === 0x22)
                    break;
                else
                    i++;
            }
            if (i >= n)
                return; // unterminated: JSON.parse gives the precise error
            const top = stack[stack.length - 1];
            if (expectKey && top) {
                // Only a key with an escape needs decoding; the rest are their own text (a manifest of
                // 20,000 subjects has 60,000 keys, and a JSON.parse for each was most of the scan).
                let key = text.slice(start + 1, i);
                if (escaped) {
                    try {
                        key = JSON.parse(text.slice(start, i + 1));
                    }
                    catch {
                        return;
                    }
                }
                if (top.has(key)) {
                    // The offset, not the key: nothing read from a file is echoed before it is authentic.
                    throw new errors/* SealError */.EM('MANIFEST_INVALID', `${what} has a duplicate key at character ${start}`, what);
                }
                top.add(key);
                expectKey = false;
            }
            i++;
            continue;
        }
        if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            if (stack.length >= MAX_JSON_DEPTH) {
                throw new errors/* SealError */.EM('MANIFEST_INVALID', `${what} nests deeper than ${MAX_JSON_DEPTH} levels`, what);
            }
            stack.push(c === 0x7b ? new Set() : null);
            expectKey = c === 0x7b;
        }
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
            stack.pop();
            expectKey = false;
        }
        else if (c === 0x2c /* , */) {
            expectKey = stack[stack.length - 1] != null;
        }
        i++;
    }
}

;// CONCATENATED MODULE: ./src/core/dsse.ts



/** The only payload type we write or accept. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** DSSE pre-authentication encoding: "DSSEv1" SP len(type) SP type SP len(body) SP body. */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
        type,
        Buffer.from(` ${payload.length} `, 'ascii'),
        payload
    ]);
}
/** Serializes an envelope the way we always write it: standard base64 with padding. */
function encodeEnvelope(payloadType, payload, signatures) {
    const envelope = {
        payloadType,
        payload: Buffer.from(payload).toString('base64'),
        signatures: signatures.map(s => ({ keyid: s.keyid, sig: Buffer.from(s.sig).toString('base64') }))
    };
    return Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8');
}
/** A base64 field of the envelope (core/encoding.ts: either alphabet, padding optional), naming the field when it is not. */
function base64Field(text, field) {
    const decoded = (0,encoding/* decodeBase64Strict */.F)(text);
    if (!decoded.ok)
        throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest field ${field} is ${decoded.why}`, field);
    return decoded.bytes;
}
function field(obj, name, path) {
    if (!Object.prototype.hasOwnProperty.call(obj, name)) {
        throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest field ${path} is missing`, path);
    }
    return obj[name];
}
/** At most this many signatures are tried: enough for any rotation, not enough to make verify slow. */
const MAX_SIGNATURES = 16;
/** Parses already-JSON-parsed envelope text into its parts, naming the field at fault. */
function decodeEnvelope(value) {
    if (!isObject(value))
        throw new errors/* SealError */.EM('MANIFEST_INVALID', 'manifest is not a JSON object (expected a DSSE envelope)', '$');
    const payloadType = field(value, 'payloadType', 'payloadType');
    if (typeof payloadType !== 'string')
        throw new errors/* SealError */.EM('MANIFEST_INVALID', 'manifest field payloadType is not a string', 'payloadType');
    const payloadText = field(value, 'payload', 'payload');
    if (typeof payloadText !== 'string')
        throw new errors/* SealError */.EM('MANIFEST_INVALID', 'manifest field payload is not a string', 'payload');
    const sigs = field(value, 'signatures', 'signatures');
    if (!Array.isArray(sigs) || sigs.length === 0) {
        throw new errors/* SealError */.EM('MANIFEST_INVALID', 'manifest field signatures is not a non-empty array', 'signatures');
    }
    if (sigs.length > MAX_SIGNATURES) {
        throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest field signatures has ${sigs.length} entries; at most ${MAX_SIGNATURES} are accepted`, 'signatures');
    }
    const signatures = sigs.map((s, i) => {
        const path = `signatures[${i}]`;
        if (!isObject(s))
            throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest field ${path} is not an object`, path);
        const sig = field(s, 'sig', `${path}.sig`);
        if (typeof sig !== 'string' || sig.length === 0) {
            throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest field ${path}.sig is not a non-empty string`, `${path}.sig`);
        }
        // keyid is optional in DSSE and only a hint to us: one that is not a string is no hint, and
        // must not make a valid signature fail (the contract's keyid rule).
        const keyid = typeof s.keyid === 'string' ? s.keyid : '';
        return { keyid, sig: base64Field(sig, `${path}.sig`) };
    });
    return { payloadType, payload: base64Field(payloadText, 'payload'), signatures };
}

;// CONCATENATED MODULE: ./src/core/names.ts


/*
 * The rules that make a subject name mean the same file on every runner. checkSubjectName
 * (subjects.ts) is the rule every name obeys everywhere (relative, no `..`, no control
 * characters); these are what Windows and macOS add. Each takes the platform or the path module
 * as an argument, so that the unit tests run the Windows rules with path.win32 on Linux too.
 */
/**
 * Whether `child` is `parent` or lies below it, by the rules of `paths` (case-insensitive with
 * path.win32, and another drive is never inside). Both absolute and normalized. The hashing
 * kernel has its own copy, because it is serialized into the worker threads (hash-kernel.ts).
 */
function isInside(parent, child, paths = external_node_path_) {
    const rel = paths.relative(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith('..' + paths.sep) && !paths.isAbsolute(rel));
}
// What Windows opens as a device in any folder, with or without an extension (`nul.txt` is NUL):
// the superscript digits are in the list too, since Windows reads them as COM1-3 and LPT1-3.
const DEVICE_NAME = /^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]|CONIN\$|CONOUT\$)$/i;
/**
 * Why `name` (a subject name, `/`-separated) cannot name a file safely on Windows, or null:
 * `\` is a separator there (`a\..\..\x` climbs out), `:` opens an alternate data stream
 * (`app.exe:hidden` is not app.exe), a device name opens a device instead of a file, and a
 * trailing dot or space is dropped (`app.exe.` opens app.exe: two names, one file).
 */
function windowsNameProblem(name) {
    if (name.includes('\\'))
        return 'contains "\\", a path separator on Windows';
    if (name.includes(':'))
        return 'contains ":", which opens an alternate data stream on Windows';
    for (const segment of name.split('/')) {
        // Windows drops the extension and trailing spaces before it looks for a device: `nul .txt` is NUL.
        const stem = segment.split('.')[0].replace(/ +$/, '');
        if (DEVICE_NAME.test(stem))
            return `has the segment ${JSON.stringify(segment)}, a reserved device name on Windows`;
        if (segment.endsWith('.'))
            return `has the segment ${JSON.stringify(segment)}, which ends in a dot that Windows drops`;
        if (segment.endsWith(' '))
            return `has the segment ${JSON.stringify(segment)}, which ends in a space that Windows drops`;
    }
    return null;
}
/** Why `name` cannot name a file safely on `platform`, or null: only Windows adds rules of its own. */
function nameProblemOn(name, platform) {
    return platform === 'win32' ? windowsNameProblem(name) : null;
}
/** Whether names that differ only in case or normalization are one file on `platform` by default. */
function foldsNames(platform) {
    return platform === 'win32' || platform === 'darwin';
}
/**
 * Pairs of names that are one file on a case-insensitive, normalization-insensitive file system
 * (Windows by default, macOS by default), each pair as [first seen, its twin]. Names are compared
 * in NFC, lower-cased and, separately, upper-cased: either alone misses twins (`ı` and `i` are
 * equal only upper-cased, `ς` and `σ` too; `ß` and `ẞ` only lower-cased). That also
 * pairs `ß` with `ss`, which NTFS keeps apart: refusing them is the safe side.
 */
function findNameTwins(names) {
    const lower = new Map();
    const upper = new Map();
    const twins = [];
    for (const name of names) {
        const nfc = name.normalize('NFC');
        const l = nfc.toLowerCase().normalize('NFC');
        const u = nfc.toUpperCase().normalize('NFC');
        const twin = lower.get(l) ?? upper.get(u);
        if (twin !== undefined && twin !== name) {
            twins.push([twin, name]);
            continue;
        }
        lower.set(l, name);
        upper.set(u, name);
    }
    return twins;
}
/** "a" and "b", and N more pairs: the twins named in one line. */
function describeTwins(twins) {
    const shown = twins.slice(0, 3).map(([a, b]) => `${JSON.stringify(a)} and ${JSON.stringify(b)}`);
    const more = twins.length > shown.length ? `, and ${twins.length - shown.length} more pair(s)` : '';
    return shown.join('; ') + more;
}
/**
 * Refuses, when signing on any OS, names that a verifier on some runner could not check: a name
 * Windows reads otherwise (see windowsNameProblem), and twins that differ only in case or Unicode
 * normalization (one file on Windows and macOS, where a verifier would read it twice). `where`
 * says where the names came from (`path`, a checksum list). A configuration error: sign exits 2.
 */
function checkSealableNames(names, where) {
    for (const name of names) {
        const why = windowsNameProblem(name);
        if (why !== null) {
            throw new errors/* SealError */.EM('PATH_UNSAFE', `${where}: subject name ${JSON.stringify(name.slice(0, 200))} ${why}; a verifier on Windows would refuse the manifest, so it is not sealed`, name);
        }
    }
    const twins = findNameTwins(names);
    if (twins.length > 0) {
        throw new errors/* SealError */.EM('PATH_UNSAFE', `${where}: subjects ${describeTwins(twins)} differ only in letter case or Unicode normalization; they are one file on Windows and macOS, so the manifest could not be checked there`, twins[0][1]);
    }
}

// EXTERNAL MODULE: ./src/core/choice.ts
var choice = __nccwpck_require__(9364);
;// CONCATENATED MODULE: ./src/core/algorithms.ts

/** The content digests we support; the HMAC uses the same hash. */
const DIGEST_ALGORITHMS = ['sha256', 'sha384', 'sha512'];
/** Hex length of each algorithm's digest, used to validate manifest digests. */
const DIGEST_HEX_LENGTH = {
    sha256: 64,
    sha384: 96,
    sha512: 128
};
/** Parses the `algorithm` input; the verifier takes it from here, never from a manifest. */
function parseAlgorithm(value, inputName = 'algorithm') {
    return parseChoice(value, DIGEST_ALGORITHMS, inputName);
}

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const esm_path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? esm_path.win32.sep : esm_path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/core/glob.ts






/*
 * The @actions/glob pattern language (the one users know from upload-artifact and cache), matched
 * by a faster walker. The matching rules below are a port of @actions/glob 0.7's Pattern and
 * pattern helper, down to its quirks, with the same minimatch options; a differential test runs
 * both over a corpus of patterns. What is different is only the walk: one synchronous readdir with
 * file types per directory instead of an async stat per entry, a stat only for symbolic links, a
 * realpath only for symlinked directories, and nothing printed (@actions/glob writes `::debug::`
 * lines to stdout, which corrupts the CLI's output and --json).
 *
 * The options are fixed to what subjects need: files only (matchDirectories false), implicit
 * descendants, symbolic links followed (but never out of base-dir, and no directory twice). A
 * broken symbolic link that the patterns match is an error (all of them named), or omitted with
 * `omitBrokenLinks` (@actions/glob's omitBrokenSymbolicLinks); one that they exclude is skipped,
 * as @actions/glob's default skips it: an excluded path can never be a result.
 */
const SEP = external_node_path_.sep;
const IS_WINDOWS = process.platform === 'win32';
// dot: hidden files match; nobrace/noext: @actions/glob does not expand {a,b} or +(a|b).
const MINIMATCH_OPTIONS = {
    dot: true,
    nobrace: true,
    nocase: IS_WINDOWS,
    nocomment: true,
    noext: true,
    nonegate: true
};
const MATCH_DIRECTORY = 1;
const MATCH_FILE = 2;
const MATCH_ALL = MATCH_DIRECTORY | MATCH_FILE;
/** Collapses repeated separators (and turns / into \ on Windows). */
function normalizeSeparators(p) {
    if (IS_WINDOWS) {
        const q = p.replace(/\//g, '\\');
        return (/^\\\\+[^\\]/.test(q) ? '\\' : '') + q.replace(/\\\\+/g, '\\');
    }
    return p.replace(/\/\/+/g, '/');
}
/** Drops a trailing separator unless the path is a root. */
function trimTrailingSeparator(p) {
    const q = normalizeSeparators(p);
    if (!q.endsWith(SEP) || q === SEP || (IS_WINDOWS && /^[A-Z]:\\$/i.test(q)))
        return q;
    return q.slice(0, -1);
}
function hasRoot(p) {
    const q = normalizeSeparators(p);
    return IS_WINDOWS ? q.startsWith('\\') || /^[A-Z]:/i.test(q) : q.startsWith('/');
}
function dirname(p) {
    return external_node_path_.dirname(trimTrailingSeparator(p));
}
/** Splits a path into a root followed by plain segments, as @actions/glob's Path does. */
function segmentsOf(p) {
    const trimmed = trimTrailingSeparator(p);
    if (!hasRoot(trimmed))
        return trimmed.split(SEP);
    const segments = [];
    let remaining = trimmed;
    for (let dir = dirname(remaining); dir !== remaining; dir = dirname(remaining)) {
        segments.unshift(external_node_path_.basename(remaining));
        remaining = dir;
    }
    segments.unshift(remaining);
    return segments;
}
function joinSegments(segments) {
    let result = segments[0];
    let skipSlash = result.endsWith(SEP);
    for (let i = 1; i < segments.length; i++) {
        if (skipSlash)
            skipSlash = false;
        else
            result += SEP;
        result += segments[i];
    }
    return result;
}
/** The literal a pattern segment stands for, or '' when it holds a wildcard or a real character class. */
function literalOf(segment) {
    let literal = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '\\' && !IS_WINDOWS && i + 1 < segment.length) {
            literal += segment[++i];
            continue;
        }
        if (c === '*' || c === '?')
            return '';
        if (c === '[' && i + 1 < segment.length) {
            let set = '';
            let closed = -1;
            for (let j = i + 1; j < segment.length; j++) {
                const d = segment[j];
                if (d === '\\' && !IS_WINDOWS && j + 1 < segment.length) {
                    set += segment[++j];
                    continue;
                }
                if (d === ']') {
                    closed = j;
                    break;
                }
                set += d;
            }
            if (closed >= 0) {
                if (set.length > 1)
                    return '';
                if (set) {
                    literal += set;
                    i = closed;
                    continue;
                }
            }
        }
        literal += c;
    }
    return literal;
}
/** Escapes a literal path (the working directory) for use inside a pattern. */
function globEscape(s) {
    return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
function invalid(pattern, why) {
    throw new errors/* SealError */.EM('INPUT_INVALID', `path: invalid pattern ${JSON.stringify(pattern)}: ${why}`, 'path');
}
/** Makes a pattern absolute against `cwd` (or the home directory for `~`). */
function rootPattern(pattern, cwd) {
    const literals = segmentsOf(pattern).map(literalOf);
    if (!literals.every((x, i) => (x !== '.' || i === 0) && x !== '..'))
        invalid(pattern, "relative pathing '.' and '..' is not allowed");
    if (hasRoot(pattern) && !literals[0])
        invalid(pattern, 'the root segment must not contain globs');
    let p = normalizeSeparators(pattern);
    if (p === '.' || p.startsWith(`.${SEP}`))
        p = globEscape(cwd) + p.slice(1);
    else if (p === '~' || p.startsWith(`~${SEP}`))
        p = globEscape(external_node_os_.homedir()) + p.slice(1);
    else if (!hasRoot(p)) {
        const root = globEscape(cwd);
        p = (root.endsWith('/') || (IS_WINDOWS && root.endsWith('\\')) ? root : root + SEP) + p;
    }
    return normalizeSeparators(p);
}
class Pattern {
    isImplicit;
    negate;
    segments;
    trailingSeparator;
    searchPath;
    rootRegExp;
    minimatch;
    endsInGlobstar;
    /** For `<literal>/**`, the commonest pattern, `<literal>/`: a match is then a prefix test, no minimatch. */
    globstarPrefix;
    constructor(text, cwd, isImplicit = false) {
        this.isImplicit = isImplicit;
        let pattern = text.trim();
        let negate = false;
        while (pattern.startsWith('!')) {
            negate = !negate;
            pattern = pattern.slice(1).trim();
        }
        if (!pattern)
            invalid(text, 'it is empty');
        this.negate = negate;
        pattern = rootPattern(pattern, cwd);
        this.segments = segmentsOf(pattern);
        // A trailing separator means "directories only" (and, with implicit descendants, what is below them).
        this.trailingSeparator = normalizeSeparators(pattern).endsWith(SEP);
        pattern = trimTrailingSeparator(pattern);
        let foundGlob = false;
        const searchSegments = this.segments.map(literalOf).filter(x => !foundGlob && !(foundGlob = x === ''));
        this.searchPath = joinSegments(searchSegments);
        this.rootRegExp = new RegExp(searchSegments[0].replace(/[[\\^$.|?*+()]/g, '\\$&'), IS_WINDOWS ? 'i' : '');
        this.minimatch = new Minimatch(IS_WINDOWS ? pattern.replace(/\\/g, '/') : pattern, MINIMATCH_OPTIONS);
        this.endsInGlobstar = this.segments[this.segments.length - 1] === '**';
        const literalThenGlobstar = this.endsInGlobstar && searchSegments.length === this.segments.length - 1 && !IS_WINDOWS;
        this.globstarPrefix = literalThenGlobstar
            ? this.searchPath.endsWith(SEP)
                ? this.searchPath
                : this.searchPath + SEP
            : null;
    }
    /** The same pattern with `/**` appended: what "implicit descendants" adds. */
    descendants(cwd) {
        const text = joinSegments([...this.segments, '**']);
        return new Pattern(this.negate ? `!${text}` : text, cwd, true);
    }
    match(itemPath) {
        let p;
        if (this.endsInGlobstar) {
            p = normalizeSeparators(itemPath);
            // minimatch does not match `/foo/**` against `/foo` but does against `/foo/`.
            if (!p.endsWith(SEP) && !this.isImplicit)
                p += SEP;
            if (this.globstarPrefix !== null)
                return p.startsWith(this.globstarPrefix) ? (this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL) : 0;
        }
        else {
            p = trimTrailingSeparator(itemPath);
        }
        if (this.minimatch.match(p))
            return this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL;
        return 0;
    }
    /** Whether something below `itemPath` could match, i.e. whether to descend into it. */
    partialMatch(itemPath) {
        const p = trimTrailingSeparator(itemPath);
        if (dirname(p) === p)
            return this.rootRegExp.test(p);
        return this.minimatch.matchOne(p.split(IS_WINDOWS ? /\\+/ : /\/+/), this.minimatch.set[0], true);
    }
}
function matchAll(patterns, itemPath) {
    let result = 0;
    for (const pattern of patterns) {
        if (pattern.negate)
            result &= ~pattern.match(itemPath);
        else
            result |= pattern.match(itemPath);
    }
    return result;
}
function partialMatchAny(patterns, itemPath) {
    return patterns.some(x => !x.negate && x.partialMatch(itemPath));
}
/** Search roots: the literal prefix of each including pattern, without duplicates or descendants of another root. */
function searchPaths(patterns) {
    const including = patterns.filter(x => !x.negate);
    const key = (p) => (IS_WINDOWS ? p.toUpperCase() : p);
    const seen = new Map();
    for (const pattern of including)
        seen.set(key(pattern.searchPath), 'candidate');
    const result = [];
    for (const pattern of including) {
        const k = key(pattern.searchPath);
        if (seen.get(k) === 'included')
            continue;
        let foundAncestor = false;
        for (let temp = k, parent = dirname(temp); parent !== temp; temp = parent, parent = dirname(temp)) {
            if (seen.has(parent)) {
                foundAncestor = true;
                break;
            }
        }
        if (!foundAncestor) {
            result.push(pattern.searchPath);
            seen.set(k, 'included');
        }
    }
    return result;
}
/** Parses newline-separated patterns (blank lines and `#` comments skipped) into the list matched in order. */
function parsePatterns(lines, cwd) {
    const patterns = [];
    for (const line of lines.flatMap(l => l.split('\n')).map(l => l.trim())) {
        if (!line || line.startsWith('#'))
            continue;
        const pattern = new Pattern(line, cwd);
        patterns.push(pattern);
        if (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== '**')
            patterns.push(pattern.descendants(cwd));
    }
    return patterns;
}
function kindOf(entry) {
    if (entry.isDirectory())
        return 'dir';
    if (entry.isFile() || entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice())
        return 'file';
    return null; // a symbolic link, or a file system that does not report types
}
function unreadable(item, error) {
    const code = error.code;
    if (code === 'ENOENT')
        return new errors/* SealError */.EM('FILE_MISSING', `path: ${item.path} is a broken symbolic link (its target does not exist)`, item.path);
    if (code === 'ELOOP')
        return new errors/* SealError */.EM('FILE_UNREADABLE', `path: ${item.path}: ${(0,errors/* describeFsError */.TQ)(error)}`, item.path);
    return new errors/* SealError */.EM('FILE_UNREADABLE', `path: cannot read ${item.path}: ${error.message}`, item.path, {
        cause: error
    });
}
/** What `item` is, following symbolic links: a directory (and whether a link led to it) or anything else; a broken link is an error naming it. */
function look(item) {
    if (item.kind)
        return { dir: item.kind === 'dir', linked: false };
    try {
        const linked = external_node_fs_.lstatSync(item.path).isSymbolicLink();
        return { dir: (linked ? external_node_fs_.statSync(item.path) : external_node_fs_.lstatSync(item.path)).isDirectory(), linked };
    }
    catch (error) {
        throw unreadable(item, error);
    }
}
/** Symbolic links the patterns match whose targets do not exist; every one of them, not only the first. */
class BrokenLinksError extends errors/* SealError */.EM {
    paths;
    constructor(paths) {
        const shown = paths.slice(0, 10).join(', ') + (paths.length > 10 ? `, … and ${paths.length - 10} more` : '');
        super('FILE_MISSING', `path: ${paths.length === 1 ? `${paths[0]} is a broken symbolic link` : `${paths.length} broken symbolic links`} (target does not exist)${paths.length === 1 ? '' : `: ${shown}`}; exclude with a ! pattern or set omit-broken-symbolic-links`, paths[0]);
        this.paths = paths;
    }
}
function isBrokenLink(error) {
    return error instanceof errors/* SealError */.EM && error.code === 'FILE_MISSING';
}
/**
 * Absolute paths of the files (not directories) that @actions/glob patterns match, in walk order.
 * Patterns are relative to `cwd`; a path through a symbolic link is reported as that path, not as
 * the link's target. Prints nothing.
 */
function globFiles(patternLines, cwd = process.cwd(), limits = {}) {
    const patterns = parsePatterns(patternLines, external_node_path_.resolve(cwd));
    const results = [];
    const stack = [];
    // Each directory is listed once, by device and inode, however many links lead to it: a cycle
    // ends there, and so do two links per level to the next (exponential when walked as paths).
    const listed = new Set();
    const broken = [];
    for (const root of searchPaths(patterns)) {
        try {
            external_node_fs_.lstatSync(root);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                continue;
            throw new errors/* SealError */.EM('FILE_UNREADABLE', `path: cannot read ${root}: ${error.message}`, root, {
                cause: error
            });
        }
        stack.unshift({ path: root, real: null, kind: null });
    }
    while (stack.length > 0) {
        const item = stack.pop();
        const match = matchAll(patterns, item.path);
        const partial = match !== 0 || partialMatchAny(patterns, item.path);
        if (!partial)
            continue;
        let looked;
        try {
            looked = look(item);
        }
        catch (error) {
            if (!isBrokenLink(error))
                throw error;
            // Excluded, or only on the way to a match: it can never be a result, so it is never an error.
            if (match & MATCH_FILE && !limits.omitBrokenLinks)
                broken.push(item.path);
            continue;
        }
        const { dir, linked } = looked;
        if (!dir) {
            if (match & MATCH_FILE)
                results.push(item.path);
            continue;
        }
        let real;
        let id;
        try {
            real = item.real ?? external_node_fs_.realpathSync.native(item.path);
            const stats = external_node_fs_.statSync(item.path, { bigint: true });
            id = `${stats.dev}:${stats.ino}`;
        }
        catch (error) {
            throw unreadable(item, error);
        }
        if (limits.within !== undefined && !isInside(limits.within, real)) {
            if (linked)
                throw new errors/* SealError */.EM('PATH_UNSAFE', `path: ${item.path} is a symbolic link to ${real}, outside base-dir ${limits.within}; it is not followed`, item.path);
            if ((limits.base !== undefined && isInside(limits.base, item.path)) || isInside(limits.within, item.path)) {
                throw new errors/* SealError */.EM('PATH_UNSAFE', `path: ${item.path} resolves to ${real}, outside base-dir ${limits.within} (a link or junction on the way); it is not followed`, item.path);
            }
        }
        if (listed.has(id))
            continue;
        listed.add(id);
        let entries;
        try {
            entries = external_node_fs_.readdirSync(item.path, { withFileTypes: true });
        }
        catch (error) {
            throw new errors/* SealError */.EM('FILE_UNREADABLE', `path: cannot list ${item.path}: ${error.message}`, item.path, {
                cause: error
            });
        }
        // Parents are already normalized and names hold no separator, so plain concatenation is path.join.
        const prefix = item.path.endsWith(SEP) ? item.path : item.path + SEP;
        const realPrefix = real.endsWith(SEP) ? real : real + SEP;
        // Pushed in reverse so that the walk order is readdir's order, as in @actions/glob.
        for (let i = entries.length - 1; i >= 0; i--) {
            const entry = entries[i];
            const kind = kindOf(entry);
            stack.push({ path: prefix + entry.name, real: kind === 'dir' ? realPrefix + entry.name : null, kind });
        }
    }
    if (broken.length > 0)
        throw new BrokenLinksError(broken);
    return results;
}
/**
 * The including patterns (as written) that match none of `files` (a walk's result, exclusions
 * already applied):
 * `dsit/**` beside `dist/**` checks nothing, and saying so is how verify fails closed.
 */
function unmatchedPatterns(patternLines, files, cwd = process.cwd()) {
    const root = external_node_path_.resolve(cwd);
    const unmatched = [];
    for (const line of patternLines.flatMap(l => l.split('\n')).map(l => l.trim())) {
        if (!line || line.startsWith('#') || line.startsWith('!'))
            continue;
        const own = parsePatterns([line], root);
        if (!files.some(file => matchAll(own, file) & MATCH_FILE))
            unmatched.push(line);
    }
    return unmatched;
}

;// CONCATENATED MODULE: ./src/core/subjects.ts





/**
 * C0 control characters but newline, DEL and C1 controls (NUL has its own message). A newline is allowed
 * because coreutils lists can carry it (escaped); every message that prints a name escapes it
 * (see oneLine), as do our sha256sum lists and the job summary.
 */
const CONTROL_CHAR = /[\x01-\x09\x0b-\x1f\x7f-\x9f]/;
/** Longest subject name we accept; Linux's PATH_MAX. */
const MAX_NAME_LENGTH = 4096;
/**
 * The path rules for a subject name, applied when signing and again when verifying: a relative
 * POSIX path of plain segments. Backslashes are split on as well, so that a name cannot climb out
 * of base-dir on Windows either. What Windows and macOS add (device names, `:`, case twins) is in
 * names.ts: sign applies it on every OS, verify on the OS it concerns.
 */
function checkSubjectName(name, where) {
    const refuse = (why) => {
        // SealError escapes control characters, in `where` (a file path) as in the name.
        throw new errors/* SealError */.EM('PATH_UNSAFE', `${where}: subject name ${JSON.stringify(name.slice(0, 200))} ${why}`, name);
    };
    if (name.length === 0)
        refuse('is empty');
    if (name.length > MAX_NAME_LENGTH)
        refuse(`is longer than ${MAX_NAME_LENGTH} characters`);
    if (name.includes('\0'))
        refuse('contains a NUL byte');
    // A carriage return or escape sequence would rewrite what a terminal shows; nothing needs them.
    if (CONTROL_CHAR.test(name))
        refuse('contains a control character');
    // A lone surrogate is written to the filesystem as U+FFFD: two names would open one file.
    if (name.includes('\uFFFD') || /\p{Cs}/u.test(name))
        refuse('is not valid UTF-8');
    if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name))
        refuse('is absolute');
    for (const segment of name.split(/[/\\]/)) {
        if (segment === '..')
            refuse('contains ".."');
        if (segment === '.' || segment === '')
            refuse('is not a normalized relative path');
    }
}
/**
 * Orders names by their UTF-8 bytes, the order of `LC_ALL=C sort`, so any tool can reproduce it.
 * Compared by UTF-16 code units without encoding (100,000 names sort in a blink): the orders
 * agree except that a surrogate (a code point above U+FFFF) must sort after U+E000..U+FFFF.
 */
function compareNames(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(i);
        if (x === y)
            continue;
        if (x >= 0xd800 && x <= 0xdfff)
            x += 0x10000;
        if (y >= 0xd800 && y <= 0xdfff)
            y += 0x10000;
        return x < y ? -1 : 1;
    }
    return a.length - b.length;
}
/**
 * The name of `file` relative to `root` (always with `/`), or null when it is not below it.
 * `paths` is the platform's path module (path.win32 in tests of Windows rules).
 */
function relativeName(root, file, paths) {
    if (paths.sep === '/') {
        // Walked paths are absolute and normalized: below base-dir a name is a plain suffix, no path.relative needed.
        const prefix = root.endsWith('/') ? root : root + '/';
        return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : null;
    }
    const rel = paths.relative(root, file);
    return rel === '' || !isInside(root, file, paths) ? null : rel.split(paths.sep).join('/');
}
/** The subject name of `file` relative to `baseDir` (always with `/`), or an error naming the file if it lies outside. */
function subjectNameFor(baseDir, file, paths = path) {
    const name = relativeName(baseDir, file, paths);
    if (name === null)
        throw new SealError('PATH_UNSAFE', `${file} is outside base-dir ${baseDir}`, file);
    checkSubjectName(name, file);
    return name;
}
/** Splits a newline-separated pattern input into patterns, dropping blanks and comments. */
function splitPatterns(text) {
    return text
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line.length > 0 && !line.startsWith('#'));
}
/** Where relative patterns start, as every message about a pattern says it. */
function relativeTo(cwd) {
    return `patterns are relative to ${external_node_path_.resolve(cwd)}`;
}
/** The patterns as one quoted, comma-separated list for a message. */
function quotePatterns(patterns) {
    return patterns.map(p => `'${p}'`).join(', ');
}
/**
 * Files matched by @actions/glob patterns (the language users know from upload-artifact and
 * cache: `!` excludes, `**`, hidden files included), as sorted subject names relative to baseDir.
 * `exclude` holds absolute paths never to return (the manifest itself). Patterns are relative to
 * `cwd` (the working directory, as in @actions/glob); the walk never follows a link out of base-dir.
 * Matching no file is NO_FILES, and a file outside base-dir INPUT_INVALID: both are the
 * configuration, named with the folder the patterns are relative to.
 */
async function findSubjects(patterns, baseDir, exclude = [], cwd = process.cwd(), options = {}) {
    if (patterns.length === 0)
        throw new errors/* SealError */.EM('INPUT_INVALID', 'path has no patterns', 'path');
    const base = external_node_path_.resolve(baseDir);
    // fs.promises.realpath asks the OS, as realpathSync.native does. A path may be spelled either
    // way: on macOS base-dir /var/folders/x is /private/var/folders/x, and the working directory
    // (getcwd) and so the walked paths are the real one; on Windows RUNNER~1 is runneradmin.
    const realBase = await promises_.realpath(base);
    const files = globFiles(patterns, cwd, { base, within: realBase, omitBrokenLinks: options.omitBrokenLinks });
    const roots = realBase === base ? [base] : [base, realBase];
    const nameOf = (file) => {
        for (const root of roots) {
            const name = relativeName(root, file, external_node_path_);
            if (name !== null)
                return name;
        }
        return null;
    };
    const skip = new Set(exclude.map(p => nameOf(external_node_path_.resolve(p))));
    const kept = files.filter(file => !skip.has(nameOf(file)));
    const unmatched = options.eachPatternMatches
        ? unmatchedPatterns(patterns, kept, cwd)
        : kept.length === 0
            ? patterns
            : [];
    if (unmatched.length > 0) {
        throw new errors/* SealError */.EM('NO_FILES', `path matched no files: ${quotePatterns(unmatched)} (${relativeTo(cwd)}; base-dir is ${base})`, 'path');
    }
    const names = new Set();
    for (const file of kept) {
        const name = nameOf(file);
        // A plain path outside base-dir (links out are refused by the walk): the patterns look elsewhere.
        if (name === null)
            throw new errors/* SealError */.EM('INPUT_INVALID', `path matches ${file}, outside base-dir ${base} (${relativeTo(cwd)})`, 'path');
        checkSubjectName(name, file);
        names.add(name);
    }
    return [...names].sort(compareNames);
}

;// CONCATENATED MODULE: ./src/core/statement.ts





const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** Our predicate, specified in docs/manifest.md. */
const PREDICATE_TYPE = 'https://github.com/acme/artifact-seal/blob/v1/docs/manifest.md#predicate-v1';
/** Serializes a statement to the exact bytes that are signed. */
function encodeStatement(statement) {
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
const CONTEXT_FIELDS = ['repository', 'commit', 'ref', 'workflowRef', 'runId', 'runAttempt', 'serverUrl'];
/**
 * Fields that 1.0.0 did not write. Absent, they decode as null ("unknown"), so that old manifests
 * still verify and a policy that asks about one of them fails (core/policy.ts), never passes.
 */
const LATER_CONTEXT_FIELDS = ['job', 'label', 'eventName', 'runnerEnvironment', 'workflowSha'];
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
/**
 * Shortens manifest text echoed in a message: a statement is only parsed after its MAC matched,
 * but a key holder's mistake (or a 40 MB key name) should still cost one readable line, not 40 MB.
 */
function shown(text, max = 64) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
function fail(path, why) {
    throw new errors/* SealError */.EM('MANIFEST_INVALID', `statement field ${path} ${why}`, path);
}
function onlyKeys(obj, allowed, path) {
    for (const key of Object.keys(obj)) {
        if (!allowed.includes(key))
            fail(path === '' ? shown(key) : `${path}.${shown(key)}`, 'is not part of the format');
    }
}
function time(value, path) {
    if (typeof value !== 'string' || !RFC3339_UTC.test(value) || Number.isNaN(Date.parse(value))) {
        fail(path, 'is not an RFC 3339 UTC time');
    }
    return value;
}
/**
 * Parses the statement from exactly the payload bytes whose MAC matched, and checks it has the
 * documented shape. `algorithm` is the verifier's own configuration: a subject digested with
 * any other algorithm is refused rather than trusted.
 */
function decodeStatement(payload, algorithm) {
    const text = (0,encoding/* decodeUtf8Strict */.h)(payload) ?? fail('payload', 'is not UTF-8');
    const value = parseJsonStrict(text, 'statement');
    if (!isObject(value))
        fail('$', 'is not a JSON object');
    onlyKeys(value, ['_type', 'subject', 'predicateType', 'predicate'], '');
    if (value._type !== STATEMENT_TYPE)
        fail('_type', `is not ${STATEMENT_TYPE}`);
    if (value.predicateType !== PREDICATE_TYPE)
        fail('predicateType', `is not ${PREDICATE_TYPE}`);
    const predicate = value.predicate;
    if (!isObject(predicate))
        fail('predicate', 'is not an object');
    const fields = decodeFields(predicate, algorithm, 'predicate');
    const subjects = value.subject;
    if (!Array.isArray(subjects) || subjects.length === 0)
        fail('subject', 'is not a non-empty array');
    const seen = new Set();
    const hexLength = DIGEST_HEX_LENGTH[algorithm];
    const subject = subjects.map((s, i) => {
        const path = `subject[${i}]`;
        if (!isObject(s))
            fail(path, 'is not an object');
        onlyKeys(s, ['name', 'digest'], path);
        if (typeof s.name !== 'string')
            fail(`${path}.name`, 'is not a string');
        checkSubjectName(s.name, `statement field ${path}.name`);
        if (seen.has(s.name))
            fail(`${path}.name`, `repeats the subject name ${JSON.stringify(shown(s.name, 200))}`);
        seen.add(s.name);
        const digest = s.digest;
        if (!isObject(digest))
            fail(`${path}.digest`, 'is not an object');
        const algorithms = Object.keys(digest);
        if (algorithms.length !== 1 || algorithms[0] !== algorithm) {
            fail(`${path}.digest`, `has ${shown(algorithms.join(', ')) || 'no digest'}; this verifier accepts exactly one ${algorithm} digest`);
        }
        const hex = digest[algorithm];
        if (typeof hex !== 'string' || hex.length !== hexLength || !/^[0-9a-f]+$/.test(hex)) {
            fail(`${path}.digest.${algorithm}`, `is not ${hexLength} lowercase hex digits`);
        }
        return { name: s.name, digest: { [algorithm]: hex } };
    });
    const parts = predicate.parts === undefined ? undefined : decodeParts(predicate.parts, algorithm, seen);
    return {
        _type: STATEMENT_TYPE,
        subject,
        predicateType: PREDICATE_TYPE,
        predicate: parts === undefined ? fields : { ...fields, parts }
    };
}
/** The fields every seal's predicate has, at `at` (`predicate` or `predicate.parts[i]`). */
function decodeFields(predicate, algorithm, at) {
    if (predicate.algorithm !== algorithm) {
        fail(`${at}.algorithm`, `is ${shown(String(JSON.stringify(predicate.algorithm)))}, but this verifier is configured for ${algorithm}`);
    }
    const context = {};
    for (const key of CONTEXT_FIELDS) {
        const v = predicate[key];
        if (v !== null && typeof v !== 'string')
            fail(`${at}.${key}`, 'is not a string or null');
        context[key] = v;
    }
    for (const key of LATER_CONTEXT_FIELDS) {
        const v = predicate[key];
        if (v !== undefined && v !== null && typeof v !== 'string')
            fail(`${at}.${key}`, 'is not a string or null');
        context[key] = v ?? null;
    }
    const createdAt = time(predicate.createdAt, `${at}.createdAt`);
    const expiresAt = predicate.expiresAt === null ? null : time(predicate.expiresAt, `${at}.expiresAt`);
    const tool = predicate.tool;
    if (!isObject(tool) || typeof tool.name !== 'string' || typeof tool.version !== 'string') {
        fail(`${at}.tool`, 'is not an object with string name and version');
    }
    return {
        ...context,
        algorithm,
        createdAt,
        expiresAt,
        tool: { name: tool.name, version: tool.version }
    };
}
/** A merged manifest's parts: each names only subjects the statement lists. */
function decodeParts(value, algorithm, listed) {
    if (!Array.isArray(value) || value.length === 0)
        fail('predicate.parts', 'is not a non-empty array');
    return value.map((part, i) => {
        const at = `predicate.parts[${i}]`;
        if (!isObject(part))
            fail(at, 'is not an object');
        const fields = decodeFields(part, algorithm, at);
        for (const key of ['manifest', 'keyId'])
            if (typeof part[key] !== 'string')
                fail(`${at}.${key}`, 'is not a string');
        if (typeof part.manifestSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(part.manifestSha256))
            fail(`${at}.manifestSha256`, 'is not 64 lowercase hex digits');
        const names = part.subjects;
        if (!Array.isArray(names) || !names.every(n => typeof n === 'string' && listed.has(n)))
            fail(`${at}.subjects`, 'is not an array of names the statement lists');
        return {
            ...fields,
            manifest: part.manifest,
            manifestSha256: part.manifestSha256,
            keyId: part.keyId,
            subjects: names
        };
    });
}

;// CONCATENATED MODULE: ./src/core/seal.ts











/** Builds the statement over already-hashed subjects; subjects are sorted by name. */
function buildStatement(subjects, algorithm, context, now, expiresInMs) {
    const sorted = [...subjects].sort((a, b) => compareNames(a.name, b.name));
    return {
        _type: STATEMENT_TYPE,
        subject: sorted.map(s => ({ name: s.name, digest: { [algorithm]: s.digest } })),
        predicateType: PREDICATE_TYPE,
        predicate: {
            ...context,
            algorithm,
            createdAt: now.toISOString(),
            expiresAt: expiresInMs === undefined ? null : new Date(now.getTime() + expiresInMs).toISOString(),
            tool: { name: version/* TOOL_NAME */.l, version: version/* TOOL_VERSION */.w }
        }
    };
}
/** Refuses key lists that would make a manifest no verifier accepts: none, or more signatures than verify tries. */
function checkSigningKeys(keys) {
    if (keys.length === 0)
        throw new errors/* SealError */.EM('KEY_INVALID', 'no key to sign with', 'key');
    if (keys.length > MAX_SIGNATURES) {
        throw new errors/* SealError */.EM('KEY_INVALID', `key has ${keys.length} key lines; at most ${MAX_SIGNATURES} can sign (verify tries at most ${MAX_SIGNATURES} signatures)`, 'key');
    }
}
/** Signs a statement with every key (one signature each) and returns the envelope's bytes. */
async function signStatement(statement, keys) {
    checkSigningKeys(keys);
    const payload = encodeStatement(statement);
    const message = pae(IN_TOTO_PAYLOAD_TYPE, payload);
    const signatures = [];
    for (const key of keys)
        signatures.push({ keyid: key.keyId, sig: await key.sign(message) });
    return { bytes: encodeEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, signatures), keyIds: keys.map(k => k.keyId) };
}
/** Resolves base-dir and checks it is a directory, naming the input when it is not. */
async function checkBaseDir(baseDir) {
    const resolved = external_node_path_.resolve(baseDir);
    const stats = await promises_.stat(resolved).catch(() => null);
    if (!stats?.isDirectory())
        throw new errors/* SealError */.EM('INPUT_INVALID', `base-dir ${resolved} is not a directory`, 'base-dir');
    return resolved;
}
/**
 * Sign: match the patterns, hash every file, sign the statement and write the manifest
 * atomically. Nothing is written unless every step succeeded.
 */
async function seal(options) {
    checkSigningKeys(options.keys);
    const baseDir = await checkBaseDir(options.baseDir);
    const manifestPath = external_node_path_.resolve(options.manifestPath);
    // Zero matches is an error (NO_FILES) naming the folder the patterns are relative to.
    const names = await findSubjects(options.patterns, baseDir, [manifestPath], options.cwd, {
        omitBrokenLinks: options.omitBrokenLinks
    });
    // Before any file is read: a name no Windows or macOS verifier could check is refused here.
    checkSealableNames(names, 'path');
    const outcomes = await hashMany(baseDir, names, options.algorithm, {
        ...options.hashing,
        allowLinks: options.allowSymlinks
    });
    const subjects = [];
    for (const outcome of outcomes) {
        if (!outcome.ok)
            throw outcome.error;
        subjects.push(outcome.value);
    }
    return writeSealed(subjects, { ...options, manifestPath });
}
/**
 * Signs subjects whose digests are already known and writes the manifest atomically. `seal`
 * ends here; a checksum list made by another job starts here, so its files are never re-read.
 * The names obey the same rules as seal's (checkSealableNames).
 */
async function sealSubjects(subjects, options) {
    checkSealableNames(subjects.map(s => s.name), 'subjects');
    return writeSealed(subjects, options);
}
/** Signs and writes; the names were checked by the caller. */
async function writeSealed(subjects, options) {
    const manifestPath = external_node_path_.resolve(options.manifestPath);
    const statement = buildStatement(subjects, options.algorithm, options.context, options.now ?? new Date(), options.expiresInMs);
    const { bytes, keyIds } = await signStatement(statement, options.keys);
    await writeFileAtomic(manifestPath, bytes);
    return {
        manifestPath,
        manifestBytes: bytes,
        manifestSha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
        subjects,
        keyIds,
        statement
    };
}

;// CONCATENATED MODULE: ./src/core/diagnose.ts



/*
 * What a failed verify can say beyond its list of problems: why the signature did not check (key
 * ids are public, and a MAC's length gives its hash away), and where the files are when most of
 * the listed ones are missing (a wrong base-dir). Nothing here prints key material, and nothing
 * here decides the verdict: these are hints beside the problems.
 */
/** The MAC length of each hash: HMAC-H's output is H's. */
const MAC_BYTES = { sha256: 32, sha384: 48, sha512: 64 };
/** The hash whose HMAC is `bytes` long, or null. */
function algorithmOfMac(bytes) {
    return DIGEST_ALGORITHMS.find(a => MAC_BYTES[a] === bytes) ?? null;
}
/** A key id from the manifest as printed: unauthenticated text, so bounded. */
function shownKeyId(keyid) {
    return keyid.length > 80 ? `${keyid.slice(0, 77)}…` : keyid || '(empty)';
}
/**
 * The SIGNATURE_INVALID line: which key ids the manifest names and which the verifier has, and
 * what tells a wrong key from a wrong algorithm or an altered manifest. The manifest's key ids
 * are hints an attacker can write, so the line says "names", never "was signed by".
 */
function signatureMismatch(manifestPath, signatures, keys, algorithm) {
    const theirs = [...new Set(signatures.map(s => shownKeyId(s.keyid)))];
    const ours = keys.map(k => k.keyId);
    const head = `manifest ${manifestPath}: no signature matches any configured key`;
    if (signatures.length === 0)
        return `${head}: the manifest has no signatures`;
    const lengths = [...new Set(signatures.map(s => s.sig.length))];
    const macAlgorithms = lengths.map(algorithmOfMac);
    const tried = `the manifest names key id(s) ${theirs.join(', ')}; yours: ${ours.join(', ')}`;
    if (!macAlgorithms.includes(algorithm)) {
        const known = macAlgorithms.filter((a) => a !== null);
        const why = known.length > 0
            ? `its MACs are ${known.join('/')} (${lengths.join('/')} bytes) and you verify with ${algorithm}: set algorithm to ${known[0]}`
            : `its MACs are ${lengths.join('/')} bytes, no ${algorithm} MAC (${MAC_BYTES[algorithm]} bytes)`;
        return `${head}: ${why} (${tried})`;
    }
    const shared = ours.filter(id => signatures.some(s => s.keyid === id));
    if (shared.length > 0) {
        return `${head}: the manifest names your key ${shared.join(', ')} but its ${algorithm} MAC does not match: the manifest was altered after signing, or signed by another key under that id (${tried})`;
    }
    return `${head}: a different key (${tried}; ${algorithm})`;
}
/** Names sampled to guess a base-dir: enough to be sure, few enough to stay instant on 100,000. */
const SAMPLE = 50;
/** Folders below base-dir tried as the base-dir the names are relative to. */
const MAX_CANDIDATE_DIRS = 200;
function exists(file) {
    try {
        return external_node_fs_.lstatSync(file).isFile();
    }
    catch {
        return false;
    }
}
/** `dir` as the user would write it: relative to the working directory when it lies below it. */
function diagnose_shown(dir, cwd) {
    const rel = external_node_path_.relative(cwd, dir);
    if (rel === '')
        return '.';
    return rel.startsWith('..') || external_node_path_.isAbsolute(rel) ? dir : rel.split(external_node_path_.sep).join('/');
}
/** Folders up to two levels below `baseDir`, at most MAX_CANDIDATE_DIRS, hidden ones and node_modules last. */
function foldersBelow(baseDir) {
    const found = [];
    const list = (dir) => {
        try {
            return external_node_fs_.readdirSync(dir, { withFileTypes: true })
                .filter(e => e.isDirectory())
                .map(e => external_node_path_.join(dir, e.name));
        }
        catch {
            return [];
        }
    };
    for (const child of list(baseDir)) {
        if (found.length >= MAX_CANDIDATE_DIRS)
            break;
        found.push(child);
        for (const grandchild of list(child))
            if (found.length < MAX_CANDIDATE_DIRS)
                found.push(grandchild);
    }
    return found;
}
/**
 * When most listed files are missing: one line saying how many and what base-dir is, and the
 * base-dir under which the names line up when one does (files found one or two folders below, or
 * above because the names start with the folder's own name). Null when few are missing.
 */
function diagnoseMissing(baseDir, listed, missing, cwd = process.cwd()) {
    if (listed === 0 || missing.length < 2 || missing.length * 2 <= listed)
        return null;
    const head = `${missing.length} of ${listed} listed files are missing under base-dir ${baseDir}`;
    const sample = missing.slice(0, SAMPLE);
    const fits = (dir) => sample.filter(name => exists(external_node_path_.join(dir, name))).length * 2 > sample.length;
    const candidates = [external_node_path_.dirname(baseDir), external_node_path_.dirname(external_node_path_.dirname(baseDir)), ...foldersBelow(baseDir)].filter(d => d !== baseDir);
    const better = candidates.find(fits);
    if (better)
        return `${head}; the names line up with base-dir ${diagnose_shown(better, cwd)} (set base-dir to it)`;
    // Names that carry a folder the files are not in: `dist/index.html` listed, `index.html` there.
    const first = sample[0].split('/')[0];
    if (sample.every(name => name.startsWith(first + '/'))) {
        const stripped = sample.filter(name => exists(external_node_path_.join(baseDir, name.slice(first.length + 1)))).length;
        if (stripped * 2 > sample.length) {
            return `${head}; the names start with ${first}/ but the files are in base-dir itself: put them in ${diagnose_shown(external_node_path_.join(baseDir, first), cwd)}, or seal with base-dir set to ${first}`;
        }
    }
    return `${head}; is base-dir right?`;
}
/** Problems printed one per line (the CLI's log, the action's annotations) before the rest are counted. */
const MAX_PRINTED_PROBLEMS = 50;
/**
 * The first MAX_PRINTED_PROBLEMS problems, and one line counting the rest by code (null when
 * none are left out): 6,202 FILE_MISSING lines bury the one that matters. Every problem stays
 * in --json and in the job summary.
 */
function capProblems(problems, where) {
    if (problems.length <= MAX_PRINTED_PROBLEMS)
        return { shown: problems, rest: null };
    const left = problems.slice(MAX_PRINTED_PROBLEMS);
    const counts = new Map();
    for (const p of left)
        counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    const byCode = [...counts].map(([code, n]) => `${n} ${code}`).join(', ');
    return {
        shown: problems.slice(0, MAX_PRINTED_PROBLEMS),
        rest: `… and ${left.length} more problem(s) (${byCode}); all of them ${where}`
    };
}

;// CONCATENATED MODULE: ./src/core/duration.ts

const UNIT_MS = {
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 7 * 86_400_000
};
/** Parses `45s`, `30m`, `12h`, `90d` or `2w` into milliseconds; refuses zero, signs and fractions. */
function parseDuration(value, inputName) {
    const match = /^([1-9][0-9]{0,8})([smhdw])$/.exec(value.trim());
    if (!match) {
        throw new errors/* SealError */.EM('INPUT_INVALID', `Invalid ${inputName} input: "${value}". Use a whole number and a unit s, m, h, d or w, for example 30m or 7d`, inputName);
    }
    return Number(match[1]) * UNIT_MS[match[2]];
}
/** Formats milliseconds as the largest whole unit, for messages. */
function formatDuration(ms) {
    const abs = Math.abs(ms);
    if (abs >= 86_400_000)
        return `${(ms / 86_400_000).toFixed(1)}d`;
    if (abs >= 3_600_000)
        return `${(ms / 3_600_000).toFixed(1)}h`;
    if (abs >= 60_000)
        return `${(ms / 60_000).toFixed(1)}m`;
    return `${Math.round(ms / 1000)}s`;
}

;// CONCATENATED MODULE: ./src/core/policy.ts


/**
 * The `path` input's minimatch options (src/core/glob.ts), so that `*` stops at `/` and
 * `refs/tags/v*` never matches `refs/heads/v1`, except `nocase`: path matching follows the file
 * system (case-insensitive on Windows), but a ref or a workflow path is the same string on every
 * verifier, and the verdict must be too. `!` is handled below, as @actions/glob handles it.
 */
const MATCH_OPTIONS = { dot: true, nobrace: true, nocase: false, nocomment: true, noext: true, nonegate: true };
/** A compiled pattern list: in order, the last pattern that matches decides, as in `path`. */
class PatternList {
    patterns;
    matchers;
    /**
     * With `descendants`, a pattern also matches what lies below what it names, as `path` does
     * (`dist` matches `dist/app.js`): for patterns over subject names.
     */
    constructor(patterns, options = {}) {
        this.patterns = patterns;
        this.matchers = patterns.map(p => {
            const exclude = p.startsWith('!');
            const text = exclude ? p.slice(1) : p;
            const below = options.descendants && !text.endsWith('/**')
                ? new Minimatch(`${text.replace(/\/+$/, '')}/**`, MATCH_OPTIONS)
                : null;
            return { exclude, matcher: new Minimatch(text, MATCH_OPTIONS), descendants: below };
        });
    }
    /** Whether the pattern at `index` on its own (ignoring the others) matches `value`. */
    matchesOne(index, value) {
        const { matcher, descendants } = this.matchers[index];
        return matcher.match(value) || (descendants?.match(value) ?? false);
    }
    /** Whether `value` is matched by an including pattern and not excluded by a later one. */
    matches(value) {
        let matched = false;
        this.matchers.forEach(({ exclude }, i) => {
            if (matched === exclude && this.matchesOne(i, value))
                matched = !exclude;
        });
        return matched;
    }
}
function refuse(option, why) {
    throw new errors/* SealError */.EM('INPUT_INVALID', `${option} ${why}`, option);
}
/**
 * Parses glob patterns given one per line (and, in the CLI, once per flag). Blank lines and `#`
 * comments are skipped as in `path`; an empty pattern given on purpose (`--expected-ref ''`, a
 * lone `!`) is refused, as is a list that only excludes: either would be a policy nothing passes
 * that looks like one everything passes.
 */
function policy_parsePatterns(values, option) {
    const patterns = [];
    for (const value of values) {
        const lines = value.split(/\r?\n/).map(l => l.trim());
        if (lines.every(l => l === ''))
            refuse(option, 'has an empty pattern');
        for (const line of lines) {
            if (line === '' || line.startsWith('#'))
                continue;
            if (line === '!')
                refuse(option, 'has an empty pattern: a lone !');
            patterns.push(line);
        }
    }
    if (values.length > 0 && patterns.length === 0)
        refuse(option, 'has no pattern, only comments');
    if (values.length > 0 && !patterns.some(p => !p.startsWith('!')))
        refuse(option, 'has no pattern that is not an exclusion (!)');
    return patterns;
}
/** Event names separated by commas or newlines (`push, release`); an empty one is refused. */
function parseEvents(values, option) {
    const events = [];
    for (const value of values) {
        const lines = value.split(/\r?\n/).map(l => l.trim());
        if (lines.every(l => l === ''))
            refuse(option, 'has an empty event name');
        for (const line of lines) {
            if (line === '')
                continue;
            for (const item of line.split(',').map(e => e.trim())) {
                if (item === '')
                    refuse(option, `has an empty event name in "${line}"`);
                if (!/^[A-Za-z0-9_.-]+$/.test(item))
                    refuse(option, `has "${item}", which is not an event name (such as push, release, workflow_dispatch); separate names with commas`);
                events.push(item);
            }
        }
    }
    return events;
}
/**
 * The workflow file's path in a workflowRef, `owner/name/<path>@<ref>`: the text between the
 * second `/` and the `@` that starts the ref. The ref is `@refs/…` on GitHub, and a workflow file
 * lies directly in .github/workflows, so its name holds no `/`: the first `@refs/` is that `@`
 * even when the file name or the branch holds an `@`. A workflowRef of another shape (written by
 * the CLI) splits at its last `@`. Null when there is no path to take.
 */
function workflowPath(workflowRef) {
    const m = /^[^/@]+\/[^/@]+\/(.+)$/.exec(workflowRef);
    if (!m)
        return null;
    const rest = m[1];
    const at = rest.includes('@refs/') ? rest.indexOf('@refs/') : rest.lastIndexOf('@');
    const file = at >= 0 ? rest.slice(0, at) : rest;
    return file === '' ? null : file;
}
const policy_shown = (value) => (value === null ? '(not recorded)' : JSON.stringify(value));
const list = (values) => values.join(', ');
/** The policy's verdict on a predicate: every problem, in the order of the inputs. Empty when it passes. */
function checkPolicy(predicate, policy) {
    const problems = [];
    if (policy.refs && policy.refs.length > 0) {
        const ref = predicate.ref;
        if (ref === null || !new PatternList(policy.refs).matches(ref)) {
            problems.push({
                code: 'REF_MISMATCH',
                message: `manifest was signed at ref ${policy_shown(ref)}, which matches none of the expected refs: ${list(policy.refs)}`,
                subject: 'predicate.ref'
            });
        }
    }
    if (policy.workflows && policy.workflows.length > 0) {
        const ref = predicate.workflowRef;
        const file = ref === null ? null : workflowPath(ref);
        if (file === null || !new PatternList(policy.workflows).matches(file)) {
            const said = ref === null
                ? '(not recorded)'
                : file === null
                    ? `${JSON.stringify(ref)} (no workflow path in it)`
                    : `${JSON.stringify(file)} (workflowRef ${JSON.stringify(ref)})`;
            problems.push({
                code: 'WORKFLOW_MISMATCH',
                message: `manifest was signed by workflow ${said}, which matches none of the expected workflows: ${list(policy.workflows)}`,
                subject: 'predicate.workflowRef'
            });
        }
    }
    if (policy.events && policy.events.length > 0) {
        const event = predicate.eventName;
        if (event === null || !policy.events.includes(event)) {
            problems.push({
                code: 'EVENT_MISMATCH',
                message: `manifest was signed in a run of event ${policy_shown(event)}, not one of the expected events: ${list(policy.events)}`,
                subject: 'predicate.eventName'
            });
        }
    }
    if (policy.hostedRunner) {
        const runner = predicate.runnerEnvironment;
        if (runner !== 'github-hosted') {
            problems.push({
                code: 'RUNNER_MISMATCH',
                message: `manifest was signed on runner environment ${policy_shown(runner)}; a GitHub-hosted runner ("github-hosted") is required`,
                subject: 'predicate.runnerEnvironment'
            });
        }
    }
    return problems;
}
/** Whether the policy asks anything at all (the summary shows it only then). */
function isPolicyEmpty(policy) {
    return (!policy || (!policy.refs?.length && !policy.workflows?.length && !policy.events?.length && !policy.hostedRunner));
}

;// CONCATENATED MODULE: ./src/core/select.ts


/**
 * The `subjects` input: glob patterns in the path syntax over a manifest's subject names (`!`
 * excludes, `*` stops at `/`, a folder's name matches what lies below it). Only the listed
 * subjects they select are checked; the rest may be absent.
 */
class SubjectSelection {
    patterns;
    list;
    /** `patterns` as parsed by parsePatterns (core/policy.ts): no empty one, at least one that includes. */
    constructor(patterns) {
        this.patterns = patterns;
        this.list = new PatternList(patterns, { descendants: true });
    }
    /** Whether a subject name is selected. */
    has(name) {
        return this.list.matches(name);
    }
    /**
     * The listed subjects selected, and a SUBJECT_NOT_LISTED problem for each pattern that is not
     * an exclusion and matches no listed subject: a consumer who asks for `app-linux.tar.gz` must
     * not pass because the manifest does not list it at all.
     */
    select(subjects) {
        const selected = subjects.filter(s => this.has(s.name));
        const problems = this.patterns.flatMap((pattern, i) => pattern.startsWith('!') || subjects.some(s => this.list.matchesOne(i, s.name))
            ? []
            : [
                {
                    code: 'SUBJECT_NOT_LISTED',
                    message: (0,errors/* oneLine */.TN)(`subjects pattern ${pattern} matches no subject the manifest lists (${subjects.length} listed)`),
                    subject: pattern
                }
            ]);
        return { selected, problems };
    }
}

;// CONCATENATED MODULE: ./src/core/small-file.ts



/**
 * Reads a whole regular file of at most `limit` bytes. The checks and the read go through one
 * descriptor, so what was checked is what is read, and an oversized file is refused unread.
 */
async function readSmallFile(file, rules) {
    let handle;
    try {
        // O_NONBLOCK: a FIFO put where the file should be opens at once and is refused below,
        // instead of waiting for a writer; regular files ignore the flag.
        handle = await promises_.open(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        throw new errors/* SealError */.EM(rules.code, rules.cannotOpen((0,errors/* describeFsError */.TQ)(error)), rules.subject, { cause: error });
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new errors/* SealError */.EM(rules.code, `${rules.what} is not a regular file`, rules.subject);
        if (stats.size > rules.limit) {
            throw new errors/* SealError */.EM(rules.tooLargeCode, `${rules.what} is ${stats.size} bytes; at most ${rules.limit} are accepted`, rules.subject);
        }
        return await readAtMost(handle, rules, stats.size);
    }
    finally {
        await handle.close().catch(() => { });
    }
}
/**
 * Reads until end of file, but never more than `limit` bytes: fstat is not the size of what a read
 * returns (a link to /proc/self/pagemap says 0 and reads without end, a file can grow), so the cap
 * counts the bytes actually read. A file that yields one byte more is refused, and nothing beyond
 * limit + 1 bytes is ever held.
 */
async function readAtMost(handle, rules, sizeHint) {
    const chunks = [];
    let total = 0;
    // The first read asks for more than fstat said, so a regular file is read in one call. Reads
    // stay in multiples of 8 (a probe of 8 past the limit, not 1): /proc files such as pagemap
    // refuse other sizes with EINVAL.
    let want = Math.max(sizeHint + 8, 64 * 1024);
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(want, Math.max(rules.limit - total, 8)));
        want = 1024 * 1024;
        let bytesRead;
        try {
            ;
            ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
        }
        catch (error) {
            throw new errors/* SealError */.EM(rules.code, rules.cannotOpen((0,errors/* describeFsError */.TQ)(error)), rules.subject, { cause: error });
        }
        if (bytesRead === 0)
            return Buffer.concat(chunks, total);
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > rules.limit) {
            throw new errors/* SealError */.EM(rules.tooLargeCode, `${rules.what} holds more than ${rules.limit} bytes; at most ${rules.limit} are accepted`, rules.subject);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/verify.ts
















/*
 * Verify in named stages, each a function a caller composes: read the manifest (size-checked),
 * check its signatures, decode the statement, check the predicate; then select subjects, check
 * the files, and look for unlisted ones. `verify` runs them all; `checksums` and merge stop after
 * the predicate (verifyManifest); release downloads run their fetch between the two halves.
 */
/** 64 MiB: room for 100,000 subjects with long names, refused before anything is parsed. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Clock skew we tolerate before calling a creation time "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
const stop = (code, message, subject) => ({
    ok: false,
    problem: { code, message: (0,errors/* oneLine */.TN)(message), subject }
});
/**
 * The listed names that cannot name a file safely on `platform`, with why: on Windows the names
 * it reads otherwise (names.ts), and on Windows and macOS both names of a pair that are one file
 * there (a manifest from an older sign, which did not refuse them).
 */
function unsafeNamesOn(statement, platform) {
    const unsafe = new Map();
    for (const { name } of statement.subject) {
        const why = nameProblemOn(name, platform);
        if (why !== null)
            unsafe.set(name, why);
    }
    if (foldsNames(platform)) {
        for (const [a, b] of findNameTwins(statement.subject.map(s => s.name))) {
            const why = (other) => `and ${JSON.stringify(other)} differ only in letter case or Unicode normalization, one file on this OS`;
            if (!unsafe.has(a))
                unsafe.set(a, why(b));
            if (!unsafe.has(b))
                unsafe.set(b, why(a));
        }
    }
    return unsafe;
}
/** Reads the manifest, refusing a file too large to be a manifest before reading it. */
function readManifest(manifestPath) {
    return readSmallFile(manifestPath, {
        what: `manifest ${manifestPath}`,
        subject: manifestPath,
        code: 'MANIFEST_INVALID',
        tooLargeCode: 'MANIFEST_TOO_LARGE',
        cannotOpen: reason => `cannot read manifest ${manifestPath}: ${reason}`,
        limit: MAX_MANIFEST_BYTES
    });
}
/** Stage 1: the manifest's bytes (read from the file unless given), size-checked, as a DSSE envelope. */
async function readEnvelope(manifestPath, given) {
    try {
        const bytes = given ?? (await readManifest(manifestPath));
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new errors/* SealError */.EM('MANIFEST_TOO_LARGE', `manifest is ${bytes.length} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`, manifestPath);
        }
        const text = (0,encoding/* decodeUtf8Strict */.h)(bytes);
        if (text === null)
            throw new errors/* SealError */.EM('MANIFEST_INVALID', `manifest ${manifestPath} is not UTF-8 text`, manifestPath);
        return { ok: true, value: { envelope: decodeEnvelope(parseJsonStrict(text, `manifest ${manifestPath}`)), bytes } };
    }
    catch (error) {
        const p = (0,errors/* problemFromError */.mh)(error, error instanceof errors/* SealError */.EM && error.code === 'MANIFEST_TOO_LARGE' ? 'MANIFEST_TOO_LARGE' : 'MANIFEST_INVALID');
        return stop(p.code, p.message, p.subject);
    }
}
/** Tries each signature with each key (the keyid hint only orders the tries); returns the key that matched. */
async function matchingKey(envelope, keys) {
    const message = pae(envelope.payloadType, envelope.payload);
    for (const signature of envelope.signatures) {
        const ordered = [...keys.filter(k => k.keyId === signature.keyid), ...keys.filter(k => k.keyId !== signature.keyid)];
        for (const key of ordered) {
            if (await key.verify(message, signature.sig))
                return key;
        }
    }
    return null;
}
/** Stage 2: the key whose MAC matches one of the envelope's signatures. Nothing in the envelope is trusted before it. */
async function checkSignatures(envelope, keys, manifestPath, algorithm) {
    const key = await matchingKey(envelope, keys);
    if (key)
        return { ok: true, value: key };
    return stop('SIGNATURE_INVALID', signatureMismatch(manifestPath, envelope.signatures, keys, algorithm), 'signatures');
}
/** Stage 3: the statement, from exactly the payload whose MAC matched, of the documented shape. */
function decodeSignedStatement(envelope, algorithm) {
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
        return stop('STATEMENT_INVALID', `manifest field payloadType is not ${IN_TOTO_PAYLOAD_TYPE}`, 'payloadType');
    try {
        return { ok: true, value: decodeStatement(envelope.payload, algorithm) };
    }
    catch (error) {
        const p = (0,errors/* problemFromError */.mh)(error, 'STATEMENT_INVALID');
        return stop(p.code, p.message, p.subject);
    }
}
/** How a merged manifest's part is named in messages: its number, label and manifest. */
function partName(part, index) {
    return `part ${index + 1} (${part.label === null ? '' : `${JSON.stringify(part.label)}, `}${part.manifest})`;
}
/**
 * Stage 4: repository, commit, expiry, age and policy. The policy applies to a merged manifest's
 * every part too: the merge must not launder a part sealed elsewhere.
 */
function checkPredicate(predicate, expect, now) {
    const problems = [];
    const problem = (code, message, subject) => void problems.push({ code, message: (0,errors/* oneLine */.TN)(message), subject });
    if (expect.expectedRepository) {
        const signed = predicate.repository;
        if (!signed || signed.toLowerCase() !== expect.expectedRepository.toLowerCase()) {
            problem('REPOSITORY_MISMATCH', `manifest was signed in repository ${signed ?? '(none)'}, expected ${expect.expectedRepository}`, 'predicate.repository');
        }
    }
    if (expect.expectedCommit) {
        const signed = predicate.commit;
        if (!signed || signed.toLowerCase() !== expect.expectedCommit.toLowerCase()) {
            problem('COMMIT_MISMATCH', `manifest was signed at commit ${signed ?? '(none)'}, expected ${expect.expectedCommit}`, 'predicate.commit');
        }
    }
    if (expect.policy) {
        for (const p of checkPolicy(predicate, expect.policy))
            problem(p.code, p.message, p.subject);
        predicate.parts?.forEach((part, i) => {
            for (const p of checkPolicy(part, expect.policy))
                problem(p.code, `${partName(part, i)}: ${p.message}`, `predicate.parts[${i}].${p.subject.replace(/^predicate\./, '')}`);
        });
    }
    const created = Date.parse(predicate.createdAt);
    if (predicate.expiresAt !== null && Date.parse(predicate.expiresAt) <= now.getTime()) {
        problem('EXPIRED', `manifest expired at ${predicate.expiresAt}`, 'predicate.expiresAt');
    }
    if (expect.maxAgeMs !== undefined) {
        const age = now.getTime() - created;
        if (age > expect.maxAgeMs) {
            problem('TOO_OLD', `manifest was created ${formatDuration(age)} ago (${predicate.createdAt}), more than max-age ${formatDuration(expect.maxAgeMs)}`, 'predicate.createdAt');
        }
        else if (age < -CLOCK_SKEW_MS) {
            problem('CREATED_IN_FUTURE', `manifest creation time ${predicate.createdAt} is in the future; max-age cannot be checked`, 'predicate.createdAt');
        }
    }
    return problems;
}
/**
 * Stages 1 to 4, and the subject selection: everything about the manifest, no file read. The
 * report says `verified` when the manifest passed every one of them.
 */
async function verifyManifest(options) {
    if (options.keys.length === 0)
        throw new errors/* SealError */.EM('KEY_INVALID', 'no key to verify with', 'key');
    const manifestPath = external_node_path_.resolve(options.manifestPath);
    const selection = options.subjects && options.subjects.length > 0 ? new SubjectSelection(options.subjects) : null;
    const verdict = {
        result: 'failed',
        manifestPath,
        algorithm: options.algorithm,
        keyId: null,
        statement: null,
        subjects: [],
        verifiedCount: 0,
        problems: [],
        policy: options.policy && !isPolicyEmpty(options.policy) ? options.policy : null,
        hints: [],
        ...(selection ? { selection: [...selection.patterns] } : {}),
        bytes: null,
        selected: [],
        unsafe: new Map()
    };
    const read = await readEnvelope(manifestPath, options.manifestBytes);
    if (!read.ok)
        return failed(verdict, read.problem);
    verdict.bytes = read.value.bytes;
    const key = await checkSignatures(read.value.envelope, options.keys, manifestPath, options.algorithm);
    if (!key.ok)
        return failed(verdict, key.problem);
    verdict.keyId = key.value.keyId;
    // From here on the payload is authentic; its content still has to be of the shape we expect.
    const statement = decodeSignedStatement(read.value.envelope, options.algorithm);
    if (!statement.ok)
        return failed(verdict, statement.problem);
    verdict.statement = statement.value;
    verdict.problems.push(...checkPredicate(statement.value.predicate, options, options.now ?? new Date()));
    const chosen = selection
        ? selection.select(statement.value.subject)
        : { selected: statement.value.subject, problems: [] };
    verdict.selected = chosen.selected;
    verdict.problems.push(...chosen.problems);
    // Names this OS would read otherwise are refused before anything is fetched or opened.
    verdict.unsafe = unsafeNamesOn({ subject: chosen.selected }, options.platform ?? process.platform);
    for (const [name, why] of verdict.unsafe)
        verdict.problems.push({
            code: 'PATH_UNSAFE',
            message: (0,errors/* oneLine */.TN)(`${name}: subject name ${why}; it is not read`),
            subject: name
        });
    verdict.result = verdict.problems.length === 0 ? 'verified' : 'failed';
    return verdict;
}
function failed(verdict, problem) {
    verdict.problems.push(problem);
    return verdict;
}
/**
 * Stage 5: each subject's file opened once below base-dir and hashed. `alongside` runs in this
 * thread while the worker threads hash (the walk for unlisted files).
 */
async function checkFiles(subjects, baseDir, algorithm, options = {}) {
    const findings = { subjects: [], verifiedCount: 0, problems: [] };
    const problem = (code, message, subject) => void findings.problems.push({ code, message: (0,errors/* oneLine */.TN)(message), subject });
    const names = subjects.map(s => s.name);
    const outcomes = await hashMany(baseDir, names, algorithm, {
        ...options.hashing,
        alongside: options.alongside,
        allowLinks: options.allowSymlinks
    });
    outcomes.forEach((outcome, i) => {
        const expected = subjects[i].digest[algorithm];
        const name = names[i];
        if (outcome.ok) {
            const actual = outcome.value.digest;
            if (actual === expected) {
                findings.subjects.push({ name, status: 'verified', size: outcome.value.size, expected, actual });
                findings.verifiedCount++;
            }
            else {
                findings.subjects.push({ name, status: 'mismatch', size: outcome.value.size, expected, actual });
                problem('DIGEST_MISMATCH', `${name}: ${algorithm} digest does not match the manifest`, name);
            }
        }
        else {
            const kind = (0,errors/* fileFailure */.fE)(outcome.error.code);
            findings.subjects.push({ name, status: kind.status, expected });
            problem(kind.code, outcome.error.message, name);
        }
    });
    return findings;
}
/**
 * Stage 6: files that `patterns` match below base-dir and the manifest does not list. `walk` is
 * the walk already under way (started alongside the hashing), when there is one.
 */
async function checkUnlisted(listed, walk, baseDir) {
    const findings = { subjects: [], verifiedCount: 0, problems: [] };
    let found = [];
    try {
        found = await walk;
    }
    catch (error) {
        // A file the walk cannot get past (a broken link planted among the artifacts, an unreadable
        // folder) leaves unlisted files unchecked: a failed verification, not a configuration error.
        if (!(error instanceof errors/* SealError */.EM) || error.code === 'INPUT_INVALID' || error.code === 'NO_FILES')
            throw error;
        if (error instanceof BrokenLinksError) {
            // A listed one already failed as FILE_MISSING; each other one is named.
            for (const link of error.paths) {
                const name = external_node_path_.relative(baseDir, link).split(external_node_path_.sep).join('/');
                if (!listed.has(name)) {
                    findings.problems.push({
                        code: 'UNLISTED_FILE',
                        message: (0,errors/* oneLine */.TN)(`${name}: a broken symbolic link (target does not exist) matches path but is not listed in the manifest; exclude it with a ! pattern or set omit-broken-symbolic-links`),
                        subject: name
                    });
                }
            }
        }
        else {
            findings.problems.push({
                code: 'UNLISTED_FILE',
                message: `unlisted files cannot be ruled out: ${error.message}`,
                subject: error.subject
            });
        }
    }
    for (const name of found) {
        if (listed.has(name))
            continue;
        findings.subjects.push({ name, status: 'unlisted' });
        findings.problems.push({
            code: 'UNLISTED_FILE',
            message: (0,errors/* oneLine */.TN)(`${name}: matches path but is not listed in the manifest`),
            subject: name
        });
    }
    return findings;
}
/**
 * Stages 5 and 6 for a manifest that passed the manifest stages: its selected subjects' files,
 * and (with patterns) files nobody listed, walked while the threads hash. `extra` are problems a
 * caller found in between (a release download) and joins to the report; `checked` replaces the
 * file check of the selected subjects when a caller checked them another way.
 */
async function verifyFiles(verdict, options, extra = [], checked) {
    const report = reportOf(verdict);
    const selected = verdict.selected.filter(s => !verdict.unsafe.has(s.name));
    report.problems = [...report.problems, ...extra];
    const statement = report.statement;
    if (!statement)
        return finish(report);
    const baseDir = await checkBaseDir(options.baseDir);
    const patterns = options.patterns ?? [];
    const checkForUnlisted = patterns.length > 0 && !options.allowUnlisted;
    let walk;
    const startWalk = () => {
        // Every pattern must match a file: one that matches nothing (a typo) checks nothing.
        walk = findSubjects(patterns, baseDir, [report.manifestPath], options.cwd, {
            omitBrokenLinks: options.omitBrokenLinks,
            eachPatternMatches: true
        });
        // Its failure is handled after the hashing; until then it must not count as unhandled.
        walk.catch(() => { });
        return walk;
    };
    // `checked`: the selected subjects were checked another way (release digests); no file is read for them.
    const files = checked ??
        (await checkFiles(selected, baseDir, report.algorithm, {
            ...options,
            alongside: checkForUnlisted ? () => void startWalk() : undefined
        }));
    const refused = {
        subjects: [...verdict.unsafe.keys()].map(name => ({
            name,
            status: 'unsafe',
            expected: verdict.selected.find(s => s.name === name)?.digest[report.algorithm]
        })),
        verifiedCount: 0,
        problems: []
    };
    const found = [refused, files];
    // Every listed name counts as listed, selected or not: a file the manifest lists is not planted.
    if (checkForUnlisted)
        found.push(await checkUnlisted(new Set(statement.subject.map(s => s.name)), walk ?? startWalk(), baseDir));
    for (const f of found) {
        report.subjects.push(...f.subjects);
        report.problems.push(...f.problems);
        report.verifiedCount += f.verifiedCount;
    }
    const missing = report.subjects.filter(s => s.status === 'missing').map(s => s.name);
    const hint = diagnoseMissing(baseDir, selected.length, missing, options.cwd);
    if (hint)
        report.hints = [hint];
    return finish(report);
}
/** The report of a manifest whose files are not checked (it failed, or only the manifest was asked about). */
function reportOf(verdict) {
    const { bytes: _bytes, selected: _selected, unsafe: _unsafe, ...report } = verdict;
    return report;
}
function finish(report) {
    report.result = report.problems.length === 0 ? 'verified' : 'failed';
    return report;
}
/**
 * Verify: the signature first, and only then anything the envelope says; then the predicate
 * (repository, commit, expiry, age, policy), every selected file's digest, and files nobody
 * listed. Configuration errors throw; everything about the manifest and the files is a problem in
 * the report, and all of them are collected.
 */
async function verify(options) {
    if (options.keys.length === 0)
        throw new errors/* SealError */.EM('KEY_INVALID', 'no key to verify with', 'key');
    await checkBaseDir(options.baseDir);
    return verifyFiles(await verifyManifest(options), options);
}

;// CONCATENATED MODULE: ./src/formats/sha256sum.ts




const TAG_OF = { sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512' };
/** The coreutils program that checks a list of `algorithm` digests (`sha256sum` for sha256). */
function checkerFor(algorithm) {
    return `${algorithm}sum`;
}
/** The conventional file name of a list (`SHA256SUMS`), named after the digests it actually holds. */
function listFileName(algorithm) {
    return `${TAG_OF[algorithm]}SUMS`;
}
function needsEscape(name) {
    return /[\\\n\r]/.test(name);
}
function escapeName(name) {
    return name.replace(/[\\\n\r]/g, c => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'));
}
/** Reverses coreutils' escaping; null when the text holds an escape coreutils would not write. */
function unescapeName(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c !== '\\') {
            out += c;
            continue;
        }
        const next = text[++i];
        if (next === '\\')
            out += '\\';
        else if (next === 'n')
            out += '\n';
        else if (next === 'r')
            out += '\r';
        else
            return null;
    }
    return out;
}
/** A statement's subjects as a checksum list of `algorithm` (see formatChecksumList). */
function statementChecksumList(statement, algorithm, options = {}) {
    return formatChecksumList(statement.subject.map(s => ({ name: s.name, digest: s.digest[algorithm] })), algorithm, options);
}
/** Formats entries as a list `sha256sum -c` (or `--tag` style with `tag: true`) accepts. */
function formatChecksumList(entries, algorithm, options = {}) {
    return entries
        .map(({ name, digest }) => {
        const prefix = needsEscape(name) ? '\\' : '';
        const shown = prefix ? escapeName(name) : name;
        return options.tag ? `${prefix}${TAG_OF[algorithm]} (${shown}) = ${digest}\n` : `${prefix}${digest}  ${shown}\n`;
    })
        .join('');
}
const UNTAGGED = /^([0-9A-Fa-f]+) [ *](.+)$/s;
const TAGGED = /^(SHA256|SHA384|SHA512) \((.+)\) = ([0-9A-Fa-f]+)$/s;
function algorithmOfHexLength(length) {
    return DIGEST_ALGORITHMS.find(a => DIGEST_HEX_LENGTH[a] === length);
}
/**
 * Parses a checksum list made by `sha256sum` (or `--tag`) for sealing. Every digest must be of
 * `algorithm` (the seal's own configuration: a list of another hash is refused, never converted);
 * names obey the subject path rules and may not repeat. Blank lines and `#` comments are skipped
 * as coreutils does; anything else malformed is refused with its line number.
 */
function parseChecksumList(text, algorithm, source) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    const entries = [];
    const seen = new Set();
    lines.forEach((raw, i) => {
        const where = `${source} line ${i + 1}`;
        const refuse = (why) => {
            throw new errors/* SealError */.EM('INPUT_INVALID', `${where}: ${why}`, source);
        };
        // A list written on Windows ends its lines with CRLF; a real CR in a name is always escaped.
        let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '' || line.startsWith('#'))
            return;
        const escaped = line.startsWith('\\');
        if (escaped)
            line = line.slice(1);
        let nameText;
        let hex;
        let lineAlgorithm;
        const tagged = TAGGED.exec(line);
        const untagged = tagged ? null : UNTAGGED.exec(line);
        if (tagged) {
            ;
            [, , nameText, hex] = tagged;
            lineAlgorithm = tagged[1].toLowerCase();
            if (hex.length !== DIGEST_HEX_LENGTH[lineAlgorithm])
                refuse(`${tagged[1]} digest is ${hex.length} hex digits, not ${DIGEST_HEX_LENGTH[lineAlgorithm]}`);
        }
        else if (untagged) {
            ;
            [, hex, nameText] = untagged;
            lineAlgorithm = algorithmOfHexLength(hex.length);
            if (!lineAlgorithm)
                refuse(`digest is ${hex.length} hex digits, which is no sha256, sha384 or sha512 digest`);
        }
        else {
            return refuse(`not a checksum line (expected "<hex>  <name>" or "${TAG_OF[algorithm]} (<name>) = <hex>")`);
        }
        if (lineAlgorithm !== algorithm) {
            refuse(`holds a ${lineAlgorithm} digest, but algorithm is ${algorithm}: make the list with ${checkerFor(algorithm)} or set algorithm: ${lineAlgorithm}`);
        }
        let name = nameText;
        if (escaped) {
            const unescaped = unescapeName(nameText);
            if (unescaped === null)
                refuse('has an escape other than \\\\, \\n or \\r in its name');
            name = unescaped;
        }
        // `sha256sum ./dist/*` and `find . -exec sha256sum` write "./" before names; it names the same file.
        while (name.startsWith('./'))
            name = name.slice(2);
        try {
            checkSubjectName(name, where);
        }
        catch (error) {
            throw new errors/* SealError */.EM('PATH_UNSAFE', error.message, source);
        }
        if (seen.has(name))
            refuse(`repeats the name ${JSON.stringify(name)}`);
        seen.add(name);
        entries.push({ name, digest: hex.toLowerCase() });
    });
    if (entries.length === 0)
        throw new errors/* SealError */.EM('NO_FILES', `${source} lists no files`, source);
    checkSealableNames(entries.map(e => e.name), source);
    return entries;
}

// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __nccwpck_require__(7893);
// EXTERNAL MODULE: ./src/net/network-error.ts
var network_error = __nccwpck_require__(3218);
;// CONCATENATED MODULE: ./src/github/client.ts



const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * A client for github.com or GHES. It sends through the global fetch, which nock (and any other
 * interceptor of Node's fetch) sees; @actions/github's own undici fetch is kept only when a proxy
 * is configured, because the global fetch ignores proxy variables on Node 20.
 */
async function createGitHubClient(options, env = process.env) {
    if (!options.token)
        throw new errors/* SealError */.EM('INPUT_INVALID', 'a GitHub token is needed for releases: set github-token (or GITHUB_TOKEN for the CLI)', 'github-token');
    const baseUrl = (options.apiUrl || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const behindProxy = PROXY_VARIABLES.some(name => env[name]);
    // Loaded when a release is used: Octokit and undici are a third of the CLI's start-up otherwise.
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const client = getOctokit(options.token, {
        baseUrl,
        ...(behindProxy ? {} : { request: { fetch: globalThis.fetch } }),
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    // Octokit reports an answer worth retrying as a RequestError with its status (500 when no
    // answer came); request bodies here are Buffers, so a retry resends the same bytes.
    client.hook.wrap('request', (request, route) => (0,retry/* withRetries */.LH)(async () => request(route), settled => settled.ok || statusOf(settled.error) === undefined
        ? undefined
        : { status: statusOf(settled.error), headers: headersOf(settled.error) }, { policy: options.retry }));
    return client;
}
/** The HTTP status of an Octokit RequestError, if it is one. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
function headersOf(error) {
    return error?.response?.headers ?? {};
}
/** How long a rate-limited answer (403 or 429) asks us to wait; a bare 429 means a minute, as GitHub documents it. */
function rateLimitWaitMs(error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 429)
        return undefined;
    return (0,retry/* serverWaitMs */.Rx)(headersOf(error)) ?? (status === 429 ? 60_000 : undefined);
}
/** Parses `owner/name`, naming the input or flag it came from when it is not one. */
function parseRepository(value, label) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!m)
        throw new errors/* SealError */.EM('INPUT_INVALID', `${label}: ${JSON.stringify(value)} is not a repository of the form owner/name`, label);
    return { owner: m[1], repo: m[2] };
}
/**
 * Turns an API failure into one line that says what to do. `what` names the operation
 * ("upload artifact-seal.json to release v1 of acme/widgets"); `writes` picks the permission
 * that a 403 asks for. The token never appears: only the status and GitHub's own message do.
 */
function gitHubError(error, what, writes) {
    const unreachable = (0,network_error/* networkFailure */.r)(error);
    if (unreachable)
        return new errors/* SealError */.EM('REMOTE', `${what}: ${unreachable}`, what, { cause: error });
    const status = statusOf(error);
    const message = error?.message ?? String(error);
    let hint = '';
    const limitWait = rateLimitWaitMs(error);
    if (limitWait !== undefined)
        hint = `: GitHub's rate limit (about ${Math.ceil(limitWait / 1000)} s until it resets); run the job again later`;
    else if (status === 401)
        hint = ': the token was refused (check github-token / GITHUB_TOKEN)';
    else if (status === 403)
        hint = writes
            ? ': the token may not write releases; give the job `permissions: contents: write`'
            : ': the token may not read this repository; give the job `permissions: contents: read`';
    else if (status !== undefined && status >= 500)
        hint = ' (GitHub kept failing; retried)';
    return new errors/* SealError */.EM('REMOTE', `${what}: GitHub answered ${status ?? 'with an error'} ${message}${hint}`, what, {
        cause: error
    });
}

;// CONCATENATED MODULE: ./src/github/releases.ts



const toAsset = (a) => ({
    id: a.id,
    name: a.name,
    size: a.size,
    state: a.state,
    browserDownloadUrl: a.browser_download_url,
    digest: typeof a.digest === 'string' ? a.digest : null
});
const toRelease = (r) => ({
    id: r.id,
    tagName: r.tag_name,
    uploadUrl: r.upload_url,
    draft: r.draft,
    immutable: r.immutable === true
});
/** `owner/name` for messages. */
const repoName = (repo) => `${repo.owner}/${repo.repo}`;
/**
 * The release of `tag`. Drafts have no tag lookup in the API, so when the tag is not found the
 * releases are listed (a token that may write sees drafts) before giving up with a clear error.
 */
async function getRelease(client, repo, tag, writes) {
    const what = `release ${tag} of ${repoName(repo)}`;
    try {
        const { data } = await client.rest.repos.getReleaseByTag({ ...repo, tag });
        return toRelease(data);
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw gitHubError(error, `get ${what}`, writes);
    }
    let all;
    try {
        all = (await client.paginate(client.rest.repos.listReleases, { ...repo, per_page: 100 }));
    }
    catch (error) {
        throw gitHubError(error, `list the releases of ${repoName(repo)}`, writes);
    }
    const draft = all.find(r => r.tag_name === tag);
    if (draft)
        return toRelease(draft);
    throw new errors/* SealError */.EM('REMOTE', `${what} does not exist (create the release first, or check release-tag and the repository)`, 'release-tag');
}
/** Every asset of a release, following the Link header's pages (100 per page). */
async function listAssets(client, repo, release, writes) {
    try {
        const assets = await client.paginate(client.rest.repos.listReleaseAssets, {
            ...repo,
            release_id: release.id,
            per_page: 100
        });
        return assets.map(toAsset);
    }
    catch (error) {
        throw gitHubError(error, `list the assets of release ${release.tagName} of ${repoName(repo)}`, writes);
    }
}
/** Deletes an asset (to replace it). */
async function deleteAsset(client, repo, asset) {
    try {
        await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.id });
    }
    catch (error) {
        // Gone already: a retried DELETE whose first answer was lost finds nothing, and that is success.
        if (statusOf(error) === 404)
            return;
        throw gitHubError(error, `delete the existing asset ${asset.name} of ${repoName(repo)}`, true);
    }
}
/** Renames an asset (REST "update a release asset"), to put a staged replacement in place. */
async function renameAsset(client, repo, asset, name) {
    try {
        const { data } = await client.rest.repos.updateReleaseAsset({ ...repo, asset_id: asset.id, name });
        return toAsset(data);
    }
    catch (error) {
        throw gitHubError(error, `rename the uploaded asset ${asset.name} to ${name} of ${repoName(repo)} (the old ${name} is already deleted)`, true);
    }
}
/** Uploads `bytes` as asset `name` to the upload host the release names (uploads.github.com, or GHES's). */
async function uploadAsset(client, repo, release, name, bytes, contentType) {
    try {
        // The release gives a URI template ({?name,label}); we fill in the name and nothing else.
        const url = `${release.uploadUrl.replace(/\{[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
        const { data } = await client.request({
            method: 'POST',
            url,
            data: bytes,
            headers: { 'content-type': contentType, 'content-length': bytes.length }
        });
        return toAsset(data);
    }
    catch (error) {
        // Published meanwhile: GitHub answers 422 "Cannot upload assets to an immutable release".
        if (statusOf(error) === 422 && /immutable/i.test(error.message))
            throw immutableRelease(release.tagName, repo);
        throw gitHubError(error, `upload ${name} to release ${release.tagName} of ${repoName(repo)}`, true);
    }
}
/** The one line for a published immutable release: why nothing can be attached, and the flow that works. */
function immutableRelease(tag, repo) {
    return new errors/* SealError */.EM('RELEASE_IMMUTABLE', `release ${tag} of ${repoName(repo)} is immutable (published with immutable releases on, its assets are frozen): attach the manifest while the release is a draft (create it as a draft, seal or merge with release-tag and release-publish: true); overwrite cannot change that`, 'release-tag');
}
/** Publishes a draft release (REST "update a release" with draft: false), freezing its assets when immutable releases are on. */
async function publishRelease(client, repo, release) {
    try {
        const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false });
        return toRelease(data);
    }
    catch (error) {
        throw gitHubError(error, `publish release ${release.tagName} of ${repoName(repo)}`, true);
    }
}
/** Seconds without a byte before a download is given up, unless ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS says otherwise. */
const DEFAULT_IDLE_MS = 60_000;
/**
 * Opens an asset's bytes: the API answers `Accept: application/octet-stream` with a redirect to a
 * signed storage URL (followed, without the token on the way) or with the bytes themselves.
 * Through Node's own HTTP client, not fetch: the body is a Node stream that buffers until it is
 * read, where the fetch of Node 20 (undici before nodejs/undici#5474) crashed the process with
 * `assert(!this.paused)` when a server closed the connection while the body waited
 * (nodejs/undici#5360). A server that sends nothing for the idle time is given up on.
 */
async function openAsset(client, repo, asset, env = process.env) {
    const what = `download asset ${asset.name} of ${repoName(repo)}`;
    const idleMs = Number(env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS) > 0
        ? Number(env.ARTIFACT_SEAL_DOWNLOAD_IDLE_SECONDS) * 1000
        : DEFAULT_IDLE_MS;
    const { HttpClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(942)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4942));
    const http = new HttpClient(`${version/* TOOL_NAME */.l}/${version/* TOOL_VERSION */.w}`, [], {
        allowRetries: false,
        allowRedirects: true,
        maxRedirects: 10,
        socketTimeout: idleMs
    });
    const { token } = (await client.auth());
    const baseUrl = String(client.request.endpoint.DEFAULTS.baseUrl).replace(/\/+$/, '');
    const url = `${baseUrl}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/releases/assets/${asset.id}`;
    let response;
    try {
        response = await http.get(url, {
            accept: 'application/octet-stream',
            ...(token ? { authorization: `token ${token}` } : {})
        });
    }
    catch (error) {
        http.dispose();
        throw new errors/* SealError */.EM('REMOTE', `${what}: no answer: ${error.code ?? error.message}`, asset.name, { cause: error });
    }
    const message = response.message;
    const status = message.statusCode ?? 0;
    if (status !== 200) {
        message.destroy();
        http.dispose();
        throw gitHubError(Object.assign(new Error(message.statusMessage || 'error'), { status, response: { headers: message.headers } }), what, false);
    }
    message.setTimeout(idleMs, () => message.destroy(new Error(`no data for ${idleMs / 1000} s`)));
    return {
        chunks: message,
        close: () => {
            message.destroy();
            http.dispose();
        }
    };
}

;// CONCATENATED MODULE: ./src/transport/release.ts










const writable = new WeakMap();
/**
 * The release sign or merge will attach to, looked up once per target and checked before any file
 * is hashed: a published immutable release can take no asset (GitHub answers 422 "Cannot upload
 * assets to an immutable release"), and `publish` needs a draft to publish.
 */
function checkWritableRelease(target, publish) {
    let lookup = writable.get(target);
    if (!lookup) {
        lookup = getRelease(target.client, target.repo, target.tag, true).then(release => {
            if (!release.draft && release.immutable)
                throw immutableRelease(target.tag, target.repo);
            if (publish && !release.draft) {
                throw new errors/* SealError */.EM('INPUT_INVALID', `release-publish: release ${target.tag} of ${repoName(target.repo)} is already published, not a draft; create it as a draft (gh release create --draft) or drop release-publish`, 'release-publish');
            }
            return release;
        });
        writable.set(target, lookup);
    }
    return lookup;
}
/** Publishes the target's draft release (after its assets are attached), so that they are frozen together. */
async function publishTarget(target) {
    const release = await checkWritableRelease(target, true);
    if (!release.draft)
        throw new errors/* SealError */.EM('INPUT_INVALID', `release-publish: release ${target.tag} of ${repoName(target.repo)} is already published, not a draft`, 'release-publish');
    return publishRelease(target.client, target.repo, release);
}
/**
 * Attaches files to a release. Every name is checked against the existing assets before anything
 * is uploaded, so a refusal (an asset exists and overwrite is false) leaves the release untouched.
 * A replacement is uploaded under a temporary name first, and the old asset is deleted only once
 * it is there, then the new one renamed: a failed upload leaves the old manifest in place.
 */
async function publishToRelease(target, files, overwrite) {
    const { client, repo, tag } = target;
    const release = await checkWritableRelease(target, false);
    const existing = await listAssets(client, repo, release, true);
    const clashes = files
        .map(f => existing.find(a => a.name === f.name))
        .filter((a) => a !== undefined);
    if (clashes.length > 0 && !overwrite) {
        throw new errors/* SealError */.EM('REMOTE', `release ${tag} of ${repoName(repo)} already has ${clashes.map(a => a.name).join(' and ')}; set overwrite: true (--overwrite) to replace it`, 'overwrite');
    }
    const uploaded = [];
    for (const file of files) {
        const old = clashes.find(a => a.name === file.name);
        if (!old) {
            uploaded.push(await uploadAsset(client, repo, release, file.name, file.bytes, file.contentType));
            continue;
        }
        const staged = await uploadAsset(client, repo, release, `${file.name}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.new`, file.bytes, file.contentType);
        try {
            await deleteAsset(client, repo, old);
        }
        catch (error) {
            await deleteAsset(client, repo, staged).catch(() => { });
            throw error;
        }
        uploaded.push(await renameAsset(client, repo, staged, file.name));
    }
    return uploaded;
}
/** A body that broke off (connection reset, idle too long) as one line naming the asset. */
function brokeOff(what, received, size, error) {
    const reason = error.code ?? error.message;
    return new errors/* SealError */.EM('REMOTE', `${what}: the download broke off after ${received} of ${size} bytes (${reason}); nothing was kept`, what, { cause: error });
}
/** Reads a whole body of at most `limit` bytes; past it the request is ended and refused. */
async function readAll(body, limit, what) {
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of body.chunks) {
            total += chunk.length;
            if (total > limit)
                throw new errors/* SealError */.EM('MANIFEST_TOO_LARGE', `${what} is larger than ${limit} bytes`, what);
            chunks.push(chunk);
        }
    }
    catch (error) {
        if (error instanceof errors/* SealError */.EM)
            throw error;
        throw brokeOff(what, total, limit, error);
    }
    finally {
        body.close();
    }
    return Buffer.concat(chunks, total);
}
const listings = new WeakMap();
/**
 * The assets of the target's release, looked up and listed once per target: verify fetches the
 * manifest and then the assets it lists from one listing, not two.
 */
function assetsOf(target) {
    let listing = listings.get(target);
    if (!listing) {
        const { client, repo, tag } = target;
        listing = getRelease(client, repo, tag, false).then(release => listAssets(client, repo, release, false));
        listings.set(target, listing);
    }
    return listing;
}
/** Fetches the manifest asset `name` of a release; its size is checked before and while reading. */
async function fetchManifestAsset(target, name) {
    const { client, repo, tag } = target;
    const assets = await assetsOf(target);
    const asset = assets.find(a => a.name === name);
    const what = `asset ${name} of release ${tag} of ${repoName(repo)}`;
    if (!asset) {
        throw new errors/* SealError */.EM('REMOTE', `release ${tag} of ${repoName(repo)} has no asset ${name} (it has ${assets.length} asset(s)); was it sealed with release-tag?`, name);
    }
    if (asset.size > MAX_MANIFEST_BYTES) {
        throw new errors/* SealError */.EM('MANIFEST_TOO_LARGE', `${what} is ${asset.size} bytes; at most ${MAX_MANIFEST_BYTES} are accepted`, name);
    }
    // Never more than the listing said it holds: a server that sends more is refused, not believed.
    return {
        bytes: await readAll(await openAsset(client, repo, asset), Math.min(asset.size, MAX_MANIFEST_BYTES), what),
        asset
    };
}
/** GitHub refuses release assets of 2 GiB or more: no genuine asset is larger, whatever a server says. */
const MAX_ASSET_BYTES = 2 * 1024 ** 3;
/**
 * Downloads the release assets that a manifest lists (its signature already checked) into
 * `baseDir`, and holds the rest of the release against it: an asset the manifest does not list
 * is a problem (a planted `installer-evil.exe` would otherwise ride along with a verified
 * release), except the manifest itself and the checksum list sign writes, which must then be
 * exactly that list. Each download is streamed into a new temporary file in base-dir (created
 * exclusively, so no link is followed), hashed as it arrives, cut off past the asset's listed
 * size, and renamed over the file of that name only when its digest is the manifest's: a
 * tampered asset never replaces a local file.
 */
async function downloadListedAssets(target, statement, selected, baseDir, rules) {
    const { tag } = target;
    const expected = new Map(selected.map(s => [s.name, s.digest[rules.algorithm]]));
    const assets = await assetsOf(target);
    const realBase = await promises_.realpath(baseDir);
    const check = {
        downloaded: [],
        problems: await checkReleaseListing(target, statement, assets, rules, 'download')
    };
    for (const asset of assets) {
        const digest = expected.get(asset.name);
        if (digest === undefined)
            continue;
        checkSubjectName(asset.name, `asset of release ${tag}`);
        if (/[/\\]/.test(asset.name))
            throw new errors/* SealError */.EM('PATH_UNSAFE', `asset name ${JSON.stringify(asset.name)} is not a plain file name`, asset.name);
        const why = nameProblemOn(asset.name, process.platform);
        if (why !== null)
            throw new errors/* SealError */.EM('PATH_UNSAFE', `asset name ${JSON.stringify(asset.name)} ${why}; it is not downloaded`, asset.name);
        const outcome = await downloadChecked(target, asset, realBase, rules.algorithm, digest);
        if (outcome === 'ok')
            check.downloaded.push(asset.name);
        else
            check.problems.push({
                code: 'DIGEST_MISMATCH',
                message: (0,errors/* oneLine */.TN)(`release asset ${asset.name} ${outcome}; the local file was left as it was`),
                subject: asset.name
            });
    }
    return check;
}
/**
 * The release's assets held against the manifest: one the manifest does not list is a problem
 * (a planted `installer-evil.exe` would otherwise ride along with a verified release), except the
 * manifest itself and the checksum list sign writes, which must then be exactly that list: read
 * (`download`), or compared by GitHub's digest of it (`digests`, nothing downloaded).
 */
async function checkReleaseListing(target, statement, assets, rules, how) {
    const { tag } = target;
    const listed = new Set(statement.subject.map(s => s.name));
    const problems = [];
    const listName = listFileName(rules.algorithm);
    const list = Buffer.from(statementChecksumList(statement, rules.algorithm));
    for (const asset of assets) {
        if (listed.has(asset.name) || asset.name === rules.manifestName)
            continue;
        if (asset.name === listName) {
            const same = how === 'download'
                ? (await readAll(await openAsset(target.client, target.repo, asset), Math.min(asset.size, MAX_MANIFEST_BYTES), `asset ${asset.name} of release ${tag}`)).equals(list)
                : asset.digest === `sha256:${(0,external_node_crypto_.createHash)('sha256').update(list).digest('hex')}`;
            if (!same)
                problems.push({
                    code: 'DIGEST_MISMATCH',
                    message: `release asset ${asset.name} is not the list of the manifest's ${rules.algorithm} digests (forged or stale)`,
                    subject: asset.name
                });
        }
        else if (!rules.allowUnlisted) {
            problems.push({
                code: 'UNLISTED_FILE',
                message: (0,errors/* oneLine */.TN)(`release asset ${asset.name} of release ${tag} is not listed in the manifest`),
                subject: asset.name
            });
        }
    }
    return problems;
}
/**
 * `release-assets: digests`: each selected subject's digest against the `digest` GitHub's release
 * API reports for the asset of that name (`sha256:<hex>`, computed by GitHub when the asset was
 * uploaded). Nothing is downloaded; what this trusts is GitHub's computation (README).
 */
async function compareAssetDigests(target, statement, selected, rules) {
    if (rules.algorithm !== 'sha256') {
        throw new errors/* SealError */.EM('INPUT_INVALID', `release-assets: digests compares GitHub's sha256 asset digests; algorithm is ${rules.algorithm}`, 'release-assets');
    }
    const assets = await assetsOf(target);
    const byName = new Map(assets.map(a => [a.name, a]));
    const findings = {
        subjects: [],
        verifiedCount: 0,
        problems: await checkReleaseListing(target, statement, assets, rules, 'digests')
    };
    const where = `release ${target.tag} of ${repoName(target.repo)}`;
    for (const subject of selected) {
        const expected = subject.digest.sha256;
        const asset = byName.get(subject.name);
        if (!asset) {
            findings.subjects.push({ name: subject.name, status: 'missing', expected });
            findings.problems.push({
                code: 'FILE_MISSING',
                message: (0,errors/* oneLine */.TN)(`${subject.name}: ${where} has no asset of that name`),
                subject: subject.name
            });
            continue;
        }
        const actual = /^sha256:([0-9a-f]{64})$/.exec(asset.digest ?? '')?.[1];
        if (actual === expected) {
            findings.subjects.push({ name: subject.name, status: 'verified', size: asset.size, expected, actual });
            findings.verifiedCount++;
        }
        else {
            findings.subjects.push({ name: subject.name, status: 'mismatch', size: asset.size, expected, actual });
            const said = asset.digest === null ? 'GitHub reports no digest for it' : `GitHub reports ${asset.digest}`;
            findings.problems.push({
                code: 'DIGEST_MISMATCH',
                message: (0,errors/* oneLine */.TN)(`${subject.name}: the asset of ${where} does not have the manifest's sha256 digest (${said})`),
                subject: subject.name
            });
        }
    }
    return findings;
}
/** Streams one asset into a temporary file, then renames it into place if its digest is `digest`; else says what was wrong. */
async function downloadChecked(target, asset, realBase, algorithm, digest) {
    const cap = Math.min(asset.size, MAX_ASSET_BYTES);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let received = 0;
    try {
        // The file is open before the request goes out, and the body is read the moment it arrives.
        return await replaceFile(external_node_path_.join(realBase, asset.name), async (handle) => {
            const body = await openAsset(target.client, target.repo, asset);
            const chunks = body.chunks[Symbol.asyncIterator]();
            try {
                for (;;) {
                    let next;
                    try {
                        next = await chunks.next();
                    }
                    catch (error) {
                        throw brokeOff(`asset ${asset.name} of release ${target.tag}`, received, asset.size, error);
                    }
                    if (next.done)
                        break;
                    received += next.value.length;
                    if (received > cap)
                        return `sent more than its listed ${asset.size} bytes`;
                    hash.update(next.value);
                    await handle.write(next.value);
                }
            }
            finally {
                body.close();
            }
            if (received !== asset.size)
                return `is ${received} bytes, not its listed ${asset.size}`;
            if (hash.digest('hex') !== digest)
                return `does not match the manifest's ${algorithm} digest`;
            return 'ok';
        }, outcome => outcome === 'ok');
    }
    catch (error) {
        if (error instanceof errors/* SealError */.EM)
            throw error;
        throw new errors/* SealError */.EM('WRITE_FAILED', `cannot download asset ${asset.name} into ${realBase}: ${(0,errors/* describeFsError */.TQ)(error)}`, asset.name, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/transport/carry.ts






/**
 * The files attached to a release for a seal: the manifest, and with `checksums` a list named
 * after the digests it holds (SHA256SUMS for sha256, SHA512SUMS for sha512; never a list of one
 * hash under another's name, and never a second, unsigned hash of the files).
 */
function releaseFiles(result, checksums) {
    const files = [
        { name: external_node_path_.basename(result.manifestPath), bytes: result.manifestBytes, contentType: 'application/json' }
    ];
    if (checksums) {
        const algorithm = result.statement.predicate.algorithm;
        files.push({
            name: listFileName(algorithm),
            bytes: Buffer.from(statementChecksumList(result.statement, algorithm)),
            contentType: 'text/plain'
        });
    }
    return files;
}
/**
 * Before sign or merge hashes or reads anything: the release they will attach to exists and can
 * take assets (a published immutable release cannot), and is a draft when it is to be published.
 */
async function checkCarriers(carriers) {
    if (carriers.release)
        await checkWritableRelease(carriers.release, carriers.release.publish ?? false);
}
/** After a seal: the manifest (only it, and the checksum list made from it) goes to the release. */
async function shipSeal(result, carriers) {
    const shipped = {};
    if (carriers.release) {
        const release = carriers.release;
        let assets;
        try {
            assets = await publishToRelease(release, releaseFiles(result, release.checksums ?? false), release.overwrite ?? false);
        }
        catch (error) {
            // A failed step leaves no manifest: one on disk beside a release without it would be
            // uploaded by the next step as if the seal had shipped.
            await promises_.rm(result.manifestPath, { force: true });
            throw error;
        }
        const [manifestAsset, checksumsAsset] = assets;
        shipped.manifestAsset = manifestAsset;
        shipped.checksumsAsset = checksumsAsset;
        carriers.log(`Attached ${[manifestAsset, checksumsAsset]
            .filter(Boolean)
            .map(a => a.name)
            .join(' and ')} to release ${release.tag}: ${manifestAsset.browserDownloadUrl}`);
        if (release.publish) {
            await publishTarget(release);
            carriers.log(`Published release ${release.tag}: its assets and the manifest are released together`);
        }
    }
    return shipped;
}
async function absent(file) {
    return promises_.lstat(file).then(() => false, (error) => error.code === 'ENOENT');
}
/**
 * Verify, fetching what is not on disk: a missing manifest from the release; with `assets`, the release's assets that the manifest lists. Which assets to fetch is
 * read from the manifest only after its signature and predicate checked, and every file is then
 * verified as usual. Nothing fetched is trusted for being fetched.
 */
async function verifyCarried(options, carriers) {
    let manifestBytes = options.manifestBytes;
    if (!manifestBytes && (await absent(options.manifestPath))) {
        if (carriers.release) {
            const fetched = await fetchManifestAsset(carriers.release, external_node_path_.basename(options.manifestPath));
            manifestBytes = fetched.bytes;
            carriers.log(`Fetched the manifest from release ${carriers.release.tag}: ${fetched.asset.browserDownloadUrl}`);
        }
    }
    const release = carriers.release;
    if (!release?.assets)
        return verify({ ...options, manifestBytes });
    // One pass: the manifest is read and checked once, and the files are verified against exactly
    // the statement whose signature decided which assets to fetch.
    await checkBaseDir(options.baseDir);
    const verdict = await verifyManifest({ ...options, manifestBytes });
    // A manifest that failed any check stops here: nothing is fetched for it.
    if (verdict.problems.length > 0 || !verdict.statement)
        return reportOf(verdict);
    const statement = verdict.statement;
    const rules = {
        algorithm: options.algorithm,
        manifestName: external_node_path_.basename(options.manifestPath),
        allowUnlisted: release.allowUnlistedAssets ?? false
    };
    if (release.assets === 'digests') {
        const compared = await compareAssetDigests(release, statement, verdict.selected, rules);
        carriers.log(`Compared ${verdict.selected.length} ${verdict.selection ? 'selected' : 'listed'} file(s) with the digests GitHub reports for the assets of release ${release.tag} (nothing downloaded)`);
        return verifyFiles(verdict, options, [], compared);
    }
    const { downloaded, problems } = await downloadListedAssets(release, statement, verdict.selected, options.baseDir, rules);
    carriers.log(`Downloaded ${downloaded.length} of ${verdict.selected.length} ${verdict.selection ? 'selected' : 'listed'} file(s) from release ${release.tag} into ${options.baseDir}`);
    return verifyFiles(verdict, options, problems);
}

;// CONCATENATED MODULE: ./src/formats/subject-checksums.ts





/**
 * Reads a `sha256sum` list made by another job (the `subject-checksums` input) into subjects to
 * seal. The files it names are not read: the list is what gets signed, so the job that made it
 * is trusted to have hashed what it built. A list larger than a manifest may be is refused unread.
 */
async function readSubjectChecksums(file, algorithm, inputName = 'subject-checksums') {
    const source = `${inputName} ${file}`;
    const bytes = await readSmallFile(file, {
        what: source,
        subject: inputName,
        code: 'INPUT_INVALID',
        tooLargeCode: 'INPUT_INVALID',
        cannotOpen: reason => `${source}: cannot read: ${reason}`,
        limit: MAX_MANIFEST_BYTES
    });
    const text = (0,encoding/* decodeUtf8Strict */.h)(bytes);
    if (text === null)
        throw new errors/* SealError */.EM('INPUT_INVALID', `${source} is not UTF-8 text`, inputName);
    return parseChecksumList(text, algorithm, source);
}

;// CONCATENATED MODULE: ./src/commands/carriers.ts

/** The carriers the plan names (today: a release), with a client that is only made when one is. */
async function carriersFor(plan, hooks) {
    const carriers = { log: hooks.log, warn: hooks.warn };
    const release = plan.release;
    if (release) {
        carriers.release = {
            client: await createGitHubClient({ token: release.token }, hooks.env),
            repo: parseRepository(release.repository, release.repositoryFrom),
            tag: release.tag,
            checksums: release.checksums,
            overwrite: release.overwrite,
            publish: release.publish,
            assets: release.assets,
            allowUnlistedAssets: release.allowUnlistedAssets
        };
    }
    return carriers;
}

// EXTERNAL MODULE: ./src/core/keys.ts
var keys = __nccwpck_require__(1483);
;// CONCATENATED MODULE: ./src/options/table.ts
/*
 * Every option of the action and the CLI, in one table: its input name (the CLI flag is the same
 * name with `--`, unless `flag` says otherwise), the modes that accept it, its default, what it
 * requires and excludes, its description (action.yml is generated from it: `npm run action-yml`)
 * and its --help line. The front ends only read strings (runner inputs, parseArgs values) into
 * it; src/options/read.ts validates them and src/options/plan.ts turns them into a plan.
 */


/** What the action's `mode` input and the CLI's command choose. */
const MODES = ['sign', 'verify', 'merge', 'checksums'];
/** The action runs these; `checksums` is the CLI's alone. */
const ACTION_MODES = ['sign', 'verify', 'merge'];
/** Where keys come from (`key-source`); each remote source's own options are read by its module in src/keys/. */
const table_KEY_SOURCES = [
    'input',
    'vault',
    'vault-transit',
    'aws-secrets-manager',
    'aws-kms',
    'gcp-secret-manager',
    'gcp-kms',
    'azure-key-vault',
    'azure-managed-hsm'
];
const SIGN = ['sign'];
const VERIFY = ['verify'];
const VERIFYING = ['verify', 'checksums'];
/** What verify asks of a manifest's predicate, merge asks of every part. */
const CHECKING = ['verify', 'checksums', 'merge'];
const SEALING = ['sign', 'merge'];
const SIGN_VERIFY = ['sign', 'verify'];
const WITH_RELEASE = ['sign', 'verify', 'merge'];
const ALL = MODES;
const ACTION = ['action'];
const CLI = ['cli'];
const needsSource = (...values) => [{ option: 'key-source', values }];
const VAULT = needsSource('vault', 'vault-transit');
const AWS = needsSource('aws-secrets-manager', 'aws-kms');
const GCP = needsSource('gcp-secret-manager', 'gcp-kms');
const AZURE = needsSource('azure-key-vault', 'azure-managed-hsm');
const OPTIONS = {
    mode: {
        kind: 'string',
        modes: ALL,
        in: ACTION,
        choices: ACTION_MODES,
        default: 'sign',
        description: 'sign (hash the files matched by path and write a signed manifest), verify (check a manifest and the files it lists) or merge (one manifest from the verified manifests of several jobs, see manifests).'
    },
    manifests: {
        kind: 'list',
        modes: ['merge'],
        default: '',
        description: "Merge: newline-separated glob patterns (the path syntax) of the part manifests, relative to the workspace; required to merge. Each part must verify as verify checks a manifest without reading files (signature, statement, expected-repository, expected-commit, which defaults to this run's commit, max-age, expiry and the policy inputs). The manifest input names the merged manifest written, which is never one of the parts.",
        help: {
            arg: 'PATTERN',
            text: 'merge: glob of the part manifests (repeatable), required; each must verify (--expected-repository, --expected-commit (default $GITHUB_SHA), --max-age and the policy flags apply to every part)'
        }
    },
    subjects: {
        kind: 'list',
        modes: VERIFYING,
        flag: 'subject',
        default: '',
        description: "Verify: newline-separated glob patterns (the path syntax) over the manifest's subject names. Only the listed subjects that match are checked; the rest may be absent. A pattern that is not an exclusion and matches no listed subject fails with SUBJECT_NOT_LISTED. With release-assets only the selected assets are fetched or compared.",
        help: {
            arg: 'PATTERN',
            text: 'verify and checksums: check (print) only the listed subjects matching this glob over subject names (repeatable; ! excludes); a pattern matching no listed subject fails with SUBJECT_NOT_LISTED'
        }
    },
    path: {
        kind: 'list',
        modes: SIGN_VERIFY,
        excludes: ['subject-checksums'],
        default: '',
        description: 'Newline-separated glob patterns in the @actions/glob syntax (as in upload-artifact and cache: `!` excludes, `**` matches any depth, hidden files are included), relative to the workspace. Required to sign. To verify: when given, a matching file that the manifest does not list fails the check (see allow-unlisted).',
        help: {
            arg: 'PATTERN',
            text: 'glob pattern (@actions/glob syntax, relative to the working directory), repeatable; required to sign. To verify: files that match but are not listed fail the check'
        }
    },
    'base-dir': {
        kind: 'string',
        modes: SIGN_VERIFY,
        default: '',
        description: 'Directory that subject names are relative to. Files outside it are refused. Defaults to the workspace.',
        help: { arg: 'DIR', text: 'subject names are relative to it (default: .)' }
    },
    manifest: {
        kind: 'string',
        modes: ALL,
        default: 'artifact-seal.json',
        description: 'The manifest written (sign) or read (verify), relative to the workspace.',
        help: { arg: 'FILE', text: 'manifest to write or read (default: artifact-seal.json)' }
    },
    key: {
        kind: 'string',
        modes: ALL,
        in: ACTION,
        default: '',
        requires: needsSource('input'),
        description: 'The HMAC key, one per line (pass a repository secret such as secrets.ARTIFACT_SEAL_KEY). Sign: one signature per key, for rotation. Verify: a valid signature by any listed key passes. Make one with `openssl rand -hex 32`.'
    },
    'key-file': {
        kind: 'string',
        modes: ALL,
        in: CLI,
        requires: needsSource('input'),
        description: 'File with the HMAC key, one key per line.',
        help: {
            arg: 'FILE',
            text: 'file with the HMAC key, one key per line (default: the ARTIFACT_SEAL_KEY environment variable)'
        }
    },
    'key-encoding': {
        kind: 'string',
        modes: ALL,
        choices: keys/* KEY_ENCODINGS */.$F,
        default: 'hex',
        description: 'How each key line is encoded: hex, base64 or utf8. A key shorter than 32 bytes after decoding is refused.',
        help: { arg: 'ENC', text: 'hex (default), base64 or utf8' }
    },
    'key-source': {
        kind: 'string',
        modes: ALL,
        choices: table_KEY_SOURCES,
        default: 'input',
        description: 'Where the key comes from: input (the key input); vault or aws-secrets-manager (the key is fetched with the job\'s OIDC token); vault-transit or aws-kms (the store computes and checks the MAC with the job\'s OIDC token, and the key never reaches the runner); gcp-secret-manager or azure-key-vault (fetched, as vault); gcp-kms or azure-managed-hsm (computed in the store, as aws-kms). The OIDC sources need `permissions: id-token: write`. See README "Key sources".',
        help: {
            arg: 'SOURCE',
            text: 'input (default), vault, vault-transit, aws-secrets-manager, aws-kms, gcp-secret-manager, gcp-kms, azure-key-vault or azure-managed-hsm (see "Key sources" below)'
        }
    },
    algorithm: {
        kind: 'string',
        modes: ALL,
        choices: DIGEST_ALGORITHMS,
        default: 'sha256',
        description: 'Content digest, and the hash of the HMAC: sha256, sha384 or sha512. Verify takes it from here, never from the manifest.',
        help: { arg: 'ALG', text: 'sha256 (default), sha384 or sha512' }
    },
    'expires-in': {
        kind: 'string',
        modes: SEALING,
        default: '',
        description: 'Sign and merge: the manifest expires after this long, e.g. 45s, 30m, 12h, 90d. Empty: never (a merge expires no later than its earliest part).',
        help: { arg: 'DURATION', text: 'sign and merge: the manifest expires after this long (45s, 30m, 12h, 90d)' }
    },
    'max-age': {
        kind: 'string',
        modes: CHECKING,
        default: '',
        description: 'Verify: refuse a manifest created longer ago than this, e.g. 7d.',
        help: { arg: 'DURATION', text: 'verify: refuse a manifest created longer ago than this' }
    },
    'expected-repository': {
        kind: 'string',
        modes: CHECKING,
        default: '',
        env: 'GITHUB_REPOSITORY',
        description: 'Verify: the manifest must have been signed in this repository (owner/name). Defaults to the repository running the workflow.',
        help: { arg: 'R', text: 'verify: the manifest must come from owner/name (default: $GITHUB_REPOSITORY when set)' }
    },
    'expected-commit': {
        kind: 'string',
        modes: CHECKING,
        default: '',
        description: 'Verify: the manifest must have been signed at this commit (full SHA).',
        help: { arg: 'SHA', text: 'verify: the manifest must have been signed at this commit' }
    },
    'expected-ref': {
        kind: 'list',
        modes: CHECKING,
        default: '',
        description: "Verify: the manifest must have been signed at a ref (GITHUB_REF) matching one of these newline-separated glob patterns, e.g. `refs/tags/v*` (the path syntax: `*` does not cross `/`, so it does not match refs/heads/v1; `!` excludes). A manifest that does not record its ref fails. Only as strong as the key's access rules (README).",
        help: {
            arg: 'PATTERN',
            text: "verify: the manifest must have been signed at a ref matching this glob (repeatable), e.g. 'refs/tags/v*'; * does not cross /"
        }
    },
    'expected-workflow': {
        kind: 'list',
        modes: CHECKING,
        default: '',
        description: 'Verify: the manifest must have been signed by a workflow whose file (the path in workflowRef between owner/name/ and @) matches one of these newline-separated glob patterns, e.g. `.github/workflows/release.yml`.',
        help: {
            arg: 'PATTERN',
            text: 'verify: the manifest must have been signed by a workflow whose file (workflowRef between owner/name/ and @) matches this glob (repeatable), e.g. .github/workflows/release.yml'
        }
    },
    'expected-event': {
        kind: 'list',
        modes: CHECKING,
        default: '',
        description: 'Verify: the manifest must have been signed by a run of one of these events (comma or newline separated), e.g. `push, release`.',
        help: {
            arg: 'EVENTS',
            text: 'verify: the manifest must have been signed in a run of one of these events (repeatable, or comma separated), e.g. push,release'
        }
    },
    'require-hosted-runner': {
        kind: 'boolean',
        modes: CHECKING,
        default: 'false',
        description: 'Verify: the manifest must have been signed on a GitHub-hosted runner (runnerEnvironment github-hosted).',
        help: {
            text: 'verify: the manifest must have been signed on a GitHub-hosted runner. A field the manifest does not record fails the check that asks for it.'
        }
    },
    label: {
        kind: 'string',
        modes: SEALING,
        default: '',
        description: 'Sign and merge: free text recorded in the predicate, such as `${{ matrix.os }}`.',
        help: { arg: 'TEXT', text: 'sign and merge: free text recorded in the predicate (e.g. the matrix OS)' }
    },
    'allow-unlisted': {
        kind: 'boolean',
        modes: VERIFY,
        default: 'false',
        requires: ['path'],
        description: 'Verify: with path, let files that the manifest does not list pass instead of failing the check.',
        help: { text: 'verify: let files that match --path but are not listed pass' }
    },
    'allow-symlinks': {
        kind: 'boolean',
        modes: SIGN_VERIFY,
        default: 'false',
        description: 'Both modes: let a file be sealed and verified when its name goes through a symbolic link (the file itself, or a folder above it) that stays inside base-dir; what is hashed is what the link points to. By default such a name is refused, naming it, because a link ships differently from a file. A link out of base-dir is always refused.',
        help: {
            text: 'seal and verify files reached through a symbolic link that stays inside --base-dir (default: such a name is refused, named)'
        }
    },
    'omit-broken-symbolic-links': {
        kind: 'boolean',
        modes: SIGN_VERIFY,
        default: 'false',
        description: "Both modes: leave out symbolic links whose target does not exist when path matches them (@actions/glob's omitBrokenSymbolicLinks). By default each one is an error, all of them named: such a link may resolve on the machine you deploy to. A broken link that path excludes (a ! pattern) is never an error.",
        help: {
            text: 'leave out symbolic links whose target does not exist that --path matches (default: an error naming every one; one that a ! pattern excludes is never an error)'
        }
    },
    // What sign binds when it does not run in GitHub Actions; the runner's variables otherwise.
    repository: {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_REPOSITORY',
        description: 'The repository bound in the predicate.',
        help: { arg: 'OWNER/NAME', text: 'sign: the repository to bind (default: $GITHUB_REPOSITORY)' }
    },
    commit: {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_SHA',
        description: 'The commit bound in the predicate.',
        help: { arg: 'SHA', text: 'sign: the commit to bind (default: $GITHUB_SHA)' }
    },
    ref: {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_REF',
        description: 'The ref bound in the predicate.',
        help: { arg: 'REF', text: 'sign: the ref to bind (default: $GITHUB_REF)' }
    },
    'workflow-ref': {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_WORKFLOW_REF',
        description: 'The workflow ref bound in the predicate.',
        help: { arg: 'REF', text: 'sign: the workflow ref to bind (default: $GITHUB_WORKFLOW_REF)' }
    },
    job: {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_JOB',
        description: 'The job bound in the predicate.',
        help: { arg: 'JOB', text: 'sign: the job to bind (default: $GITHUB_JOB)' }
    },
    'event-name': {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_EVENT_NAME',
        description: 'The event bound in the predicate.',
        help: { arg: 'EVENT', text: 'sign: the event to bind (default: $GITHUB_EVENT_NAME)' }
    },
    'runner-environment': {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'RUNNER_ENVIRONMENT',
        choices: ['github-hosted', 'self-hosted'],
        description: 'The runner environment bound in the predicate.',
        help: { arg: 'ENV', text: 'sign: github-hosted or self-hosted (default: $RUNNER_ENVIRONMENT)' }
    },
    'workflow-sha': {
        kind: 'string',
        modes: SEALING,
        in: CLI,
        env: 'GITHUB_WORKFLOW_SHA',
        description: "The workflow file's commit bound in the predicate.",
        help: { arg: 'SHA', text: 'sign: the workflow commit to bind (default: $GITHUB_WORKFLOW_SHA)' }
    },
    'subject-checksums': {
        kind: 'string',
        modes: SIGN,
        default: '',
        excludes: ['path'],
        description: 'Sign: seal this checksum list instead of hashing files: the output of `sha256sum` (or `sha256sum --tag`; sha384sum or sha512sum with that algorithm) made by another job. The files are not read. Names obey the same path rules as path; every digest must be of `algorithm`; a malformed line is refused with its line number. Excludes path.',
        help: {
            arg: 'FILE',
            text: 'sign: seal this sha256sum (or --tag) list instead of hashing files; its names obey the path rules, its digests must be of --algorithm'
        }
    },
    'release-tag': {
        kind: 'string',
        modes: WITH_RELEASE,
        default: '',
        description: 'Sign: attach the manifest as an asset of the release with this tag (needs `permissions: contents: write`). Verify: fetch the manifest from that release when the manifest file is not on disk. The release is looked up in this repository (sign) or expected-repository (verify), through GITHUB_API_URL on GitHub Enterprise Server.',
        help: {
            arg: 'TAG',
            text: 'sign: attach the manifest to the release of TAG in --repo; verify: fetch it from there when the --manifest file is absent'
        }
    },
    repo: {
        kind: 'string',
        modes: WITH_RELEASE,
        in: CLI,
        requires: ['release-tag'],
        description: "The release's repository.",
        help: {
            arg: 'OWNER/NAME',
            text: "the release's repository (default: $GITHUB_REPOSITORY to sign, --expected-repository to verify); the token comes from GITHUB_TOKEN, the API from GITHUB_API_URL (GHES)"
        }
    },
    checksums: {
        kind: 'boolean',
        modes: SEALING,
        default: 'false',
        requires: ['release-tag'],
        description: 'Sign, with release-tag: also attach a GNU checksum list of the sealed files for people who check by hand, named after the digests it holds: SHA256SUMS (sha256), SHA384SUMS or SHA512SUMS. It is unsigned; the manifest is the authority.',
        help: { text: 'sign: also attach SHA256SUMS (named after --algorithm: SHA512SUMS for sha512) to the release' }
    },
    overwrite: {
        kind: 'boolean',
        modes: SEALING,
        default: 'false',
        requires: ['release-tag'],
        description: 'Sign, with release-tag: replace release assets of the same name. Without it an existing asset is an error.',
        help: { text: 'sign: replace release assets of the same name (else an error)' }
    },
    'github-token': {
        kind: 'string',
        modes: ALL,
        in: ACTION,
        default: '${{ github.token }}',
        description: 'Token for the releases API (release-tag). The default job token works; signing needs `permissions: contents: write`.'
    },
    'release-assets': {
        // A string, for `digests`; the CLI's bare --release-assets means true (src/cli/main.ts).
        kind: 'string',
        modes: VERIFY,
        choices: ['true', 'false', 'digests'],
        default: 'false',
        requires: ['release-tag'],
        description: "Verify, with release-tag: true, false or digests. true: once the manifest's signature checks, download the release's assets that the manifest lists (those that subjects selects) into base-dir and verify them: a published release checked end to end. A download replaces the file of its name only once its digest matched, and an asset the manifest does not list fails the check (see allow-unlisted-assets). digests: download nothing, and compare each selected subject's digest with the sha256 digest GitHub's release API reports for the asset of that name (this trusts GitHub's computation; algorithm sha256 only). Seal with base-dir set to the directory you upload from, so that subject names are the asset names.",
        help: {
            arg: '[=digests]',
            text: "verify: download the release's assets that the manifest lists (or --subject selects) into --base-dir, each replacing the file of its name only once its digest matched, then verify them; an asset the manifest does not list (other than the manifest and its SHA256SUMS) fails the check. =digests: download nothing, compare with the sha256 digests GitHub reports for the assets (trusts GitHub's computation)"
        }
    },
    'release-publish': {
        kind: 'boolean',
        modes: SEALING,
        default: 'false',
        requires: ['release-tag'],
        description: 'Sign or merge, with release-tag: after the manifest (and the checksum list) is attached to the draft release, publish it, so that the manifest is frozen with the assets on an immutable release. Publishing a release that is not a draft is an error.',
        help: {
            text: 'sign and merge: publish the draft release after attaching the manifest (a published immutable release cannot take it; a release that is not a draft cannot be published)'
        }
    },
    'allow-unlisted-assets': {
        kind: 'boolean',
        modes: VERIFY,
        default: 'false',
        requires: ['release-assets'],
        description: "Verify with release-assets: let release assets that the manifest does not list pass. By default each one fails the check (UNLISTED_FILE), except the manifest itself and the checksum list that sign attached, which must then be exactly the list of the manifest's digests.",
        help: { text: 'verify with --release-assets: let unlisted release assets pass' }
    },
    cache: {
        kind: 'boolean',
        modes: SIGN_VERIFY,
        in: ACTION,
        default: 'false',
        description: 'No longer supported (since 1.1): true is refused. Restoring an Actions cache entry extracts the whole archive before anything can be checked, so a poisoned entry could write files anywhere. Carry the manifest with actions/upload-artifact or on a release instead; see the README.'
    },
    tag: {
        kind: 'boolean',
        modes: ['checksums'],
        in: CLI,
        description: 'Print BSD-style lines.',
        help: { text: 'checksums: print BSD-style lines (sha256sum --tag)' }
    },
    json: {
        kind: 'boolean',
        modes: ALL,
        in: CLI,
        description: 'Print a machine-readable report on stdout.',
        help: { text: 'print a machine-readable report on stdout' }
    },
    // The remote key sources (src/keys/); their --help is the "Key sources" section.
    'vault-url': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: VAULT,
        default: '',
        env: 'VAULT_ADDR',
        description: 'key-source vault or vault-transit: the Vault address, e.g. https://vault.example.com:8200. Required for both.'
    },
    'vault-namespace': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: VAULT,
        default: '',
        env: 'VAULT_NAMESPACE',
        description: 'key-source vault or vault-transit: the Vault Enterprise namespace, sent as X-Vault-Namespace on every request.'
    },
    'vault-auth-path': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: VAULT,
        default: 'jwt',
        description: 'key-source vault or vault-transit: where the JWT auth method is mounted (the login is POST /v1/auth/<vault-auth-path>/login).'
    },
    'vault-role': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: VAULT,
        default: '',
        description: 'key-source vault or vault-transit: the JWT auth role to log in as; its bound_claims should pin repository and ref. Required for both.'
    },
    'vault-secret': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('vault'),
        default: '',
        description: 'key-source vault: the KV v2 API path of the secret after /v1/, with data/, e.g. secret/data/ci/artifact-seal. Required.'
    },
    'vault-secret-field': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('vault'),
        default: 'key',
        description: 'key-source vault: the field of the secret that holds the key (decoded by key-encoding; one key per line to rotate).'
    },
    'oidc-audience': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('vault', 'vault-transit', 'aws-secrets-manager', 'aws-kms', 'gcp-secret-manager', 'gcp-kms', 'azure-key-vault', 'azure-managed-hsm'),
        default: '',
        description: "The aud claim asked for in the job's OIDC token. vault and vault-transit: empty means GitHub's default (https://github.com/OWNER), which the role's bound_audiences must list. aws-secrets-manager and aws-kms: empty means sts.amazonaws.com. gcp-secret-manager and gcp-kms: empty means https://iam.googleapis.com/ followed by gcp-workload-identity-provider. azure-key-vault and azure-managed-hsm: empty means api://AzureADTokenExchange."
    },
    'vault-transit-mount': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('vault-transit'),
        default: 'transit',
        description: 'key-source vault-transit: where the transit secrets engine is mounted.'
    },
    'vault-transit-key': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('vault-transit'),
        default: '',
        description: 'key-source vault-transit: the name of the transit key that computes (sign) and checks (verify) the HMAC. Required.'
    },
    'aws-region': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: AWS,
        default: '',
        description: 'key-source aws-secrets-manager or aws-kms: the AWS region of the role, secret and key, e.g. us-east-1. Defaults to AWS_REGION when set.'
    },
    'aws-role-arn': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: AWS,
        default: '',
        description: "key-source aws-secrets-manager or aws-kms: the IAM role assumed with the job's OIDC token (AssumeRoleWithWebIdentity); its trust policy should pin the token's sub claim. Required for both."
    },
    'aws-secret-id': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('aws-secrets-manager'),
        default: '',
        description: 'key-source aws-secrets-manager: the name or ARN of the secret; a SecretString is decoded by key-encoding, a SecretBinary is the raw key. Required.'
    },
    'aws-kms-key-id': {
        kind: 'list',
        modes: ALL,
        store: true,
        requires: needsSource('aws-kms'),
        default: '',
        description: 'key-source aws-kms: the ARN, key id or alias of an HMAC KMS key (key usage GENERATE_VERIFY_MAC) whose MAC algorithms include the configured algorithm. One per line to rotate: sign with each, verify with any. Required. Endpoints follow AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_STS, _KMS and _SECRETS_MANAGER.'
    },
    'gcp-workload-identity-provider': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: GCP,
        default: '',
        description: "key-source gcp-secret-manager or gcp-kms: the Workload Identity Federation provider that accepts this job's OIDC token, projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER. Required for both. Endpoints follow GCP_ENDPOINT_STS, GCP_ENDPOINT_IAMCREDENTIALS, GCP_ENDPOINT_SECRETMANAGER and GCP_ENDPOINT_CLOUDKMS."
    },
    'gcp-service-account': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: GCP,
        default: '',
        description: 'key-source gcp-secret-manager or gcp-kms: a service account to impersonate (IAM Credentials generateAccessToken). Empty: the federated identity is used directly.'
    },
    'gcp-secret': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('gcp-secret-manager'),
        default: '',
        description: 'key-source gcp-secret-manager: the secret, projects/PROJECT/secrets/NAME (latest version) or with /versions/VERSION; its payload is decoded by key-encoding. Required.'
    },
    'gcp-kms-key': {
        kind: 'list',
        modes: ALL,
        store: true,
        requires: needsSource('gcp-kms'),
        default: '',
        description: 'key-source gcp-kms: the full name of a Cloud KMS MAC key version, projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V (algorithm HMAC_SHA256, _384 or _512 matching algorithm). One per line to rotate: the first signs, all verify. Required.'
    },
    'azure-tenant-id': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: AZURE,
        default: '',
        description: 'key-source azure-key-vault or azure-managed-hsm: the Microsoft Entra tenant (directory) id. Required for both. The authority follows AZURE_AUTHORITY_HOST.'
    },
    'azure-client-id': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: AZURE,
        default: '',
        description: "key-source azure-key-vault or azure-managed-hsm: the application (client) id whose federated credential trusts this job's OIDC token. Required for both."
    },
    'azure-key-vault-url': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('azure-key-vault'),
        default: '',
        description: 'key-source azure-key-vault: the vault URL, e.g. https://NAME.vault.azure.net. Required.'
    },
    'azure-secret': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('azure-key-vault'),
        default: '',
        description: 'key-source azure-key-vault: the secret, NAME (current version) or NAME/VERSION; its value is decoded by key-encoding. Required.'
    },
    'azure-managed-hsm-url': {
        kind: 'string',
        modes: ALL,
        store: true,
        requires: needsSource('azure-managed-hsm'),
        default: '',
        description: 'key-source azure-managed-hsm: the HSM URL, e.g. https://NAME.managedhsm.azure.net. Required.'
    },
    'azure-hsm-key': {
        kind: 'list',
        modes: ALL,
        store: true,
        requires: needsSource('azure-managed-hsm'),
        default: '',
        description: 'key-source azure-managed-hsm: an HMAC key (oct-HSM), NAME/VERSION, or NAME for its current version (which needs keys/read/action). One per line to rotate: the first signs, all verify. Required.'
    }
};
/** The action's outputs (action.yml is generated from these too). */
const OUTPUTS = {
    'manifest-path': 'Sign and merge: absolute path of the manifest written.',
    'manifest-sha256': "Sign and merge: hex SHA-256 of the manifest file's bytes.",
    'subject-count': 'Sign and merge: number of files sealed.',
    'key-id': 'Sign and merge: key id of the first signature (derived from the key; not secret).',
    'verified-count': 'Verify: number of files whose digest matched.',
    result: 'Verify: verified or failed.',
    'release-asset-url': 'Sign and merge, with release-tag: the download URL (browser_download_url) of the manifest asset.',
    'part-count': 'Merge: the number of part manifests merged (or found, when the merge was refused).'
};
/** Every option as the spec type, in table order. */
const OPTION_LIST = Object.entries(OPTIONS);
/** Whether a front end offers an option. */
const offers = (spec, frontEnd) => !spec.in || spec.in.includes(frontEnd);
/** The CLI's name of an option, without `--`. */
const flagOf = (name) => OPTIONS[name].flag ?? name;
/** An option's bare name in a front end, the subject of its errors: `base-dir` or `--base-dir`. */
const nameIn = (name, frontEnd) => frontEnd === 'action' ? name : `--${flagOf(name)}`;
/** An option as the user's front end spells it in a sentence: `base-dir input` or `--base-dir`. */
const spell = (name, frontEnd) => frontEnd === 'action' ? `${name} input` : `--${flagOf(name)}`;
/** The remote key sources' options, in table order. */
const STORE_OPTIONS = OPTION_LIST.filter(([, s]) => s.store).map(([name]) => name);

;// CONCATENATED MODULE: ./src/keys/options.ts



/** Reads store options for one key source, naming the input or flag the user must set. */
class OptionReader {
    options;
    source;
    nameOf;
    constructor(options, source, 
    /** How an option is called where the user sets it: `vault-url input` or `--vault-url`. */
    nameOf) {
        this.options = options;
        this.source = source;
        this.nameOf = nameOf;
    }
    /** The trimmed value, or the table's default, or undefined. */
    get(option) {
        const value = this.options[option]?.trim();
        return value ? value : OPTIONS[option].default || undefined;
    }
    /** The value; a clear error naming the input when it is missing. */
    need(option, hint = '') {
        const value = this.get(option);
        if (!value) {
            throw new errors/* SealError */.EM('INPUT_INVALID', `${this.nameOf(option)} is required with key-source ${this.source}${hint ? ` (${hint})` : ''}`, option);
        }
        return value;
    }
    /** An API path given by the user, without leading slashes or a leading `v1/`. */
    path(option, hint = '') {
        return this.need(option, hint).replace(/^\/+/, '').replace(/^v1\//, '').replace(/\/+$/, '');
    }
}

;// CONCATENATED MODULE: ./src/keys/secrets.ts
/**
 * Every secret a key source handles (a fetched key, a Vault token, AWS credentials, the OIDC
 * token) goes through one `Secrets` so that it is masked the moment it exists and can be cut out
 * of any message built from a remote answer before that message is shown.
 */
class Secrets {
    #values = new Set();
    #onSecret;
    constructor(onSecret) {
        this.#onSecret = onSecret;
    }
    /** Registers a secret with the log mask and remembers it for `redact`; returns it unchanged. */
    add(value) {
        if (value) {
            this.#onSecret(value);
            this.#values.add(value);
        }
        return value;
    }
    /** The text with every registered secret replaced by `***` (longest first, so no piece survives). */
    redact(text) {
        let out = text;
        // Very short values would shred ordinary words; the runner still masks them in logs.
        for (const value of [...this.#values].filter(v => v.length >= 6).sort((a, b) => b.length - a.length)) {
            out = out.split(value).join('***');
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/keys/key-source.ts







function parseKeySource(value, inputName = 'key-source') {
    return parseChoice(value, KEY_SOURCES, inputName);
}
/**
 * Sources whose verify keys are the versions a store still accepts, the one sign uses first
 * (Vault transit's latest version, the first GCP KMS or Managed HSM key listed).
 */
const VERSIONED_SOURCES = new Set(['vault-transit', 'gcp-kms', 'azure-managed-hsm']);
/**
 * Of the keys resolved to verify, those that sign: every key line for local keys and fetched
 * secrets (one signature each), the signing version for a versioned store. Merge verifies its
 * parts with all of them and signs with these, from one lookup.
 */
function signingKeysOf(source, verifyKeys) {
    return VERSIONED_SOURCES.has(source) ? verifyKeys.slice(0, 1) : [...verifyKeys];
}
/** Resolves the keys a request names. */
async function resolveKeys(request) {
    if (request.source === 'input') {
        if (!request.keyText || request.keyText.trim() === '') {
            throw new errors/* SealError */.EM('KEY_INVALID', `${request.keyLabel} is required with key-source input`, request.keyLabel);
        }
        return (0,keys/* keysFromText */.aZ)(request.keyText, request.encoding, request.algorithm, request.keyLabel, request.onSecret);
    }
    if (request.keyText && request.keyText.trim() !== '') {
        throw new errors/* SealError */.EM('INPUT_INVALID', `${request.keyLabel} is set but key-source is ${request.source}: remove one of them`, request.keyLabel);
    }
    const ctx = {
        source: request.source,
        options: new OptionReader(request.store ?? {}, request.source, request.optionName ?? (o => `${o} input`)),
        algorithm: request.algorithm,
        encoding: request.encoding,
        purpose: request.purpose,
        env: request.env ?? process.env,
        secrets: new Secrets(request.onSecret),
        log: request.log ?? (() => { }),
        allowEnvToken: request.allowEnvToken ?? false,
        retry: request.retry,
        fetchOidcToken: request.fetchOidcToken
    };
    // Each source in its own module, loaded only when chosen (the AWS ones bring the AWS SDK), so
    // that `key-source: input` starts as fast as before.
    switch (request.source) {
        case 'vault':
            return (await __nccwpck_require__.e(/* import() */ 211).then(__nccwpck_require__.bind(__nccwpck_require__, 5211))).vaultKeys(ctx);
        case 'vault-transit':
            return (await __nccwpck_require__.e(/* import() */ 590).then(__nccwpck_require__.bind(__nccwpck_require__, 7590))).vaultTransitKeys(ctx);
        case 'aws-secrets-manager':
            return (await __nccwpck_require__.e(/* import() */ 179).then(__nccwpck_require__.bind(__nccwpck_require__, 2179))).awsSecretsManagerKeys(ctx);
        case 'aws-kms':
            return (await __nccwpck_require__.e(/* import() */ 297).then(__nccwpck_require__.bind(__nccwpck_require__, 6297))).awsKmsKeys(ctx);
        case 'gcp-secret-manager':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(511), __nccwpck_require__.e(409)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9409))).gcpSecretManagerKeys(ctx);
        case 'gcp-kms':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(511), __nccwpck_require__.e(862)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5862))).gcpKmsKeys(ctx);
        case 'azure-key-vault':
            return (await __nccwpck_require__.e(/* import() */ 276).then(__nccwpck_require__.bind(__nccwpck_require__, 2276))).azureKeyVaultKeys(ctx);
        case 'azure-managed-hsm':
            return (await __nccwpck_require__.e(/* import() */ 382).then(__nccwpck_require__.bind(__nccwpck_require__, 8382))).azureManagedHsmKeys(ctx);
    }
}

;// CONCATENATED MODULE: ./src/commands/keys.ts



/** The key lines and how to name where they came from (an input, a flag or a variable; never the key). */
async function keyText(plan, hooks) {
    const { key } = plan;
    if (key.source !== 'input')
        return { text: '', label: plan.spell('key-source') };
    if (key.file) {
        try {
            return { text: await promises_.readFile(key.file, 'utf8'), label: `--key-file ${key.file}` };
        }
        catch (error) {
            throw new errors/* SealError */.EM('INPUT_INVALID', `--key-file ${key.file}: cannot read: ${(0,errors/* describeFsError */.TQ)(error)}`, '--key-file');
        }
    }
    if (key.envVariable) {
        const text = hooks.env[key.envVariable] ?? '';
        if (!text.trim())
            throw new errors/* SealError */.EM('INPUT_INVALID', `no key: give --key-file FILE or set ${key.envVariable}`, '--key-file');
        return { text, label: key.envVariable };
    }
    return { text: key.text ?? '', label: plan.spell('key') };
}
/** The keys the plan names, from wherever they live; every secret is masked as it arrives. */
async function loadKeys(plan, hooks) {
    const { text, label } = await keyText(plan, hooks);
    return resolveKeys({
        source: plan.key.source,
        algorithm: plan.algorithm,
        encoding: plan.key.encoding,
        keyText: text,
        keyLabel: label,
        onSecret: hooks.onSecret,
        // Merge verifies its parts with every key a store accepts, and signs with signingKeysOf them.
        purpose: plan.mode === 'sign' ? 'sign' : 'verify',
        store: plan.key.store,
        optionName: plan.spell,
        env: hooks.env,
        log: hooks.log,
        allowEnvToken: plan.frontEnd === 'cli',
        fetchOidcToken: hooks.fetchOidcToken
    });
}

;// CONCATENATED MODULE: ./src/commands/sign.ts





/** Sign: hash the files (or take a checksum list), write the manifest, then ship it. */
async function runSign(plan, hooks, hashing = {}) {
    const keys = await loadKeys(plan, hooks);
    const carriers = await carriersFor(plan, hooks);
    await checkCarriers(carriers);
    const common = {
        manifestPath: plan.manifest,
        algorithm: plan.algorithm,
        keys,
        context: plan.context,
        expiresInMs: plan.expiresInMs
    };
    const result = plan.subjectChecksums
        ? await sealSubjects(await readSubjectChecksums(plan.subjectChecksums, plan.algorithm, plan.frontEnd === 'cli' ? '--subject-checksums' : 'subject-checksums'), common)
        : await seal({
            ...common,
            patterns: plan.patterns,
            baseDir: plan.baseDir,
            cwd: plan.cwd,
            allowSymlinks: plan.allowSymlinks,
            omitBrokenLinks: plan.omitBrokenLinks,
            hashing
        });
    return { ...result, ...(await shipSeal(result, carriers)) };
}

;// CONCATENATED MODULE: ./src/commands/verify.ts





/** What core/verify needs from a plan. */
async function verifyOptions(plan, hooks, hashing) {
    return {
        manifestPath: plan.manifest,
        baseDir: plan.baseDir,
        algorithm: plan.algorithm,
        keys: await loadKeys(plan, hooks),
        patterns: plan.patterns,
        allowUnlisted: plan.allowUnlisted,
        allowSymlinks: plan.allowSymlinks,
        omitBrokenLinks: plan.omitBrokenLinks,
        cwd: plan.cwd,
        expectedRepository: plan.expectedRepository,
        expectedCommit: plan.expectedCommit,
        maxAgeMs: plan.maxAgeMs,
        policy: plan.policy,
        subjects: plan.subjects,
        hashing
    };
}
/** Verify: the manifest (from disk or its release) and every file it lists. */
async function runVerify(plan, hooks, hashing = {}) {
    const carriers = await carriersFor(plan, hooks);
    return verifyCarried(await verifyOptions(plan, hooks, hashing), carriers);
}
/** checksums: the manifest's signature, statement and predicate, reading no file. */
async function runChecksums(plan, hooks) {
    const options = await verifyOptions(plan, hooks, {});
    await checkBaseDir(options.baseDir);
    return verifyManifest(options);
}

;// CONCATENATED MODULE: ./src/core/merge.ts







/** The part manifests the patterns match, sorted, without the merged manifest itself. */
function findParts(patterns, manifestPath, cwd, option = 'manifests') {
    if (patterns.length === 0)
        throw new errors/* SealError */.EM('INPUT_INVALID', `${option} is required to merge: give glob patterns of the part manifests`, option);
    const out = external_node_path_.resolve(manifestPath);
    const found = [...new Set(globFiles(patterns, cwd))].filter(f => external_node_path_.resolve(f) !== out).sort();
    if (found.length === 0)
        throw new errors/* SealError */.EM('NO_FILES', `${option} matched no manifest (patterns: ${patterns.join(', ')}; the merged manifest ${out} is never a part)`, option);
    return found;
}
const relative = (cwd, file) => external_node_path_.relative(cwd, file).split(external_node_path_.sep).join('/');
/** The earliest of some times (RFC 3339 strings), or null when none is given. */
function earliest(times) {
    const given = times.filter((t) => t !== null);
    return given.length === 0 ? null : given.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
/**
 * Verifies every part, unites their subjects and writes the merged manifest atomically. Every
 * problem of every part is collected (each message names its part); when there is any, or two
 * parts list one name with different digests, nothing is written.
 */
async function merge(options) {
    checkSigningKeys(options.signingKeys);
    const now = options.now ?? new Date();
    const files = findParts(options.manifests, options.manifestPath, options.cwd, options.manifestsOption);
    const problems = [];
    const parts = [];
    const digests = [];
    for (const file of files) {
        const name = relative(options.cwd, file);
        const verdict = await verifyManifest({ ...options, manifestPath: file, subjects: undefined, now });
        for (const p of verdict.problems)
            problems.push({
                ...p,
                message: (0,errors/* oneLine */.TN)(`part ${name}: ${p.message}`),
                subject: p.subject ? `${name}: ${p.subject}` : name
            });
        if (!verdict.statement || !verdict.bytes || !verdict.keyId)
            continue;
        const { parts: _nested, ...fields } = verdict.statement.predicate;
        parts.push({
            ...fields,
            manifest: name,
            manifestSha256: (0,external_node_crypto_.createHash)('sha256').update(verdict.bytes).digest('hex'),
            keyId: verdict.keyId,
            subjects: verdict.statement.subject.map(s => s.name)
        });
        digests.push(new Map(verdict.statement.subject.map(s => [s.name, s.digest[options.algorithm]])));
    }
    const union = new Map();
    parts.forEach((part, i) => {
        for (const [subject, digest] of digests[i]) {
            const seen = union.get(subject);
            if (!seen)
                union.set(subject, { digest, part });
            else if (seen.digest !== digest) {
                problems.push({
                    code: 'SUBJECT_CONFLICT',
                    message: (0,errors/* oneLine */.TN)(`${subject}: part ${seen.part.manifest} lists ${options.algorithm} ${seen.digest} but part ${part.manifest} lists ${digest}; the parts disagree about this file`),
                    subject
                });
            }
        }
    });
    if (problems.length > 0)
        return { ok: false, problems, partCount: files.length };
    const subjects = [...union].map(([name, { digest }]) => ({ name, digest }));
    const statement = buildStatement(subjects, options.algorithm, options.context, now, options.expiresInMs);
    // A merge vouches for no longer than its shortest-lived part.
    statement.predicate.expiresAt = earliest([statement.predicate.expiresAt, ...parts.map(p => p.expiresAt)]);
    statement.predicate.parts = parts;
    const { bytes, keyIds } = await signStatement(statement, options.signingKeys);
    const manifestPath = external_node_path_.resolve(options.manifestPath);
    await writeFileAtomic(manifestPath, bytes);
    return {
        ok: true,
        result: {
            manifestPath,
            manifestBytes: bytes,
            manifestSha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
            subjects,
            keyIds,
            statement,
            parts
        }
    };
}
/** One log line per part of a merged manifest: which job sealed how many of its files, under which key. */
function partLines(parts) {
    return parts.map((p, i) => {
        const run = [
            p.label !== null && `label ${p.label}`,
            p.job !== null && `job ${p.job}`,
            p.runId !== null && `run ${p.runId}`
        ]
            .filter(Boolean)
            .join(', ');
        return `Part ${i + 1}: ${p.manifest} (${run || 'no label'}), ${p.subjects.length} file(s), sha256 ${p.manifestSha256}, key ${p.keyId}`;
    });
}

;// CONCATENATED MODULE: ./src/commands/merge.ts





/**
 * Merge: the release checked before any part is read, every part verified, one manifest written
 * (or nothing, with every problem), then shipped as sign ships.
 */
async function runMerge(plan, hooks) {
    const keys = await loadKeys(plan, hooks);
    const carriers = await carriersFor(plan, hooks);
    await checkCarriers(carriers);
    const outcome = await merge({
        manifests: plan.manifests,
        manifestPath: plan.manifest,
        algorithm: plan.algorithm,
        keys,
        signingKeys: signingKeysOf(plan.key.source, keys),
        context: plan.context,
        expiresInMs: plan.expiresInMs,
        cwd: plan.cwd,
        manifestsOption: plan.frontEnd === 'cli' ? '--manifests' : 'manifests',
        expectedRepository: plan.expectedRepository,
        expectedCommit: plan.expectedCommit,
        maxAgeMs: plan.maxAgeMs,
        policy: plan.policy
    });
    if (!outcome.ok)
        return outcome;
    return { ...outcome, shipped: await shipSeal(outcome.result, carriers) };
}

;// CONCATENATED MODULE: ./src/github/context.ts
/** The run's identity from the runner's GITHUB_* variables (what the predicate binds). */
function contextFromEnv(env = process.env) {
    const get = (name) => {
        const v = env[name];
        return v && v.length > 0 ? v : null;
    };
    return {
        repository: get('GITHUB_REPOSITORY'),
        commit: get('GITHUB_SHA'),
        ref: get('GITHUB_REF'),
        workflowRef: get('GITHUB_WORKFLOW_REF'),
        runId: get('GITHUB_RUN_ID'),
        runAttempt: get('GITHUB_RUN_ATTEMPT'),
        serverUrl: get('GITHUB_SERVER_URL'),
        job: get('GITHUB_JOB'),
        // Not the runner's to say: the label input (or --label) fills it in.
        label: null,
        eventName: get('GITHUB_EVENT_NAME'),
        runnerEnvironment: get('RUNNER_ENVIRONMENT'),
        workflowSha: get('GITHUB_WORKFLOW_SHA')
    };
}

;// CONCATENATED MODULE: ./src/options/cli-args.ts

/** parseArgs' options, from the table: every value option repeatable, so that a repeat is seen (and refused where one is meant). */
const PARSE_ARGS_OPTIONS = {
    ...Object.fromEntries(OPTION_LIST.filter(([, spec]) => offers(spec, 'cli')).map(([name, spec]) => [
        flagOf(name),
        spec.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: true }
    ])),
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' }
};
/** parseArgs' values as the strings the table reads. */
function rawFromArgs(values) {
    const raw = {};
    for (const [name, spec] of OPTION_LIST) {
        if (!offers(spec, 'cli'))
            continue;
        const value = values[flagOf(name)];
        if (value === undefined)
            continue;
        raw[name] = (Array.isArray(value) ? value : [value]).map(String);
    }
    return raw;
}

;// CONCATENATED MODULE: ./src/options/help.ts

const COLUMN = 29;
const WIDTH = 100;
/** Wraps `text` into lines that start at the help's second column. */
function wrap(text, first) {
    const out = [];
    let line = first.length >= COLUMN - 1 ? (out.push(first), ' '.repeat(COLUMN)) : first.padEnd(COLUMN);
    let empty = true;
    for (const word of text.split(' ')) {
        if (!empty && line.length + 1 + word.length > WIDTH) {
            out.push(line);
            line = ' '.repeat(COLUMN);
            empty = true;
        }
        line += (empty ? '' : ' ') + word;
        empty = false;
    }
    out.push(line);
    return out;
}
/** The options part of --help, one entry per CLI option of the table, in table order. */
function optionLines() {
    const lines = [];
    for (const [name, spec] of OPTION_LIST) {
        if (!offers(spec, 'cli') || !spec.help)
            continue;
        const flag = `  --${flagOf(name)}${spec.help.arg ? ` ${spec.help.arg}` : ''}`;
        lines.push(...wrap(spec.help.text, flag));
    }
    lines.push(...wrap('show this help', '  -h, --help'), ...wrap('show the version', '  --version'));
    return lines.join('\n');
}
const USAGE = `Usage: artifact-seal <sign|verify|merge|checksums> [options]

Seal build artifacts with an HMAC-signed manifest, or verify them against one.
merge verifies the manifests of several jobs (--manifests) without reading files and writes one
manifest (--manifest) listing every file once, with predicate.parts saying which part sealed it.
checksums verifies the manifest's signature (not the files) and prints its subjects as a list
for sha256sum -c (sha384sum/sha512sum with that --algorithm); nothing is printed unless it verifies.

Options (the same as the action's inputs; an empty value means the default):
${optionLines()}

Key sources (the same names as the action's inputs; README "Key sources"):
  vault                      --vault-url URL (default $VAULT_ADDR) --vault-role ROLE
                             --vault-secret secret/data/PATH [--vault-secret-field key]
                             [--vault-namespace NS (default $VAULT_NAMESPACE)]
                             [--vault-auth-path jwt] [--oidc-audience AUD]
  vault-transit              the Vault flags, --vault-transit-key NAME
                             [--vault-transit-mount transit]
  aws-secrets-manager        --aws-region R (default $AWS_REGION) --aws-role-arn ARN
                             --aws-secret-id ID [--oidc-audience sts.amazonaws.com]
  aws-kms                    --aws-region R --aws-role-arn ARN --aws-kms-key-id ID
                             (repeatable, to rotate)
  gcp-secret-manager         --gcp-workload-identity-provider projects/N/locations/global/
                             workloadIdentityPools/P/providers/X [--gcp-service-account SA]
                             --gcp-secret projects/P/secrets/S[/versions/V]
  gcp-kms                    the GCP flags, --gcp-kms-key projects/…/cryptoKeyVersions/V
                             (repeatable: the first signs, all verify)
  azure-key-vault            --azure-tenant-id T --azure-client-id C
                             --azure-key-vault-url https://NAME.vault.azure.net
                             --azure-secret NAME[/VERSION]
  azure-managed-hsm          --azure-tenant-id T --azure-client-id C
                             --azure-managed-hsm-url https://NAME.managedhsm.azure.net
                             --azure-hsm-key NAME[/VERSION] (repeatable)
                             The OIDC token comes from ACTIONS_ID_TOKEN_REQUEST_URL and
                             ACTIONS_ID_TOKEN_REQUEST_TOKEN (a GitHub Actions job with
                             permissions id-token: write); elsewhere, from ARTIFACT_SEAL_OIDC_TOKEN.
                             Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, _KMS,
                             _SECRETS_MANAGER; GCP_ENDPOINT_STS, _IAMCREDENTIALS,
                             _SECRETMANAGER, _CLOUDKMS; AZURE_AUTHORITY_HOST.

Exit codes: 0 signed or verified, 1 verification failed, 2 bad usage or configuration.
`;

;// CONCATENATED MODULE: ./src/options/read.ts




const spec = (name) => OPTIONS[name];
/** The validated values of one mode: each option's value as given, else its default, else its environment variable. */
class OptionValues {
    frontEnd;
    mode;
    given;
    env;
    constructor(frontEnd, mode, given, env) {
        this.frontEnd = frontEnd;
        this.mode = mode;
        this.given = given;
        this.env = env;
    }
    /** The option as the user's front end spells it: `base-dir input` or `--base-dir`. */
    spell(name) {
        return spell(name, this.frontEnd);
    }
    /** The bare name, which core/'s parsers put before " input": `base-dir` or `--base-dir`. */
    label(name) {
        return nameIn(name, this.frontEnd);
    }
    /** Whether the user gave it (a default, an environment variable or a boolean `false` is not giving it). */
    isSet(name) {
        return this.given.has(name);
    }
    string(name) {
        const value = this.given.get(name)?.[0] ?? (spec(name).default || undefined) ?? fromEnv(this.env, spec(name).env);
        return value === undefined || value === '' ? undefined : value;
    }
    /** An option with `choices`, as the table spells the choice. */
    choice(name) {
        return (0,choice/* parseChoice */.H)(this.string(name) ?? '', spec(name).choices, this.label(name));
    }
    /** A list option's values: the lines of every value given (patterns keep their order). */
    list(name) {
        return (this.given.get(name) ?? []).flatMap(splitPatterns);
    }
    /** A list option's values as given, one string per input or flag (for parsers that check each). */
    raw(name) {
        return this.given.get(name) ?? [];
    }
    boolean(name) {
        return this.given.has(name);
    }
}
const fromEnv = (env, variable) => variable ? env[variable] || undefined : undefined;
function modeWords(modes, frontEnd) {
    const offered = frontEnd === 'action' ? modes.filter(m => ACTION_MODES.includes(m)) : modes;
    return offered.length > 1 ? `${offered.slice(0, -1).join(', ')} and ${offered.at(-1)}` : offered[0];
}
function parseBoolean(value, label) {
    const v = value.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new errors/* SealError */.EM('INPUT_INVALID', `Invalid ${label} input. Provided: ${value}. Available options: true, false`, label);
}
/**
 * Validates what a front end read for one mode, by the table: a value given twice where one is
 * meant, a boolean that is not true or false, an option that means nothing in this mode, one
 * given without what it requires or with what it excludes. Each is refused naming the option as
 * the user spelled it, since a silently ignored option is a check the user believes is on.
 */
function readOptions(frontEnd, mode, raw, env) {
    const given = new Map();
    const refuse = (name, why) => {
        throw new errors/* SealError */.EM('INPUT_INVALID', `${spell(name, frontEnd)} ${why}`, nameIn(name, frontEnd));
    };
    for (const [name, s] of OPTION_LIST) {
        // An empty string is an option left at its default; an empty pattern list given on purpose
        // is kept, for its parser to refuse (a policy or a path that checks nothing must not pass).
        const values = s.kind === 'list' ? (raw[name] ?? []) : (raw[name] ?? []).filter(v => v.trim() !== '');
        if (values.length === 0 || !offers(s, frontEnd))
            continue;
        if (s.kind !== 'list' && values.length > 1)
            refuse(name, `is given ${values.length} times; give it once`);
        if (s.choices)
            (0,choice/* parseChoice */.H)(values[0], s.choices, nameIn(name, frontEnd));
        if (s.kind === 'boolean') {
            if (!parseBoolean(values[0], nameIn(name, frontEnd)))
                continue;
        }
        else if (s.kind === 'string' && values.length === 1 && values[0].trim() === s.default) {
            // The runner passes every input's default; a default is not a choice the user made.
            continue;
        }
        given.set(name, values);
    }
    for (const name of given.keys()) {
        const s = spec(name);
        if (!s.modes.includes(mode))
            refuse(name, `is for ${modeWords(s.modes, frontEnd)} only`);
    }
    const options = new OptionValues(frontEnd, mode, given, env);
    for (const name of given.keys()) {
        for (const requirement of spec(name).requires ?? []) {
            if (typeof requirement === 'string') {
                if (!given.has(requirement))
                    refuse(name, `needs ${spell(requirement, frontEnd)}`);
            }
            else {
                const value = options.string(requirement.option) ?? '';
                if (!requirement.values.includes(value)) {
                    refuse(name, `is used only with ${requirement.option} ${requirement.values.join(' or ')} (${requirement.option} is ${value || 'not set'})`);
                }
            }
        }
        for (const other of spec(name).excludes ?? []) {
            if (given.has(other))
                refuse(name, `and ${spell(other, frontEnd)} exclude each other`);
        }
    }
    return options;
}

;// CONCATENATED MODULE: ./src/options/plan.ts






const FULL_SHA = /^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/;
/**
 * Turns what a front end read into a plan for one mode: the table's rules first (read.ts), then
 * the rules between options that no table column says. Nothing is read from disk or the network.
 */
function planFor(frontEnd, mode, raw, where) {
    const o = readOptions(frontEnd, mode, raw, where.env);
    const spell = (name) => o.spell(name);
    const refuse = (name, why) => {
        throw new errors/* SealError */.EM('INPUT_INVALID', `${spell(name)} ${why}`, o.label(name));
    };
    const resolve = (value, fallback) => external_node_path_.resolve(where.cwd, value ?? fallback);
    const patterns = o.list('path');
    if (o.isSet('path') && patterns.length === 0)
        refuse('path', 'has no pattern');
    const subjectChecksums = o.string('subject-checksums');
    if (mode === 'sign' && patterns.length === 0 && !subjectChecksums) {
        refuse('path', `is required to sign: give one or more glob patterns (or ${spell('subject-checksums')})`);
    }
    const manifests = o.list('manifests');
    if (mode === 'merge' && manifests.length === 0)
        refuse('manifests', 'is required to merge: give glob patterns of the part manifests');
    // Merge: the parts come from this run's build unless told otherwise.
    const expectedCommit = o.string('expected-commit') ?? (mode === 'merge' ? where.env.GITHUB_SHA || null : null);
    if (o.string('release-assets') === 'digests' && o.choice('algorithm') !== 'sha256') {
        refuse('release-assets', `digests compares GitHub's sha256 asset digests; ${spell('algorithm')} is ${o.choice('algorithm')}`);
    }
    if (expectedCommit && !FULL_SHA.test(expectedCommit))
        refuse('expected-commit', `is ${JSON.stringify(expectedCommit)}, not a full commit SHA`);
    if (o.boolean('cache'))
        refuse('cache', CACHE_REFUSED);
    const duration = (name) => {
        const value = o.string(name);
        return value ? parseDuration(value, o.label(name)) : undefined;
    };
    const expectedRepository = o.string('expected-repository') ?? null;
    // The CLI's flags for what sign binds outside Actions; the runner's variables otherwise.
    const bound = (name, fallback) => o.isSet(name) ? (name === 'runner-environment' ? o.choice(name) : o.string(name)) : fallback;
    const run = where.context;
    const context = {
        ...run,
        repository: bound('repository', run.repository),
        commit: bound('commit', run.commit),
        ref: bound('ref', run.ref),
        workflowRef: bound('workflow-ref', run.workflowRef),
        job: bound('job', run.job),
        label: o.string('label') ?? null,
        eventName: bound('event-name', run.eventName),
        runnerEnvironment: bound('runner-environment', run.runnerEnvironment),
        workflowSha: bound('workflow-sha', run.workflowSha)
    };
    return {
        mode,
        frontEnd,
        cwd: where.cwd,
        patterns,
        manifests,
        subjects: policy_parsePatterns(o.raw('subjects'), o.label('subjects')),
        baseDir: resolve(o.string('base-dir'), '.'),
        manifest: resolve(o.string('manifest'), 'artifact-seal.json'),
        key: keyPlan(o, where),
        algorithm: o.choice('algorithm'),
        expiresInMs: duration('expires-in'),
        maxAgeMs: duration('max-age'),
        expectedRepository,
        expectedCommit,
        allowUnlisted: o.boolean('allow-unlisted'),
        allowSymlinks: o.boolean('allow-symlinks'),
        omitBrokenLinks: o.boolean('omit-broken-symbolic-links'),
        policy: {
            refs: policy_parsePatterns(o.raw('expected-ref'), o.label('expected-ref')),
            workflows: policy_parsePatterns(o.raw('expected-workflow'), o.label('expected-workflow')),
            events: parseEvents(o.raw('expected-event'), o.label('expected-event')),
            hostedRunner: o.boolean('require-hosted-runner')
        },
        context,
        subjectChecksums: subjectChecksums ? resolve(subjectChecksums, '') : null,
        release: releasePlan(o, mode, where, expectedRepository, refuse),
        bsdTags: o.boolean('tag'),
        json: o.boolean('json'),
        spell
    };
}
function keyPlan(o, where) {
    const store = {};
    for (const name of STORE_OPTIONS) {
        const value = OPTIONS[name].kind === 'list' ? o.list(name).join('\n') || undefined : o.string(name);
        if (value !== undefined)
            store[name] = value;
    }
    const file = o.string('key-file');
    return {
        source: o.choice('key-source'),
        encoding: o.choice('key-encoding'),
        text: o.string('key'),
        file: file ? external_node_path_.resolve(where.cwd, file) : undefined,
        envVariable: o.frontEnd === 'cli' ? 'ARTIFACT_SEAL_KEY' : undefined,
        store
    };
}
function releasePlan(o, mode, where, expectedRepository, refuse) {
    const tag = o.string('release-tag');
    if (!tag)
        return null;
    const token = (o.frontEnd === 'action' ? o.string('github-token') : where.env.GITHUB_TOKEN) ?? '';
    if (!token) {
        if (o.frontEnd === 'action')
            refuse('github-token', 'is empty; release-tag needs a token (the default is github.token)');
        refuse('release-tag', 'needs a token: set GITHUB_TOKEN');
    }
    const flag = o.string('repo');
    const sealing = mode === 'sign' || mode === 'merge';
    const fallback = sealing ? (where.env.GITHUB_REPOSITORY ?? null) : expectedRepository;
    const repository = flag ?? fallback;
    if (!repository)
        refuse('release-tag', `needs the release's repository: ${o.frontEnd === 'cli' ? 'give --repo owner/name or ' : ''}set GITHUB_REPOSITORY`);
    return {
        tag,
        repository: repository,
        repositoryFrom: flag ? o.label('repo') : sealing ? 'GITHUB_REPOSITORY' : o.label('expected-repository'),
        token,
        checksums: o.boolean('checksums'),
        overwrite: o.boolean('overwrite'),
        publish: o.boolean('release-publish'),
        assets: o.string('release-assets') === 'digests' ? 'digests' : o.string('release-assets') === 'true',
        allowUnlistedAssets: o.boolean('allow-unlisted-assets')
    };
}
/**
 * The Actions cache carried the manifest until 1.1. @actions/cache restores an entry by running
 * `tar -x -P` over the whole archive in the workspace before anything can be checked, so a
 * poisoned entry (anyone who can write to a cache scope the deploy job reads) wrote files
 * anywhere, `deploy.sh` included, and verify still passed on the genuine manifest beside them.
 * The toolkit offers no way to fetch an entry without extracting it, so the carrier went.
 */
const CACHE_REFUSED = 'is no longer supported: restoring an Actions cache entry extracts the whole archive before anything can be checked, so a poisoned entry could write files anywhere; carry the manifest with actions/upload-artifact or on a release (release-tag)';

;// CONCATENATED MODULE: ./src/cli/flags.ts

/*
 * One line for a flag util.parseArgs does not know, with the flag probably meant (`--pth` →
 * `--path`). Repeated single-valued flags are refused by the option table (options/read.ts).
 */
/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/** The known flag closest to `given` (`--pth` → `--path`), or null when none is close. */
function suggestFlag(given, known) {
    const bare = given.replace(/^-+/, '').split('=')[0].toLowerCase();
    let best = null;
    let bestDistance = Infinity;
    for (const name of known) {
        const distance = name.startsWith(bare) && bare.length >= 3 ? 0.5 : editDistance(bare, name);
        if (distance < bestDistance) {
            best = name;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best}` : null;
}
/** parseArgs's own message, made one line: the flag at fault and, for an unknown one, the flag meant. */
function usageError(error, known) {
    const unknown = /^Unknown option '([^']+)'/.exec(error.message);
    if (unknown) {
        const meant = suggestFlag(unknown[1], known);
        return new errors/* SealError */.EM('INPUT_INVALID', `unknown flag ${unknown[1]}${meant ? ` (did you mean ${meant}?)` : ''}`, unknown[1]);
    }
    return new errors/* SealError */.EM('INPUT_INVALID', error.message.split('. ')[0]);
}

;// CONCATENATED MODULE: ./src/cli/main.ts
















/** Exit codes from the contract. */
const ExitCode = { Ok: 0, VerificationFailed: 1, Usage: 2 };
const COMMANDS = ['sign', 'verify', 'merge', 'checksums'];
/** Nothing a terminal shows is masked, so the CLI simply never prints the key (or any token). */
const hooksFor = (io) => ({
    log: line => io.stderr(`${line}\n`),
    warn: line => io.stderr(`warning: ${line}\n`),
    onSecret: () => { },
    env: io.env
});
const hashingFor = (io) => ({
    onProgress: (done, total, bytes, bps) => io.stderr(progressLine(done, total, bytes, bps) + '\n')
});
async function sign(plan, io) {
    const result = await runSign(plan, hooksFor(io), hashingFor(io));
    if (plan.json) {
        io.stdout(JSON.stringify({
            result: 'signed',
            manifestPath: result.manifestPath,
            manifestSha256: result.manifestSha256,
            subjectCount: result.subjects.length,
            keyId: result.keyIds[0],
            keyIds: result.keyIds,
            releaseAssetUrl: result.manifestAsset?.browserDownloadUrl,
            subjects: result.subjects
        }, null, 2) + '\n');
    }
    else {
        io.stdout(`sealed ${result.subjects.length} file(s) into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`);
        if (result.manifestAsset)
            io.stdout(`release asset ${result.manifestAsset.browserDownloadUrl}\n`);
    }
    return ExitCode.Ok;
}
async function main_verify(plan, io) {
    const report = await runVerify(plan, hooksFor(io), hashingFor(io));
    if (plan.json) {
        io.stdout(JSON.stringify(report, null, 2) + '\n');
    }
    else {
        for (const line of partLines(report.statement?.predicate.parts ?? []))
            io.stdout(`${line}\n`);
        printProblems(report, io);
        io.stdout(report.result === 'verified'
            ? `verified ${report.verifiedCount} file(s) against ${report.manifestPath} (key ${report.keyId})\n`
            : `verification failed: ${report.problems.length} problem(s), ${report.verifiedCount} file(s) verified\n`);
    }
    return report.result === 'verified' ? ExitCode.Ok : ExitCode.VerificationFailed;
}
/** The hints, then the problems, at most MAX_PRINTED_PROBLEMS of them: --json has every one. */
function printProblems(report, io) {
    for (const hint of report.hints ?? [])
        io.stdout(`HINT ${hint}\n`);
    const { shown, rest } = capProblems(report.problems, 'in --json');
    for (const problem of shown)
        io.stdout(`FAIL ${problem.code}: ${problem.message}\n`);
    if (rest)
        io.stdout(`${rest}\n`);
}
/** `checksums`: the manifest's subjects as a coreutils list, printed only once the signature and predicate check. */
async function checksums(plan, io) {
    const report = await runChecksums(plan, hooksFor(io));
    if (report.result !== 'verified' || !report.statement) {
        if (plan.json)
            io.stdout(JSON.stringify(report, null, 2) + '\n');
        for (const problem of report.problems)
            io.stderr(`FAIL ${problem.code}: ${problem.message}\n`);
        io.stderr('artifact-seal: the manifest did not verify; no checksums printed\n');
        return ExitCode.VerificationFailed;
    }
    const algorithm = report.algorithm;
    if (plan.json) {
        // The same report as verify --json (no file was read), with the list a checker reads.
        const list = statementChecksumList({ ...report.statement, subject: report.selected }, algorithm, {
            tag: plan.bsdTags
        });
        io.stdout(JSON.stringify({ ...report, checker: checkerFor(algorithm), checksums: list }, null, 2) + '\n');
        return ExitCode.Ok;
    }
    io.stdout(statementChecksumList({ ...report.statement, subject: report.selected }, algorithm, { tag: plan.bsdTags }));
    io.stderr(`manifest verified (key ${report.keyId}); check the files with: ${checkerFor(algorithm)} -c\n`);
    return ExitCode.Ok;
}
/** Merge: what was merged (or every problem that stopped it; nothing written, exit 1). */
async function mergeParts(plan, io) {
    const outcome = await runMerge(plan, hooksFor(io));
    if (!outcome.ok) {
        if (plan.json)
            io.stdout(JSON.stringify({ result: 'failed', partCount: outcome.partCount, problems: outcome.problems }, null, 2) + '\n');
        else
            for (const problem of outcome.problems)
                io.stdout(`FAIL ${problem.code}: ${problem.message}\n`);
        io.stderr(`artifact-seal: merge refused: ${outcome.problems.length} problem(s) in ${outcome.partCount} part(s); nothing was written\n`);
        return ExitCode.VerificationFailed;
    }
    const { result, shipped } = outcome;
    if (plan.json) {
        const { manifestPath, manifestSha256, keyIds, parts, subjects } = result;
        const releaseAssetUrl = shipped?.manifestAsset?.browserDownloadUrl;
        io.stdout(JSON.stringify({
            result: 'merged',
            manifestPath,
            manifestSha256,
            subjectCount: subjects.length,
            partCount: parts.length,
            keyId: keyIds[0],
            keyIds,
            releaseAssetUrl,
            parts,
            subjects
        }, null, 2) + '\n');
    }
    else {
        for (const line of partLines(result.parts))
            io.stdout(`${line}\n`);
        io.stdout(`merged ${result.parts.length} part(s), ${result.subjects.length} file(s), into ${result.manifestPath}\nmanifest sha256 ${result.manifestSha256}\nkey id ${result.keyIds.join(', ')}\n`);
        if (shipped?.manifestAsset)
            io.stdout(`release asset ${shipped.manifestAsset.browserDownloadUrl}\n`);
    }
    return ExitCode.Ok;
}
/** The --json answer to a command line that could not be understood. */
const usageJson = (message) => JSON.stringify({ result: 'error', error: (0,errors/* oneLine */.TN)(message), code: 'USAGE' }) + '\n';
/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
async function main(argv, rawIo) {
    // Everything printed passes here: a name or message may hold what the Actions runner reads as a
    // workflow command when the CLI runs in a `run:` step.
    const io = {
        ...rawIo,
        stdout: t => rawIo.stdout((0,errors/* escapeWorkflowCommands */.Fy)(t)),
        stderr: t => rawIo.stderr((0,errors/* escapeWorkflowCommands */.Fy)(t))
    };
    let parsed;
    try {
        // --release-assets takes true, false or digests, as the input does; alone it means true.
        const args = argv.map((a, i) => a === '--release-assets' && (argv[i + 1] === undefined || argv[i + 1].startsWith('-'))
            ? '--release-assets=true'
            : a);
        parsed = (0,external_node_util_.parseArgs)({ args, options: PARSE_ARGS_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        const line = (0,errors/* errorLine */.BP)(usageError(error, Object.keys(PARSE_ARGS_OPTIONS)));
        io.stderr(`artifact-seal: ${line}\nRun artifact-seal --help for usage.\n`);
        if (argv.includes('--json'))
            io.stdout(usageJson(line));
        return ExitCode.Usage;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(USAGE);
        return ExitCode.Ok;
    }
    if (values.version) {
        io.stdout(`${version/* TOOL_VERSION */.w}\n`);
        return ExitCode.Ok;
    }
    const command = positionals[0];
    const json = values.json === true;
    if (positionals.length !== 1 || !COMMANDS.includes(command)) {
        const message = `expected one command: sign, verify, merge or checksums${command ? ` (got ${positionals.join(' ')})` : ''}`;
        io.stderr(`artifact-seal: ${message}\nRun artifact-seal --help for usage.\n`);
        if (json)
            io.stdout(usageJson(message));
        return ExitCode.Usage;
    }
    try {
        const plan = planFor('cli', command, rawFromArgs(values), {
            env: io.env,
            cwd: io.cwd,
            context: contextFromEnv(io.env)
        });
        if (command === 'checksums')
            return await checksums(plan, io);
        if (command === 'sign')
            return await sign(plan, io);
        if (command === 'merge')
            return await mergeParts(plan, io);
        return await main_verify(plan, io);
    }
    catch (error) {
        // A manifest or file that stops verify (too large, unreadable, a broken link planted among the
        // artifacts) is a failed verification; anything else is usage or configuration.
        const failed = command !== 'sign' && (0,errors/* isVerificationFailure */.K0)(error);
        io.stderr(`artifact-seal: ${failed ? 'verification failed' : 'error'}: ${(0,errors/* errorLine */.BP)(error)}\n`);
        if (json) {
            io.stdout(JSON.stringify({
                result: failed ? 'failed' : 'error',
                error: (0,errors/* errorLine */.BP)(error),
                code: error instanceof errors/* SealError */.EM ? error.code : 'UNEXPECTED'
            }) + '\n');
        }
        return failed ? ExitCode.VerificationFailed : ExitCode.Usage;
    }
}


/***/ }),

/***/ 9364:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parseChoice)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);

/**
 * Validates an enumerated input, case-insensitively, with the valid values in the message
 * (the style of actions/upload-artifact: "Unrecognized X input. Provided: Y. Available options: …").
 */
function parseChoice(value, choices, inputName) {
    const v = value.trim().toLowerCase();
    if (choices.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `Unrecognized ${inputName} input. Provided: ${value}. Available options: ${choices.join(', ')}`, inputName);
}


/***/ }),

/***/ 3590:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ decodeBase64Strict),
/* harmony export */   h: () => (/* binding */ decodeUtf8Strict)
/* harmony export */ });
/*
 * Strict decoders for text that arrives from outside (manifests, keys, key stores' answers).
 * Node's own decoders never fail: base64 skips characters it does not know and UTF-8 turns bad
 * bytes into U+FFFD, so two readers of the same bytes could see different things. These refuse.
 */
/**
 * Decodes base64 in the standard or URL-safe alphabet, with or without padding (DSSE asks
 * verifiers to accept both; Google and Azure answer in either). Padding, when present, must make
 * the length a multiple of four.
 */
function decodeBase64Strict(text) {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text))
        return { ok: false, why: 'not base64' };
    const body = text.replace(/=+$/, '');
    if (body.length % 4 === 1 || (text.length !== body.length && text.length % 4 !== 0))
        return { ok: false, why: 'not base64 (bad length or padding)' };
    return { ok: true, bytes: Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64') };
}
/** Decodes UTF-8, or null when the bytes are not valid UTF-8 (never replacement characters). */
function decodeUtf8Strict(bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   EM: () => (/* binding */ SealError),
/* harmony export */   Fy: () => (/* binding */ escapeWorkflowCommands),
/* harmony export */   K0: () => (/* binding */ isVerificationFailure),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   TQ: () => (/* binding */ describeFsError),
/* harmony export */   fE: () => (/* binding */ fileFailure),
/* harmony export */   mh: () => (/* binding */ problemFromError)
/* harmony export */ });
/* unused harmony exports CODES, isProblemCode */
/**
 * Typed errors. Every error names its subject (an input, a file, a manifest field) so that the
 * one line a user sees says what to fix; callers and tests match on `code`, never on text.
 */
/** Every code, once. A new kind of failure is one row here. */
const CODES = {
    INPUT_INVALID: { thrown: true, exit: 'configuration' }, // an input, flag or option has a bad value
    KEY_INVALID: { thrown: true, exit: 'configuration' }, // a key could not be decoded or is too short
    KEY_SOURCE: { thrown: true, exit: 'configuration' }, // a key store refused or failed
    NO_FILES: { thrown: true, exit: 'configuration' }, // the patterns matched nothing
    WRITE_FAILED: { thrown: true, exit: 'configuration' }, // the manifest or another output could not be written
    REMOTE: { thrown: true, exit: 'configuration' }, // a remote service (GitHub) failed
    RELEASE_IMMUTABLE: { thrown: true, exit: 'configuration' }, // a published immutable release cannot take assets
    MANIFEST_INVALID: { thrown: true, problem: true, exit: 'verification' }, // the manifest could not be read or parsed, or has the wrong shape
    MANIFEST_TOO_LARGE: { thrown: true, problem: true, exit: 'verification' }, // the manifest is larger than we are willing to parse
    PATH_UNSAFE: { thrown: true, problem: true, status: 'unsafe', exit: 'verification' }, // a name is absolute, has `..`, or resolves outside base-dir
    FILE_MISSING: { thrown: true, problem: true, status: 'missing', exit: 'verification' }, // a listed file does not exist
    FILE_UNREADABLE: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a file could not be opened or read
    FILE_NOT_REGULAR: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a directory, FIFO, socket or device where a file was expected
    FILE_CHANGED: { thrown: true, problem: true, status: 'unreadable', exit: 'verification' }, // a file changed while it was being hashed
    SIGNATURE_INVALID: { problem: true, exit: 'verification' },
    STATEMENT_INVALID: { problem: true, exit: 'verification' },
    REPOSITORY_MISMATCH: { problem: true, exit: 'verification' },
    COMMIT_MISMATCH: { problem: true, exit: 'verification' },
    EXPIRED: { problem: true, exit: 'verification' },
    TOO_OLD: { problem: true, exit: 'verification' },
    CREATED_IN_FUTURE: { problem: true, exit: 'verification' },
    REF_MISMATCH: { problem: true, exit: 'verification' },
    WORKFLOW_MISMATCH: { problem: true, exit: 'verification' },
    EVENT_MISMATCH: { problem: true, exit: 'verification' },
    RUNNER_MISMATCH: { problem: true, exit: 'verification' },
    DIGEST_MISMATCH: { problem: true, status: 'mismatch', exit: 'verification' },
    UNLISTED_FILE: { problem: true, status: 'unlisted', exit: 'verification' },
    SUBJECT_NOT_LISTED: { problem: true, exit: 'verification' }, // a subjects pattern matches no listed subject
    SUBJECT_CONFLICT: { problem: true, status: 'conflict', exit: 'verification' } // two merged parts list one name with different digests
};
const row = (code) => CODES[code];
/** Whether `code` can appear in a verify report. */
function isProblemCode(code) {
    return row(code)?.problem === true;
}
/** What a failed file check shows: the file's status and the problem's code (FILE_UNREADABLE for a code with no status). */
function fileFailure(code) {
    const status = row(code)?.status;
    return status && isProblemCode(code) ? { status, code } : { status: 'unreadable', code: 'FILE_UNREADABLE' };
}
/** The one error type the core throws on purpose. */
class SealError extends Error {
    code;
    subject;
    name = 'SealError';
    constructor(code, message, 
    /** What the error is about: an input name, a file path or a manifest field. */
    subject, options) {
        super(oneLine(message), options);
        this.code = code;
        this.subject = subject;
    }
}
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * `text` with control characters written as JSON escapes (`\n`, `\u001b`): a subject name may
 * hold a newline (coreutils lists can), and printed raw it would forge a line in a log, where the
 * runner reads `::` workflow commands.
 */
function oneLine(text) {
    return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, c => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * `text` with the forms the Actions runner reads as workflow commands in any process's output
 * neutralized: `::` opening a line (`::add-mask::`, `::set-env`…) and the older `##[` anywhere in
 * a line. A file named `dist/##[add-mask]x` printed raw by the CLI in a `run:` step would be a
 * command. The escapes read as JSON's (`\u0023` is `#`), so inside a JSON string they decode
 * back to the very name, and --json output stays exact.
 */
function escapeWorkflowCommands(text) {
    return text.replace(/##\[/g, '#\\u0023[').replace(/^([ \t]*)::/gm, '$1:\\u003a');
}
/**
 * Whether an error that stopped a verify (or a merge) is a failed verification (exit 1: the
 * manifest or the files failed the check) rather than bad usage or configuration (exit 2).
 */
function isVerificationFailure(error) {
    return error instanceof SealError && row(error.code)?.exit === 'verification';
}
/** A problem for a report from anything thrown: `code` when given, else the error's own code when it is a problem code, else MANIFEST_INVALID. */
function problemFromError(error, code) {
    if (error instanceof SealError)
        return {
            code: code ?? (isProblemCode(error.code) ? error.code : 'MANIFEST_INVALID'),
            message: error.message,
            subject: error.subject
        };
    return { code: code ?? 'MANIFEST_INVALID', message: oneLine(String(error)) };
}
/** Turns anything thrown into one line for a user; a SealError's message already names its subject. */
function errorLine(error) {
    if (error instanceof SealError)
        return error.message;
    if (error instanceof Error) {
        const errno = error;
        if (errno.code && errno.path)
            return oneLine(`${errno.code}: ${errno.path}: ${error.message}`);
        return oneLine(error.message || String(error));
    }
    return oneLine(String(error));
}
/** Describes a Node filesystem error in a few words, e.g. "permission denied". */
function describeFsError(error) {
    const code = error?.code;
    switch (code) {
        case 'ENOENT':
            return 'no such file';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a directory';
        case 'ENOSPC':
            return 'no space left on device';
        case 'EROFS':
            return 'read-only file system';
        case 'EFBIG':
            return 'file too large (over the file size limit)';
        case 'EDQUOT':
            return 'disk quota exceeded';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        case 'ENOTDIR':
            return 'a parent is not a directory';
        case 'EMFILE':
        case 'ENFILE':
            return 'too many open files';
        default:
            return code ? code.toLowerCase() : error instanceof Error ? error.message : String(error);
    }
}


/***/ }),

/***/ 1483:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ KEY_ENCODINGS),
/* harmony export */   E4: () => (/* binding */ LocalHmacKey),
/* harmony export */   JH: () => (/* binding */ MIN_KEY_BYTES),
/* harmony export */   Lf: () => (/* binding */ splitKeyLines),
/* harmony export */   aZ: () => (/* binding */ keysFromText),
/* harmony export */   ls: () => (/* binding */ keyRenderings)
/* harmony export */ });
/* unused harmony exports KEY_ID_LABEL, parseKeyEncoding, decodeKey, localKeyId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _choice_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9364);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3590);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);




/** How a key's text is turned into bytes. */
const KEY_ENCODINGS = ['hex', 'base64', 'utf8'];
/** NIST SP 800-107 asks for an HMAC key at least as long as the security level; 32 bytes is 256 bits. */
const MIN_KEY_BYTES = 32;
/** Domain separation label for key ids, so a key id is never a plain hash of the key. */
const KEY_ID_LABEL = 'artifact-seal/key-id/v1';
/** Parses the `key-encoding` input. */
function parseKeyEncoding(value, inputName = 'key-encoding') {
    return parseChoice(value, KEY_ENCODINGS, inputName);
}
/** Splits a multi-line key input into its non-empty lines (one key per line, for rotation). */
function splitKeyLines(text) {
    return text
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line.length > 0);
}
/**
 * Decodes one key line. Messages name the line number and never include the key's text.
 * `label` names where the key came from (an input, a file, a secret) for the message.
 */
function decodeKey(text, encoding, label) {
    let bytes;
    switch (encoding) {
        case 'hex':
            if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SealError */ .EM('KEY_INVALID', `${label} is not valid hex (set key-encoding if it is base64 or utf8)`, label);
            }
            bytes = Buffer.from(text, 'hex');
            break;
        case 'base64': {
            const decoded = (0,_encoding_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeBase64Strict */ .F)(text.replace(/\s+/g, ''));
            if (!decoded.ok)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SealError */ .EM('KEY_INVALID', `${label} is not valid base64`, label);
            bytes = decoded.bytes;
            break;
        }
        case 'utf8':
            bytes = Buffer.from(text, 'utf8');
            break;
    }
    if (bytes.length < MIN_KEY_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SealError */ .EM('KEY_INVALID', `${label} is ${bytes.length} bytes after ${encoding} decoding; at least ${MIN_KEY_BYTES} are required (make one with: openssl rand -hex 32)`, label);
    }
    return bytes;
}
/**
 * Every form in which the key could appear in something we print: the text as given, and the
 * bytes as hex (both cases), base64 (standard and URL-safe, with and without padding) and UTF-8.
 * The action registers each with the runner's mask before anything else happens.
 */
function keyRenderings(text, bytes) {
    const buf = Buffer.from(bytes);
    const b64 = buf.toString('base64');
    const forms = [
        text,
        buf.toString('hex'),
        buf.toString('hex').toUpperCase(),
        b64,
        b64.replace(/=+$/, ''),
        buf.toString('base64url')
    ];
    // Bytes that read as text could be printed as text, raw or JSON-escaped (quotes, backslashes);
    // random bytes full of control characters never are.
    const utf8 = buf.toString('utf8');
    if (!/[\u0000-\u001f\u007f\uFFFD]/.test(utf8))
        forms.push(utf8, JSON.stringify(utf8).slice(1, -1));
    return [...new Set(forms.filter(f => f.length >= 8))];
}
/** The key id of a local key: HMAC-SHA256(key, label), first 16 bytes, as hex with a scheme prefix. */
function localKeyId(key) {
    return 'hmac:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(KEY_ID_LABEL).digest('hex').slice(0, 32);
}
/** A key whose bytes we hold: the MAC is HMAC-H over the message. */
class LocalHmacKey {
    keyId;
    #key;
    #algorithm;
    constructor(key, algorithm) {
        this.#key = Buffer.from(key);
        this.#algorithm = algorithm;
        this.keyId = localKeyId(this.#key);
    }
    async sign(message) {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)(this.#algorithm, this.#key).update(message).digest();
    }
    async verify(message, mac) {
        const expected = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)(this.#algorithm, this.#key).update(message).digest();
        // timingSafeEqual throws on unequal lengths; a length mismatch reveals nothing about the key.
        return expected.length === mac.length && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(expected, mac);
    }
    /** Never let the key reach a log through util.inspect or JSON. */
    toJSON() {
        return `[MacKey ${this.keyId}]`;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return this.toJSON();
    }
}
/**
 * Reads the key lines given as text into keys. `onSecret` is called with every rendering of each
 * key before the key is decoded further, so that the caller can mask them the moment they exist.
 */
function keysFromText(text, encoding, algorithm, label, onSecret = () => { }) {
    const lines = splitKeyLines(text);
    for (const line of lines)
        onSecret(line);
    if (lines.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SealError */ .EM('KEY_INVALID', `${label} is empty`, label);
    return lines.map((line, i) => {
        const where = lines.length > 1 ? `${label} (line ${i + 1})` : label;
        const bytes = decodeKey(line, encoding, where);
        for (const form of keyRenderings(line, bytes))
            onSecret(form);
        return new LocalHmacKey(bytes, algorithm);
    });
}


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ TOOL_NAME),
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/** The tool version written into every predicate; a unit test keeps it equal to package.json's. */
const TOOL_NAME = 'artifact-seal';
const TOOL_VERSION = '1.1.0';


/***/ }),

/***/ 3218:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ networkFailure)
/* harmony export */ });
/*
 * A request that never got an answer (no DNS name, nothing listening, a connection cut) is a
 * network failure, not a refusal: "GitHub answered 500 getaddrinfo ENOTFOUND" sends a user to
 * their token when the host name is wrong. Octokit reports such failures as status 500, the AWS
 * SDK as an error whose code is the errno; both keep Node's text ("connect ECONNREFUSED
 * 127.0.0.1:8200"), so the errno and the host are read from the error, its causes or that text.
 */
const NETWORK_CODES = {
    ENOTFOUND: 'no such host (DNS lookup failed)',
    EAI_AGAIN: 'DNS lookup failed for now',
    ECONNREFUSED: 'connection refused (nothing listens there)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    EPIPE: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed'
};
const IN_TEXT = /\b(?:getaddrinfo|connect|read|write|queryA)? ?(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b(?: ([^\s,;)]+))?/;
/** "cannot reach HOST: what happened (ERRNO)" when `error` is a network failure, else null. */
function networkFailure(error, fallbackHost) {
    for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
        const x = e;
        const text = typeof x.message === 'string' ? x.message : '';
        const match = IN_TEXT.exec(text);
        const code = typeof x.code === 'string' && x.code in NETWORK_CODES ? x.code : match?.[1];
        if (!code)
            continue;
        const host = (typeof x.hostname === 'string' && x.hostname) ||
            (typeof x.address === 'string' && `${x.address}${typeof x.port === 'number' ? `:${x.port}` : ''}`) ||
            match?.[2] ||
            fallbackHost ||
            'the server';
        return `cannot reach ${host}: ${NETWORK_CODES[code]} (${code}); a network failure, not a refusal: check the URL, DNS, proxy (https_proxy) and firewall`;
    }
    return null;
}


/***/ }),

/***/ 7893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   Rx: () => (/* binding */ serverWaitMs)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, MAX_SERVER_WAIT_MS, isRetryable, retryWaitMs */
/*
 * The one retry policy of every HTTP client we run (Vault, the token endpoint, the clouds' REST
 * APIs through net/http-json.ts, and GitHub through Octokit's request hook):
 *
 * - Retried: a request that got no answer (refused, reset, timed out), 429, and any 5xx (Vault
 *   answers 503 while sealed, GitHub 502 behind its load balancers).
 * - Never retried: any other 4xx, including a plain 403 (a permission, not a hiccup).
 * - The wait: what the server asks for when it asks (Retry-After in seconds or as an HTTP date,
 *   or GitHub's `x-ratelimit-remaining: 0` with `x-ratelimit-reset`, also on a 403), else the
 *   next of DEFAULT_RETRY's delays: 0.5 s, 1 s, 2 s, 4 s. A server asking for more than
 *   MAX_SERVER_WAIT_MS is not waited for: the answer is returned as it is (a job has better uses
 *   for its minutes).
 * - At most `delaysMs.length` retries, whoever sets the wait: about 7.5 s of waiting in all,
 *   enough for a Vault that is unsealing or failing over, or a GitHub blip, to come back.
 */
const DEFAULT_RETRY = { delaysMs: [500, 1000, 2000, 4000] };
/** The longest wait a server may ask for before we stop instead. */
const MAX_SERVER_WAIT_MS = 60_000;
/**
 * How long the server asked us to wait: Retry-After (seconds or an HTTP date), else until
 * `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0. Undefined when it did
 * not ask.
 */
function serverWaitMs(headers = {}, nowMs = Date.now()) {
    const raw = headers['retry-after'];
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text) * 1000;
    if (text !== '') {
        const at = Date.parse(text);
        if (Number.isFinite(at))
            return Math.max(0, at - nowMs);
    }
    if (String(headers['x-ratelimit-remaining']) === '0') {
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset))
            return Math.max(0, reset * 1000 - nowMs);
    }
    return undefined;
}
/** Whether an outcome is worth another try at all (see the policy above). */
function isRetryable(outcome) {
    const { status } = outcome;
    if (status === undefined)
        return true;
    if (status === 429 || status >= 500)
        return true;
    // GitHub's rate limits answer 403 with the wait in the headers; any other 403 is a refusal.
    return status === 403 && serverWaitMs(outcome.headers) !== undefined;
}
/** The wait before retry number `retry` (0-based) after `outcome`, or undefined: stop here. */
function retryWaitMs(outcome, retry, policy = DEFAULT_RETRY, nowMs = Date.now()) {
    if (retry >= policy.delaysMs.length || !isRetryable(outcome))
        return undefined;
    const asked = outcome.status === undefined ? undefined : serverWaitMs(outcome.headers, nowMs);
    if (asked === undefined)
        return policy.delaysMs[retry];
    return asked > MAX_SERVER_WAIT_MS ? undefined : asked;
}
const pause = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Runs `attempt` until `judge` says its result is final or the policy says stop; then returns
 * the last value or throws the last error. `judge` maps a try to its Outcome, or undefined when
 * it succeeded (or failed in a way no retry can mend).
 */
async function withRetries(attempt, judge, options = {}) {
    const { policy = DEFAULT_RETRY, now = Date.now, sleep = pause } = options;
    for (let retry = 0;; retry++) {
        let settled;
        try {
            settled = { ok: true, value: await attempt() };
        }
        catch (error) {
            settled = { ok: false, error };
        }
        const outcome = judge(settled);
        const wait = outcome === undefined ? undefined : retryWaitMs(outcome, retry, policy, now());
        if (wait === undefined) {
            if (settled.ok)
                return settled.value;
            throw settled.error;
        }
        await sleep(wait);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map