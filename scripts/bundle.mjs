#!/usr/bin/env node
// Second build step. `tsc` emits one file per module into dist/; loading ~35
// files costs a cold `import` ~20 ms of module resolution. This step bundles the
// core entry into the single file dist/index.js (readable, not minified), and
// turns the other core entry points into re-exports of it, so every import path
// shares one copy of each class (`instanceof` works across subpaths).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url);

await build({
  entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
  outfile: new URL("index.js", dist).pathname,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});

// The official client's subpaths (`…/models/components`, `…/models/errors`)
// re-export the bundle, types included, so they share its classes.
mkdirSync(new URL("subpaths/", dist), { recursive: true });
for (const name of ["components", "errors"]) {
  for (const ext of [".js", ".d.ts"]) {
    writeFileSync(new URL(`subpaths/${name}${ext}`, dist), 'export * from "../index.js";\n');
  }
}

// The per-module core files tsc emitted are now inside the bundle: drop them
// (their .d.ts stay, for the types). The Node-only parts keep their own files.
const keep = new Set(["index.js", "emulator", "cli", "subpaths"]);
const prune = (dir, top) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && keep.has(entry.name)) continue;
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory()) prune(path, false);
    else if (entry.name.endsWith(".js")) rmSync(path);
  }
};
prune(dist, true);
