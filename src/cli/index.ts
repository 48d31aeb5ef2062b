#!/usr/bin/env node
import { main } from './main.js'

// `artifact-seal checksums | head -2`: the reader is gone and Node reports EPIPE on the next
// write. That is the reader's choice, not a failure: stop quietly, as coreutils do, instead of
// dying with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    throw error
  })
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd()
})
