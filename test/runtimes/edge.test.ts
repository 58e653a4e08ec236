// The client on an edge worker: a Worker module, bundled from the built core
// the way an edge bundler makes it, runs in workerd (Cloudflare's runtime,
// through Miniflare, which ships the binary). It streams a chat from the
// emulator and relays it as its own `Response`, reports a cut stream as an
// error, and aborts a stream, releasing the upstream connection.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { build } from "esbuild";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { repoRoot } from "../helpers/paths.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/** The Worker: one route per behaviour, each answering what it saw. */
const worker = `
import { Mistral, IncompleteStreamError, RequestAbortedError } from "mistral-stream";

const request = (content) => ({ model: "mistral-small-latest", messages: [{ role: "user", content }] });

export default {
  async fetch(incoming, env) {
    const url = new URL(incoming.url);
    const client = new Mistral({ serverURL: env.SERVER_URL, retryConfig: { strategy: "none" } });
    if (url.pathname === "/relay") {
      const stream = await client.chat.stream(request(url.searchParams.get("prompt")));
      return stream.toResponse();
    }
    if (url.pathname === "/cut") {
      const stream = await client.chat.stream(request("Say something long."), {
        headers: { "x-emulator-fault": "drop-after-events=3" },
      });
      let events = 0;
      try {
        for await (const _ of stream) events++;
        return Response.json({ error: "none", events });
      } catch (error) {
        return Response.json({ error: error instanceof IncompleteStreamError ? "IncompleteStreamError" : String(error), events });
      }
    }
    if (url.pathname === "/abort") {
      const stream = await client.chat.stream(request("endless"));
      let events = 0;
      try {
        for await (const _ of stream) if (++events === 2) stream.abort();
        return Response.json({ events, error: "none" });
      } catch (error) {
        return Response.json({ events, error: error instanceof RequestAbortedError ? "RequestAbortedError" : String(error) });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
`;

/** Whether workerd can start here; if not, the test says so and skips. */
async function loadMiniflare(): Promise<typeof import("miniflare") | string> {
  try {
    return await import("miniflare");
  } catch (error) {
    return `miniflare is not installed (${String(error)})`;
  }
}

const loaded = await loadMiniflare();

describe("an edge worker in workerd", { skip: typeof loaded === "string" ? loaded : false }, () => {
  let emulator: RunningEmulator;
  let endless: TestServer;
  let closedEarly = 0;
  // biome-ignore lint/suspicious/noExplicitAny: the Miniflare instance type comes from a dynamic import
  let mf: any;
  let skipReason: string | undefined;
  let script = "";
  const options = (serverURL: string) => ({
    modules: true,
    script,
    compatibilityDate: "2025-01-01",
    bindings: { SERVER_URL: serverURL },
  });

  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    // A stream that never ends, to see an abort from the server side.
    endless = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      let n = 0;
      const chunk = () =>
        `data: ${JSON.stringify({ id: "e", object: "chat.completion.chunk", created: 0, model: "m", choices: [{ index: 0, delta: { content: `${n++} ` }, finish_reason: null }] })}\n\n`;
      const timer = setInterval(() => res.write(chunk()), 10);
      res.write(chunk());
      res.on("close", () => {
        clearInterval(timer);
        closedEarly++;
      });
    });
    const bundle = await build({
      stdin: { contents: worker, loader: "js", resolveDir: repoRoot },
      alias: { "mistral-stream": join(repoRoot, "dist", "core", "index.js") },
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      write: false,
      logLevel: "silent",
    });
    const { Miniflare } = loaded as typeof import("miniflare");
    script = bundle.outputFiles[0]!.text;
    try {
      mf = new Miniflare(options(emulator.url));
      await mf.ready;
    } catch (error) {
      skipReason = `workerd cannot run on this machine: ${String(error)}`;
    }
  });
  after(async () => {
    await mf?.dispose();
    await emulator?.close();
    await endless?.close();
  });

  const get = (path: string): Promise<Response> => mf.dispatchFetch(`http://worker${path}`);

  test("streams a chat and relays it as a Response", async (t) => {
    if (skipReason) return t.skip(skipReason);
    const response = await get(
      `/relay?prompt=${encodeURIComponent("Reply with exactly: hello from the edge")}`,
    );
    assert.equal(
      response.status,
      200,
      response.status === 200 ? "" : await response.clone().text(),
    );
    assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
    const body = await response.text();
    const text = body
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => JSON.parse(line.slice(6)).choices[0]?.delta.content ?? "")
      .join("");
    assert.equal(text, "hello from the edge");
    assert.match(body, /data: \[DONE\]/);
  });

  test("reports a cut stream as an IncompleteStreamError", async (t) => {
    if (skipReason) return t.skip(skipReason);
    const found = await (await get("/cut")).json();
    assert.deepEqual(found, { error: "IncompleteStreamError", events: 3 });
  });

  test("aborts a stream and the upstream connection closes", async (t) => {
    if (skipReason) return t.skip(skipReason);
    await mf.setOptions(options(endless.url));
    const found = await (await get("/abort")).json();
    assert.deepEqual(found, { events: 2, error: "RequestAbortedError" });
    const deadline = Date.now() + 5000;
    while (closedEarly === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(closedEarly, 1, "the server saw the aborted stream's connection close");
  });
});
