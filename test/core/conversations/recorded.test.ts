// The recorded Conversations bodies (Mistral's docs, see test/fixtures/PROVENANCE.md)
// served byte for byte from a loopback server: the non-stream responses decode
// to the official client's camelCase shapes, and the recorded stream, in any
// chunking, gives its events, its text and the final response, also through a
// relay and a tee. Bodies the recordings lack (function calls, handoffs, an
// error event, a future event type) are written here from the spec.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import {
  type ConversationEvents,
  EventStream,
  IncompleteStreamError,
  Mistral,
  StreamServerError,
} from "../../helpers/sdk.js";
import {
  seededRandom,
  splitRandomly,
  sseHeaders,
  startTestServer,
  type TestServer,
  writePieces,
} from "../../helpers/test-server.js";

const recorded = (name: string) => readFileSync(fixturePath("mistral", "conversations", name));
const streamBody = recorded("docs.2025-05.conversation-stream-web-search-elided.sse");

/** A named SSE event, as the API frames them. */
const frame = (data: Record<string, unknown>) =>
  `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;

/** A stream with a function call, a handoff and a future event type, from the spec's shapes. */
const spec = [
  frame({
    type: "conversation.response.started",
    conversation_id: "conv_1",
    created_at: "2026-01-01T00:00:00Z",
  }),
  frame({
    type: "agent.handoff.started",
    output_index: 0,
    id: "handoff_1",
    previous_agent_id: "ag_a",
    previous_agent_name: "Router",
  }),
  frame({
    type: "agent.handoff.done",
    output_index: 0,
    id: "handoff_1",
    next_agent_id: "ag_b",
    next_agent_name: "Expert",
  }),
  frame({
    type: "reasoning.summary.delta",
    output_index: 1,
    text: "a type this client does not know",
  }),
  frame({
    type: "function.call.delta",
    output_index: 1,
    id: "fc_1",
    name: "get_weather",
    tool_call_id: "call_1",
    arguments: '{"ci',
  }),
  frame({
    type: "function.call.delta",
    output_index: 1,
    id: "fc_1",
    name: "get_weather",
    tool_call_id: "call_1",
    arguments: 'ty": "Paris"}',
  }),
  frame({
    type: "conversation.response.done",
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  }),
].join("");

const bodies: Record<string, { status?: number; type?: string; body: Buffer | string }> = {
  "/web-search": {
    body: recorded("docs.2025-05.conversation-web-search.response.json"),
    type: "json",
  },
  "/code": {
    body: recorded("docs.2025-05.conversation-code-interpreter.response.json"),
    type: "json",
  },
  "/append": { body: recorded("docs.2025-06.conversation-append.response.json"), type: "json" },
  "/agent": { body: recorded("docs.2025-06.agent-update.response.json"), type: "json" },
  "/stream": { body: streamBody },
  "/spec": { body: spec },
  "/error": {
    body:
      streamBody.subarray(0, streamBody.indexOf("event: message.output.delta")).toString() +
      frame({ type: "conversation.response.error", message: "Upstream model failed", code: 3000 }) +
      frame({ type: "conversation.response.done", usage: {} }),
  },
  "/no-done": {
    body: streamBody.subarray(0, streamBody.indexOf("event: conversation.response.done")),
  },
};

describe("recorded Conversations bodies, served byte for byte", () => {
  let server: TestServer;
  let pieces: number | undefined;
  before(async () => {
    server = await startTestServer(async (req, res) => {
      const entry = bodies[String(req.headers["x-body"])];
      if (!entry) {
        res.writeHead(404).end();
        return;
      }
      const bytes = Buffer.from(entry.body);
      res.writeHead(
        entry.status ?? 200,
        entry.type === "json" ? { "content-type": "application/json" } : sseHeaders,
      );
      if (pieces === undefined) res.end(bytes);
      else {
        await writePieces(res, splitRandomly(bytes, 9, seededRandom(pieces)));
        res.end();
      }
    });
  });
  after(() => server.close());

  /** The client's resources; `at(name)` makes a call get the body `name`. */
  const client = () =>
    new Mistral({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" } });
  const conversations = () => client().beta.conversations;
  const at = (name: string) => ({ headers: { "x-body": name } });

  test("a web search answer: the tool execution, then text and tool_reference chunks", async () => {
    const response = await conversations().start(
      { agentId: "ag_1", inputs: "Who won?" },
      at("/web-search"),
    );
    assert.equal(response.conversationId.startsWith("conv_"), true);
    const [run, message] = response.outputs;
    assert.ok(run?.type === "tool.execution" && run.name === "web_search");
    assert.ok(message?.type === "message.output" && Array.isArray(message.content));
    const refs = message.content.filter((c) => c.type === "tool_reference");
    assert.ok(refs.length > 0);
    const ref = refs[0];
    assert.ok(ref?.type === "tool_reference");
    assert.equal(ref.tool, "web_search");
    assert.equal(ref.source, "brave", "sent by the API though the spec omits it");
    assert.ok(message.createdAt instanceof Date);
    assert.equal(message.createdAt.toISOString().slice(0, 10), "2025-05-27");
    assert.equal(response.usage.connectorTokens, 7112);
    assert.deepEqual(response.usage.connectors, { web_search: 1 });
  });

  test("a code interpreter answer keeps the order of its three outputs and the run's info", async () => {
    const response = await conversations().start(
      { agentId: "ag_1", inputs: "Fibonacci" },
      at("/code"),
    );
    assert.deepEqual(
      response.outputs.map((o) => o.type),
      ["message.output", "tool.execution", "message.output"],
    );
    const run = response.outputs[1];
    assert.ok(run?.type === "tool.execution");
    assert.match(String(run.info?.code), /def fibonacci/);
    assert.equal(response.usage.totalTokens, 399);
  });

  test("an append answer (non-ASCII text, null connector usage) and an updated agent", async () => {
    const response = await conversations().append(
      {
        conversationId: "conv_0684fe18cbc57ba6800065acdd2b6c85",
        conversationAppendRequest: { inputs: "Who?" },
      },
      at("/append"),
    );
    const message = response.outputs[0];
    assert.ok(message?.type === "message.output" && typeof message.content === "string");
    assert.match(message.content, /E=mc²/);
    assert.equal(response.usage.connectorTokens, null);
    const agents = client().beta.agents;
    const agent = await agents.update(
      {
        agentId: "ag_0684fe0e0b98773e8000323fc71a3986",
        updateAgentRequest: { description: "An edited simple agent." },
      },
      at("/agent"),
    );
    assert.equal(agent.version, 1);
    assert.equal(agent.completionArgs?.temperature, 0.3);
    assert.equal(agent.completionArgs?.topP, 0.95);
    assert.equal(agent.completionArgs?.toolChoice, "auto");
    assert.equal(agent.handoffs, null);
    assert.ok(agent.updatedAt instanceof Date && agent.updatedAt > agent.createdAt);
  });

  for (const chunking of [undefined, 1, 2, 3]) {
    test(`the recorded stream${chunking ? `, in random pieces (seed ${chunking})` : ""}: events, text, final response`, async () => {
      pieces = chunking;
      try {
        const stream = await conversations().startStream(
          { agentId: "ag_1", inputs: "Who won?" },
          at("/stream"),
        );
        const events: ConversationEvents[] = [];
        for await (const event of stream) events.push(event);
        assert.deepEqual(
          events.map((e) => e.event),
          [
            "conversation.response.started",
            "tool.execution.started",
            "tool.execution.done",
            ...Array(6).fill("message.output.delta"),
            "conversation.response.done",
          ],
          "the `...` line of the docs is no event; the last event arrives without its blank line",
        );
        const final = await stream.finalResponse();
        assert.equal(final.conversationId, "conv_067f2a98c1a773678000ce73a36b785a");
        assert.deepEqual(
          final.outputs.map((o) => o.type),
          ["tool.execution", "message.output"],
        );
        const message = final.outputs[1];
        assert.ok(message?.type === "message.output");
        assert.equal(message.agentId, "ag_067f2a39ddd67bf68000fa921bc0c25d");
        assert.deepEqual(
          message.content,
          [
            { type: "text", text: "The last European Football" },
            { type: "text", text: " tournament." },
          ],
          "joined per content index (0, then 2)",
        );
        assert.deepEqual(final.usage, {
          promptTokens: 18709,
          completionTokens: 183,
          totalTokens: 18892,
        });
        assert.equal(stream.stats.events, 10);
        assert.equal(stream.stats.bytes, streamBody.length);
        assert.equal(stream.stats.usage?.totalTokens, 18892);
        assert.equal(stream.stats.ended, true);
      } finally {
        pieces = undefined;
      }
    });
  }

  test("textStream() gives the answer text only", async () => {
    const stream = await conversations().startStream(
      { agentId: "ag_1", inputs: "Who won?" },
      at("/stream"),
    );
    let text = "";
    for await (const piece of stream.textStream()) text += piece;
    assert.equal(text, "The last European Football tournament.");
  });

  test("function-call deltas join into arguments, a handoff is kept in order, an unknown type passes", async () => {
    const stream = await conversations().startStream(
      { agentId: "ag_a", inputs: "weather" },
      at("/spec"),
    );
    const events: ConversationEvents[] = [];
    for await (const event of stream) events.push(event);
    assert.equal(events.length, 7);
    const future = events[3];
    assert.equal(future?.event, "reasoning.summary.delta");
    assert.ok(future?.data.type === "UNKNOWN", "passed through as the official client does");
    assert.deepEqual(future.data.raw, {
      type: "reasoning.summary.delta",
      output_index: 1,
      text: "a type this client does not know",
    });
    const final = await stream.finalResponse();
    assert.deepEqual(
      final.outputs.map((o) => o.type),
      ["agent.handoff", "function.call"],
    );
    const [handoff, call] = final.outputs;
    assert.ok(handoff?.type === "agent.handoff");
    assert.equal(handoff.previousAgentName, "Router");
    assert.equal(handoff.nextAgentName, "Expert");
    assert.ok(call?.type === "function.call");
    assert.equal(call.arguments, '{"city": "Paris"}');
    assert.equal(call.toolCallId, "call_1");
  });

  test("conversation.response.error is a StreamServerError with its code, after the events before it", async () => {
    const stream = await conversations().startStream(
      { agentId: "ag_1", inputs: "x" },
      at("/error"),
    );
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const event of stream) seen.push(event.event);
      } catch (e) {
        return e;
      }
    })();
    assert.deepEqual(seen, [
      "conversation.response.started",
      "tool.execution.started",
      "tool.execution.done",
    ]);
    assert.ok(error instanceof StreamServerError, String(error));
    assert.equal(error.code, 3000);
    assert.match(error.message, /Upstream model failed/);
    assert.equal(error.retryable, false);
    assert.equal(error.partial.events, 3);
  });

  test("a body that ends without conversation.response.done is an IncompleteStreamError", async () => {
    const stream = await conversations().startStream(
      { agentId: "ag_1", inputs: "x" },
      at("/no-done"),
    );
    let events = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of stream) events++;
      })(),
      (error: unknown) =>
        error instanceof IncompleteStreamError &&
        /conversation\.response\.done/.test(error.message) &&
        error.partial.text === "The last European Football tournament." &&
        error.partial.events === 9,
    );
    assert.equal(events, 9);
    await assert.rejects(stream.finalResponse(), IncompleteStreamError);
  });

  test("the relay carries the named events: toReadableStream, then fromReadableStream", async () => {
    const source = await conversations().startStream(
      { agentId: "ag_1", inputs: "Who won?" },
      at("/stream"),
    );
    const relayed = EventStream.fromReadableStream(source.toReadableStream(), {
      events: "conversation",
    });
    const events: ConversationEvents[] = [];
    for await (const event of relayed) events.push(event);
    assert.equal(events.length, 10);
    assert.equal(events.at(-1)?.event, "conversation.response.done");
    const final = await relayed.finalResponse();
    assert.equal(final.conversationId, "conv_067f2a98c1a773678000ce73a36b785a");
    assert.equal(final.usage.totalTokens, 18892);
    // A relayed body cut before the done event is incomplete on the far side too.
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          streamBody.subarray(0, streamBody.indexOf("event: conversation.response.done")),
        );
        controller.close();
      },
    });
    const far = EventStream.fromReadableStream(cut, { events: "conversation" });
    await assert.rejects(far.finalResponse(), IncompleteStreamError);
  });

  test("a relayed error arrives as the same typed error", async () => {
    const source = await conversations().startStream(
      { agentId: "ag_1", inputs: "x" },
      at("/error"),
    );
    const relayed = EventStream.fromReadableStream(source.toReadableStream(), {
      events: "conversation",
    });
    let events = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of relayed) events++;
      })(),
      (error: unknown) => error instanceof StreamServerError && error.code === 3000,
    );
    assert.equal(events, 3);
  });

  test("a relayed conversation stream tees before its first read, and closes unread", async () => {
    const body = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(streamBody);
          controller.close();
        },
      });
    const [a, b] = EventStream.fromReadableStream(body(), { events: "conversation" }).tee();
    const [fa, fb] = await Promise.all([a.finalResponse(), b.finalResponse()]);
    assert.deepEqual(fa, fb);
    assert.equal(fa.conversationId, "conv_067f2a98c1a773678000ce73a36b785a");
    assert.equal(fa.usage.totalTokens, 18892);
    const unread = EventStream.fromReadableStream(body(), { events: "conversation" });
    assert.equal(unread.named, true, "a named-event stream before its decoder has loaded");
    await unread.close();
    assert.equal(unread.stats.events, 0);
  });

  test("tee() gives two readers of the same events, each with its final response", async () => {
    const source = await conversations().startStream(
      { agentId: "ag_1", inputs: "Who won?" },
      at("/stream"),
    );
    const [a, b] = source.tee();
    const [fa, fb] = await Promise.all([a.finalResponse(), b.finalResponse()]);
    assert.deepEqual(fa, fb);
    assert.equal(fa.outputs.length, 2);
    assert.equal(a.named, true);
  });
});
