import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "../helpers/paths.js";

describe("the published package", () => {
  test("every subpath of the exports map resolves by the package's own name", async () => {
    const main = await import("mistral-stream");
    assert.equal(typeof main.Mistral, "function");
    const components = await import("mistral-stream/models/components");
    assert.equal(components.ToolChoiceEnum.Any, "any");
    const errors = await import("mistral-stream/models/errors");
    assert.equal(errors.HTTPValidationError, main.HTTPValidationError);
    const emulator = await import("mistral-stream/emulator");
    assert.equal(typeof emulator.startEmulator, "function");
  });

  test("the core bundles for the browser without node: modules and stays within its size budget", async () => {
    const result = await build({
      stdin: {
        contents: `import { Mistral } from "./dist/core/index.js";
          export async function run(serverURL) {
            const client = new Mistral({ apiKey: "x", serverURL });
            let text = "";
            for await (const ev of await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] }))
              text += ev.data.choices[0]?.delta.content ?? "";
            return text;
          }`,
        resolveDir: repoRoot,
        loader: "js",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents;
    assert.ok(code);
    const gzip = gzipSync(code, { level: 9 }).byteLength;
    // Budget: the official client's chat entry is ~53 KB gzip; ours must stay far below.
    assert.ok(gzip < 14 * 1024, `core bundle is ${gzip} B gzip, budget 14 KiB`);
  });
});
