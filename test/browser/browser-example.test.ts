import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { waitUntil } from "../cli/cli-harness.js";
import { sendStream } from "../cli/sse-script.js";
import { repoRoot } from "../helpers/paths.js";
import { skipUnless } from "../helpers/requirements.js";
import { startTestServer } from "../helpers/test-server.js";

const chromiumPath = "/usr/bin/chromium";
const launchFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Decided up front: a machine without a browser skips with a reason; CI fails instead.
const playwright = await import("playwright-core").catch(() => undefined);
const skip = skipUnless(
  !existsSync(chromiumPath)
    ? `Chromium is not installed at ${chromiumPath} (scripts/install-browser.sh installs it)`
    : playwright === undefined
      ? "playwright-core is not installed (npm install)"
      : false,
  "the browser example in headless Chromium",
);

/** What examples/browser/serve.mjs exports. */
interface ExampleServerModule {
  startExampleServer(options: {
    port?: number;
    upstream?: string;
    emulator?: { tokensPerSecond?: number; timeToFirstTokenMs?: number };
  }): Promise<{ url: string; upstream: string; close(): Promise<void> }>;
}

const loadExampleServer = (): Promise<ExampleServerModule> =>
  import(pathToFileURL(join(repoRoot, "examples", "browser", "serve.mjs")).href);

