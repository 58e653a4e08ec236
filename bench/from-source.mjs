// Imports one module of src/ as its own bundle, for the micro-benchmarks that
// measure a part the package ships inside its bundled files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** Bundles `src/<path>` (a .ts file) with esbuild into a temporary folder and imports it. */
export async function importFromSource(path) {
  const outdir = mkdtempSync(join(tmpdir(), "mistral-stream-bench-"));
  try {
    await build({
      entryPoints: [new URL(`../src/${path}`, import.meta.url).pathname],
      bundle: true,
      format: "esm",
      outfile: join(outdir, "module.mjs"),
      logLevel: "warning",
    });
    return await import(join(outdir, "module.mjs"));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
