// Failures after the headers: each is a documented, typed error that carries
// what had arrived (text, events, usage) and says whether a retry is worth it;
// none ever surfaces as an unhandled rejection, even when nobody is iterating.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import {
  IncompleteStreamError,
  MalformedChunkError,
  MistralError,
  RequestAbortedError,
  RequestTimeoutError,
  StreamError,
  StreamServerError,
} from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  destroyWhenFlushed,
  doneEvent,
  drain,
  request,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

const usageChunk = `data: ${JSON.stringify({
  id: "a",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content: "" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
})}\n\n`;
const usage = { promptTokens: 7, completionTokens: 3, totalTokens: 10 };

/** A failure the server can inflict after two good events. */
interface Failure {
  name: string;
  inflict: (res: ServerResponse) => void;
  type: abstract new (...args: never[]) => StreamError;
  retryable: boolean;
  /** The text delivered before the failure (the failing chunk's text is counted when it is decoded). */
  text: string;
  usage?: typeof usage;
  check?: (error: StreamError) => void;
  /** The text the loop received (default "Hello world"). */
  delivered?: string;
}

const failures: Failure[] = [
  {
    name: "a connection reset",
    inflict: (res) => destroyWhenFlushed(res),
    type: IncompleteStreamError,
    retryable: true,
    text: "Hello world",
    check: (e) => assert.ok(e.cause !== undefined, "the transport's error is the cause"),
  },
  {
    name: "a premature clean end",
    inflict: (res) => res.end(),
    type: IncompleteStreamError,
    retryable: true,
    text: "Hello world",
  },
  {
    name: "a missing data: [DONE] after the final chunk and its usage",
    inflict: (res) => res.end(usageChunk),
    type: IncompleteStreamError,
    retryable: true,
    text: "Hello world",
    usage,
  },
  {
    name: "a malformed chunk",
    inflict: (res) => res.write('data: {"choices": [\n\n'),
    type: MalformedChunkError,
    retryable: false,
    text: "Hello world",
    check: (e) => assert.equal((e as MalformedChunkError).data, '{"choices": ['),
  },
  {
    name: "a chunk that is JSON but not an object",
    inflict: (res) => res.end(`data: [1, 2]\n\n${doneEvent}`),
    type: MalformedChunkError,
    retryable: false,
    text: "Hello world",
  },
  {
    name: 'finish_reason "error"',
    inflict: (res) => res.end(chunk("!", { finish_reason: "error" }) + doneEvent),
    type: StreamServerError,
    retryable: true,
    text: "Hello world!",
    // The chunk carrying finish_reason "error" is handed over like any other.
    delivered: "Hello world!",
  },
  {
    name: "an error object sent as an event",
    inflict: (res) =>
      res.write(
        `data: ${JSON.stringify({ object: "error", message: "Service overloaded", type: "service_tier_capacity_exceeded", code: "3505" })}\n\n`,
      ),
    type: StreamServerError,
    retryable: true,
    text: "Hello world",
    check: (e) => {
      assert.match(e.message, /Service overloaded/);
      assert.equal((e as StreamServerError & { data: { code: string } }).data.code, "3505");
    },
  },
  {
    name: "an error event in the OpenAI shape",
    inflict: (res) =>
      res.write(
        `event: error\ndata: ${JSON.stringify({ error: { message: "upstream died" } })}\n\n`,
      ),
    type: StreamServerError,
    retryable: true,
    text: "Hello world",
    check: (e) => assert.match(e.message, /upstream died/),
  },
];

describe("failures in the middle of a stream", () => {
  let server: TrackedServer;
  let current: Failure | undefined;
  before(async () => {
    server = await startTrackedServer((_req, res) => {
      beginStream(res);
      res.write(chunk("Hello") + chunk(" world"));
      setTimeout(() => current?.inflict(res), 20);
    });
  });
  after(() => server.close());

  for (const failure of failures) {
    test(`${failure.name} is a ${failure.type.name} with the partial result`, async () => {
      current = failure;
      const outcome = await drain(await clientFor(server).chat.stream(request));
      const error = outcome.error;
      assert.ok(error instanceof failure.type, String(error));
      assert.ok(error instanceof StreamError && error instanceof MistralError);
      assert.equal(error.retryable, failure.retryable);
      assert.equal(error.partial.text, failure.text);
      assert.equal(
        outcome.text,
        failure.delivered ?? "Hello world",
        "the good events were all delivered first",
      );
      assert.deepEqual(error.partial.usage, failure.usage);
      assert.ok(error.partial.events >= 2);
      assert.equal(error.statusCode, 200);
      assert.equal(error.requestId, "corr-1");
      assert.ok(error.message.length > 20, "the message explains");
      failure.check?.(error);
      await server.waitForIdle(100);
    });
  }
});

describe("no unhandled rejection, even when nobody iterates", () => {
  let server: TrackedServer;
  let inflict: (res: ServerResponse) => void = () => {};
  const seen: unknown[] = [];
  const onUnhandled = (reason: unknown) => seen.push(reason);
  before(async () => {
    process.on("unhandledRejection", onUnhandled);
    server = await startTrackedServer((_req, res) => {
      beginStream(res);
      res.write(chunk("Hello"));
      setTimeout(() => inflict(res), 10);
    });
  });
  after(async () => {
    process.off("unhandledRejection", onUnhandled);
    await server.close();
  });

  const scenarios: Array<[string, (res: ServerResponse) => void]> = [
    ...failures.map((f): [string, (res: ServerResponse) => void] => [f.name, f.inflict]),
    ["a stall (the deadlines fire)", () => {}],
  ];
  for (const [name, fail] of scenarios) {
    test(`${name}, on a stream never iterated, rejects nothing; disposing it releases the connection`, async () => {
      inflict = fail;
      const stream = await clientFor(server).chat.stream(request, {
        timeoutMs: 60,
        idleTimeoutMs: 30,
      });
      await sleep(120);
      await stream[Symbol.asyncDispose]();
      await sleep(10);
      assert.deepEqual(seen, []);
      await server.waitForIdle(100);
    });
  }

  test("a stream read partly, then left without break while the server fails, rejects nothing", async () => {
    inflict = (res) => destroyWhenFlushed(res);
    const stream = await clientFor(server).chat.stream(request);
    const first = await stream.next();
    assert.equal(first.done, false);
    await sleep(80);
    assert.deepEqual(seen, []);
    const { error } = await drain(stream);
    assert.ok(error instanceof IncompleteStreamError, String(error));
    await sleep(10);
    assert.deepEqual(seen, []);
  });

  test("abort() on a stream never iterated rejects nothing, and a later read reports the abort", async () => {
    inflict = () => {};
    const stream = await clientFor(server).chat.stream(request);
    stream.abort();
    await sleep(30);
    assert.deepEqual(seen, []);
    await assert.rejects(stream.next(), RequestAbortedError);
    await server.waitForIdle(100);
  });

  test("a total timeout on a stream never iterated is reported by the first read", async () => {
    inflict = () => {};
    const stream = await clientFor(server).chat.stream(request, { timeoutMs: 40 });
    await sleep(100);
    assert.deepEqual(seen, []);
    await server.waitForIdle(100);
    const { error } = await drain(stream);
    assert.ok(error instanceof RequestTimeoutError && error.phase === "total", String(error));
  });
});
