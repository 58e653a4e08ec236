#!/usr/bin/env bash
# Installs the runtimes of the test matrix (Node 24, Bun, Deno) from the npm
# registry into .runtimes/ (git-ignored). test/runtimes/ runs the client under
# each one it finds there and skips, saying so, the ones that are missing.
# Never fails its caller.
set -u
cd "$(dirname "$0")/.."
mkdir -p .runtimes
if [ ! -f .runtimes/package.json ]; then
  echo '{ "name": "runtimes", "private": true }' > .runtimes/package.json
fi
npm install --prefix .runtimes --no-audit --no-fund --no-save --loglevel=error \
  node@24.21.0 bun@1.4.5 deno@2.9.6 \
  || echo "install-runtimes: could not install every runtime; the missing ones will be skipped"
exit 0
