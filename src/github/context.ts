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
    serverUrl: get('GITHUB_SERVER_URL'),
    job: get('GITHUB_JOB'),
    // Not the runner's to say: the label input (or --label) fills it in.
    label: null,
    eventName: get('GITHUB_EVENT_NAME'),
    runnerEnvironment: get('RUNNER_ENVIRONMENT'),
    workflowSha: get('GITHUB_WORKFLOW_SHA')
  }
}
