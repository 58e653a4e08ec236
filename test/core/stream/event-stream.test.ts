import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  EventTooLargeError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  RequestAbortedError,
  StreamServerError,
} from "../../helpers/sdk.js";
import { sseHeaders } from "../../helpers/test-server.js";
import { chunk, collect, request, streamOf, withServer } from "./helpers.js";

describe("stream endings and failures", () => {
  test("a body that ends cleanly without [DONE] is an IncompleteStreamError carrying the text so far", () =>
    withServer(streamOf([chunk("Hello"), chunk(" world")]), async (_s, client) => {
      const stream = await client.chat.stream(request);
      const error = await collect(stream).catch((e: unknown) => e);
      assert.ok(error instanceof IncompleteStreamError, String(error));
      assert.equal(error.partial.text, "Hello world");
      assert.equal(error.partial.events, 2);
      assert.equal(error.retryable, true);
      assert.equal(error.statusCode, 200);
      assert.equal(error.requestId, sseHeaders["mistral-correlation-id"]);
    }));

  test("a connection reset mid-stream is an IncompleteStreamError, never a success", () =>
    withServer(streamOf([chunk("Hel")], "destroy"), async (_s, client) => {
      const stream = await client.chat.stream(request);
      const error = await collect(stream).catch((e: unknown) => e);
      assert.ok(error instanceof IncompleteStreamError, String(error));
      assert.equal(error.partial.text, "Hel");
    }));

  test("a chunk that is not JSON is a MalformedChunkError showing the data, after the good events", () =>
    withServer(
      streamOf([chunk("ok"), "data: {not json\n\n", "data: [DONE]\n\n"]),
      async (_s, client) => {
        const stream = await client.chat.stream(request);
        const seen: string[] = [];
        const error = await (async () => {
          for await (const event of stream) seen.push(String(event.data.choices[0]?.delta.content));
        })().catch((e: unknown) => e);
        assert.deepEqual(seen, ["ok"]);
        assert.ok(error instanceof MalformedChunkError, String(error));
        assert.equal(error.data, "{not json");
        assert.match(error.message, /\{not json/);
        assert.ok(!(error.cause instanceof MalformedChunkError));
      },
    ));

  test("an error object sent as an event is a StreamServerError with the server's message", () =>
    withServer(
      streamOf([
        chunk("a"),
        `data: ${JSON.stringify({ object: "error", message: "Overloaded", type: "internal" })}\n\n`,
      ]),
      async (_s, client) => {
        const error = await collect(await client.chat.stream(request)).catch((e: unknown) => e);
        assert.ok(error instanceof StreamServerError, String(error));
        assert.match(error.message, /Overloaded/);
        assert.equal(error.partial.text, "a");
      },
    ));

  test('finish_reason "error" is a StreamServerError', () =>
    withServer(
      streamOf([chunk("a"), chunk("", { finish_reason: "error" }), "data: [DONE]\n\n"]),
      async (_s, client) => {
        const error = await collect(await client.chat.stream(request)).catch((e: unknown) => e);
        assert.ok(error instanceof StreamServerError, String(error));
      },
    ));

  test("an event larger than maxEventBytes fails with EventTooLargeError", () =>
    withServer(streamOf([chunk("x".repeat(5000)), "data: [DONE]\n\n"]), async (_s, client) => {
      const stream = await client.chat.stream(request, { maxEventBytes: 1000 });
      const error = await collect(stream).catch((e: unknown) => e);
      assert.ok(error instanceof EventTooLargeError, String(error));
      assert.equal(error.limit, 1000);
    }));

  test("a stream can be iterated only once", () =>
    withServer(streamOf([chunk("a"), "data: [DONE]\n\n"]), async (_s, client) => {
      const stream = await client.chat.stream(request);
      assert.equal(await collect(stream), "a");
      assert.throws(() => stream[Symbol.asyncIterator](), InvalidRequestError);
    }));

  test("toReadableStream() gives the SSE bytes of the events, ending with [DONE]; getReader() gives the events", () =>
    withServer(streamOf([chunk("a"), chunk("b"), "data: [DONE]\n\n"]), async (_s, client) => {
      const bytes = (await client.chat.stream(request)).toReadableStream();
      const text = await new Response(bytes).text();
      const datas = text.split("\n\n").filter(Boolean);
      assert.equal(datas.length, 3);
      assert.equal(datas[2], "data: [DONE]");
      assert.equal(JSON.parse(datas[0]!.slice(6)).choices[0].delta.content, "a");
      const reader = (await client.chat.stream(request)).getReader();
      const seen: unknown[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        seen.push(r.value.data.choices[0]?.delta.content);
      }
      assert.deepEqual(seen, ["a", "b"]);
    }));

  test("its ReadableStream view errors with the typed failure of a cut stream", () =>
    withServer(streamOf([chunk("a")]), async (_s, client) => {
      const reader = (await client.chat.stream(request)).getReader();
      await reader.read();
      await assert.rejects(reader.read(), IncompleteStreamError);
    }));

  test("the response status, headers and request id are reachable from the stream", () =>
    withServer(streamOf([chunk("a"), "data: [DONE]\n\n"]), async (_s, client) => {
      await using stream = await client.chat.stream(request);
      assert.equal(stream.response.status, 200);
      assert.equal(stream.response.headers.get("content-type"), sseHeaders["content-type"]);
      assert.equal(stream.requestId, sseHeaders["mistral-correlation-id"]);
      assert.equal(stream.rawResponse?.status, 200);
    }));
});

describe("leaving a stream releases the connection", () => {
  const open = streamOf([chunk("a"), chunk("b")], "hang");

  test("break", () =>
    withServer(open, async (server, client) => {
      const stream = await client.chat.stream(request);
      for await (const _ of stream) break;
      await server.waitForNoSockets(100);
    }));

  test("an exception thrown in the loop body", () =>
    withServer(open, async (server, client) => {
      const stream = await client.chat.stream(request);
      await assert.rejects(async () => {
        for await (const _ of stream) throw new Error("boom");
      }, /boom/);
      await server.waitForNoSockets(100);
    }));

  test("await using leaving its block", () =>
    withServer(open, async (server, client) => {
      {
        await using stream = await client.chat.stream(request);
        const first = await stream.next();
        assert.equal(first.done, false);
      }
      await server.waitForNoSockets(100);
    }));

  test("cancel(), as on the official client's ReadableStream", () =>
    withServer(open, async (server, client) => {
      const stream = await client.chat.stream(request);
      await stream.next();
      await stream.cancel();
      await server.waitForNoSockets(100);
    }));

  test("cancelling its ReadableStream view", () =>
    withServer(open, async (server, client) => {
      const stream = await client.chat.stream(request);
      const reader = stream.getReader();
      const first = await reader.read();
      assert.equal(first.done, false);
      await reader.cancel();
      await server.waitForNoSockets(100);
    }));

  test("abort() while a read is pending rejects it with RequestAbortedError", () =>
    withServer(open, async (server, client) => {
      const stream = await client.chat.stream(request);
      const seen: unknown[] = [];
      setTimeout(() => stream.abort(), 50);
      const error = await (async () => {
        for await (const event of stream) seen.push(event);
      })().catch((e: unknown) => e);
      assert.ok(error instanceof RequestAbortedError, String(error));
      assert.equal(seen.length, 2);
      await server.waitForNoSockets(100);
    }));

  test("after abort() no event is handed over, not even those already received", () =>
    withServer(
      streamOf(
        Array.from({ length: 50 }, (_, i) => chunk(`t${i} `)),
        "hang",
      ),
      async (server, client) => {
        const stream = await client.chat.stream(request);
        const seen: string[] = [];
        const error = await (async () => {
          for await (const event of stream) {
            seen.push(String(event.data.choices[0]?.delta.content));
            // All 50 events arrive in one read; the first abort must end the loop.
            stream.abort();
          }
        })().catch((e: unknown) => e);
        assert.ok(error instanceof RequestAbortedError, String(error));
        assert.deepEqual(seen, ["t0 "]);
        assert.equal(error.statusCode, 200, "the abort error carries the response");
        await server.waitForNoSockets(2000);
      },
    ));

  test("the caller's signal aborting mid-stream rejects with RequestAbortedError", () =>
    withServer(open, async (server, client) => {
      const controller = new AbortController();
      const stream = await client.chat.stream(request, { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const error = await collect(stream).catch((e: unknown) => e);
      assert.ok(error instanceof RequestAbortedError, String(error));
      await server.waitForNoSockets(100);
    }));

  test("fetchOptions.signal is honoured too, before the headers", () =>
    withServer(
      () => {},
      async (server, client) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 30);
        const error = await client.chat
          .stream(request, { fetchOptions: { signal: controller.signal } })
          .catch((e: unknown) => e);
        assert.ok(error instanceof RequestAbortedError, String(error));
        await server.waitForNoSockets(100);
      },
    ));

  test("an already aborted signal rejects without sending", () =>
    withServer(open, async (server, client) => {
      const error = await client.chat
        .stream(request, { signal: AbortSignal.abort() })
        .catch((e: unknown) => e);
      assert.ok(error instanceof RequestAbortedError, String(error));
      assert.equal(server.requests.length, 0);
    }));
});
