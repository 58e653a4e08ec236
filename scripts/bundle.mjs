#!/usr/bin/env node
// Second build step. `tsc` emits one file per module into dist/; loading ~40
// files costs a cold `import` ~20 ms of module resolution. This step bundles
// the browser-safe core (src/core/, the package's main entry) into the single
// file dist/core/index.js (readable, not minified), over tsc's entry file.
// The helpers a stream loads on first use (the relay's sending end, the tee)
// are dynamic imports: esbuild splits them into dist/core/chunks/, so an app
// that never relays or tees a stream does not bundle them.
//
// What is pruned follows from the layout, not from a list of files: every
// other .js under dist/core/ is inside the bundle now and goes (the .d.ts stay,
// for the types); the Node-only rooms beside it (emulator/, cli/, node/) keep
// their own files and import the core through dist/core/index.js, so every
// import path shares one copy of each class (`instanceof` works everywhere).
import { readdirSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { build } from "esbuild";

const core = new URL("../dist/core/", import.meta.url);

// The function API's entries (the client, one file per function) are entries
// of the same build: they share its chunks, so a class is one class whichever
// entry loaded it, and an app bundles only the functions it imports.
const src = new URL("../src/core/", import.meta.url);
const entryPoints = {
  index: new URL("index.ts", src).pathname,
  "fp/core": new URL("fp/core.ts", src).pathname,
};
for (const file of readdirSync(new URL("funcs/", src))) {
  if (file.endsWith(".ts"))
    entryPoints[`funcs/${file.slice(0, -3)}`] = new URL(`funcs/${file}`, src).pathname;
}

const result = await build({
  entryPoints,
  metafile: true,
  outdir: core.pathname,
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});

const kept = new Set(Object.keys(result.metafile.outputs).map((p) => relative(core.pathname, p)));
const prune = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory()) prune(path);
    else if (entry.name.endsWith(".js") && !kept.has(relative(core.pathname, path.pathname)))
      rmSync(path);
  }
};
prune(core);
