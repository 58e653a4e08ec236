// Retries: which failures are retried and how often, how long each wait is
// (back-off with jitter, Retry-After in every form, the caps), and that a
// stream that has started is never repeated.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  ConnectionError,
  HTTPValidationError,
  IncompleteStreamError,
  Mistral,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  type RetryConfig,
  SDKError,
  ServerError,
} from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  doneEvent,
  drain,
  request,
  settle,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

/** What the server does for one attempt. */
type Reply = (res: ServerResponse) => void;

function status(code: number, headers: Record<string, string> = {}, body = ""): Reply {
  return (res) => {
    res.writeHead(code, { "content-type": "application/json", ...headers });
    res.end(
      body || JSON.stringify({ object: "error", message: `status ${code}`, code: String(code) }),
    );
  };
}

const okStream: Reply = (res) => {
  beginStream(res);
  res.end(chunk("ok") + doneEvent);
};

const fastBackoff = (extra: Partial<Extract<RetryConfig, { strategy: "backoff" }>> = {}) =>
  ({
    strategy: "backoff",
    backoff: { initialInterval: 10, maxInterval: 50, exponent: 2, maxElapsedTime: 5000 },
    retryConnectionErrors: true,
    ...extra,
  }) satisfies RetryConfig;

describe("retries", () => {
  let server: TrackedServer;
  /** Replies for successive attempts; the last one repeats. */
  let script: Reply[] = [];
  let arrivals: number[] = [];
  before(async () => {
    server = await startTrackedServer((_req, res) => {
      arrivals.push(performance.now());
      const reply = script[Math.min(arrivals.length - 1, script.length - 1)];
      assert.ok(reply);
      reply(res);
    });
  });
  beforeEach(() => {
    arrivals = [];
  });
  after(() => server.close());
  const gaps = () => arrivals.slice(1).map((t, i) => t - (arrivals[i] as number));

  test("are on by default: two retries, then the last error", async () => {
    script = [status(503, { "retry-after-ms": "1" })];
    const client = new Mistral({ apiKey: "k", serverURL: server.url });
    const { error } = await settle(client.chat.stream(request));
    assert.ok(error instanceof ServerError, String(error));
    assert.equal(error.statusCode, 503);
    assert.equal(arrivals.length, 3);
  });

  for (const code of [408, 429, 500, 502, 503, 504]) {
    test(`${code} is retried by default and a later success is returned`, async () => {
      script = [status(code, { "retry-after-ms": "1" }), okStream];
      const stream = await new Mistral({ apiKey: "k", serverURL: server.url }).chat.stream(request);
      assert.equal((await drain(stream)).text, "ok");
      assert.equal(arrivals.length, 2);
    });
  }

  for (const code of [400, 401, 403, 404, 422, 501]) {
    test(`${code} is not retried by default`, async () => {
      script = [status(code, { "retry-after-ms": "1" }), okStream];
      const client = new Mistral({ apiKey: "k", serverURL: server.url });
      const { error } = await settle(client.chat.stream(request));
      assert.ok(error instanceof SDKError && error.statusCode === code, String(error));
      if (code === 422) assert.ok(error instanceof HTTPValidationError);
      assert.equal(arrivals.length, 1);
    });
  }

  test("a connection failure before the response is retried, and not when retryConnectionErrors is false", async () => {
    script = [(res) => res.socket?.destroy(), okStream];
    const client = clientFor(server, { retryConfig: fastBackoff() });
    assert.equal((await drain(await client.chat.stream(request))).text, "ok");
    assert.equal(arrivals.length, 2);
    arrivals = [];
    const strict = clientFor(server, {
      retryConfig: fastBackoff({ retryConnectionErrors: false }),
    });
    const { error } = await settle(strict.chat.stream(request));
    assert.ok(error instanceof ConnectionError, String(error));
    assert.equal(error.retryable, true);
    assert.equal(arrivals.length, 1);
  });

  test("a stream that has started is never retried, even with retries on", async () => {
    script = [
      (res) => {
        beginStream(res);
        res.write(chunk("partial"), () => res.socket?.destroy());
      },
      okStream,
    ];
    const client = clientFor(server, { retryConfig: fastBackoff() });
    const outcome = await drain(await client.chat.stream(request));
    assert.ok(outcome.error instanceof IncompleteStreamError, String(outcome.error));
    assert.equal(outcome.text, "partial");
    assert.equal(arrivals.length, 1);
  });

  test("strategy none makes one attempt, per client and per call", async () => {
    script = [status(503)];
    const client = clientFor(server, { retryConfig: { strategy: "none" } });
    await assert.rejects(client.chat.stream(request), ServerError);
    assert.equal(arrivals.length, 1);
    const retrying = clientFor(server, { retryConfig: fastBackoff({ maxRetries: 3 }) });
    await assert.rejects(
      retrying.chat.stream(request, { retries: { strategy: "none" } }),
      ServerError,
    );
    assert.equal(arrivals.length, 2);
  });

  test("per-call retries override the client's, and maxRetries bounds the attempts", async () => {
    script = [status(503)];
    const client = clientFor(server, { retryConfig: { strategy: "none" } });
    await assert.rejects(
      client.chat.stream(request, { retries: fastBackoff({ maxRetries: 4 }) }),
      ServerError,
    );
    assert.equal(arrivals.length, 5);
  });

  test("retryCodes choose the retried statuses, per client and per call", async () => {
    script = [status(501), okStream];
    const client = clientFor(server, { retryConfig: fastBackoff(), retryCodes: ["5XX"] });
    assert.equal((await drain(await client.chat.stream(request))).text, "ok");
    assert.equal(arrivals.length, 2);
    arrivals = [];
    script = [status(503), okStream];
    await assert.rejects(client.chat.stream(request, { retryCodes: ["429"] }), ServerError);
    assert.equal(arrivals.length, 1);
  });

  test("the first retry waits a real, jittered interval that grows by the exponent", async () => {
    script = [status(503)];
    const retries = fastBackoff({ maxRetries: 3 });
    retries.backoff = { initialInterval: 60, maxInterval: 1000, exponent: 2, maxElapsedTime: 5000 };
    const client = clientFor(server, { retryConfig: retries });
    await assert.rejects(client.chat.stream(request), ServerError);
    assert.equal(arrivals.length, 4);
    // Wait n is in [base/2, base] with base = 60 * 2^(n-1): never shorter (timers do
    // not fire early), longer only by scheduling slack, which a loaded machine makes large.
    gaps().forEach((gap, i) => {
      const base = 60 * 2 ** i;
      assert.ok(gap >= base / 2 - 2 && gap <= base + 5000, `wait ${i + 1} was ${gap} ms`);
    });
  });

  test("retry-after-ms is honoured instead of the back-off", async () => {
    script = [
      status(429, { "retry-after-ms": "150" }),
      status(503, { "retry-after-ms": "80" }),
      okStream,
    ];
    const retries = fastBackoff();
    retries.backoff = {
      initialInterval: 1,
      maxInterval: 10_000,
      exponent: 1,
      maxElapsedTime: 10_000,
    };
    const client = clientFor(server, { retryConfig: retries });
    assert.equal((await drain(await client.chat.stream(request))).text, "ok");
    const [first, second] = gaps();
    assert.ok(first !== undefined && first >= 148 && first < 5000, `first wait ${first}`);
    assert.ok(second !== undefined && second >= 78 && second < 5000, `second wait ${second}`);
  });

  test("Retry-After in seconds and as an HTTP date are honoured", { timeout: 15_000 }, async () => {
    script = [
      status(429, { "retry-after": "1" }),
      (res) => status(503, { "retry-after": new Date(Date.now() + 2000).toUTCString() })(res),
      okStream,
    ];
    const retries = fastBackoff();
    retries.backoff = {
      initialInterval: 1,
      maxInterval: 10_000,
      exponent: 1,
      maxElapsedTime: 10_000,
    };
    const client = clientFor(server, { retryConfig: retries });
    assert.equal((await drain(await client.chat.stream(request))).text, "ok");
    const [first, second] = gaps();
    assert.ok(first !== undefined && first >= 995 && first < 8000, `seconds: waited ${first}`);
    // An HTTP date has whole seconds: 2 s ahead is 1-2 s away.
    assert.ok(second !== undefined && second >= 990 && second < 8000, `date: waited ${second}`);
  });

  test("a server hint within maxInterval is waited for; a longer one surfaces the error at once", async () => {
    const retries = fastBackoff();
    retries.backoff = { initialInterval: 1, maxInterval: 150, exponent: 1, maxElapsedTime: 10_000 };
    const client = clientFor(server, { retryConfig: retries });
    script = [status(429, { "retry-after-ms": "140" }), okStream];
    assert.equal((await drain(await client.chat.stream(request))).text, "ok");
    const [wait] = gaps();
    assert.ok(wait !== undefined && wait >= 138 && wait < 5000, `waited ${wait}`);
    arrivals = [];
    script = [status(429, { "retry-after": "3600" }), okStream];
    const started = performance.now();
    const { error } = await settle(client.chat.stream(request));
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.equal(arrivals.length, 1);
    assert.ok(performance.now() - started < 10_000, "it did not wait for the hour asked");
  });

  test("no retry starts past maxElapsedTime, and the last error is returned", async () => {
    script = [status(503, { "retry-after-ms": "100" })];
    const retries = fastBackoff();
    retries.backoff = { initialInterval: 1, maxInterval: 1000, exponent: 1, maxElapsedTime: 250 };
    const client = clientFor(server, { retryConfig: retries });
    const started = performance.now();
    await assert.rejects(client.chat.stream(request), ServerError);
    // Attempts at 0, ≥100 and ≥200 ms: a fourth would start past 250 ms, so it
    // never does; the third needs the first answer within 50 ms, which a
    // loaded machine may miss, so two attempts are accepted too.
    assert.ok(arrivals.length === 2 || arrivals.length === 3, `${arrivals.length} attempts`);
    assert.ok(performance.now() - started < 10_000);
  });

  test("a RateLimitError that survives the retries carries the server's hint", async () => {
    script = [status(429, { "retry-after": "0.05" })];
    const client = clientFor(server, { retryConfig: fastBackoff({ maxRetries: 1 }) });
    const { error } = await settle(client.chat.stream(request));
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.retryAfterMs, 50);
    assert.equal(error.retryable, true);
    assert.equal(arrivals.length, 2);
  });

  test("aborting during a back-off wait ends it at once", async () => {
    script = [status(503, { "retry-after": "30" })];
    const retries = fastBackoff();
    retries.backoff = {
      initialInterval: 1,
      maxInterval: 60_000,
      exponent: 1,
      maxElapsedTime: 120_000,
    };
    const client = clientFor(server, { retryConfig: retries });
    const controller = new AbortController();
    const pending = settle(client.chat.stream(request, { signal: controller.signal }));
    while (arrivals.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 30));
    const aborted = performance.now();
    controller.abort();
    const { error } = await pending;
    assert.ok(error instanceof RequestAbortedError, String(error));
    assert.ok(performance.now() - aborted < 10_000, "the wait of 30 s ended at once");
    assert.equal(arrivals.length, 1);
  });

  test("timeoutMs ends a back-off wait with a total timeout", async () => {
    script = [status(503, { "retry-after": "30" })];
    const retries = fastBackoff();
    retries.backoff = {
      initialInterval: 1,
      maxInterval: 60_000,
      exponent: 1,
      maxElapsedTime: 120_000,
    };
    const client = clientFor(server, { retryConfig: retries, timeoutMs: 150 });
    const started = performance.now();
    const { error } = await settle(client.chat.stream(request));
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "total");
    assert.equal(error.timeoutMs, 150);
    assert.ok(performance.now() - started < 10_000, "it did not wait out the 30 s back-off");
  });
});
