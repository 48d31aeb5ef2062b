/*
 * The runner contract is @actions/core's. This re-export only keeps `runner.getInput` in
 * inputs.ts working until the option table (issue #12, item 1) reads inputs itself; everything
 * else imports @actions/core directly.
 */
export { getInput } from '@actions/core'
