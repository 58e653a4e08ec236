import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RequestTimeoutError } from "../../helpers/sdk.js";
import { sseHeaders } from "../../helpers/test-server.js";
import { chunk, collect, request, streamOf, withServer } from "./helpers.js";

describe("deadlines", () => {
  test("idleTimeoutMs fires when no event arrives, and keep-alive comments are not progress", () =>
    withServer(
      (_req, res) => {
        res.writeHead(200, sseHeaders);
        res.write(chunk("a"));
        const timer = setInterval(() => res.write(": keep-alive\n\n"), 20);
        res.on("close", () => clearInterval(timer));
      },
      async (server, client) => {
        const started = Date.now();
        const stream = await client.chat.stream(request, { idleTimeoutMs: 150 });
        const error = await collect(stream).catch((e: unknown) => e);
        assert.ok(error instanceof RequestTimeoutError, String(error));
        assert.equal(error.phase, "idle");
        assert.equal(error.partial?.events, 1);
        assert.ok(Date.now() - started >= 140);
        await server.waitForNoSockets(100);
      },
    ));

  test("headersTimeoutMs fires when the server never answers", () =>
    withServer(
      () => {},
      async (_s, client) => {
        const error = await client.chat
          .stream(request, { headersTimeoutMs: 100 })
          .catch((e: unknown) => e);
        assert.ok(error instanceof RequestTimeoutError, String(error));
        assert.equal(error.phase, "headers");
      },
    ));

  test("the caller's AbortSignal.timeout() is reported as a timeout, before and during the stream", () =>
    withServer(streamOf([chunk("a")], "hang"), async (server, client) => {
      const stream = await client.chat.stream(request, { signal: AbortSignal.timeout(80) });
      const during = await collect(stream).catch((e: unknown) => e);
      assert.ok(during instanceof RequestTimeoutError, String(during));
      assert.equal(during.phase, "signal");
      assert.equal(during.partial?.text, "a");
      server.setHandler(() => {});
      const before = await client.chat
        .stream(request, { signal: AbortSignal.timeout(50) })
        .catch((e: unknown) => e);
      assert.ok(before instanceof RequestTimeoutError, String(before));
      assert.equal(before.phase, "signal");
    }));

  test("timeoutMs bounds the whole call, streaming included", () =>
    withServer(
      (_req, res) => {
        res.writeHead(200, sseHeaders);
        const timer = setInterval(() => res.write(chunk("t")), 10);
        res.on("close", () => clearInterval(timer));
      },
      async (server, client) => {
        const stream = await client.chat.stream(request, { timeoutMs: 150 });
        const error = await collect(stream).catch((e: unknown) => e);
        assert.ok(error instanceof RequestTimeoutError, String(error));
        assert.equal(error.phase, "total");
        assert.ok((error.partial?.events ?? 0) > 3);
        await server.waitForNoSockets(100);
      },
    ));
});
