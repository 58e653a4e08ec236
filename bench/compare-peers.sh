#!/usr/bin/env bash
# Runs the reference benchmark harness (../shared/bench) with this checkout added
# as the contender "h-mistral-stream". Extra arguments go to its run.mjs, e.g.
#   bash bench/compare-peers.sh --phases big,small,paced,import,bundle --rounds 5
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
harness="${HARNESS:-$here/../shared/bench}"
[ -d "$harness" ] || { echo "no reference harness at $harness (set HARNESS=path)"; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$harness/." "$work/"
cd "$work"
npm ci --no-audit --no-fund --loglevel=error
npm install --no-audit --no-fund --loglevel=error --save-exact "file:$here"
sed -e 's#@mistralai/mistralai#mistral-stream#; s#name: "mistralai"#name: "mistral-stream"#' \
  clients/a-mistralai.mjs > clients/h-mistral-stream.mjs
sed -e 's#@mistralai/mistralai#mistral-stream#g; /external/d' \
  entries/a-mistralai.mjs > entries/h-mistral-stream.mjs
node run.mjs "$@"
