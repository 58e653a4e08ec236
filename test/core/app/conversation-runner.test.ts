// beta.conversations.runTools() against the emulator: the function-call round
// trip driven by the loop, an agent's own tools, calls waiting for a
// confirmation (allowed, denied, or left pending), the rounds' limit, and the
// text of every round.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type RecordingProxy, startRecordingProxy } from "../../helpers/recording-proxy.js";
import { type ConversationRunnerEvent, Mistral, ToolLoopLimitError } from "../../helpers/sdk.js";

const model = "mistral-small-latest";

const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Current weather of a city",
    parameters: z.object({ city: z.string() }),
  },
  run: async ({ city }: { city: string }) => ({ city, temperatureC: 21 }),
};

describe("beta.conversations.runTools (emulator)", () => {
  let emulator: RunningEmulator;
  let proxy: RecordingProxy;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    proxy = await startRecordingProxy(emulator.url);
    client = new Mistral({ serverURL: proxy.url, retryConfig: { strategy: "none" } });
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  test("a function call runs with validated arguments, its result is appended, the answer streams", async () => {
    const seen: Array<{ city: string; conversationId: string | undefined }> = [];
    const sent = proxy.bodies.length;
    await using runner = await client.beta.conversations.runTools({
      model,
      inputs: "What is the weather in Paris?",
      tools: [
        {
          ...weather,
          run: async (args, context) => {
            seen.push({ city: args.city, conversationId: context.conversationId });
            return weather.run(args);
          },
        },
      ],
    });
    const events: ConversationRunnerEvent[] = [];
    for await (const event of runner) if (event.type === "event") events.push(event);
    const final = await runner.finalResponse();
    assert.equal(seen.length, 1);
    assert.equal(typeof seen[0]?.city, "string");
    assert.equal(seen[0]?.conversationId, runner.conversationId);
    assert.match(runner.conversationId, /^conv_/);
    assert.deepEqual([...new Set(events.map((e) => e.round))], [1, 2]);
    assert.deepEqual(
      runner.entries.map((e) => e.type),
      ["function.call", "function.result", "message.output"],
    );
    assert.equal(final.outputs.at(-1)?.type, "message.output");
    assert.ok(runner.usage.totalTokens > final.usage.totalTokens, "every round's usage");
    const bodies = proxy.bodies.slice(sent);
    assert.equal(bodies.length, 2, "a start, then one append");
    const tools = bodies[0]?.tools as Array<{ function: Record<string, unknown> }>;
    assert.equal("run" in (tools[0] ?? {}), false);
    assert.equal((tools[0]?.function.parameters as { type: string }).type, "object");
    const appended = bodies[1]?.inputs as Array<Record<string, unknown>>;
    assert.equal(appended[0]?.type, "function.result");
    assert.match(String(appended[0]?.result), /temperatureC/);
    const history = await client.beta.conversations.getHistory({
      conversationId: runner.conversationId,
    });
    assert.deepEqual(
      history.entries.map((e) => e.type),
      ["message.input", "function.call", "function.result", "message.output"],
    );
  });

  test("with agentId the agent's tools are used: only their code is given, no tools are sent", async () => {
    const agent = await client.beta.agents.create({
      model,
      name: "Weather",
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            description: "Current weather of a city",
            parameters: { type: "object", properties: { city: { type: "string" } } },
          },
        },
      ],
    });
    const sent = proxy.bodies.length;
    const runner = await client.beta.conversations.runTools({
      agentId: agent.id,
      inputs: "What is the weather in Rome?",
      tools: [weather],
    });
    let text = "";
    for await (const piece of runner.textStream()) text += piece;
    assert.ok(text.length > 0);
    const start = proxy.bodies[sent];
    assert.equal(start?.agent_id, agent.id);
    assert.equal("tools" in (start ?? {}), false);
    assert.deepEqual(
      runner.entries.map((e) => e.type),
      ["function.call", "function.result", "message.output"],
    );
  });

  test("calls waiting for a confirmation go to confirm(); without it the loop ends at the pending call", async () => {
    const tools = [
      { type: "web_search" as const, toolConfiguration: { requiresConfirmation: ["web_search"] } },
    ];
    const inputs = "Search the latest news about rivers";
    for (const allow of [true, false]) {
      const asked: string[] = [];
      const runner = await client.beta.conversations.runTools(
        { model: "mistral-medium-latest", inputs, tools },
        {
          confirm: (call) => {
            asked.push(call.name);
            return allow;
          },
        },
      );
      const final = await runner.finalResponse();
      assert.deepEqual(asked, ["web_search"]);
      assert.deepEqual(
        final.outputs.map((e) => e.type),
        allow ? ["tool.execution", "message.output"] : ["message.output"],
      );
    }
    const runner = await client.beta.conversations.runTools({
      model: "mistral-medium-latest",
      inputs,
      tools,
    });
    const final = await runner.finalResponse();
    const pending = final.outputs[0];
    assert.ok(pending?.type === "function.call");
    assert.equal(pending.confirmationStatus, "pending");
    assert.equal(final.outputs.length, 1);
  });

  test("maxRounds bounds the loop with a typed error", async () => {
    const runner = await client.beta.conversations.runTools(
      {
        model,
        inputs: "What is the weather in Oslo?",
        tools: [weather],
        completionArgs: { toolChoice: "any" },
      },
      { maxRounds: 2 },
    );
    await assert.rejects(runner.finalResponse(), ToolLoopLimitError);
  });
});
