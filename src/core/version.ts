/** The tool version written into every predicate; a unit test keeps it equal to package.json's. */
export const TOOL_NAME = 'artifact-seal'
export const TOOL_VERSION = '1.1.0'
