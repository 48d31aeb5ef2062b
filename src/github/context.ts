import type { SealContext } from '../core/statement.js'

/** The run's identity from the runner's GITHUB_* variables (what the predicate binds). */
export function contextFromEnv(env: NodeJS.ProcessEnv = process.env): SealContext {
  const get = (name: string): string | null => {
    const v = env[name]
    return v && v.length > 0 ? v : null
  }
  return {
    repository: get('GITHUB_REPOSITORY'),
    commit: get('GITHUB_SHA'),
    ref: get('GITHUB_REF'),
    workflowRef: get('GITHUB_WORKFLOW_REF'),
    runId: get('GITHUB_RUN_ID'),
    runAttempt: get('GITHUB_RUN_ATTEMPT'),
    serverUrl: get('GITHUB_SERVER_URL')
  }
}
