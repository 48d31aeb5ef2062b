// `rm -rf build`, in Node so that `npm test` runs in cmd.exe and PowerShell too (windows-latest).
import * as fs from 'node:fs'

fs.rmSync('build', { recursive: true, force: true })
