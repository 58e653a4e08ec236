// Wire safety: hostile chunk keys pollute no prototype, header injection is
// refused before sending, and a redirect never carries the key to another
// origin (two loopback servers).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { InvalidRequestError, Mistral, SDKError } from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  doneEvent,
  request,
  settle,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

const key = "sk-SECRET-4f7a9c2e1b8d6053";

describe("hostile keys in chunks pollute nothing", () => {
  let server: TrackedServer;
  const hostile = [
    '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"id":"a","object":"chat.completion.chunk","created":1,"model":"m",',
    '"choices":[{"__proto__":{"polluted":"choice"},"index":0,"finish_reason":null,',
    '"delta":{"__proto__":{"polluted":"delta"},"constructor":{"prototype":{"polluted":"d"}},"role":"assistant","content":"hi",',
    '"metadata":{"__proto__":{"polluted":"metadata"}},',
    '"tool_calls":[{"id":"c","type":"function","__proto__":{"polluted":"call"},"function":{"name":"f","__proto__":{"polluted":"fn"},',
    '"arguments":{"__proto__":{"polluted":"args"},"constructor":{"prototype":{"polluted":"args2"}}}}}]}}],',
    '"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"__proto__":{"polluted":"usage"},"constructor":{"prototype":{"polluted":"u"}},',
    '"prompt_tokens_details":{"__proto__":{"polluted":"details"}}}}',
  ].join("");
  before(async () => {
    server = await startTrackedServer((_req, res) => {
      beginStream(res);
      res.end(`data: ${hostile}\n\n${doneEvent}`);
    });
  });
  after(() => server.close());

  test("__proto__ and constructor keys through chat.stream reach no prototype", async () => {
    JSON.parse(hostile); // the payload is valid JSON
    const stream = await clientFor(server).chat.stream(request);
    const events = [];
    for await (const event of stream) events.push(event);
    assert.equal(events.length, 1);
    const data = events[0]?.data;
    assert.equal(data?.choices[0]?.delta.content, "hi");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.equal((Function.prototype as unknown as Record<string, unknown>).polluted, undefined);
    assert.equal((Array.prototype as unknown as Record<string, unknown>).polluted, undefined);
    // The decoded objects are plain, and none inherits a payload.
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || typeof value !== "object" || seen.has(value)) return;
      seen.add(value);
      const proto = Object.getPrototypeOf(value);
      assert.ok(
        proto === Object.prototype || proto === Array.prototype || proto === null,
        "unexpected prototype",
      );
      // Free-form values (tool arguments) keep the payload as their own data;
      // what must never happen is an object *inheriting* it.
      if (!Object.hasOwn(value, "polluted")) {
        assert.equal((value as Record<string, unknown>).polluted, undefined, "inherited payload");
      }
      for (const child of Object.values(value)) walk(child);
    };
    walk(events);
  });
});

describe("header injection is refused before sending", () => {
  let server: TrackedServer;
  before(async () => {
    server = await startTrackedServer((_req, res) => {
      beginStream(res);
      res.end(doneEvent);
    });
  });
  after(() => server.close());

  const injections = ["a\r\nx-injected: 1", "a\nx-injected: 1", "a\rb", "a\0b"];
  for (const value of injections) {
    test(`${JSON.stringify(value)} is refused in client headers, call headers and userAgent, naming the header`, async () => {
      const attempts: Array<() => unknown> = [
        () => new Mistral({ apiKey: "k", serverURL: server.url, headers: { "x-team": value } }),
        () => new Mistral({ apiKey: "k", serverURL: server.url, userAgent: value }),
        () => clientFor(server).chat.stream(request, { headers: { "x-team": value } }),
        () => clientFor(server).chat.stream(request, { headers: [["x-team", value]] }),
      ];
      for (const attempt of attempts) {
        const error = await settle(Promise.resolve().then(attempt)).then((r) => r.error);
        assert.ok(error instanceof InvalidRequestError, String(error));
        assert.match(error.message, /line break or NUL/);
        assert.match(error.message, /"(x-team|user-agent)"/);
        assert.ok(!error.message.includes(value), "the value itself is not quoted");
      }
      assert.equal(server.requests.length, 0);
    });
  }

  test("a value with a character beyond ASCII is refused; others are sent trimmed, a call's replacing the client's", async () => {
    for (const value of ["équipe", "☃"]) {
      const { error } = await settle(
        clientFor(server).chat.stream(request, { headers: { "x-team": value } }),
      );
      assert.ok(error instanceof InvalidRequestError, String(error));
      assert.match(error.message, /"x-team".*beyond ASCII/);
    }
    assert.throws(
      () => new Mistral({ apiKey: "k", headers: "x-team: a" as never }),
      (e) =>
        e instanceof InvalidRequestError && /options.headers must be an object/.test(e.message),
    );
    assert.equal(server.requests.length, 0);
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      headers: new Headers({ "X-Team": "a" }),
    });
    const stream = await client.chat.stream(request, {
      headers: [
        ["X-Team", "  team one\t"],
        ["x-other", "b"],
      ],
    });
    await stream.close();
    const sent = server.requests.at(-1)?.headers;
    assert.equal(sent?.["x-team"], "team one", "a call header replaces the client's, trimmed");
    assert.equal(sent?.["x-other"], "b");
  });

  test("a header name that is not a token is refused", async () => {
    const { error } = await settle(
      clientFor(server).chat.stream(request, { headers: { "x-a\r\nb": "1" } }),
    );
    assert.ok(error instanceof InvalidRequestError, String(error));
    assert.match(error.message, /invalid header name/);
  });
});

describe("redirects never carry the key to another origin", () => {
  let target: TrackedServer;
  let origin: TrackedServer;
  let status = 307;
  before(async () => {
    target = await startTrackedServer((_req, res) => {
      beginStream(res);
      res.end(chunk("stolen") + doneEvent);
    });
    origin = await startTrackedServer((_req, res) => {
      res.writeHead(status, { location: `${target.url}/v1/chat/completions` });
      res.end();
    });
  });
  after(async () => {
    await origin.close();
    await target.close();
  });

  for (const code of [301, 302, 303, 307, 308]) {
    for (const method of ["stream", "complete"] as const) {
      test(`a ${code} answer to chat.${method} is a typed, final error and the other origin receives nothing`, async () => {
        status = code;
        const before = origin.requests.length;
        const client = new Mistral({ apiKey: key, serverURL: origin.url });
        const call =
          method === "stream" ? client.chat.stream(request) : client.chat.complete(request);
        const { error } = await settle<unknown>(call);
        assert.ok(error instanceof SDKError, String(error));
        assert.equal(error.statusCode, code);
        assert.equal(error.retryable, false);
        assert.equal(error.headers.get("location"), `${target.url}/v1/chat/completions`);
        assert.match(error.message, /redirect/);
        assert.match(error.message, new RegExp(target.url.replace(/[.]/g, "\\.")));
        assert.equal(origin.requests.length, before + 1, "not retried");
        assert.equal(target.requests.length, 0, "the other origin was never contacted");
        await origin.waitForIdle(100);
      });
    }
  }
});
