// Resume after a drop (`resume: { maxAttempts }`): against the emulator, a
// stream cut after K events and resumed gives exactly the uncut answer, for
// several K and under each fault that drops a stream; against a byte-exact
// server, a continuation that repeats the prefix and one that does not; and
// the cases where it must not resume, and what it says when it gives up.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type RecordingProxy, startRecordingProxy } from "../../helpers/recording-proxy.js";
import {
  EventStream,
  IncompleteStreamError,
  InvalidRequestError,
  Mistral,
  RequestAbortedError,
  RequestTimeoutError,
} from "../../helpers/sdk.js";
import { sseHeaders, startTestServer, type TestServer } from "../../helpers/test-server.js";

const request = {
  model: "mistral-small-latest",
  messages: [
    { role: "user" as const, content: "Tell me about the history of bridges in three paragraphs." },
  ],
};

let faultId = 0;
const fault = (spec: string) => ({ headers: { "x-emulator-fault": `${spec};id=r${++faultId}` } });

async function textOf(stream: EventStream<import("../../helpers/sdk.js").CompletionEvent>) {
  let text = "";
  for await (const event of stream) {
    const content = event.data.choices[0]?.delta.content;
    if (typeof content === "string") text += content;
  }
  return text;
}

describe("resume after a drop (emulator)", () => {
  let emulator: RunningEmulator;
  let proxy: RecordingProxy;
  let client: Mistral;
  let uncut = "";
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    proxy = await startRecordingProxy(emulator.url);
    client = new Mistral({ serverURL: proxy.url, retryConfig: { strategy: "none" } });
    uncut = await textOf(await client.chat.stream(request));
    assert.ok(uncut.length > 200);
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  test("a stream cut after K events, resumed, gives exactly the uncut answer (several K)", async () => {
    for (const k of [1, 2, 3, 4, 7, 12, 25, 60]) {
      const before = proxy.bodies.length;
      await using stream = await client.chat.stream(request, {
        ...fault(`drop-after-events=${k};count=1`),
        resume: { maxAttempts: 2 },
      });
      assert.equal(await textOf(stream), uncut, `cut after ${k} events`);
      assert.equal(stream.stats.resumes, 1, `K=${k}`);
      assert.equal(proxy.bodies.length - before, 2);
      const final = await stream.finalResponse();
      assert.equal(final.choices[0]?.message?.content, uncut);
      assert.equal(final.choices[0]?.finishReason, "stop");
    }
  });

  test("every fault that drops a stream is resumed: a reset, a cut mid-event, a clean end without [DONE], an idle stall", async () => {
    const cases: [string, object][] = [
      ["drop-after-events=9;count=1", {}],
      ["drop-after-bytes=700;count=1", {}],
      ["no-done;after-events=10;count=1", {}],
      ["stall-ms=5000;after-events=6;count=1", { idleTimeoutMs: 150 }],
    ];
    for (const [spec, extra] of cases) {
      await using stream = await client.chat.stream(request, {
        ...fault(spec),
        ...extra,
        resume: { maxAttempts: 1 },
      });
      assert.equal(await textOf(stream), uncut, spec);
      assert.equal(stream.stats.resumes, 1, spec);
    }
  });

  test("the client option turns it on for every stream; a call can turn it off", async () => {
    const resuming = new Mistral({ serverURL: proxy.url, resume: { maxAttempts: 1 } });
    assert.equal(
      await textOf(await resuming.chat.stream(request, fault("drop-after-events=5;count=1"))),
      uncut,
    );
    const off = resuming.chat.stream(request, {
      ...fault("drop-after-events=5;count=1"),
      resume: { maxAttempts: 0 },
    });
    await assert.rejects(textOf(await off), IncompleteStreamError);
  });

  test("when resuming is exhausted, the error says how many resumes were tried and keeps the text so far", async () => {
    const stream = await client.chat.stream(request, {
      ...fault("drop-after-events=6"),
      resume: { maxAttempts: 2 },
    });
    let text = "";
    const error = await (async () => {
      for await (const e of stream) text += (e.data.choices[0]?.delta.content as string) ?? "";
    })().then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof IncompleteStreamError, String(error));
    assert.match(error.message, /after 2 resumes/);
    assert.ok(error.cause instanceof IncompleteStreamError);
    assert.equal(error.partial.text, text);
    assert.ok(uncut.startsWith(text) && text.length > 0);
    assert.equal(stream.stats.resumes, 2);
  });

  test("an idle timeout that is not resumed stays a RequestTimeoutError; with resume off nothing is re-sent", async () => {
    const before = proxy.bodies.length;
    const stream = await client.chat.stream(request, {
      ...fault("stall-ms=3000;after-events=4;count=1"),
      idleTimeoutMs: 100,
    });
    await assert.rejects(textOf(stream), RequestTimeoutError);
    assert.equal(proxy.bodies.length - before, 1);
  });

  test("never resumed: n > 1, a request already ending with a prefix, an answer with tool calls", async () => {
    const n2 = { ...request, n: 2 };
    const ending = {
      ...request,
      messages: [
        ...request.messages,
        { role: "assistant" as const, content: "Bridges", prefix: true },
      ],
    };
    const tools = {
      ...request,
      messages: [{ role: "user" as const, content: "What is the weather in Paris?" }],
      tools: [
        {
          type: "function" as const,
          function: {
            name: "get_weather",
            description: "Weather of a city",
            parameters: { type: "object", properties: { city: { type: "string" } } },
          },
        },
      ],
    };
    for (const [name, r, k] of [
      ["n=2", n2, 6],
      ["prefix", ending, 6],
      ["tool calls", tools, 2],
    ] as const) {
      const before = proxy.bodies.length;
      const stream = await client.chat.stream(r, {
        ...fault(`drop-after-events=${k};count=1`),
        resume: { maxAttempts: 3 },
      });
      await assert.rejects(textOf(stream), IncompleteStreamError, name);
      assert.equal(proxy.bodies.length - before, 1, name);
      assert.equal(stream.stats.resumes, 0, name);
    }
  });

  test("parseStream resumes too: the partials go on and the final value is the uncut one", async () => {
    const structured = {
      ...request,
      responseFormat: {
        type: "object",
        properties: {
          title: { type: "string" },
          paragraphs: { type: "array", items: { type: "string" } },
        },
        required: ["title", "paragraphs"],
      } as const,
    };
    const whole = await client.chat.parse(structured);
    const stream = await client.chat.parseStream(structured, {
      ...fault("drop-after-events=10;count=1"),
      resume: { maxAttempts: 1 },
    });
    let partials = 0;
    for await (const _ of stream.partialObjectStream()) partials++;
    assert.ok(partials > 5);
    assert.equal(stream.stats.resumes, 1);
    assert.deepEqual(stream.partial, whole.choices[0]?.message?.parsed);
    assert.deepEqual(await stream.finalObject(), whole.choices[0]?.message?.parsed);
  });

  test("a resumed stream relays as one stream", async () => {
    const stream = await client.chat.stream(request, {
      ...fault("drop-after-events=8;count=1"),
      resume: { maxAttempts: 1 },
    });
    const back = EventStream.fromReadableStream(stream.toReadableStream());
    assert.equal((await back.finalResponse()).choices[0]?.message?.content, uncut);
  });

  test("a bad resume option is refused", async () => {
    assert.throws(() => new Mistral({ resume: { maxAttempts: -1 } }), InvalidRequestError);
    // @ts-expect-error: deliberately wrong
    assert.throws(() => new Mistral({ resume: { maxAttempts: "2" } }), InvalidRequestError);
    await assert.rejects(
      client.chat.stream(request, { resume: { maxAttempts: 1.5 } }),
      InvalidRequestError,
    );
  });
});

