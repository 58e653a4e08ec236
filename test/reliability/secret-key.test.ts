// The API key never shows in any error of any kind, in any view of it (message,
// String, JSON, inspect, stack, cause), nor in anything printed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inspect } from "node:util";
import {
  ConnectionError,
  EventTooLargeError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  Mistral,
  MistralError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  SDKError,
  ServerError,
  StreamServerError,
  UnauthorizedError,
} from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  destroyWhenFlushed,
  drain,
  request,
  settle,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

const key = "sk-SECRET-4f7a9c2e1b8d6053";

/** Every way an error (or the client) can be turned into text. */
function views(value: unknown): string[] {
  const out = [String(value), JSON.stringify(value) ?? "", inspect(value, { depth: 20 })];
  out.push(inspect(value, { depth: 20, showHidden: true }));
  if (value instanceof Error) out.push(value.message, value.stack ?? "", String(value.cause));
  return out;
}

/** Collects everything written to the console and the standard streams while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const saved = methods.map((m) => console[m]);
  const savedOut = process.stdout.write;
  const savedErr = process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => written.push(inspect(args));
  const tap =
    (original: typeof process.stdout.write) =>
    (...args: Parameters<typeof process.stdout.write>): boolean => {
      written.push(String(args[0]));
      return original.apply(process.stdout, args);
    };
  process.stdout.write = tap(savedOut) as typeof process.stdout.write;
  process.stderr.write = tap(savedErr) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i] as (typeof console)[typeof m];
    });
    process.stdout.write = savedOut;
    process.stderr.write = savedErr;
  }
  return written.join("\n");
}

describe("the API key appears in no error, whatever went wrong", () => {
  let server: TrackedServer;
  before(async () => {
    server = await startTrackedServer((req, res) => {
      const way = String(req.headers["x-way"]);
      // Servers and proxies sometimes echo what they received: never the key here.
      if (way === "401") {
        res.writeHead(401, { "content-type": "application/json" });
        res.end('{"detail":"Invalid API key"}');
      } else if (way === "429" || way === "500") {
        res.writeHead(Number(way), { "content-type": "application/json", "retry-after-ms": "1" });
        res.end('{"object":"error","message":"try later"}');
      } else if (way === "hang") {
        beginStream(res);
        res.write(chunk("a"));
      } else if (way === "no-headers") {
        // never answers
      } else if (way === "reset") {
        beginStream(res);
        res.write(chunk("a"));
        destroyWhenFlushed(res);
      } else if (way === "malformed") {
        beginStream(res);
        res.end(`${chunk("a")}data: {bad\n\n`);
      } else if (way === "error-event") {
        beginStream(res);
        res.end(`${chunk("a")}data: {"object":"error","message":"boom"}\n\n`);
      } else if (way === "huge") {
        beginStream(res);
        res.end(`data: ${"x".repeat(3000)}\n\n`);
      } else if (way === "echo") {
        // A careless proxy quoting the request headers back.
        res.writeHead(403, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `Forbidden for ${String(req.headers.authorization)}` }));
      } else if (way === "redirect") {
        res.writeHead(307, { location: "http://127.0.0.1:9/v1/chat/completions" });
        res.end();
      }
    });
  });
  after(() => server.close());

  /** Makes one call that fails `way`; returns the error it failed with. */
  async function failure(way: string, options: Record<string, unknown> = {}): Promise<unknown> {
    const client = new Mistral({ apiKey: key, serverURL: server.url });
    const opened = await settle(
      client.chat.stream(request, {
        headers: { "x-way": way },
        retries: {
          strategy: "backoff",
          backoff: { initialInterval: 1, maxInterval: 5 },
          maxRetries: 1,
        },
        ...options,
      }),
    );
    if (!opened.value) return opened.error;
    if (way === "abort") opened.value.abort();
    return (await drain(opened.value)).error;
  }

  const cases: Array<[string, () => Promise<unknown>, abstract new (...a: never[]) => Error]> = [
    ["401 Unauthorized", () => failure("401"), UnauthorizedError],
    ["429 after retries", () => failure("429"), RateLimitError],
    ["500 after retries", () => failure("500"), ServerError],
    ["a redirect", () => failure("redirect"), SDKError],
    ["a 403 body that echoes the key back", () => failure("echo"), SDKError],
    [
      "a headers timeout",
      () => failure("no-headers", { headersTimeoutMs: 30 }),
      RequestTimeoutError,
    ],
    ["an idle timeout", () => failure("hang", { idleTimeoutMs: 30 }), RequestTimeoutError],
    ["a total timeout", () => failure("hang", { timeoutMs: 40 }), RequestTimeoutError],
    ["an abort", () => failure("abort", { headers: { "x-way": "hang" } }), RequestAbortedError],
    ["a reset", () => failure("reset"), IncompleteStreamError],
    ["a malformed chunk", () => failure("malformed"), MalformedChunkError],
    ["an error event", () => failure("error-event"), StreamServerError],
    ["an event too large", () => failure("huge", { maxEventBytes: 1000 }), EventTooLargeError],
    [
      "a refused connection",
      () =>
        new Mistral({
          apiKey: key,
          serverURL: "http://127.0.0.1:9",
          retryConfig: { strategy: "none" },
        }).chat
          .stream(request)
          .catch((e: unknown) => e),
      ConnectionError,
    ],
    [
      "a bad per-call option",
      () =>
        new Mistral({ apiKey: key, serverURL: server.url }).chat
          .stream(request, { timeoutMs: -1 })
          .catch((e: unknown) => e),
      InvalidRequestError,
    ],
  ];

  for (const [what, provoke, type] of cases) {
    test(`${what}: not in the message, String, JSON, inspect, stack or cause, nor in any output`, async () => {
      let error: unknown;
      const printed = await captureOutput(async () => {
        error = await provoke();
      });
      assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
      assert.ok(error instanceof MistralError);
      for (const view of views(error)) assert.ok(!view.includes(key), view);
      assert.ok(!printed.includes(key), "printed output holds the key");
    });
  }

  test("the key reached the server, so the tests above could have failed", () => {
    assert.ok(server.requests.some((r) => r.headers.authorization === `Bearer ${key}`));
  });

  test("a client and an open stream show no key in any view", async () => {
    const client = new Mistral({
      apiKey: key,
      serverURL: server.url,
      retryConfig: { strategy: "none" },
    });
    await using stream = await client.chat.stream(request, { headers: { "x-way": "hang" } });
    for (const view of [...views(client), ...views(stream), ...views(stream.rawResponse)]) {
      assert.ok(!view.includes(key), view);
    }
  });

  test("a key that cannot be sent in a header is refused without quoting it", async () => {
    for (const bad of [`${key}\r\nx-evil: 1`, `${key}\n`, `${key}\u0100`, `${key}\0`]) {
      for (const apiKey of [bad, async () => bad]) {
        const client = new Mistral({ apiKey, serverURL: server.url });
        const before = server.requests.length;
        const { error } = await settle(client.chat.stream(request));
        assert.ok(error instanceof InvalidRequestError, String(error));
        for (const view of views(error)) assert.ok(!view.includes(key), view);
        assert.equal(server.requests.length, before, "nothing was sent");
      }
    }
  });
});
