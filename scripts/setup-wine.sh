#!/usr/bin/env bash
# What the Windows suite needs besides npm ci, installed outside npm on purpose: Debian's wine64
# (a system package: apt-get, as root or through sudo, never asked for by npm test itself) and
# Node 20 for Windows in .cache/ (scripts/fetch-node.mjs). .ci/run calls this before the README's
# commands; without it `npm test` skips the Windows suite and says so in one line.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wine >/dev/null && ! [ -x /usr/lib/wine/wine64 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends wine64 || { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends wine64; }
fi
node scripts/fetch-node.mjs
