// Timeouts: each deadline fires on its own stall with a typed error naming
// its phase, keep-alives and slow callers are not mistaken for stalls, per-call
// values override the client's, and the caller's own signal disables nothing.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import {
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  type TimeoutPhase,
} from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  doneEvent,
  drain,
  request,
  settle,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

/** Server behaviours, chosen per request with the `x-stall` header. */
const behaviours: Record<string, (res: ServerResponse) => void> = {
  /** Never answers. */
  headers: () => {},
  /** Sends one event, then only keep-alive comments. */
  "keep-alive": (res) => {
    beginStream(res);
    res.write(chunk("first"));
    const timer = setInterval(() => res.write(": keep-alive\n\n"), 15);
    res.on("close", () => clearInterval(timer));
  },
  /** Sends one event, then nothing. */
  silent: (res) => {
    beginStream(res);
    res.write(chunk("first"));
  },
  /** An event every 20 ms, for ever. */
  steady: (res) => {
    beginStream(res);
    const timer = setInterval(() => res.write(chunk("t")), 20);
    res.on("close", () => clearInterval(timer));
  },
  /** Ten events 30 ms apart, then the end. */
  paced: (res) => {
    beginStream(res);
    let sent = 0;
    const timer = setInterval(() => {
      if (++sent <= 10) res.write(chunk("p"));
      else {
        clearInterval(timer);
        res.end(doneEvent);
      }
    }, 30);
    res.on("close", () => clearInterval(timer));
  },
  /** A JSON answer after 30 s: a call that gets it was not bounded by its deadline. */
  "slow-json": (res) => {
    const timer = setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    }, 30_000);
    res.on("close", () => clearTimeout(timer));
  },
  /** An error status whose body never ends. */
  "stalled-error-body": (res) => {
    res.writeHead(503, { "content-type": "application/json" });
    res.write('{"message":"over');
  },
};

