// The cleanup matrix, measured from the server side: whichever way a stream is
// left, its connection is closed, or returned to the client's pool and reused,
// within 100 ms; and the failed attempts of a retried call leak nothing.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { RateLimitError, type RetryConfig, ServerError } from "../helpers/sdk.js";
import {
  chatKind,
  clientFor,
  conversationKind,
  request,
  settle,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";
import { leaveWaysFor, wayHandler } from "./leave-ways.js";

const releaseMs = 100;

for (const kind of [chatKind, conversationKind]) {
  const leaveWays = leaveWaysFor(kind);
  describe(`leaving a ${kind.name} stream releases its connection within 100 ms`, () => {
    for (const way of leaveWays) {
      const fate = way.pooled ? "returned to the pool and reused" : "closed";
      test(`${way.name}: the connection is ${fate}`, async () => {
        const server = await startTrackedServer(wayHandler);
        try {
          const client = clientFor(server);
          await way.run(client, new AbortController().signal);
          const left = performance.now();
          await server.waitForIdle(releaseMs);
          if (way.pooled) {
            const used = new Set(server.connectionIds);
            // The client frees a connection a moment after the body's end is read.
            await sleep(releaseMs - (performance.now() - left));
            await leaveWays.at(-1)?.run(client, new AbortController().signal);
            const next = server.connectionIds.at(-1) ?? -1;
            assert.ok(
              used.has(next),
              `connection ${next} is new; used before: ${[...used].join(", ")}`,
            );
            assert.equal(server.openSockets(), 1, "one connection, kept for reuse");
          } else {
            await server.waitForNoSockets(releaseMs - (performance.now() - left));
          }
        } finally {
          await server.close();
        }
      });
    }
  });
}

/** An error answer with a short retry hint. */
function errorReply(code: number, body: string) {
  return (res: ServerResponse) => {
    res.writeHead(code, { "content-type": "application/json", "retry-after-ms": "1" });
    res.end(body);
  };
}

const retries = (maxRetries: number): RetryConfig => ({
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 5, exponent: 1, maxElapsedTime: 5000 },
  maxRetries,
});

describe("failed attempts release their connection", () => {
  let server: TrackedServer;
  let reply = errorReply(503, "");
  before(async () => {
    server = await startTrackedServer((_req, res) => reply(res));
  });
  after(() => server.close());

  test("small error bodies are read to the end, so every attempt reuses one connection", async () => {
    reply = errorReply(429, '{"message":"slow down"}');
    const before = server.connectionIds.length;
    const client = clientFor(server, { retryConfig: retries(3) });
    await assert.rejects(client.chat.stream(request), RateLimitError);
    const used = server.connectionIds.slice(before);
    assert.equal(used.length, 4);
    assert.equal(new Set(used).size, 1, `connections used: ${used.join(", ")}`);
    await server.waitForIdle(100);
  });

  test("a huge error body is cut after its first 64 KiB, closing the connection at once", async () => {
    const huge = `{"message":"${"x".repeat(8 * 1024 * 1024)}"}`;
    reply = errorReply(503, huge);
    const client = clientFor(server, { retryConfig: retries(2) });
    const { error } = await settle(client.chat.stream(request));
    assert.ok(error instanceof ServerError, String(error));
    assert.ok(error.body.length <= 128 * 1024, `kept ${error.body.length} characters`);
    await server.waitForIdle(100);
  });
});
