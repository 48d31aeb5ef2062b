/** Formats a byte count in binary units, e.g. `3.2 GiB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`
}

/**
 * The line printed every few seconds while files are hashed, so that someone watching a 20 GB
 * seal knows it is alive and how fast it goes: `hashed 1200/20000 files, 3.2 GiB, 1.4 GiB/s`.
 */
export function progressLine(done: number, total: number, bytes: number, bytesPerSecond: number): string {
  return `hashed ${done}/${total} files, ${formatBytes(bytes)}, ${formatBytes(Math.round(bytesPerSecond))}/s`
}
