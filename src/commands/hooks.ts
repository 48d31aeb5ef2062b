/** What a command may do besides its work: the front end decides where each goes. */
export interface RunHooks {
  /** A progress or status line (never a secret). */
  log: (line: string) => void
  warn: (line: string) => void
  /** Registers a secret with the runner's log mask the moment it exists (the CLI prints none). */
  onSecret: (value: string) => void
  /** The environment: the runner's OIDC variables, the key sources' endpoints. */
  env: NodeJS.ProcessEnv
}
