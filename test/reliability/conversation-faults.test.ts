// The fault matrix on conversation streams. Bodies: the docs' recorded stream
// and the emulator's own answers (text, a function call, connectors, a
// handoff), captured byte for byte; each is cut at many offsets by a clean
// end, a close-delimited end and a reset, and the client must report an
// IncompleteStreamError with exactly what arrived before the done event, and
// success after it. Then the emulator's faults, which work on conversation
// streams as on chat: status, stall, drop, malformed, error event, no done.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { fixturePath } from "../helpers/paths.js";
import {
  IncompleteStreamError,
  MalformedChunkError,
  type Mistral,
  RequestTimeoutError,
  ServerError,
  StreamServerError,
} from "../helpers/sdk.js";
import {
  type CutMode,
  cutHandler,
  describeMismatches,
  type Fixture,
  planFor,
  playCuts,
} from "./fault-cuts.js";
import {
  clientFor,
  conversationKind,
  drain,
  settle,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the weather of a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

/** Requests whose streamed answers the emulator's bodies are captured from. */
const captures: Array<{ name: string; body: Record<string, unknown> }> = [
  { name: "text", body: { model: "mistral-small-latest", inputs: "Tell me about rivers." } },
  {
    name: "function-call",
    body: { model: "mistral-small-latest", inputs: "Weather in Paris?", tools: [weatherTool] },
  },
  {
    name: "web-search",
    body: {
      model: "mistral-medium-latest",
      inputs: "Search the latest news",
      tools: [{ type: "web_search" }],
    },
  },
  {
    name: "code",
    body: {
      model: "mistral-medium-latest",
      inputs: "Compute 5 fibonacci numbers",
      tools: [{ type: "code_interpreter" }],
    },
  },
];

/** The raw body of a streamed conversation answer, as the emulator sent it. */
async function capture(emulator: RunningEmulator, body: Record<string, unknown>): Promise<Buffer> {
  const response = await fetch(`${emulator.url}/v1/conversations`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  assert.equal(response.status, 200);
  return Buffer.from(await response.arrayBuffer());
}

/** The handoff answer needs two agents, so it is captured on its own. */
async function captureHandoff(emulator: RunningEmulator): Promise<Buffer> {
  const create = async (body: Record<string, unknown>) => {
    const response = await fetch(`${emulator.url}/v1/agents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { id: string }).id;
  };
  const expert = await create({ model: "mistral-large-latest", name: "Expert" });
  const router = await create({
    model: "mistral-small-latest",
    name: "Router",
    handoffs: [expert],
  });
  return capture(emulator, { agent_id: router, inputs: "Hand off to the expert: what is 2+2?" });
}

describe("conversation streams cut at every offset", () => {
  const fixtures: Fixture[] = [];
  let server: TrackedServer;
  let client: Mistral;
  before(async () => {
    const docs = "docs.2025-05.conversation-stream-web-search-elided.sse";
    fixtures.push({
      name: docs,
      bytes: readFileSync(fixturePath("mistral", "conversations", docs)),
    });
    const emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    try {
      for (const { name, body } of captures)
        fixtures.push({ name: `emulator ${name}`, bytes: await capture(emulator, body) });
      fixtures.push({ name: "emulator handoff", bytes: await captureHandoff(emulator) });
    } finally {
      await emulator.close();
    }
    server = await startTrackedServer(cutHandler(fixtures));
    client = clientFor(server, { idleTimeoutMs: 5000, timeoutMs: 10_000 });
  });
  after(() => server?.close());

  test("the captured bodies cover every event of a turn", () => {
    const all = fixtures.map((f) => f.bytes.toString()).join("");
    for (const type of [
      "conversation.response.started",
      "message.output.delta",
      "function.call.delta",
      "tool.execution.started",
      "tool.execution.done",
      "agent.handoff.started",
      "agent.handoff.done",
      "conversation.response.done",
    ])
      assert.ok(all.includes(`event: ${type}\n`), type);
    assert.ok(!all.includes("[DONE]"), "no [DONE] on a conversation stream");
  });

  for (const mode of ["end", "close", "reset"] as CutMode[]) {
    test(
      `cut by ${mode}: IncompleteStreamError with what arrived, success after the done event`,
      { timeout: 120_000 },
      async () => {
        assert.ok(fixtures.length >= 6);
        for (const [index, fixture] of fixtures.entries()) {
          const cuts = planFor(fixture, index + 1, mode, conversationKind);
          const mismatches = await playCuts(client, fixtures, index, mode, cuts, conversationKind);
          assert.deepEqual(mismatches, [], describeMismatches(fixture.name, mode, mismatches));
        }
        await server.waitForIdle(500);
      },
    );
  }
});

describe("the emulator's faults on conversation streams", () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
  });
  after(() => emulator.close());

  const open = (fault: string, options: Record<string, unknown> = {}) =>
    conversationKind.open(clientFor(emulator, options), { headers: { "x-emulator-fault": fault } });

  test("a 503 before the headers is retried; without retries it is a typed ServerError", async () => {
    const retried = await drain(
      await open("status=503;count=2;id=conv-503;retry-after=none", {
        retryConfig: {
          strategy: "backoff",
          backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 2000 },
        },
      }),
    );
    assert.equal(retried.error, undefined);
    assert.ok(retried.text.length > 0);
    const { error } = await settle(open("status=503;id=conv-503-final"));
    assert.ok(error instanceof ServerError && error.statusCode === 503, String(error));
  });

  test("an error event: the events before it, then StreamServerError with its code", async () => {
    const { events, error } = await drain(
      await open("error-event;after-events=3;message=overloaded"),
    );
    assert.equal(events, 3);
    assert.ok(error instanceof StreamServerError, String(error));
    assert.equal(error.code, 3000);
    assert.match(error.message, /overloaded/);
  });

  test("no done event: IncompleteStreamError with what arrived", async () => {
    const { events, text, error } = await drain(await open("no-done"));
    assert.ok(error instanceof IncompleteStreamError, String(error));
    assert.match(error.message, /conversation\.response\.done/);
    assert.equal(error.partial.events, events);
    assert.equal(error.partial.text, text);
    assert.ok(text.length > 0);
  });

  test("a drop mid-stream, a malformed event and a stall are each typed", async () => {
    const dropped = await drain(await open("drop-after-events=2"));
    assert.ok(dropped.error instanceof IncompleteStreamError, String(dropped.error));
    assert.equal(dropped.events, 2);
    const malformed = await drain(await open("malformed-after-events=2"));
    assert.ok(malformed.error instanceof MalformedChunkError, String(malformed.error));
    assert.equal(malformed.events, 2);
    const stalled = await drain(await open("stall-ms=5000;after-events=2", { idleTimeoutMs: 50 }));
    assert.ok(stalled.error instanceof RequestTimeoutError, String(stalled.error));
    assert.equal(stalled.events, 2);
  });

  test("an early finish still ends cleanly at the done event", async () => {
    const stream = await open("finish=length;after-events=2");
    const { error, events } = await drain(stream);
    assert.equal(error, undefined);
    assert.equal(events, 3);
    const final = await stream.finalResponse();
    assert.ok("conversationId" in final && final.conversationId.startsWith("conv_"));
  });
});
