// chat.runTools() against the emulator: one tool, two in parallel, in order,
// a failing tool (sent back, or thrown), invalid arguments, maxRounds, and an
// abort in the middle of a round, with the connections counted on the server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type RecordingProxy, startRecordingProxy } from "../../helpers/recording-proxy.js";
import {
  Mistral,
  RequestAbortedError,
  ToolCallError,
  ToolLoopLimitError,
  type ToolRunnerEvent,
} from "../../helpers/sdk.js";

const model = "mistral-small-latest";
const ask = (content: string) => [{ role: "user" as const, content }];

const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Current weather of a city",
    parameters: z.object({ city: z.string() }),
  },
  run: async ({ city }: { city: string }) => ({ city, temperatureC: 21, sky: "clear" }),
};
const time = {
  type: "function" as const,
  function: {
    name: "get_time",
    description: "Current time in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    } as const,
  },
  run: ({ city }: { city: string }) => `12:00 in ${city}`,
};

describe("chat.runTools (emulator)", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  let proxy: RecordingProxy;
  let bodies: Record<string, unknown>[];
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    proxy = await startRecordingProxy(emulator.url);
    bodies = proxy.bodies;
    client = new Mistral({ serverURL: proxy.url, retryConfig: { strategy: "none" } });
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  test("one tool: the call streams, runs with validated arguments, and the answer follows", async () => {
    const seen: { city: string }[] = [];
    await using runner = await client.chat.runTools({
      model,
      messages: ask("What is the weather in Paris?"),
      tools: [
        {
          ...weather,
          run: async (args, context) => {
            seen.push(args);
            assert.equal(context.round, 1);
            assert.equal(context.toolCall.name, "get_weather");
            return weather.run(args);
          },
        },
      ],
    });
    const events: ToolRunnerEvent[] = [];
    for await (const event of runner) events.push(event);
    const final = await runner.finalResponse();
    assert.equal(seen.length, 1);
    assert.equal(typeof seen[0]?.city, "string");
    const rounds = new Set(events.filter((e) => e.type === "chunk").map((e) => e.round));
    assert.deepEqual([...rounds], [1, 2]);
    const result = events.find((e) => e.type === "tool.result");
    assert.ok(result?.type === "tool.result" && result.error === undefined);
    assert.match(result.content, /temperatureC/);
    // The transcript: user, assistant with the call, tool result, final answer.
    assert.deepEqual(
      runner.messages.map((m) => m.role),
      ["user", "assistant", "tool", "assistant"],
    );
    const toolMessage = runner.messages[2] as { toolCallId?: string };
    assert.equal(toolMessage.toolCallId, result.toolCall.id);
    assert.ok(result.toolCall.id.length > 0);
    assert.equal(final.choices[0]?.finishReason, "stop");
    assert.ok(
      typeof final.choices[0]?.message?.content === "string" &&
        final.choices[0].message.content.length > 0,
    );
    // Total usage is every round's.
    assert.ok(runner.usage.totalTokens > final.usage.totalTokens);
    // The wire part stays the API's shape: no run, parameters as JSON Schema.
    const tools = bodies.at(-1)?.tools as { function: Record<string, unknown> }[];
    assert.equal("run" in (tools[0] ?? {}), false);
    assert.equal((tools[0]?.function.parameters as { type: string }).type, "object");
    const sentTool = (bodies.at(-1)?.messages as { role: string; tool_call_id?: string }[])[2];
    assert.equal(sentTool?.tool_call_id, result.toolCall.id);
  });

  test("two tools named in the prompt run in parallel, or in order with parallelToolCalls: false", async () => {
    for (const parallelToolCalls of [true, false]) {
      let running = 0;
      let most = 0;
      const slow =
        <T>(fn: () => T) =>
        async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 30));
          running--;
          return fn();
        };
      const runner = await client.chat.runTools({
        model,
        messages: ask("Use get_weather and get_time for Paris."),
        parallelToolCalls,
        tools: [
          { ...weather, run: slow(() => "sunny") },
          { ...time, run: slow(() => "noon") },
        ],
      });
      const final = await runner.finalResponse();
      const results = runner.messages.filter((m) => m.role === "tool").map((m) => m.content);
      if (parallelToolCalls) {
        assert.deepEqual(results, ["sunny", "noon"]);
        assert.equal(most, 2, "both ran at once");
      } else {
        assert.ok(results.length >= 1);
        assert.equal(most, 1, "one at a time");
      }
      assert.equal(final.choices[0]?.finishReason, "stop");
    }
  });

  test("a tool that throws goes back to the model as an error result; toolErrors: throw ends the loop", async () => {
    const failing = {
      ...weather,
      run: () => {
        throw new Error("weather service down");
      },
    };
    const runner = await client.chat.runTools({
      model,
      messages: ask("What is the weather in Paris?"),
      tools: [failing],
    });
    const events: ToolRunnerEvent[] = [];
    for await (const e of runner) events.push(e);
    const result = events.find((e) => e.type === "tool.result");
    assert.ok(result?.type === "tool.result");
    assert.ok(result.error instanceof ToolCallError);
    assert.equal(result.error.reason, "failed");
    assert.match(result.content, /weather service down/);
    assert.equal((await runner.finalResponse()).choices[0]?.finishReason, "stop");

    const strict = await client.chat.runTools(
      { model, messages: ask("What is the weather in Paris?"), tools: [failing] },
      { toolErrors: "throw" },
    );
    const error = await strict.finalResponse().then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ToolCallError);
    assert.equal(error.toolName, "get_weather");
    assert.ok((error.cause as Error).message.includes("down"));
  });

  test("arguments the schema refuses are an invalid_arguments result with the issues", async () => {
    const picky = {
      ...weather,
      function: {
        ...weather.function,
        parameters: z.object({ city: z.string().regex(/^never$/) }),
      },
      run: () => assert.fail("run must not be called with refused arguments"),
    };
    const runner = await client.chat.runTools({
      model,
      messages: ask("What is the weather in Paris?"),
      tools: [picky],
    });
    let failure: ToolCallError | undefined;
    for await (const e of runner) if (e.type === "tool.result") failure = e.error;
    assert.equal(failure?.reason, "invalid_arguments");
    assert.deepEqual(failure?.issues[0]?.path, ["city"]);
  });

  test("a model that keeps calling tools stops at maxRounds with ToolLoopLimitError", async () => {
    const runner = await client.chat.runTools(
      {
        model,
        messages: ask("What is the weather in Paris?"),
        tools: [weather],
        toolChoice: "any",
      },
      { maxRounds: 3 },
    );
    const error = await runner.finalResponse().then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ToolLoopLimitError);
    assert.equal(error.maxRounds, 3);
    assert.equal(runner.round, 3);
    assert.equal(error.messages.filter((m) => (m as { role: string }).role === "tool").length, 2);
  });

  test("abort() in the middle of a round stops everything and releases every connection", async () => {
    const slowClient = new Mistral({ serverURL: proxy.url, retryConfig: { strategy: "none" } });
    let toolSignal: AbortSignal | undefined;
    // Round 2 streams slowly (the emulator paces it), so the abort lands mid-round.
    const runner = await slowClient.chat.runTools(
      {
        model,
        messages: ask("What is the weather in Paris?"),
        tools: [
          {
            ...weather,
            run: (a, c) => {
              toolSignal = c.signal;
              return weather.run(a);
            },
          },
        ],
      },
      { headers: { "x-emulator-fault": "stall-ms=5000;after-events=3;id=abort-mid" } },
    );
    let chunks = 0;
    const error = await (async () => {
      for await (const event of runner) {
        if (event.type === "chunk" && ++chunks === 2) setTimeout(() => runner.abort(), 0);
      }
    })().then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof RequestAbortedError, String(error));
    await proxy.waitForNoSockets(5000);
    assert.equal(proxy.openSockets(), 0);
    assert.ok(toolSignal === undefined || toolSignal.aborted);
    await assert.rejects(runner.next(), RequestAbortedError);
  });

  test("an abort while a tool runs rejects at once, and the tool is told through its signal", async () => {
    const controller = new AbortController();
    let told = false;
    const runner = await client.chat.runTools(
      {
        model,
        messages: ask("What is the weather in Paris?"),
        tools: [
          {
            ...weather,
            run: (_a, c) =>
              new Promise(() => {
                c.signal.addEventListener("abort", () => {
                  told = true;
                });
                setTimeout(() => controller.abort(), 10);
              }),
          },
        ],
      },
      { signal: controller.signal },
    );
    await assert.rejects(runner.finalResponse(), RequestAbortedError);
    assert.equal(told, true);
    await proxy.waitForNoSockets(5000);
  });

  test("bad tools and options are refused before sending", async () => {
    const before = bodies.length;
    const bad: unknown[] = [
      [{ type: "function", function: { name: "x", parameters: {} } }],
      [],
      [{ ...weather }, { ...weather }],
    ];
    for (const tools of bad) {
      // @ts-expect-error: deliberately wrong
      await assert.rejects(client.chat.runTools({ model, messages: ask("x"), tools }), /runTools/);
    }
    await assert.rejects(
      client.chat.runTools({ model, messages: ask("x"), tools: [weather] }, { maxRounds: 0 }),
      /maxRounds/,
    );
    await assert.rejects(
      client.chat.runTools({ model, messages: ask("x"), tools: [weather], n: 2 }),
      /n must be 1/,
    );
    assert.equal(bodies.length, before);
  });
});
