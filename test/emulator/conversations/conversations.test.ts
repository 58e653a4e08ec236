// The Conversations API on the emulator, through the client: what a turn
// answers (text, function calls, connectors, handoffs, confirmations), that
// the stored conversation gives back what was said, and that a stream adds up
// to what the non-stream call returns.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import {
  BadRequestError,
  type ConversationEvents,
  type ConversationResponse,
  type EventStream,
  type FunctionCallEntry,
  HTTPValidationError,
  Mistral,
  NotFoundError,
} from "../../helpers/sdk.js";

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Get the current weather of a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, unit: { type: "string", enum: ["c", "f"] } },
      required: ["city", "unit"],
      additionalProperties: false,
    },
  },
};

/** Reads a conversation stream to its end; returns its events and final response. */
async function read(
  stream: EventStream<ConversationEvents>,
): Promise<{ events: ConversationEvents[]; final: ConversationResponse }> {
  const events: ConversationEvents[] = [];
  for await (const event of stream) events.push(event);
  return { events, final: await stream.finalResponse() };
}

/** An entry's id (unknown entries have none). */
const idOf = (entry: object | undefined): string | undefined =>
  entry && "id" in entry && typeof entry.id === "string" ? entry.id : undefined;

/** The outputs without what differs between two runs (ids and times). */
function comparable(response: ConversationResponse): unknown[] {
  return response.outputs.map((entry) => {
    const {
      id: _id,
      createdAt: _c,
      completedAt: _d,
      ...rest
    } = entry as unknown as Record<string, unknown>;
    if ("toolCallId" in rest) rest.toolCallId = "?";
    return rest;
  });
}

