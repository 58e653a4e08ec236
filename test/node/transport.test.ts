// The Node transport seen from the server: which transport a client picks,
// connections kept and reused per origin, the limit on them, compressed JSON,
// a stale pooled connection replayed, a caller's agent, and bad options.
import assert from "node:assert/strict";
import { Agent } from "node:http";
import type { Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import {
  ConnectionError,
  InvalidRequestError,
  Mistral as WebMistral,
} from "../../src/core/index.js";
import { createNodeTransport } from "../../src/node/index.js";
import { Mistral } from "../../src/node/main.js";
import { sseHeaders, startTestServer, type TestServer } from "../helpers/test-server.js";

const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};
const chunk = (content: string, finish: string | null) =>
  `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
const completion = {
  id: "c",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [
    { index: 0, message: { role: "assistant", content: "squeezed" }, finish_reason: "stop" },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

const fastRetries = {
  strategy: "backoff" as const,
  backoff: { initialInterval: 1, maxInterval: 5, exponent: 1.5, maxElapsedTime: 5000 },
  retryConnectionErrors: true,
};

describe("the Node transport", () => {
  let server: TestServer;
  const sockets = new Set<Socket>();
  let connections = 0;
  let open = 0;
  let peak = 0;
  let holdMs = 0;
  /** Sockets whose next request the server drops unanswered (a connection it closed while idle). */
  const dropNext = new Set<Socket>();
  before(async () => {
    server = await startTestServer(async (req, res) => {
      const socket = req.socket;
      if (dropNext.delete(socket)) {
        socket.destroy();
        return;
      }
      if (!sockets.has(socket)) {
        connections++;
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
      }
      open++;
      peak = Math.max(peak, open);
      if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
      open--;
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, sseHeaders);
        res.end(`${chunk("hello ", null)}${chunk("there", "stop")}data: [DONE]\n\n`);
      } else if (String(req.headers["accept-encoding"]).includes("gzip")) {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        res.end(gzipSync(JSON.stringify(completion)));
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(completion));
      }
    });
  });
  after(() => server.close());

  const text = async (client: WebMistral) => {
    let out = "";
    for await (const event of await client.chat.stream(request)) {
      out += event.data.choices[0]?.delta.content ?? "";
    }
    return out;
  };
  /** fetch (undici) sends `sec-fetch-mode`; node:http sends only what it is given. */
  const sentByFetch = () => server.requests.at(-1)?.headers["sec-fetch-mode"] !== undefined;

  test("is what the Node entry's client uses, unless told fetch", async () => {
    const options = { apiKey: "k", serverURL: server.url };
    assert.equal(await text(new Mistral(options)), "hello there");
    assert.equal(sentByFetch(), false);
    assert.equal(await text(new Mistral({ ...options, transport: "fetch" })), "hello there");
    assert.equal(sentByFetch(), true);
    let calls = 0;
    let seen: unknown;
    const counted = (input: string, init: RequestInit) => {
      calls++;
      seen = init.headers;
      return fetch(input, init);
    };
    assert.equal(await text(new Mistral({ ...options, fetch: counted })), "hello there");
    assert.equal(calls, 1, "a fetch option selects the fetch transport");
    assert.ok(seen instanceof Headers, "a fetch wrapper receives its headers as a Headers");
    assert.equal(seen.get("accept"), "text/event-stream");
    assert.equal(seen.get("authorization"), "Bearer k");
    assert.equal(await text(new WebMistral(options)), "hello there");
    assert.equal(sentByFetch(), true, "the web build uses fetch");
  });

  test("keeps one connection per origin and reuses it, streams and JSON alike", async () => {
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      transport: createNodeTransport(),
    });
    const before = server.requests.length;
    const connectionsBefore = connections;
    for (let i = 0; i < 5; i++) assert.equal(await text(client), "hello there");
    for (let i = 0; i < 3; i++) {
      const reply = await client.chat.complete(request);
      assert.equal(reply.choices?.[0]?.message?.content, "squeezed");
    }
    assert.equal(server.requests.length - before, 8);
    assert.equal(connections - connectionsBefore, 1, "eight requests, one connection");
  });

  test("decompresses a gzip JSON answer and asks for no compression on a stream", async () => {
    const client = new Mistral({ apiKey: "k", serverURL: server.url });
    const reply = await client.chat.complete(request);
    assert.match(String(server.requests.at(-1)?.headers["accept-encoding"]), /gzip/);
    assert.equal(reply.choices?.[0]?.message?.content, "squeezed");
    await text(client);
    assert.equal(server.requests.at(-1)?.headers["accept-encoding"], undefined);
  });

  test("holds at most maxSockets connections per origin; the others wait for one", async () => {
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      transport: createNodeTransport({ maxSockets: 2 }),
    });
    peak = 0;
    holdMs = 30;
    try {
      const replies = await Promise.all(
        Array.from({ length: 6 }, () => client.chat.complete(request)),
      );
      assert.equal(replies.length, 6);
    } finally {
      holdMs = 0;
    }
    assert.equal(peak, 2);
  });

  test("a pooled connection the server closed is a ConnectionError, retried by the policy", async () => {
    const options = { apiKey: "k", serverURL: server.url, transport: createNodeTransport() };
    const retrying = new Mistral({ ...options, retryConfig: fastRetries });
    assert.equal(await text(retrying), "hello there");
    for (const socket of sockets) dropNext.add(socket);
    const count = server.requests.length;
    const stream = await retrying.chat.stream(request);
    for await (const _ of stream);
    assert.equal(stream.stats.retries, 1, "the dropped attempt, then a retry on a new connection");
    assert.equal(server.requests.length - count, 2);
    // Not replayed behind the policy's back: the server may have received it.
    const strict = new Mistral({ ...options, retryConfig: { strategy: "none" } });
    assert.equal(await text(strict), "hello there");
    for (const socket of sockets) dropNext.add(socket);
    await assert.rejects(strict.chat.stream(request), ConnectionError);
    dropNext.clear();
  });

  test("uses the caller's agent (a proxy agent, say)", async () => {
    let made = 0;
    class CountingAgent extends Agent {
      override createConnection(...args: Parameters<Agent["createConnection"]>) {
        made++;
        return super.createConnection(...args);
      }
    }
    const agent = new CountingAgent({ keepAlive: false });
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      transport: createNodeTransport({ agent }),
    });
    assert.equal(await text(client), "hello there");
    assert.equal(await text(client), "hello there");
    assert.equal(made, 2, "one connection per request, as the caller's agent keeps none");
    agent.destroy();
  });

  test("reads response headers as Headers would, and gives a transport plain lower-case request headers", async () => {
    const other = await startTestServer((_req, res) => {
      res.setHeader("content-type", "text/event-stream");
      res.setHeader("x-dup", ["a", "b"]);
      res.setHeader("Mistral-Correlation-Id", "req-7");
      res.end(`${chunk("hi", "stop")}data: [DONE]\n\n`);
    });
    try {
      const node = createNodeTransport();
      let sent: Readonly<Record<string, string>> | undefined;
      const client = new Mistral({
        apiKey: "k",
        serverURL: other.url,
        headers: { "X-Team": "blue" },
        transport: (request) => {
          sent = request.headers;
          return node(request);
        },
      });
      const stream = await client.chat.stream(request);
      for await (const _ of stream);
      assert.equal(stream.requestId, "req-7");
      assert.ok(stream.response.headers instanceof Headers);
      assert.equal(
        stream.response.headers.get("x-dup"),
        "a, b",
        "every value, as Headers.get joins them",
      );
      assert.equal(stream.rawResponse?.headers.get("x-dup"), "a, b");
      assert.equal(Object.getPrototypeOf(sent), Object.prototype, "a plain object");
      assert.equal(sent?.["x-team"], "blue");
      assert.equal(sent?.authorization, "Bearer k");
      assert.equal(sent?.accept, "text/event-stream");
    } finally {
      await other.close();
    }
  });

  test("refuses bad options with a typed error naming them", () => {
    assert.throws(() => createNodeTransport({ maxSockets: 0 }), InvalidRequestError);
    assert.throws(
      () => createNodeTransport({ idleSocketTimeoutMs: Number.NaN }),
      /idleSocketTimeoutMs must be a positive number/,
    );
    assert.throws(
      () => new Mistral({ transport: "carrier-pigeon" as never }),
      (e: unknown) => e instanceof InvalidRequestError && /transport must be/.test(e.message),
    );
    assert.throws(
      () => new WebMistral({ transport: "node" }),
      (e: unknown) => e instanceof InvalidRequestError && /needs Node/.test(e.message),
    );
    assert.throws(
      () => new Mistral({ transport: "node", fetch: globalThis.fetch }),
      (e: unknown) => e instanceof InvalidRequestError && /either fetch/.test(e.message),
    );
  });
});