describe("the browser example in headless Chromium", { skip, timeout: 120_000 }, () => {
  let context: BrowserContext;
  let userDataDir: string;

  before(async () => {
    assert.ok(
      existsSync(join(repoRoot, "dist", "core", "index.js")),
      "dist/core/index.js is missing: the browser test needs the built SDK (run `npm run build` first)",
    );
    userDataDir = mkdtempSync(join(tmpdir(), "mistral-stream-chromium-"));
    context = await playwright!.chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: launchFlags,
      timeout: 30_000,
    });
  });

  after(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  /** Samples the output's length until the page leaves the streaming state. */
  async function sampleWhileStreaming(page: Page): Promise<number[]> {
    const samples: number[] = [];
    const deadline = Date.now() + 20_000;
    while ((await page.getAttribute("#status", "data-state")) === "streaming") {
      assert.ok(Date.now() < deadline, "the stream did not finish within 20 s");
      samples.push(((await page.textContent("#output")) ?? "").length);
      await new Promise((r) => setTimeout(r, 80));
    }
    return samples;
  }

  test("streams the emulator's answer into the page incrementally", async () => {
    const { startExampleServer } = await loadExampleServer();
    const server = await startExampleServer({
      port: 0,
      emulator: { tokensPerSecond: 30, timeToFirstTokenMs: 100 },
    });
    const page = await context.newPage();
    try {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.fill("#prompt", "Write a short poem about streaming tokens.");
      await page.click("#send");
      const samples = await sampleWhileStreaming(page);
      assert.equal(
        await page.getAttribute("#status", "data-state"),
        "done",
        (await page.textContent("#status")) ?? "",
      );
      const final = ((await page.textContent("#output")) ?? "").length;
      const growing = [...new Set(samples.filter((n) => n > 0 && n < final))];
      assert.ok(
        growing.length >= 3,
        `the text grew in steps while streaming: ${samples.join(", ")} → ${final}`,
      );
      assert.deepEqual(
        growing,
        [...growing].sort((a, b) => a - b),
        "and never shrank",
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });

  test("streams straight from the emulator across origins (CORS)", async () => {
    const { startEmulator } = await import("../../src/emulator/index.js");
    const emulator = await startEmulator({ tokensPerSecond: 200, timeToFirstTokenMs: 20 });
    const { startExampleServer } = await loadExampleServer();
    const server = await startExampleServer({ port: 0, upstream: "http://127.0.0.1:9" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}?server=${encodeURIComponent(emulator.url)}`);
      await page.fill("#prompt", "Reply with exactly: cross origin works");
      await page.click("#send");
      await page.waitForSelector('#status[data-state="done"]', { timeout: 15_000 });
      assert.match((await page.textContent("#output")) ?? "", /cross origin works/);
    } finally {
      await page.close();
      await server.close();
      await emulator.close();
    }
  });

  test("Stop aborts the stream: the text stops growing, the page says so, the server sees the close", async () => {
    let written = 0;
    let closedEarly = false;
    const pieces = Array.from({ length: 400 }, (_, i) => `w${i} `);
    const upstream = await startTestServer(async (_req, res) => {
      res.on("close", () => (closedEarly = !res.writableFinished));
      await sendStream(res, { pieces, gapMs: 25, onPiece: () => written++ });
    });
    const { startExampleServer } = await loadExampleServer();
    const server = await startExampleServer({ port: 0, upstream: upstream.url });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.click("#send");
      await page.waitForFunction(
        () => (document.getElementById("output")?.textContent ?? "").length > 20,
        null,
        {
          timeout: 10_000,
        },
      );
      assert.equal(await page.isEnabled("#stop"), true);
      await page.click("#stop");
      await page.waitForSelector('#status[data-state="aborted"]', { timeout: 5000 });
      assert.match((await page.textContent("#status")) ?? "", /aborted/);
      const atStop = ((await page.textContent("#output")) ?? "").length;
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(
        ((await page.textContent("#output")) ?? "").length,
        atStop,
        "no text after Stop",
      );
      await waitUntil(() => closedEarly, 3000, "the API server to see the connection close");
      assert.ok(written < pieces.length, "the server stopped writing early");
      assert.equal(await page.isEnabled("#send"), true, "ready for the next prompt");
    } finally {
      await page.close();
      await server.close();
      await upstream.close();
    }
  });

  test("the relay example: the page reads a relayed stream back with EventStream.fromResponse(), typed errors included; the app layer, a conversation and the other resources run in the page", async () => {
    const { serveNode } = await import(
      pathToFileURL(join(repoRoot, "examples", "relay", "node-adapter.mjs")).href
    );
    const { createRelayHandler } = await import(
      pathToFileURL(join(repoRoot, "examples", "relay", "handler.mjs")).href
    );
    const { startEmulator } = await import("../../src/emulator/index.js");
    const emulator = await startEmulator({ tokensPerSecond: 200, timeToFirstTokenMs: 20 });
    const relay = await serveNode(createRelayHandler({ serverURL: emulator.url }));
    const page = await context.newPage();
    try {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(relay.url);
      await page.fill("#prompt", "Reply with exactly: relayed to the browser");
      await page.click("#send");
      await page.waitForSelector('#status[data-state="done"]', { timeout: 15_000 });
      assert.equal((await page.textContent("#output"))?.trim(), "relayed to the browser");
      assert.match((await page.textContent("#status")) ?? "", /done: \d+ events/);
      // A stream cut upstream reaches the page as the same typed error.
      // (A string, so it is not type-checked here: it runs in the page.)
      const cut = await page.evaluate(`(async () => {
        const { EventStream } = await import("/sdk/index.js");
        const chunk = { id: "a", model: "m", choices: [{ index: 0, delta: { content: "so far" }, finish_reason: null }] };
        const error = { name: "IncompleteStreamError", message: "cut", status: 200, retryable: true, partial: { text: "so far", events: 1 } };
        const body = "data: " + JSON.stringify(chunk) + "\\n\\nevent: error\\ndata: " + JSON.stringify({ error }) + "\\n\\n";
        try {
          for await (const _ of EventStream.fromReadableStream(new Response(body).body));
          return "no error";
        } catch (e) {
          return [e.name, e.retryable, e.partial.text].join(" ");
        }
      })()`);
      assert.equal(cut, "IncompleteStreamError true so far");
      // The app layer in the browser, straight from the emulator (its chunk loads on first use):
      // partial objects, a tool loop, a stream resumed after a cut.
      const app = await page.evaluate(`(async () => {
        const { Mistral } = await import("/sdk/index.js");
        const client = new Mistral({ serverURL: ${JSON.stringify(emulator.url)}, retryConfig: { strategy: "none" } });
        const ask = (content) => ({ model: "mistral-small-latest", messages: [{ role: "user", content }] });
        const schema = { type: "object", properties: { city: { type: "string" }, people: { type: "integer" } }, required: ["city", "people"] };
        const stream = await client.chat.parseStream({ ...ask("A city."), responseFormat: schema });
        let partials = 0;
        for await (const _ of stream.partialObjectStream()) partials++;
        const value = await stream.finalObject();
        const runner = await client.chat.runTools({ ...ask("What is the weather in Paris?"), tools: [{
          type: "function",
          function: { name: "get_weather", description: "Weather of a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
          run: ({ city }) => "sunny in " + city,
        }] });
        await runner.finalResponse();
        const long = ask("Tell me about the history of bridges.");
        let uncut = "";
        for await (const t of (await client.chat.stream(long)).textStream()) uncut += t;
        const cut = await client.chat.stream(long, { headers: { "x-emulator-fault": "drop-after-events=5;count=1;id=browser-resume" }, resume: { maxAttempts: 1 } });
        let resumed = "";
        for await (const t of cut.textStream()) resumed += t;
        return [partials > 2, typeof value.people, runner.messages.length, resumed === uncut, cut.stats.resumes].join(" ");
      })()`);
      assert.equal(app, "true number 4 true 1");
      // Conversations in the browser (their calls are a chunk of their own): a stream of named
      // events from the emulator, relayed inside the page, read back as a conversation.
      const conversation = await page.evaluate(`(async () => {
        const { Mistral, EventStream } = await import("/sdk/index.js");
        const client = new Mistral({ serverURL: ${JSON.stringify(emulator.url)}, retryConfig: { strategy: "none" } });
        const stream = await client.beta.conversations.startStream({ model: "mistral-small-latest", inputs: "Reply with exactly: conversing in the page" });
        const relayed = EventStream.fromReadableStream(stream.toReadableStream(), { events: "conversation" });
        const names = [];
        for await (const event of relayed) names.push(event.event);
        const final = await relayed.finalResponse();
        return [names[0], names.at(-1), final.outputs.at(-1).content, final.conversationId.slice(0, 5)].join(" | ");
      })()`);
      assert.equal(
        conversation,
        "conversation.response.started | conversation.response.done | conversing in the page | conv_",
      );
      // The other resources in the browser: a File uploaded as multipart, embeddings, speech
      // streamed to bytes and transcribed back from a Blob.
      const resources = await page.evaluate(`(async () => {
        const { Mistral, speechAudio } = await import("/sdk/index.js");
        const client = new Mistral({ serverURL: ${JSON.stringify(emulator.url)}, retryConfig: { strategy: "none" } });
        const file = await client.files.upload({ file: new File(["from the page"], "page.txt", { type: "text/plain" }) });
        const back = await new Response(await client.files.download({ fileId: file.id })).text();
        const vectors = await client.embeddings.create({ model: "mistral-embed", inputs: "in the page" });
        const parts = [];
        for await (const bytes of speechAudio(await client.audio.speech.complete({ input: "Spoken in the page.", responseFormat: "wav", stream: true }))) parts.push(bytes);
        const heard = await client.audio.transcriptions.complete({ model: "voxtral-mini-latest", file: new Blob(parts, { type: "audio/wav" }) });
        return [back, vectors.data[0].embedding.length, heard.text].join(" | ");
      })()`);
      assert.equal(resources, "from the page | 1024 | Spoken in the page.");
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await relay.close();
      await emulator.close();
    }
  });
});