describe("timeouts", () => {
  let server: TrackedServer;
  before(async () => {
    server = await startTrackedServer((req, res) => {
      const behaviour = behaviours[String(req.headers["x-stall"])];
      assert.ok(behaviour);
      behaviour(res);
    });
  });
  after(() => server.close());
  const stall = (name: keyof typeof behaviours) => ({ "x-stall": String(name) });

  /** Opens a stream and reads it; returns the timeout error and when it came. */
  async function timeoutOf(
    options: Parameters<ReturnType<typeof clientFor>["chat"]["stream"]>[1],
    clientOptions: Parameters<typeof clientFor>[1] = {},
  ): Promise<{ error: RequestTimeoutError; elapsed: number }> {
    const started = performance.now();
    const opened = await settle(clientFor(server, clientOptions).chat.stream(request, options));
    const error = opened.value ? (await drain(opened.value)).error : opened.error;
    assert.ok(error instanceof RequestTimeoutError, String(error));
    await server.waitForIdle(100);
    return { error, elapsed: performance.now() - started };
  }

  function assertFired(
    result: { error: RequestTimeoutError; elapsed: number },
    phase: TimeoutPhase,
    ms: number,
  ) {
    assert.equal(result.error.phase, phase);
    assert.equal(result.error.timeoutMs, ms);
    // Which deadline fired is the error's `timeoutMs`; time only bounds it
    // loosely: never early, and not at some default far beyond `ms` (a loaded
    // machine may add seconds, never a minute).
    assert.ok(result.elapsed >= ms - 5, `fired after ${result.elapsed} ms, before ${ms}`);
    assert.ok(result.elapsed < ms + 20_000, `fired after ${result.elapsed} ms, long after ${ms}`);
    assert.match(result.error.message, new RegExp(`${ms} ms`));
  }

  test("headersTimeoutMs fires per call over the client's value", async () => {
    const result = await timeoutOf(
      { headers: stall("headers"), headersTimeoutMs: 80 },
      { headersTimeoutMs: 60_000 },
    );
    assertFired(result, "headers", 80);
  });

  test("the client's headersTimeoutMs applies to chat.complete too", async () => {
    const { error } = await settle(
      clientFor(server, { headersTimeoutMs: 100 }).chat.complete(request, {
        headers: stall("slow-json"),
      }),
    );
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "headers");
    assert.equal(error.timeoutMs, 100);
  });

  test("the headers deadline also bounds the body of an error response, which is then reported with what arrived", async () => {
    for (const [method, retryConfig] of [
      ["stream", { strategy: "none" as const }],
      ["stream", undefined],
      ["complete", undefined],
    ] as const) {
      const started = performance.now();
      const client = clientFor(server, { retryConfig });
      const options = { headers: stall("stalled-error-body"), headersTimeoutMs: 100 };
      const { error } = await settle<unknown>(
        method === "stream"
          ? client.chat.stream(request, options)
          : client.chat.complete(request, options),
      );
      const elapsed = performance.now() - started;
      assert.ok(error instanceof ServerError, String(error));
      assert.equal(error.statusCode, 503);
      assert.equal(error.body, '{"message":"over');
      // The body never ends: only the deadline can have ended the call.
      assert.ok(elapsed >= 95, `ended after ${elapsed} ms, before the deadline`);
      await server.waitForIdle(100);
    }
  });

  test("idleTimeoutMs fires on a silent stream, with what had arrived", async () => {
    const result = await timeoutOf({ headers: stall("silent"), idleTimeoutMs: 100 });
    assertFired(result, "idle", 100);
    assert.equal(result.error.partial?.text, "first");
    assert.equal(result.error.partial?.events, 1);
    assert.equal(result.error.requestId, "corr-1");
  });

  test("keep-alive comments do not count as progress", async () => {
    const result = await timeoutOf({ headers: stall("keep-alive"), idleTimeoutMs: 120 });
    assertFired(result, "idle", 120);
  });

  test("steady events keep an idle deadline shorter than the whole stream from firing", async () => {
    const stream = await clientFor(server).chat.stream(request, {
      headers: stall("paced"),
      idleTimeoutMs: 120,
    });
    const outcome = await drain(stream);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.events, 10, "300 ms of events under a 120 ms idle deadline");
  });

  test("time the caller spends between events is not idle time", async () => {
    const stream = await clientFor(server).chat.stream(request, {
      headers: stall("paced"),
      idleTimeoutMs: 60,
    });
    let events = 0;
    for await (const _ of stream) {
      events++;
      await sleep(100);
    }
    assert.equal(events, 10);
  });

  test("a per-call idleTimeoutMs of 0 turns off the client's", async () => {
    const stream = await clientFor(server, { idleTimeoutMs: 50 }).chat.stream(request, {
      headers: stall("silent"),
      idleTimeoutMs: 0,
      timeoutMs: 250,
    });
    const { error } = await drain(stream);
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "total", "the idle deadline did not fire at 50 ms");
    await server.waitForIdle(100);
  });

  test("timeoutMs bounds the wait for headers too, reported as total", async () => {
    const result = await timeoutOf(
      { headers: stall("headers"), timeoutMs: 100 },
      { headersTimeoutMs: 5000 },
    );
    assertFired(result, "total", 100);
  });

  test("timeoutMs ends a stream that never stalls", async () => {
    const result = await timeoutOf({
      headers: stall("steady"),
      timeoutMs: 150,
      idleTimeoutMs: 100,
    });
    assertFired(result, "total", 150);
    assert.ok((result.error.partial?.events ?? 0) >= 3);
  });

  for (const [phase, options] of [
    ["headers", { headers: stall("headers"), headersTimeoutMs: 80 }],
    ["idle", { headers: stall("silent"), idleTimeoutMs: 80 }],
    ["total", { headers: stall("steady"), timeoutMs: 80 }],
  ] as const) {
    test(`passing your own signal keeps the ${phase} deadline`, async () => {
      const controller = new AbortController();
      const result = await timeoutOf({ ...options, signal: controller.signal });
      assertFired(result, phase, 80);
      assert.equal(controller.signal.aborted, false, "the caller's signal is not touched");
    });
  }

  test("the caller's signal still aborts a call that has deadlines", async () => {
    const controller = new AbortController();
    const stream = await clientFor(server, { timeoutMs: 5000, idleTimeoutMs: 5000 }).chat.stream(
      request,
      { headers: stall("silent"), signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("user cancelled")), 30);
    const { error } = await drain(stream);
    assert.ok(error instanceof RequestAbortedError, String(error));
    assert.equal((error.cause as Error).message, "user cancelled");
    await server.waitForIdle(100);
  });

  test("idle and headers timeouts are retryable; a total timeout is not", async () => {
    const idle = await timeoutOf({ headers: stall("silent"), idleTimeoutMs: 50 });
    const headers = await timeoutOf({ headers: stall("headers"), headersTimeoutMs: 50 });
    const total = await timeoutOf({ headers: stall("steady"), timeoutMs: 50 });
    assert.deepEqual(
      [idle.error.retryable, headers.error.retryable, total.error.retryable],
      [true, true, false],
    );
  });
});
