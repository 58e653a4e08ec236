import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { describe, test } from "node:test";
import {
  EventTooLargeError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  Mistral,
  RequestAbortedError,
  RequestTimeoutError,
  StreamServerError,
} from "../../src/index.js";
import {
  sseHeaders,
  startTestServer,
  type TestHandler,
  type TestServer,
} from "../helpers/test-server.js";

const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};

function chunk(content: string, extra: Record<string, unknown> = {}): string {
  const choice = { index: 0, delta: { content }, finish_reason: null, ...extra };
  return `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [choice] })}\n\n`;
}

/** A handler that writes `parts` then either ends, hangs, or destroys the socket. */
function streamOf(parts: string[], then: "end" | "hang" | "destroy" = "end"): TestHandler {
  return (_req, res: ServerResponse) => {
    res.writeHead(200, sseHeaders);
    for (const part of parts) res.write(part);
    if (then === "end") res.end();
    else if (then === "destroy") setTimeout(() => res.socket?.destroy(), 10);
  };
}

async function withServer(
  handler: TestHandler,
  run: (server: TestServer, client: Mistral) => Promise<void>,
) {
  const server = await startTestServer(handler);
  try {
    await run(
      server,
      new Mistral({
        apiKey: "secret-key",
        serverURL: server.url,
        retryConfig: { strategy: "none" },
      }),
    );
  } finally {
    await server.close();
  }
}

async function collect(
  stream: AsyncIterable<{ data: { choices: Array<{ delta: { content?: unknown } }> } }>,
) {
  let text = "";
  for await (const event of stream) text += String(event.data.choices[0]?.delta.content ?? "");
  return text;
}

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

  test("toReadableStream() pipes the events through web streams and ends at [DONE]", () =>
    withServer(streamOf([chunk("a"), chunk("b"), "data: [DONE]\n\n"]), async (_s, client) => {
      const stream = await client.chat.stream(request);
      const texts = stream.toReadableStream().pipeThrough(
        new TransformStream<{ data: { choices: Array<{ delta: { content?: unknown } }> } }, string>(
          {
            transform: (event, controller) =>
              controller.enqueue(String(event.data.choices[0]?.delta.content)),
          },
        ),
      );
      const seen: string[] = [];
      const reader = texts.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push(r.value);
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
