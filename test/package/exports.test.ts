import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { repoRoot } from "../helpers/paths.js";

describe("the published package", () => {
  test("every subpath of the exports map resolves by the package's own name", async () => {
    const main = await import("mistral-stream");
    assert.equal(typeof main.Mistral, "function");
    const components = await import("mistral-stream/models/components");
    assert.equal(components.ToolChoiceEnum.Any, "any");
    const errors = await import("mistral-stream/models/errors");
    assert.equal(errors.HTTPValidationError, main.HTTPValidationError);
    const http = await import("mistral-stream/lib/http.js");
    assert.equal(http.HTTPClient, main.HTTPClient);
    assert.equal(typeof (await import("mistral-stream/lib/logger.js")).Mistral, "function");
    // The official client's paths resolve with or without `.js`, so both spellings are here.
    assert.equal((await import("mistral-stream/lib/http")).HTTPClient, main.HTTPClient);
    assert.equal((await import("mistral-stream/core")).MistralCore, main.MistralCore);
    const { chatStream } = await import("mistral-stream/funcs/chatStream");
    assert.equal(chatStream, (await import("mistral-stream/funcs/chatStream.js")).chatStream);
    const emulator = await import("mistral-stream/emulator");
    assert.equal(typeof emulator.startEmulator, "function");
  });

  test("Node resolves the main entry to the Node build; a browser or worker condition to the web build", () => {
    const resolve = (conditions: string[]) =>
      spawnSync(
        process.execPath,
        [
          ...conditions.flatMap((c) => ["-C", c]),
          "--input-type=module",
          "-e",
          "console.log(import.meta.resolve('mistral-stream'))",
        ],
        { cwd: repoRoot, encoding: "utf8" },
      ).stdout.trim();
    assert.match(resolve([]), /\/dist\/node\/main\.js$/);
    for (const condition of ["browser", "workerd", "worker", "bun", "deno"]) {
      assert.match(resolve([condition]), /\/dist\/core\/index\.js$/, condition);
    }
  });

  test("the function API resolves at the official client's paths, on Node to its Node build", async () => {
    const { MistralCore } = await import("mistral-stream/core.js");
    const { chatStream } = await import("mistral-stream/funcs/chatStream.js");
    const main = await import("mistral-stream");
    assert.equal(typeof chatStream, "function");
    const client = new MistralCore({ apiKey: "k" });
    assert.ok(client instanceof main.MistralCore, "one class across entries");
    const notOk = await chatStream(client, { model: "", messages: [] });
    assert.ok(!notOk.ok && notOk.error instanceof main.InvalidRequestError);
    const where = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", "console.log(import.meta.resolve('mistral-stream/core.js'))"],
      { cwd: repoRoot, encoding: "utf8" },
    ).stdout.trim();
    assert.match(where, /\/dist\/node\/core\.js$/);
  });

  test("the function API's browser bundle stays within its budget", async () => {
    const { apps, bundleSize } = await import(`${repoRoot}/bench/sizes.mjs`);
    const { gzip, code } = await bundleSize(apps["mistral-stream: MistralCore + chatStream"]);
    assert.doesNotMatch(
      code,
      /\/v1\/embeddings|\/v1\/ocr|multipart\/form-data/,
      "no other resource",
    );
    // Nor the official client's helpers the app does not call (files, SDK_METADATA, lib/http).
    assert.doesNotMatch(code, /image\/x-icon|openapiDocVersion|octet-stream/, "no unused helper");
    // 17,252 B gzip when the function API landed (the official client's: 43,833 B, measured
    // the same way by bench/sizes.mjs). The functions are thin files over the one core
    // bundle, which keeps a cold import at one file plus two chunks (as separate entries of
    // the bundle they split it into 17 chunks, +7 ms to import, for 16,129 B here). The 6 KB
    // target is not met yet: the chat request encoder, the stream reader with its snapshot
    // and stats, and the error classes load with it; see bench/README.md. The official
    // `httpClient` and `debugLogger` options took it to 17,867 B: their checks and the
    // hand-over to the logging code, which loads with a logger's first request. Fetch's own
    // options per call and SDKValidationError took it to 18,075 B.
    const budget = 18_075 + 512;
    assert.ok(gzip <= budget, `MistralCore + chatStream is ${gzip} B gzip, budget ${budget} B`);
  });

  test("the Node build and the web build share their classes: errors from either are instances of both", async () => {
    const node = await import("mistral-stream");
    const web = await import("mistral-stream/models/errors");
    assert.equal(node.SDKError, web.SDKError);
    assert.ok(new node.Mistral({ apiKey: "k" }) instanceof web.Mistral);
  });

  test("the core bundles for the browser without node: modules or OpenTelemetry, and stays within its size budget", async () => {
    // As an app's bundler sees it (bench/sizes.mjs): code splitting on, so what the core loads
    // on first use (the relay's sending end, the tee, the wording of HTTP errors) stays in
    // chunks of its own; counted is what the app loads at start.
    const { apps, bundleSize } = await import(`${repoRoot}/bench/sizes.mjs`);
    const { gzip, code, lazyChunks } = await bundleSize(
      apps["mistral-stream: new Mistral() + chat.stream"],
    );
    assert.doesNotMatch(code, /opentelemetry|gen_ai\./, "no OpenTelemetry code");
    // Nor the other resources' calls: multipart, audio streams, OCR, files, batch.
    assert.doesNotMatch(
      code,
      /multipart\/form-data|transcription\.done|speech\.audio\.done|\/v1\/ocr|\/v1\/batch|\/v1\/files|\/v1\/embeddings/,
      "no code of the resources loaded on first use",
    );
    assert.ok(
      lazyChunks.length >= 3,
      `the on-demand parts are chunks of their own: ${lazyChunks.join(", ")}`,
    );
    // Before the stream helpers this app bundled to 13,341 B (measured the same way); the
    // helpers (snapshot, stats, finalResponse, text streams, tee and relay shells) took it to
    // 15,319 B, and the app layer's entry points (Chat.parse, parseStream, runTools, the resume
    // option and its check, the new error classes, the main code split in two files because the
    // app chunk shares it) to 16,412 B. Conversations and agents took it to 17,968 B: the
    // `client.beta` shells (~0.4 KB), tool_reference and tool_file content chunks, and one
    // more file at start (the calls shared with the conversations chunk: a bundler places
    // whole files, and each file is compressed on its own). The relay's conversation decoder
    // loads with that chunk; reached statically from dist/core/index.js it cost 2.3 KB more.
    // Embeddings, classifiers, OCR, audio, files and batch took it to 18,988 B: their resource
    // shells and getters (~0.6 KB); their calls, codecs, multipart encoder and audio decoders
    // (~5 KB gzip) load as one chunk with the first call, and the code they share with chat
    // splits the shared part of the start into one more file. The official `httpClient` and
    // `debugLogger` options took it to 19,642 B (their checks; the logging code is a chunk),
    // fetch's own options per call and SDKValidationError to 19,865 B.
    // The official client's chat entry is ~53 KB gzip.
    const budget = 19_865 + 512;
    assert.ok(gzip <= budget, `core bundle is ${gzip} B gzip, budget ${budget} B`);
  });

  test("mistral-stream/otel resolves and instruments a client", async () => {
    const main = await import("mistral-stream");
    const { instrument } = await import("mistral-stream/otel");
    const client = new main.Mistral({ apiKey: "x" });
    assert.equal(instrument(client), client);
  });
});
