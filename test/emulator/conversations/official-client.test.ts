// The official `@mistralai/mistralai` client against the emulator's
// Conversations API and agents: it must accept every response and event (it
// validates them against its own schemas), and for the same requests it and
// this package must give the same events and the same final results.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { officialAndOurs } from "../official-pair.js";

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Get the current weather of a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

/**
 * What differs between two runs of one request (ids, times) replaced by
 * placeholders. A tool reference's `source` goes: the API sends it (the docs'
 * recorded answer has `"source": "brave"`) but the spec does not declare it,
 * so the official client drops it and this package keeps it.
 */
function normalized(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => {
    if (key === "source") return undefined;
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) return "<date>";
    if (
      ["id", "conversationId", "toolCallId", "previousAgentId", "nextAgentId", "agentId"].includes(
        key,
      ) &&
      typeof v === "string"
    )
      return "<id>";
    return v;
  });
}

/** Reads any async iterable of events into an array. */
async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe("the official client against the emulator's Conversations API", () => {
  const c = officialAndOurs();

  const starts = [
    {
      name: "a plain answer",
      request: { model: "mistral-small-latest", inputs: "Tell me a fact." },
    },
    {
      name: "a function call",
      request: {
        model: "mistral-small-latest",
        inputs: "What is the weather in Paris?",
        tools: [weatherTool],
      },
    },
    {
      name: "a web search with references",
      request: {
        model: "mistral-medium-latest",
        inputs: "Search the latest news about Mistral",
        tools: [{ type: "web_search" as const }],
      },
    },
    {
      name: "code, an image and a library",
      request: {
        model: "mistral-medium-latest",
        inputs: "Compute fibonacci numbers, draw a picture of them, per the handbook document",
        tools: [
          { type: "code_interpreter" as const },
          { type: "image_generation" as const },
          { type: "document_library" as const, libraryIds: ["lib_1"] },
        ],
      },
    },
    {
      name: "a call waiting for confirmation",
      request: {
        model: "mistral-medium-latest",
        inputs: "Search the news",
        tools: [
          {
            type: "web_search" as const,
            toolConfiguration: { requiresConfirmation: ["web_search"] },
          },
        ],
      },
    },
  ];

  for (const { name, request } of starts) {
    test(`start and startStream, ${name}: accepted by both, same events and results`, async () => {
      const theirs = await c.official.beta.conversations.start(request);
      const mine = await c.ours.beta.conversations.start(request);
      assert.deepEqual(normalized(mine), normalized(theirs));
      const theirEvents = await all(await c.official.beta.conversations.startStream(request));
      const myStream = await c.ours.beta.conversations.startStream(request);
      const myEvents = await all(myStream);
      assert.ok(theirEvents.length >= 3);
      assert.deepEqual(normalized(myEvents), normalized(theirEvents));
      for (const event of theirEvents)
        assert.notEqual((event.data as { type: string }).type, "UNKNOWN", "every event is known");
      assert.deepEqual(normalized(await myStream.finalResponse()), normalized(theirs));
    });
  }

  test("append (a function result), restart, history and messages: same for both", async () => {
    const agentBody = { model: "mistral-medium-latest", name: "Weather", tools: [weatherTool] };
    const [theirAgent, myAgent] = [
      await c.official.beta.agents.create(agentBody),
      await c.ours.beta.agents.create(agentBody),
    ];
    assert.deepEqual(normalized(myAgent), normalized(theirAgent));
    const inputs = "What is the weather in Lyon?";
    const theirStart = await c.official.beta.conversations.start({
      agentId: theirAgent.id,
      inputs,
    });
    const myStart = await c.ours.beta.conversations.start({ agentId: myAgent.id, inputs });
    const theirCall = theirStart.outputs[0];
    const myCall = myStart.outputs[0];
    assert.ok(theirCall?.type === "function.call" && myCall?.type === "function.call");
    const result = (toolCallId: string) => ({
      inputs: [{ type: "function.result" as const, toolCallId, result: '{"temp": 19}' }],
    });
    const theirEvents = await all(
      await c.official.beta.conversations.appendStream({
        conversationId: theirStart.conversationId,
        conversationAppendStreamRequest: result(theirCall.toolCallId),
      }),
    );
    const myStream = await c.ours.beta.conversations.appendStream({
      conversationId: myStart.conversationId,
      conversationAppendStreamRequest: result(myCall.toolCallId),
    });
    assert.deepEqual(normalized(await all(myStream)), normalized(theirEvents));
    for (const [client, id] of [
      [c.official, theirStart.conversationId],
      [c.ours, myStart.conversationId],
    ] as const) {
      const again = await client.beta.conversations.append({
        conversationId: id,
        conversationAppendRequest: { inputs: "Thanks. And tomorrow?" },
      });
      assert.equal(again.conversationId, id);
    }
    const theirHistory = await c.official.beta.conversations.getHistory({
      conversationId: theirStart.conversationId,
    });
    const myHistory = await c.ours.beta.conversations.getHistory({
      conversationId: myStart.conversationId,
    });
    assert.equal(theirHistory.entries.length, 6);
    assert.deepEqual(normalized(myHistory), normalized(theirHistory));
    assert.deepEqual(
      normalized(
        await c.ours.beta.conversations.getMessages({ conversationId: myStart.conversationId }),
      ),
      normalized(
        await c.official.beta.conversations.getMessages({
          conversationId: theirStart.conversationId,
        }),
      ),
    );
    const entryId = (history: { entries: readonly object[] }) => {
      const entry = history.entries[2];
      assert.ok(entry && "id" in entry && typeof entry.id === "string");
      return entry.id;
    };
    const theirRestart = await c.official.beta.conversations.restart({
      conversationId: theirStart.conversationId,
      conversationRestartRequest: { fromEntryId: entryId(theirHistory), inputs: "Rain or sun?" },
    });
    const mine = await c.ours.beta.conversations.restartStream({
      conversationId: myStart.conversationId,
      conversationRestartStreamRequest: { fromEntryId: entryId(myHistory), inputs: "Rain or sun?" },
    });
    await all(mine);
    assert.deepEqual(normalized(await mine.finalResponse()), normalized(theirRestart));
    const theirGot = await c.official.beta.conversations.get({
      conversationId: theirStart.conversationId,
    });
    const myGot = await c.ours.beta.conversations.get({ conversationId: myStart.conversationId });
    assert.deepEqual(normalized(myGot), normalized(theirGot));
    const theirList = await c.official.beta.conversations.list();
    assert.ok(theirList.length >= 2);
    await c.official.beta.conversations.delete({ conversationId: theirStart.conversationId });
    await assert.rejects(
      c.ours.beta.conversations.get({ conversationId: theirStart.conversationId }),
    );
  });

  test("agents: update, versions, aliases and pages are accepted by the official client", async () => {
    const agent = await c.official.beta.agents.create({
      model: "mistral-medium-latest",
      name: "Helper",
      completionArgs: { temperature: 0.2 },
      handoffs: [],
    });
    const updated = await c.official.beta.agents.update({
      agentId: agent.id,
      updateAgentRequest: { description: "edited" },
    });
    assert.equal(updated.version, 1);
    assert.equal(updated.description, "edited");
    const versions = await c.official.beta.agents.listVersions({ agentId: agent.id });
    assert.equal(versions.length, 2);
    await c.official.beta.agents.createVersionAlias({
      agentId: agent.id,
      alias: "prod",
      version: 0,
    });
    const prod = await c.official.beta.agents.get({ agentId: agent.id, agentVersion: "prod" });
    assert.equal(prod.version, 0);
    const aliases = await c.official.beta.agents.listVersionAliases({ agentId: agent.id });
    assert.deepEqual(
      aliases.map((a) => a.alias),
      ["prod"],
    );
    const mine = await c.ours.beta.agents.get({ agentId: agent.id });
    assert.deepEqual(
      normalized(mine),
      normalized(await c.official.beta.agents.get({ agentId: agent.id })),
    );
    let pages = 0;
    for await (const page of await c.official.beta.agents.listPages({ pageSize: 1 })) {
      pages++;
      assert.ok(page.result.data.length <= 1);
    }
    assert.ok(pages >= 1);
    await c.official.beta.agents.delete({ agentId: agent.id });
    await assert.rejects(c.ours.beta.agents.get({ agentId: agent.id }));
  });
});
