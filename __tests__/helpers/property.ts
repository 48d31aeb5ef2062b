import fc from 'fast-check'

/**
 * One seed for every property run, so a failure reproduces exactly; set FC_SEED to explore other
 * seeds locally. Each property is also bounded in time so that `npm test` stays fast.
 */
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 0x5ea1

/** Cases each property runs unless it says otherwise; FC_RUNS scales them all for a long local run. */
export function runs(n: number): number {
  return process.env.FC_RUNS ? Math.max(1, Math.round((n * Number(process.env.FC_RUNS)) / 100)) : n
}

/** What one property run did, printed so the counts in docs/threat-model.md can be checked. */
export interface PropertyCount {
  name: string
  cases: number
  ms: number
}

type Reporter = { diagnostic(message: string): void }

function finish<Ts>(
  t: Reporter,
  name: string,
  details: fc.RunDetails<Ts>,
  started: number,
  minCases: number
): PropertyCount {
  const ms = Date.now() - started
  if (details.failed) {
    // Counterexamples can be megabytes of generated text: keep the report readable.
    const report = fc.defaultReportMessage(details) ?? ''
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
    throw new Error(
      `${name}: ${report.length > 3000 ? report.slice(0, 3000) + `… (${report.length} characters)` : report}\ncause: ${cause.slice(0, 1000)}`
    )
  }
  // A property interrupted by the time limit before it ran a meaningful number of cases proves nothing.
  if (details.numRuns < minCases)
    throw new Error(`${name}: only ${details.numRuns} cases ran before the time limit (at least ${minCases} required)`)
  const count = { name, cases: details.numRuns, ms }
  t.diagnostic(`property "${name}": ${count.cases} cases passed in ${ms} ms (seed ${SEED})`)
  return count
}

/** Runs a synchronous property with the fixed seed, a case count and a time limit; throws on a counterexample. */
export function checkProperty<Ts>(
  t: Reporter,
  name: string,
  property: fc.IProperty<Ts>,
  options: { numRuns: number; timeLimitMs?: number }
): PropertyCount {
  const started = Date.now()
  const details = fc.check(property, {
    seed: SEED,
    numRuns: runs(options.numRuns),
    interruptAfterTimeLimit: options.timeLimitMs ?? 10_000,
    markInterruptAsFailure: false
  })
  return finish(t, name, details, started, Math.min(runs(options.numRuns), 20))
}

/** The same for an asynchronous property. */
export async function checkAsyncProperty<Ts>(
  t: Reporter,
  name: string,
  property: fc.IAsyncProperty<Ts>,
  options: { numRuns: number; timeLimitMs?: number }
): Promise<PropertyCount> {
  const started = Date.now()
  const details = await fc.check(property, {
    seed: SEED,
    numRuns: runs(options.numRuns),
    interruptAfterTimeLimit: options.timeLimitMs ?? 10_000,
    markInterruptAsFailure: false
  })
  return finish(t, name, details, started, Math.min(runs(options.numRuns), 20))
}
