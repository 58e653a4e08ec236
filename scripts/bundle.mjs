#!/usr/bin/env node
// Second build step. `tsc` emits one file per module into dist/; loading ~35
// files costs a cold `import` ~20 ms of module resolution. This step bundles the
// core entry into the single file dist/index.js (readable, not minified), and
// turns the other core entry points into re-exports of it, so every import path
// shares one copy of each class (`instanceof` works across subpaths).
import { writeFileSync } from "node:fs";
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

// Subpaths of the exports map that must share the bundle's classes.
const shims = {
  "models/index.js": 'export * from "../index.js";\n',
  "errors.js": 'export * from "./index.js";\n',
};
for (const [file, code] of Object.entries(shims)) writeFileSync(new URL(file, dist), code);
