import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inspect } from "node:util";
import {
  ConnectionError,
  InvalidRequestError,
  Mistral,
  MistralError,
  type SDKOptions,
} from "../../helpers/sdk.js";
import { startTestServer } from "../../helpers/test-server.js";

const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};

describe("client options", () => {
  const bad: Array<[string, ConstructorParameters<typeof Mistral>[0], RegExp]> = [
    ["a negative timeoutMs", { timeoutMs: -1 }, /timeoutMs/],
    ["a NaN idleTimeoutMs", { idleTimeoutMs: Number.NaN }, /idleTimeoutMs/],
    ["a serverURL that is not a URL", { serverURL: "not a url" }, /serverURL/],
    ["a non-http serverURL", { serverURL: "ftp://example.com" }, /http/],
    ["an unknown server", { server: "mars" as "eu" }, /server/],
    ["a header value with CR/LF", { headers: { "x-a": "1\r\nx-b: 2" } }, /line break/],
    ["a bad retry strategy", { retryConfig: { strategy: "sometimes" } as never }, /strategy/],
    ["bad retry codes", { retryCodes: ["abc"] }, /retryCodes/],
    ["a zero maxEventBytes", { maxEventBytes: 0 }, /maxEventBytes/],
  ];
  for (const [what, options, message] of bad) {
    test(`${what} is refused at construction with InvalidRequestError`, () => {
      assert.throws(
        () => new Mistral(options),
        (e: unknown) => e instanceof InvalidRequestError && message.test(e.message),
      );
    });
  }

  test("a refused value is shown as what it is: a string quoted, not read as a number", () => {
    const cases: Array<[SDKOptions, RegExp]> = [
      [{ timeoutMs: "5" as unknown as number }, /timeoutMs .* got the string "5"$/],
      [{ idleTimeoutMs: -1 }, /idleTimeoutMs .* got -1$/],
      [{ headersTimeoutMs: Number.NaN }, /headersTimeoutMs .* got NaN$/],
      [{ maxEventChars: [1] as unknown as number }, /maxEventChars .* got an array$/],
      [{ maxEventBytes: 1.5 }, /maxEventBytes .* got 1.5$/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => new Mistral(options),
        (error: unknown) => {
          assert.ok(error instanceof InvalidRequestError);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });

  test("per-call bad options are refused before sending", async () => {
    const client = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9" });
    await assert.rejects(client.chat.stream(request, { timeoutMs: -5 }), InvalidRequestError);
    await assert.rejects(
      client.chat.stream(request, { headers: { "x-y": "a\nb" } }),
      InvalidRequestError,
    );
    await assert.rejects(client.chat.stream({ model: "", messages: [] }), InvalidRequestError);
  });

  test("no API key against the Mistral servers is refused before sending", async () => {
    const saved = process.env.MISTRAL_API_KEY;
    delete process.env.MISTRAL_API_KEY;
    try {
      const error = await new Mistral().chat.stream(request).catch((e: unknown) => e);
      assert.ok(error instanceof InvalidRequestError);
      assert.match(error.message, /MISTRAL_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.MISTRAL_API_KEY = saved;
    }
  });

  test("serverURL accepts a trailing /v1 and slash, and per-call serverURL overrides it", async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "x",
          object: "chat.completion",
          model: "m",
          created: 1,
          choices: [],
          usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 },
        }),
      );
    });
    try {
      await new Mistral({ serverURL: `${server.url}/v1/` }).chat.complete(request);
      await new Mistral({ serverURL: "http://127.0.0.1:9" }).chat.complete(request, {
        serverURL: server.url,
      });
      assert.deepEqual(
        server.requests.map((r) => r.url),
        ["/v1/chat/completions", "/v1/chat/completions"],
      );
    } finally {
      await server.close();
    }
  });

  test("apiKey may be an async function, and default headers and userAgent are sent", async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    try {
      const client = new Mistral({
        apiKey: async () => "from-fn",
        serverURL: server.url,
        headers: { "x-team": "blue" },
        userAgent: "my-app/1.0",
      });
      await client.chat.complete(request, { headers: { "x-call": "1" } });
      const headers = server.requests[0]?.headers;
      assert.equal(headers?.authorization, "Bearer from-fn");
      assert.equal(headers?.["x-team"], "blue");
      assert.equal(headers?.["x-call"], "1");
      assert.equal(headers?.["user-agent"], "my-app/1.0");
    } finally {
      await server.close();
    }
  });
});

describe("the API key stays secret", () => {
  const key = "sk-very-secret-0123456789";

  test("it appears in no inspection of the client", () => {
    const client = new Mistral({ apiKey: key, serverURL: "http://127.0.0.1:9" });
    assert.ok(!inspect(client, { depth: 10, showHidden: true }).includes(key));
    assert.ok(!JSON.stringify(client).includes(key));
    assert.ok(!String(client).includes(key));
  });

  test("it appears in no error: connection failure and HTTP error", async () => {
    const refused = new Mistral({
      apiKey: key,
      serverURL: "http://127.0.0.1:9",
      retryConfig: { strategy: "none" },
    });
    const e1 = await refused.chat.stream(request).catch((e: unknown) => e);
    assert.ok(e1 instanceof ConnectionError, String(e1));
    const server = await startTestServer((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          detail: "Invalid API Key",
          echoed: req.headers.authorization?.slice(0, 3),
        }),
      );
    });
    try {
      const client = new Mistral({
        apiKey: key,
        serverURL: server.url,
        retryConfig: { strategy: "none" },
      });
      const e2 = await client.chat.stream(request).catch((e: unknown) => e);
      for (const error of [e1, e2]) {
        assert.ok(error instanceof MistralError);
        for (const view of [
          String(error),
          error.message,
          JSON.stringify(error),
          inspect(error, { depth: 10 }),
        ]) {
          assert.ok(!view.includes(key), view);
        }
      }
    } finally {
      await server.close();
    }
  });
});
