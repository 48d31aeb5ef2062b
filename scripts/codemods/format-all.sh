#!/usr/bin/env bash
# Brings every file to the Prettier + ESLint style that `npm test` checks (issue #12). Run once by
# the lead after merging the branches, then commit the result on its own ("format: prettier
# --write and eslint --fix, no other change"). Idempotent: a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
node scripts/codemods/node-test-to-jest.mjs
npx prettier --write . > /dev/null
npx eslint --fix . --max-warnings=0
echo "format-all: done; review with git diff --stat, then npm test"
