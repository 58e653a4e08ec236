#!/usr/bin/env node
// `npm run build`: writes src/core/version.ts from package.json (the one
// version source), type-checks the core without Node's types (so it cannot use
// `process`, `Buffer` or `node:` modules), compiles src/ into a clean dist/,
// then bundles the core (scripts/bundle.mjs).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const versionFile = new URL("src/core/version.ts", root);
const source = `/** The package version, written from package.json by scripts/build.mjs. */\nexport const version = ${JSON.stringify(version)};\n`;
let current = "";
try {
  current = readFileSync(versionFile, "utf8");
} catch {}
if (current !== source) writeFileSync(versionFile, source);

const run = (file, args) => {
  const result = spawnSync(process.execPath, [new URL(file, root).pathname, ...args], {
    stdio: "inherit",
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const tsc = "node_modules/typescript/bin/tsc";
run(tsc, ["-p", "tsconfig.core.json"]);
rmSync(new URL("dist", root), { recursive: true, force: true });
run(tsc, ["-p", "tsconfig.build.json"]);
run("scripts/bundle.mjs", []);
