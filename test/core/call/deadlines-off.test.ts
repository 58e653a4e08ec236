// `0` and `Infinity` turn a deadline off, on the client and per call. The
// server here stalls past the built-in defaults (60 s for the stream headers
// and between events), so a deadline that silently fell back to its default
// fails these tests. The cases run concurrently: the file takes about a minute.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { Mistral, RequestTimeoutError, type SDKOptions } from "../../helpers/sdk.js";
import { sseHeaders, startTestServer, type TestServer } from "../../helpers/test-server.js";
import { chunk, collect, request } from "../stream/helpers.js";

/** Longer than every default deadline of a stream (60 000 ms). */
const stallMs = 61_500;
const done = "data: [DONE]\n\n";

/** `stall-headers`: no headers for `stallMs`. `stall-body`: one event, then nothing for `stallMs`. */
function stalling(kind: string, res: ServerResponse): void {
  const finish = () => {
    if (kind === "stall-headers") res.writeHead(200, sseHeaders).write(chunk("a"));
    res.end(chunk("b") + done);
  };
  if (kind === "stall-body") res.writeHead(200, sseHeaders).write(chunk("a"));
  const timer = setTimeout(finish, stallMs);
  res.on("close", () => clearTimeout(timer));
}

describe("a deadline set to 0 or Infinity is off", { concurrency: true, timeout: 150_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer((req, res) => stalling(String(req.headers["x-case"]), res));
  });
  after(() => server.close());

  const open = (kind: string, client: SDKOptions, call: Record<string, number> = {}) =>
    new Mistral({
      apiKey: "k",
      serverURL: server.url,
      retryConfig: { strategy: "none" },
      ...client,
    }).chat
      .stream(request, { headers: { "x-case": kind }, ...call })
      .then(collect);

  const survives: Array<[string, string, SDKOptions, Record<string, number>?]> = [
    ["idleTimeoutMs: 0 on the client", "stall-body", { idleTimeoutMs: 0 }],
    ["idleTimeoutMs: Infinity on the client", "stall-body", { idleTimeoutMs: Infinity }],
    ["idleTimeoutMs: 0 per call", "stall-body", {}, { idleTimeoutMs: 0 }],
    [
      "idleTimeoutMs: Infinity per call",
      "stall-body",
      { idleTimeoutMs: 500 },
      { idleTimeoutMs: Infinity },
    ],
    ["headersTimeoutMs: 0 on the client", "stall-headers", { headersTimeoutMs: 0 }],
    ["headersTimeoutMs: Infinity on the client", "stall-headers", { headersTimeoutMs: Infinity }],
    ["headersTimeoutMs: 0 per call", "stall-headers", {}, { headersTimeoutMs: 0 }],
    [
      "headersTimeoutMs: Infinity per call",
      "stall-headers",
      { headersTimeoutMs: 500 },
      { headersTimeoutMs: Infinity },
    ],
    ["timeoutMs: 0 per call", "stall-body", { timeoutMs: 500, idleTimeoutMs: 0 }, { timeoutMs: 0 }],
    ["timeoutMs: Infinity on the client", "stall-body", { timeoutMs: Infinity, idleTimeoutMs: 0 }],
  ];
  for (const [name, kind, client, call] of survives) {
    test(`${name}: a stream stalled past the default deadline completes`, async () => {
      assert.equal(await open(kind, client, call), "ab");
    });
  }

  // The controls: without the override, the same stalls hit the defaults, so
  // the cases above would fail if an override fell back to them.
  test("control: the default idle deadline ends the stalled stream", async () => {
    const error = await open("stall-body", {}).catch((e: unknown) => e);
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "idle");
    assert.equal(error.timeoutMs, 60_000);
  });

  test("control: the default headers deadline ends the stalled request", async () => {
    const error = await open("stall-headers", {}).catch((e: unknown) => e);
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "headers");
    assert.equal(error.timeoutMs, 60_000);
  });
});
