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
import { build } from "esbuild";

const core = new URL("../dist/core/", import.meta.url);

await build({
  entryPoints: { index: new URL("../src/core/index.ts", import.meta.url).pathname },
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

// Kept beside the bundle: the function API's entries, thin files over it
// (fp/entry.js, `mistral-stream/core.js`, and funcs/*.js, one per function),
// so that an app bundles the functions it imports and the bundle stays one
// file for everyone else.
const keep = (path) => path === "index.js" || path === "fp/entry.js";
const prune = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    const name = prefix + entry.name;
    if (entry.isDirectory()) {
      if (name !== "chunks" && name !== "funcs") prune(path, `${name}/`);
    } else if (entry.name.endsWith(".js") && !keep(name)) rmSync(path);
  }
};
prune(core, "");

// The Node entry (the `node` condition of the main entry) becomes one file
// too, over the core bundle (kept external, so both builds share its
// classes): its transport's seven modules cost a cold import ~8 ms as files.
const node = new URL("../dist/node/", import.meta.url);
await build({
  entryPoints: [new URL("../src/node/main.ts", import.meta.url).pathname],
  outfile: new URL("main.js", node).pathname,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
  plugins: [
    {
      name: "core-external",
      setup(b) {
        b.onResolve({ filter: /\/core\/index\.js$/ }, () => ({
          path: "../core/index.js",
          external: true,
        }));
      },
    },
  ],
});
