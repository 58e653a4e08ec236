#!/usr/bin/env node
// Compiles the sources and tests (which is also the type check) and runs every
// `*.test.js` under .build/test with Node's own test runner. Extra arguments are
// passed to `node --test` (e.g. `--test-name-pattern=retry`).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// BUILD_DIR lets several people run subsets side by side without sharing output.
const outDir = join(root, process.env.BUILD_DIR ?? ".build");
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
rmSync(outDir, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, "node_modules/typescript/bin/tsc"), "-p", root, "--outDir", outDir],
  { stdio: "inherit" },
);
// A full run must type-check cleanly; a filtered run still executes what compiled.
if (tsc.status !== 0 && only.length === 0) process.exit(tsc.status ?? 1);

const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".test.js")) files.push(path);
  }
};
walk(join(outDir, "test"));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// MISTRAL_DEBUG in a developer's shell would make every client of the suite
// write its requests to the console; the tests that need it set it themselves.
const { MISTRAL_DEBUG: _debug, ...baseEnv } = process.env;
const runTests = (list, env) =>
  spawnSync(
    process.execPath,
    ["--test", "--test-timeout=120000", "--test-concurrency=2", ...flags, ...list.sort()],
    { stdio: "inherit", cwd: root, env: { ...baseEnv, ...env } },
  ).status ?? 1;

// The behaviour tests import their client from test/helpers/sdk.ts, which
// gives the web build's (fetch) or, with TEST_TRANSPORT=node, the Node
// entry's (node:http). The first pass runs everything on fetch; the second
// runs again, on the Node transport, every test file that takes its client
// from there (the others do not depend on the transport).
const usesSdk = new Map();
const reachesSdk = (file) => {
  if (usesSdk.has(file)) return usesSdk.get(file);
  usesSdk.set(file, false);
  const imports = [...readFileSync(file, "utf8").matchAll(/from "(\.[^"]+\.js)"/g)].map((m) =>
    join(dirname(file), m[1]),
  );
  const found = imports.some((i) => i.endsWith(join("helpers", "sdk.js")) || reachesSdk(i));
  usesSdk.set(file, found);
  return found;
};
const onNode = selected.filter(reachesSdk);
const first = runTests(selected, { TEST_TRANSPORT: "fetch" });
let second = 0;
if (onNode.length) {
  console.log("# the same behaviour tests on the Node transport");
  second = runTests(onNode, { TEST_TRANSPORT: "node" });
}
process.exit(first || second);