describe("resume after a drop (byte-exact server)", () => {
  let server: TestServer;
  let second: string[] = [];
  /** How long the first attempt streams before its connection breaks, in ms. */
  let firstLastsMs = 20;
  const chunk = (content: string, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
  before(async () => {
    server = await startTestServer((_req, res: ServerResponse, body) => {
      const messages = JSON.parse(body).messages as {
        role: string;
        content: string;
        prefix?: boolean;
      }[];
      res.writeHead(200, sseHeaders);
      const last = messages.at(-1);
      if (!last?.prefix) {
        res.write(chunk("") + chunk("Hello") + chunk(" wor"));
        setTimeout(() => res.socket?.destroy(), firstLastsMs);
        return;
      }
      assert.equal(last.content, "Hello wor");
      assert.equal(last.role, "assistant");
      if (second.length === 0) return; // hang: the resume never gets its headers
      res.end(
        second.map((c, i) => chunk(c, i === second.length - 1 ? "stop" : null)).join("") +
          "data: [DONE]\n\n",
      );
    });
  });
  after(() => server.close());

  test("an abort while a resume is opening stops it and releases every connection", async () => {
    second = [];
    const client = new Mistral({
      serverURL: server.url,
      retryConfig: { strategy: "none" },
      resume: { maxAttempts: 2 },
    });
    const before = server.requests.length;
    const stream = await client.chat.stream({
      model: "m",
      messages: [{ role: "user", content: "hi" }],
    });
    const reading = textOf(stream);
    const deadline = Date.now() + 5000;
    while (server.requests.length < before + 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    assert.equal(server.requests.length, before + 2, "the resume was sent");
    stream.abort();
    await assert.rejects(reading, RequestAbortedError);
    await server.waitForNoSockets(5000);
    assert.equal(server.openSockets(), 0);
  });

  test("timeoutMs (the client's) bounds all attempts together, not each one", async () => {
    second = []; // the resume never gets its headers
    firstLastsMs = 1000;
    try {
      const client = new Mistral({
        serverURL: server.url,
        retryConfig: { strategy: "none" },
        timeoutMs: 1500,
        resume: { maxAttempts: 1 },
      });
      const started = Date.now();
      const stream = await client.chat.stream({
        model: "m",
        messages: [{ role: "user", content: "hi" }],
      });
      const error = await textOf(stream).then(
        () => assert.fail("expected a rejection"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof IncompleteStreamError, String(error));
      assert.ok(
        error.cause instanceof RequestTimeoutError && error.cause.phase === "total",
        String(error.cause),
      );
      // Each attempt with its own 1500 ms would end after ~2500 ms; the one deadline ends at ~1500.
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 2300, `ended after ${elapsed} ms`);
    } finally {
      firstLastsMs = 20;
    }
  });

  for (const [name, continuation] of [
    ["repeats the prefix (as the API does)", ["", "Hel", "lo", " wor", "ld", "!"]],
    ["repeats the prefix in one piece", ["Hello world!"]],
    ["does not repeat the prefix", ["", "ld", "!"]],
    ["does not repeat it, starting like it", ["l", "d!"]],
  ] as const) {
    test(`a continuation that ${name} gives one uninterrupted answer`, async () => {
      second = [...continuation];
      const client = new Mistral({
        serverURL: server.url,
        retryConfig: { strategy: "none" },
        resume: { maxAttempts: 1 },
      });
      const stream = await client.chat.stream({
        model: "m",
        messages: [{ role: "user", content: "hi" }],
      });
      assert.equal(await textOf(stream), "Hello world!");
      assert.equal((await stream.finalResponse()).choices[0]?.message?.content, "Hello world!");
    });
  }
});