describe("the emulator's Conversations API, through the client", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = new Mistral({ apiKey: "test-key", serverURL: emulator.url });
  });
  after(() => emulator.close());

  test("start answers with a message.output entry, ids in the API's format and usage", async () => {
    const response = await client.beta.conversations.start({
      model: "mistral-small-latest",
      inputs: "Tell me about rivers.",
    });
    assert.equal(response.object, "conversation.response");
    assert.match(response.conversationId, /^conv_[0-9a-f]{32}$/);
    assert.equal(response.outputs.length, 1);
    const [entry] = response.outputs;
    assert.ok(entry?.type === "message.output");
    assert.match(entry.id ?? "", /^msg_[0-9a-f]{32}$/);
    assert.equal(entry.role, "assistant");
    assert.equal(entry.model, "mistral-small-latest");
    assert.ok(entry.createdAt instanceof Date && !Number.isNaN(entry.createdAt.getTime()));
    assert.ok(typeof entry.content === "string" && entry.content.length > 0);
    assert.ok(response.usage.promptTokens > 0 && response.usage.completionTokens > 0);
    assert.equal(
      response.usage.totalTokens,
      response.usage.promptTokens + response.usage.completionTokens,
    );
  });

  test("a stream adds up to what the non-stream call returns for the same inputs", async () => {
    for (const inputs of [
      "Tell me about rivers.",
      "What is the weather in Paris in c?",
      "Search the latest news about Mistral",
      "Compute the first 8 fibonacci numbers",
    ]) {
      const request = { model: "mistral-small-latest", inputs, tools: [weatherTool] };
      const tools = /news|fibonacci/.test(inputs)
        ? [{ type: "web_search" as const }, { type: "code_interpreter" as const }]
        : [weatherTool];
      const whole = await client.beta.conversations.start({ ...request, tools });
      const { events, final } = await read(
        await client.beta.conversations.startStream({ ...request, tools }),
      );
      assert.deepEqual(comparable(final), comparable(whole), inputs);
      assert.deepEqual(final.usage, whole.usage, inputs);
      assert.equal(events[0]?.event, "conversation.response.started");
      assert.equal(events.at(-1)?.event, "conversation.response.done");
      for (const event of events) assert.equal(event.event, event.data.type);
      const started = events[0]?.data;
      assert.ok(started?.type === "conversation.response.started");
      assert.equal(started.conversationId, final.conversationId);
    }
  });

  test("append and getHistory / getMessages give back what was said, in order", async () => {
    const first = await client.beta.conversations.start({
      model: "mistral-small-latest",
      inputs: "Hello there.",
    });
    const conversationId = first.conversationId;
    const second = await client.beta.conversations.append({
      conversationId,
      conversationAppendRequest: { inputs: "And a second question." },
    });
    assert.equal(second.conversationId, conversationId);
    const history = await client.beta.conversations.getHistory({ conversationId });
    assert.equal(history.object, "conversation.history");
    assert.deepEqual(
      history.entries.map((e) => e.type),
      ["message.input", "message.output", "message.input", "message.output"],
    );
    const said = history.entries.map((e) => ("content" in e ? e.content : undefined));
    assert.equal(said[0], "Hello there.");
    assert.equal(said[2], "And a second question.");
    assert.equal(idOf(history.entries[1]), idOf(first.outputs[0]));
    assert.equal(idOf(history.entries[3]), idOf(second.outputs[0]));
    const messages = await client.beta.conversations.getMessages({ conversationId });
    assert.equal(messages.object, "conversation.messages");
    assert.deepEqual(
      messages.messages.map((m) => m.type),
      ["message.input", "message.output", "message.input", "message.output"],
    );
    const listed = await client.beta.conversations.list();
    assert.ok(listed.some((c) => c.id === conversationId));
    const got = await client.beta.conversations.get({ conversationId });
    assert.equal(got.id, conversationId);
    assert.ok(got.createdAt instanceof Date);
  });

  test("restart from an entry branches a new conversation with the history up to it", async () => {
    const first = await client.beta.conversations.start({
      model: "mistral-small-latest",
      inputs: "First question.",
    });
    await client.beta.conversations.append({
      conversationId: first.conversationId,
      conversationAppendRequest: { inputs: "Second question." },
    });
    const fromEntryId = idOf(first.outputs[0]);
    assert.ok(fromEntryId);
    const restarted = await read(
      await client.beta.conversations.restartStream({
        conversationId: first.conversationId,
        conversationRestartStreamRequest: { inputs: "Another second question.", fromEntryId },
      }),
    );
    const newId = restarted.final.conversationId;
    assert.notEqual(newId, first.conversationId);
    const history = await client.beta.conversations.getHistory({ conversationId: newId });
    const said = history.entries.map((e) => ("content" in e ? e.content : e.type));
    assert.equal(said.length, 4);
    assert.equal(said[0], "First question.");
    assert.equal(said[2], "Another second question.");
    const old = await client.beta.conversations.getHistory({
      conversationId: first.conversationId,
    });
    assert.equal(old.entries.length, 4, "the original conversation is unchanged");
  });

  test("a function call round trip: function.call, then the function.result appended, then the answer", async () => {
    const agent = await client.beta.agents.create({
      model: "mistral-medium-latest",
      name: "Weather",
      tools: [weatherTool],
    });
    const { events, final } = await read(
      await client.beta.conversations.startStream({
        agentId: agent.id,
        inputs: "What is the weather in Paris? Answer in c.",
      }),
    );
    assert.ok(events.some((e) => e.event === "function.call.delta"));
    const call = final.outputs.find((e): e is FunctionCallEntry => e.type === "function.call");
    assert.ok(call, "the agent calls its function");
    assert.equal(call.name, "get_weather");
    const args = JSON.parse(typeof call.arguments === "string" ? call.arguments : "{}");
    assert.equal(typeof args.city, "string");
    assert.ok(["c", "f"].includes(args.unit), "the arguments fit the tool's schema");
    assert.deepEqual(Object.keys(args).sort(), ["city", "unit"]);
    const answer = await read(
      await client.beta.conversations.appendStream({
        conversationId: final.conversationId,
        conversationAppendStreamRequest: {
          inputs: [
            { type: "function.result", toolCallId: call.toolCallId, result: '{"temp": 21}' },
          ],
        },
      }),
    );
    const message = answer.final.outputs.at(-1);
    assert.ok(message?.type === "message.output");
    assert.ok(answer.events.some((e) => e.event === "message.output.delta"));
    const history = await client.beta.conversations.getHistory({
      conversationId: final.conversationId,
    });
    assert.deepEqual(
      history.entries.map((e) => e.type),
      ["message.input", "function.call", "function.result", "message.output"],
    );
  });

  test("built-in connectors run as tool.execution events, and the answer cites them", async () => {
    const { events, final } = await read(
      await client.beta.conversations.startStream({
        model: "mistral-medium-latest",
        inputs: "Who won the last European football championship? Search the news.",
        tools: [{ type: "web_search" }],
      }),
    );
    const kinds = events.map((e) => e.event);
    assert.ok(kinds.indexOf("tool.execution.started") < kinds.indexOf("tool.execution.done"));
    assert.ok(kinds.indexOf("tool.execution.done") < kinds.indexOf("message.output.delta"));
    const [execution, message] = final.outputs;
    assert.ok(execution?.type === "tool.execution");
    assert.equal(execution.name, "web_search");
    assert.ok(message?.type === "message.output");
    assert.ok(Array.isArray(message.content), "the answer has chunks: text and references");
    const references = message.content.filter((c) => c.type === "tool_reference");
    assert.ok(references.length > 0);
    for (const ref of references) {
      assert.ok(ref.type === "tool_reference");
      assert.equal(ref.tool, "web_search");
      assert.match(ref.url ?? "", /^https:\/\//);
    }
    assert.equal(final.usage.connectors?.web_search, 1);
    assert.ok((final.usage.connectorTokens ?? 0) > 0);
    const code = await client.beta.conversations.start({
      model: "mistral-medium-latest",
      inputs: "Compute the first 6 fibonacci numbers",
      tools: [{ type: "code_interpreter" }],
    });
    const run = code.outputs[0];
    assert.ok(run?.type === "tool.execution" && run.name === "code_interpreter");
    assert.match(String(run.info?.code_output ?? ""), /\[0, 1, 1, 2, 3, 5\]/);
  });

  test("a handoff to a declared agent: agent.handoff events, then the other agent answers", async () => {
    const expert = await client.beta.agents.create({
      model: "mistral-large-latest",
      name: "Finance expert",
      description: "Answers finance questions",
    });
    const router = await client.beta.agents.create({
      model: "mistral-small-latest",
      name: "Router",
      handoffs: [expert.id],
    });
    const { events, final } = await read(
      await client.beta.conversations.startStream({
        agentId: router.id,
        inputs: "Please hand off to the finance expert: what is compound interest?",
      }),
    );
    const kinds = events.map((e) => e.event);
    assert.ok(kinds.includes("agent.handoff.started") && kinds.includes("agent.handoff.done"));
    const [handoff, answer] = final.outputs;
    assert.ok(handoff?.type === "agent.handoff");
    assert.equal(handoff.previousAgentId, router.id);
    assert.equal(handoff.nextAgentId, expert.id);
    assert.ok(answer?.type === "message.output");
    assert.equal(answer.agentId, expert.id);
    assert.equal(answer.model, "mistral-large-latest");
    const client_ = await client.beta.conversations.start({
      agentId: router.id,
      inputs: "Transfer me to the finance expert.",
      handoffExecution: "client",
    });
    assert.deepEqual(
      client_.outputs.map((e) => e.type),
      ["agent.handoff"],
      "with handoffExecution client, the turn stops at the handoff",
    );
  });

  test("tool confirmations: a call waits for one, allow runs it, deny does not", async () => {
    const tools = [
      { type: "web_search" as const, toolConfiguration: { requiresConfirmation: ["web_search"] } },
    ];
    for (const confirmation of ["allow", "deny"] as const) {
      const start = await client.beta.conversations.start({
        model: "mistral-medium-latest",
        inputs: "Search the latest news about rivers",
        tools,
      });
      const pending = start.outputs[0];
      assert.ok(pending?.type === "function.call", "the call waits");
      assert.equal(pending.confirmationStatus, "pending");
      const next = await client.beta.conversations.append({
        conversationId: start.conversationId,
        conversationAppendRequest: {
          toolConfirmations: [{ toolCallId: pending.toolCallId, confirmation }],
        },
      });
      const types = next.outputs.map((e) => e.type);
      if (confirmation === "allow") assert.deepEqual(types, ["tool.execution", "message.output"]);
      else assert.deepEqual(types, ["message.output"]);
      const history = await client.beta.conversations.getHistory({
        conversationId: start.conversationId,
      });
      const call = history.entries.find((e) => e.type === "function.call");
      assert.ok(call?.type === "function.call");
      assert.equal(call.confirmationStatus, confirmation === "allow" ? "allowed" : "denied");
    }
  });

  test("unknown conversations and agents are typed 404s; bad requests are typed 400s and 422s", async () => {
    await assert.rejects(
      client.beta.conversations.getHistory({ conversationId: "conv_0000" }),
      (error: unknown) => error instanceof NotFoundError && error.statusCode === 404,
    );
    await assert.rejects(
      client.beta.conversations.append({
        conversationId: "conv_0000",
        conversationAppendRequest: { inputs: "hi" },
      }),
      NotFoundError,
    );
    await assert.rejects(client.beta.agents.get({ agentId: "ag_0000" }), NotFoundError);
    await assert.rejects(
      client.beta.conversations.start({ inputs: "hi" }),
      (error: unknown) =>
        error instanceof BadRequestError && /model or agent_id/.test(error.message),
      "neither model nor agentId",
    );
    await assert.rejects(
      client.beta.conversations.start({
        model: "mistral-small-latest",
        inputs: [{ type: "nope" }],
      } as never),
      (error: unknown) => error instanceof HTTPValidationError && error.statusCode === 422,
    );
    const raw = await fetch(`${emulator.url}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "mistral-small-latest", inputs: 42 }),
    });
    assert.equal(raw.status, 422);
    const body = (await raw.json()) as { object?: string; detail?: Array<{ loc: unknown[] }> };
    assert.ok(body.object === "error" || Array.isArray(body.detail), JSON.stringify(body));
  });
});

describe("the emulator's agents, through the client", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = new Mistral({ apiKey: "test-key", serverURL: emulator.url });
  });
  after(() => emulator.close());

  test("create, get, update (a new version), versions, aliases, pages and delete", async () => {
    const agent = await client.beta.agents.create({
      model: "mistral-medium-latest",
      name: "Librarian",
      instructions: "Answer briefly.",
      completionArgs: { temperature: 0.3, maxTokens: 100 },
    });
    assert.match(agent.id, /^ag_[0-9a-f]{32}$/);
    assert.equal(agent.version, 0);
    assert.equal(agent.completionArgs?.temperature, 0.3);
    assert.equal(agent.completionArgs?.maxTokens, 100);
    assert.ok(agent.createdAt instanceof Date);
    const updated = await client.beta.agents.update({
      agentId: agent.id,
      updateAgentRequest: { instructions: "Answer at length." },
    });
    assert.equal(updated.version, 1);
    assert.equal(updated.instructions, "Answer at length.");
    assert.equal(updated.name, "Librarian", "what the update does not name is kept");
    const versions = await client.beta.agents.listVersions({ agentId: agent.id });
    assert.deepEqual(versions.map((v) => v.version).sort(), [0, 1]);
    const v0 = await client.beta.agents.getVersion({ agentId: agent.id, version: "0" });
    assert.equal(v0.instructions, "Answer briefly.");
    const alias = await client.beta.agents.createVersionAlias({
      agentId: agent.id,
      alias: "stable",
      version: 0,
    });
    assert.equal(alias.alias, "stable");
    assert.equal(alias.version, 0);
    const byAlias = await client.beta.agents.get({ agentId: agent.id, agentVersion: "stable" });
    assert.equal(byAlias.version, 0);
    const aliases = await client.beta.agents.listVersionAliases({ agentId: agent.id });
    assert.deepEqual(
      aliases.map((a) => a.alias),
      ["stable"],
    );
    await client.beta.agents.deleteVersionAlias({ agentId: agent.id, alias: "stable" });
    assert.deepEqual(await client.beta.agents.listVersionAliases({ agentId: agent.id }), []);
    const rolledBack = await client.beta.agents.updateVersion({ agentId: agent.id, version: 0 });
    assert.equal(rolledBack.version, 0);
    const listed = await client.beta.agents.list();
    assert.ok(listed.some((a) => a.id === agent.id));
    await client.beta.agents.delete({ agentId: agent.id });
    await assert.rejects(client.beta.agents.get({ agentId: agent.id }), NotFoundError);
  });

  test("listPages reads every agent across pages", async () => {
    const made = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const agent = await client.beta.agents.create({
        model: "mistral-small-latest",
        name: `a${i}`,
      });
      made.add(agent.id);
    }
    const seen: string[] = [];
    let pages = 0;
    for await (const page of await client.beta.agents.listPages({ pageSize: 2 })) {
      pages++;
      seen.push(...page.result.data.map((a) => a.id));
    }
    assert.ok(pages >= 3, `${pages} pages`);
    for (const id of made) assert.ok(seen.includes(id));
    assert.equal(new Set(seen).size, seen.length, "no agent twice");
  });
});
