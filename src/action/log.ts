import * as core from '@actions/core'
import { escapeWorkflowCommands } from '../core/errors.js'

/**
 * A log line. core.info writes its text raw, so `::` opening a line and `##[` in it are escaped
 * first: a file name printed here must not be read by the runner as a workflow command.
 */
export function info(message: string): void {
  core.info(escapeWorkflowCommands(message))
}
