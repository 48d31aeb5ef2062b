// See: https://jestjs.io/docs/configuration
// Test files are TypeScript run by ts-jest as ES modules (package.json "type": "module"), so jest
// runs with NODE_OPTIONS=--experimental-vm-modules (scripts/test.mjs sets it).

// Workflow commands (`::set-output`, `::error::`, …) that code under test prints are noise in the
// test output, and could be read as real commands by a runner executing `npm test`.
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (chunk, ...rest) =>
  typeof chunk === 'string' && /^::/m.test(chunk) ? true : write(chunk, ...rest)

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  // deepStrictEqual across jest's VM realm: see __tests__/helpers/assert.ts.
  moduleNameMapper: { '^node:assert/strict$': '<rootDir>/__tests__/helpers/assert.ts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  // Spies on node:fs and crypto.timingSafeEqual must reach src/'s imports: see the file.
  setupFiles: ['<rootDir>/__tests__/setup/live-builtins.cjs'],
  // nock.disableNetConnect() is in __tests__/helpers/nock.ts, which every test that fakes HTTP
  // imports: a setupFiles module loads a second nock instance that the test's own never sees.
  // The integration tests run dist/ as child processes and take seconds each; a test that sets
  // its own timeout (the fault suites) keeps it.
  testTimeout: 60_000,
  // File-level parallelism as before (node --test --test-concurrency=4).
  maxWorkers: 4,
  // Diagnostics (case counts, timings) print without a stack trace under them.
  verbose: true,
  coverageDirectory: 'coverage',
  modulePathIgnorePatterns: ['<rootDir>/build/', '<rootDir>/dist/']
}
