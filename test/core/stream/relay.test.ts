// Relaying a stream through a real Node http server and reading it back:
// byte-faithful events, [DONE], failures turned back into the same typed
// errors, the upstream request aborted when the downstream reader goes away
// (seen from the upstream server), and the strictness of the reading side.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../../helpers/paths.js";
import {
  EventStream,
  EventTooLargeError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  type Mistral,
  type MistralError,
  RequestTimeoutError,
  ResponseValidationError,
  ServerError,
  StreamBufferOverflowError,
  StreamError,
  StreamServerError,
} from "../../helpers/sdk.js";
import { seededRandom } from "../../helpers/test-server.js";
import {
  beginStream,
  chunk,
  clientFor,
  destroyWhenFlushed,
  doneEvent,
  request,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "../../reliability/helpers.js";

interface Served {
  url: string;
  close(): Promise<void>;
}
const { serveNode } = (await import(
  pathToFileURL(`${repoRoot}/examples/relay/node-adapter.mjs`).href
)) as { serveNode(handler: (r: Request) => Promise<Response>): Promise<Served> };

const words = Array.from({ length: 30 }, (_, i) => `t${i} `);
/** Reads a stream of SSE text as a body. */
const bodyOf = (text: string) => new Response(text).body!;
const textOf = async (
  stream: EventStream<{ data: { choices: Array<{ delta: { content?: unknown } }> } }>,
) => {
  let out = "";
  for await (const e of stream) out += String(e.data.choices[0]?.delta.content ?? "");
  return out;
};

describe("a stream relayed through a Node http server", () => {
  let upstream: TrackedServer;
  let relay: Served;
  let client: Mistral;
  let mode: "whole" | "cut" | "slow" = "whole";
  let upstreamBody = "";
  before(async () => {
    upstream = await startTrackedServer(async (_req, res) => {
      beginStream(res);
      upstreamBody = "";
      for (const [i, word] of words.entries()) {
        const event = chunk(word);
        upstreamBody += event;
        res.write(event);
        if (mode === "cut" && i === 4) return destroyWhenFlushed(res);
        if (mode === "slow") await sleep(20);
      }
      upstreamBody += doneEvent;
      res.end(doneEvent);
    });
    client = clientFor(upstream);
    relay = await serveNode(async () => (await client.chat.stream(request)).toResponse());
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  test("the relayed bytes are the upstream's events, and the reader gets them back with every helper", async () => {
    mode = "whole";
    const response = await fetch(`${relay.url}/api/chat`);
    assert.equal(response.headers.get("content-type"), "text/event-stream; charset=utf-8");
    assert.equal(response.headers.get("cache-control"), "no-cache, no-transform");
    assert.equal(response.headers.get("x-accel-buffering"), "no");
    assert.equal(response.headers.get("mistral-correlation-id"), "corr-1");
    const bytes = await response.text();
    assert.equal(bytes, upstreamBody, "every event's wire JSON, then data: [DONE]");
    const stream = await EventStream.fromResponse(await fetch(`${relay.url}/api/chat`));
    const final = await stream.finalResponse();
    assert.equal(final.choices[0]?.message?.content, words.join(""));
    assert.equal(stream.requestId, "corr-1");
    await upstream.waitForIdle(2000);
  });

  test("a failure upstream arrives as the same typed error, with message, status, retryable and partial", async () => {
    mode = "cut";
    const direct = await textOf(await client.chat.stream(request)).catch((e: MistralError) => e);
    const relayed = await textOf(await EventStream.fromResponse(await fetch(relay.url))).catch(
      (e: MistralError) => e,
    );
    assert.ok(direct instanceof IncompleteStreamError);
    assert.ok(relayed instanceof IncompleteStreamError, String(relayed));
    assert.equal(relayed.message, direct.message);
    assert.equal(relayed.statusCode, 200);
    assert.equal(relayed.retryable, true);
    assert.equal(relayed.requestId, "corr-1");
    assert.equal(relayed.partial.text, words.slice(0, 5).join(""));
    assert.equal(
      relayed.partial.response?.choices[0]?.message?.content,
      words.slice(0, 5).join(""),
    );
  });

  test("when the downstream reader cancels, the upstream server sees its response aborted", async () => {
    mode = "slow";
    const response = await fetch(relay.url);
    const reader = response.body!.getReader();
    await reader.read();
    assert.equal(upstream.busy(), 1, "the upstream response is still streaming");
    await reader.cancel();
    // Generous bound: the upstream would otherwise stream for 600 ms more.
    await upstream.waitForIdle(3000);
    assert.equal(upstream.busy(), 0);
  });
});

describe("reading a relayed body", () => {
  const frame = (error: Record<string, unknown>) =>
    `${chunk("so far")}event: error\ndata: ${JSON.stringify({ error })}\n\n`;
  const partial = { text: "so far", events: 1, usage: undefined };
  const cases: Array<
    [Record<string, unknown>, new (...args: never[]) => MistralError, (e: never) => void]
  > = [
    [
      { name: "IncompleteStreamError", message: "cut", retryable: true },
      IncompleteStreamError,
      () => {},
    ],
    [
      { name: "MalformedChunkError", message: "x", data: "{oops" },
      MalformedChunkError,
      (e: MalformedChunkError) => assert.equal(e.data, "{oops"),
    ],
    [
      { name: "EventTooLargeError", message: "x", limit: 9 },
      EventTooLargeError,
      (e: EventTooLargeError) => assert.equal(e.limit, 9),
    ],
    [
      { name: "StreamBufferOverflowError", message: "x", limit: 5 },
      StreamBufferOverflowError,
      (e: StreamBufferOverflowError) => assert.equal(e.limit, 5),
    ],
    [
      { name: "RequestTimeoutError", message: "x", phase: "idle", timeoutMs: 50, retryable: true },
      RequestTimeoutError,
      (e: RequestTimeoutError) => assert.deepEqual([e.phase, e.timeoutMs], ["idle", 50]),
    ],
    [
      { name: "StreamServerError", message: "boom", data: { code: "3505" } },
      StreamServerError,
      (e: StreamServerError) => assert.deepEqual(e.data, { code: "3505" }),
    ],
    [{ name: "constructor", message: "not a class name" }, StreamServerError, () => {}],
  ];
  for (const [error, type, check] of cases) {
    test(`an error frame naming ${error.name} becomes a ${type.name}`, async () => {
      const stream = EventStream.fromReadableStream(
        bodyOf(frame({ ...error, status: 200, partial })),
      );
      const thrown = await textOf(stream).catch((e) => e);
      assert.ok(thrown instanceof type, String(thrown));
      assert.equal(thrown.retryable, error.retryable === true);
      if (thrown instanceof StreamError) assert.equal(thrown.partial.text, "so far");
      if (typeof error.name === "string" && error.name !== "constructor")
        assert.equal(thrown.name, error.name);
      check(thrown as never);
    });
  }

  test("relayed bytes split anywhere (down to one byte) read back to the same events and the same error", async () => {
    const body = `${chunk("é")}${chunk("🙂 ok")}${frame({ name: "IncompleteStreamError", message: "cut", retryable: true, status: 200, partial })}`;
    const bytes = new TextEncoder().encode(body);
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = seed === 1 ? 1 : 1 + Math.floor(random() * 9);
        pieces.push(bytes.slice(at, at + size));
        at += size;
      }
      const split = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = pieces.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      let text = "";
      const error = await (async () => {
        for await (const e of EventStream.fromReadableStream(split))
          text += String(e.data.choices[0]?.delta.content);
      })().catch((e) => e);
      assert.equal(text, "é🙂 okso far", `seed ${seed}`);
      assert.ok(error instanceof IncompleteStreamError, `seed ${seed}: ${String(error)}`);
      assert.equal(error.message, "cut");
    }
  });

  test("is as strict as the API's own stream: no [DONE] is an IncompleteStreamError", async () => {
    const error = await textOf(EventStream.fromReadableStream(bodyOf(chunk("a")))).catch((e) => e);
    assert.ok(error instanceof IncompleteStreamError);
    assert.equal(error.partial.text, "a");
    assert.equal(await textOf(EventStream.fromReadableStream(bodyOf(chunk("a") + doneEvent))), "a");
  });

  test("fromResponse() turns an error status into its typed error and a non-SSE body into ResponseValidationError", async () => {
    const failed = new Response(JSON.stringify({ message: "upstream down" }), {
      status: 503,
      headers: { "content-type": "application/json" },
    });
    await assert.rejects(EventStream.fromResponse(failed), ServerError);
    const html = new Response("<html>proxy</html>", { headers: { "content-type": "text/html" } });
    await assert.rejects(EventStream.fromResponse(html), ResponseValidationError);
    await assert.rejects(EventStream.fromResponse({} as Response), InvalidRequestError);
    assert.throws(
      () => EventStream.fromReadableStream({} as ReadableStream<Uint8Array>),
      InvalidRequestError,
    );
    assert.throws(
      () => EventStream.fromReadableStream(bodyOf(""), { idleTimeoutMs: -1 }),
      InvalidRequestError,
    );
  });
});
