/**
 * Captures what is written to stdout as strings (as the action writes its log and workflow
 * commands) until `restore()`; the test runner's own reports (binary frames) pass through.
 */
export function interceptStdout(): { text: () => string; restore: () => void } {
  let captured = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest)
    captured += chunk
    return true
  }) as typeof process.stdout.write
  return { text: () => captured, restore: () => void (process.stdout.write = write) }
}
