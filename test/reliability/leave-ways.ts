// Every way a caller can leave a stream — or have it taken away — paired with
// the server behaviour that provokes it, for each kind of stream (chat, and a
// conversation's named events). Shared by the cleanup matrix (each way, timed)
// and the soak test (all ways, ten thousand times).
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  EventTooLargeError,
  IncompleteStreamError,
  MalformedChunkError,
  type Mistral,
  RateLimitError,
  RequestAbortedError,
  type RequestOptions,
  RequestTimeoutError,
  StreamServerError,
} from "../helpers/sdk.js";
import {
  beginStream,
  chatKind,
  conversationKind,
  destroyWhenFlushed,
  drain,
  type StreamKind,
} from "./helpers.js";

/** Server behaviours, chosen by the `x-way` request header, in the dialect of `kind`. */
const serverBehaviours = (kind: StreamKind): Record<string, (res: ServerResponse) => void> => ({
  hang: (res) => {
    beginStream(res);
    res.write(kind.event("a") + kind.event("b"));
  },
  "no-headers": () => {},
  malformed: (res) => {
    beginStream(res);
    res.write(`${kind.event("a")}data: {oops\n\n`);
  },
  "error-event": (res) => {
    beginStream(res);
    res.write(kind.event("a") + kind.error);
  },
  huge: (res) => {
    beginStream(res);
    res.write(`${kind.event("a")}data: ${"x".repeat(4000)}`);
  },
  reset: (res) => {
    beginStream(res);
    res.write(kind.event("a"));
    destroyWhenFlushed(res);
  },
  premature: (res) => {
    beginStream(res);
    res.end(kind.event("a"));
  },
  "rate-limited": (res) => {
    res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "0" });
    res.end('{"object":"error","message":"Requests rate limit exceeded","code":"1300"}');
  },
  complete: (res) => {
    beginStream(res);
    res.end(kind.event("a") + kind.event("b") + kind.done);
  },
});

const behaviours = {
  chat: serverBehaviours(chatKind),
  conversation: serverBehaviours(conversationKind),
};

/** The loopback server's handler for every way (`x-way`) and kind (`x-kind`, chat by default). */
export function wayHandler(req: IncomingMessage, res: ServerResponse): void {
  const kind = req.headers["x-kind"] === "conversation" ? "conversation" : "chat";
  const behaviour = behaviours[kind][String(req.headers["x-way"])];
  assert.ok(behaviour, `unknown way ${String(req.headers["x-way"])}`);
  behaviour(res);
}

/** One way of leaving. */
export interface LeaveWay {
  readonly name: string;
  /** Whether the connection should be kept for reuse (the response ended) rather than closed. */
  readonly pooled: boolean;
  /** Opens a stream, leaves it this way, and checks what the caller saw. */
  run(client: Mistral, signal: AbortSignal): Promise<void>;
}

/** Opens the stream, reads it to its failure and checks the error's type (a deadline may fire before the headers). */
async function failsWith(
  opening: Promise<AsyncIterable<unknown>>,
  type: abstract new (...args: never[]) => Error,
): Promise<void> {
  const error = await opening.then(
    async (stream) => (await drain(stream)).error,
    (e: unknown) => e,
  );
  assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
}

const fastRetries = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 1000 },
  maxRetries: 2,
} as const;

/** Every way of leaving a stream of `kind`, in the order the soak test cycles through them. */
export function leaveWaysFor(kind: StreamKind): readonly LeaveWay[] {
  const open = (client: Mistral, way: string, signal: AbortSignal, extra: RequestOptions = {}) =>
    kind.open(client, { headers: { "x-way": way, "x-kind": kind.name }, signal, ...extra });
  return [
    {
      name: "break after the first event",
      pooled: false,
      async run(client, signal) {
        for await (const _ of await open(client, "hang", signal)) break;
      },
    },
    {
      name: "abort() during iteration",
      pooled: false,
      async run(client, signal) {
        const stream = await open(client, "hang", signal);
        await stream.next();
        stream.abort();
        await failsWith(Promise.resolve(stream), RequestAbortedError);
      },
    },
    {
      name: "await using leaving its block",
      pooled: false,
      async run(client, signal) {
        await using stream = await open(client, "hang", signal);
        await stream.next();
      },
    },
    {
      name: "close() on a stream never iterated",
      pooled: false,
      async run(client, signal) {
        const stream = await open(client, "hang", signal);
        await stream.close();
      },
    },
    {
      name: "an exception thrown in the loop body",
      pooled: false,
      async run(client, signal) {
        const stream = await open(client, "hang", signal);
        await assert.rejects(async () => {
          for await (const _ of stream) throw new Error("boom");
        }, /boom/);
      },
    },
    {
      name: "the caller's signal aborting mid-stream",
      pooled: false,
      async run(client) {
        const controller = new AbortController();
        const stream = await open(client, "hang", controller.signal);
        await stream.next();
        controller.abort();
        await failsWith(Promise.resolve(stream), RequestAbortedError);
      },
    },
    {
      name: "an idle timeout",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "hang", signal, { idleTimeoutMs: 15 }), RequestTimeoutError);
      },
    },
    {
      name: "a total timeout",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "hang", signal, { timeoutMs: 25 }), RequestTimeoutError);
      },
    },
    {
      name: "a headers timeout",
      pooled: false,
      async run(client, signal) {
        await assert.rejects(
          open(client, "no-headers", signal, { headersTimeoutMs: 15 }),
          RequestTimeoutError,
        );
      },
    },
    {
      name: "a malformed chunk while the server keeps the stream open",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "malformed", signal), MalformedChunkError);
      },
    },
    {
      name: "an error event while the server keeps the stream open",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "error-event", signal), StreamServerError);
      },
    },
    {
      name: "an event over maxEventBytes",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "huge", signal, { maxEventBytes: 1000 }), EventTooLargeError);
      },
    },
    {
      name: "a connection reset by the server",
      pooled: false,
      async run(client, signal) {
        await failsWith(open(client, "reset", signal), IncompleteStreamError);
      },
    },
    {
      name: "a premature end of body",
      pooled: true,
      async run(client, signal) {
        await failsWith(open(client, "premature", signal), IncompleteStreamError);
      },
    },
    {
      name: "a 429 answer to a stream request without retries",
      pooled: true,
      async run(client, signal) {
        await assert.rejects(open(client, "rate-limited", signal), RateLimitError);
      },
    },
    {
      name: "a 429 answer to a stream request after two retries",
      pooled: true,
      async run(client, signal) {
        await assert.rejects(
          open(client, "rate-limited", signal, { retries: fastRetries }),
          RateLimitError,
        );
      },
    },
    {
      name: `reading to ${kind.doneLine.replace(/^(event|data): /, "")}`,
      pooled: true,
      async run(client, signal) {
        const { error, events } = await drain(await open(client, "complete", signal));
        assert.equal(error, undefined);
        // A conversation's done event is one of its events; `[DONE]` is not.
        assert.equal(events, kind.name === "chat" ? 2 : 3);
      },
    },
  ];
}

/** Every way of leaving a chat stream. */
export const leaveWays: readonly LeaveWay[] = leaveWaysFor(chatKind);
