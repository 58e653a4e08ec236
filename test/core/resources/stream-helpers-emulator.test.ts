// The stream helpers on every completion resource, against the emulator:
// chat, FIM and agents streams assemble the same response chat.complete()
// gives, reasoning models' thinking comes apart from the answer, and stats
// take tokens per second from the usage of a paced stream.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { Mistral } from "../../helpers/sdk.js";

const user = (content: string) => ({ role: "user" as const, content });

describe("stream helpers on chat, fim and agents (emulator)", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = new Mistral({ serverURL: emulator.url, retryConfig: { strategy: "none" } });
  });
  after(() => emulator.close());

  /** Drops what differs between two answers to the same request: nothing but the id and the time. */
  const same = (response: { id: string; created: number }) => ({ ...response, id: "", created: 0 });

  test("chat, fim and agents streams assemble what complete() returns", async () => {
    const chat = {
      model: "mistral-small-latest",
      messages: [user("Write two sentences about rivers.")],
      randomSeed: 3,
    };
    const fim = { model: "codestral-latest", prompt: "def add(a, b):\n", suffix: "\n" };
    const agents = { agentId: "ag:demo", messages: [user("Reply with exactly: agent here")] };
    assert.deepEqual(
      same(await (await client.chat.stream(chat)).finalResponse()),
      same(await client.chat.complete(chat)),
    );
    assert.deepEqual(
      same(await (await client.fim.stream(fim)).finalResponse()),
      same(await client.fim.complete(fim)),
    );
    assert.deepEqual(
      same(await (await client.agents.stream(agents)).finalResponse()),
      same(await client.agents.complete(agents)),
    );
    const pieces: string[] = [];
    for await (const piece of (await client.fim.stream(fim)).textStream()) pieces.push(piece);
    assert.equal(pieces.join(""), (await client.fim.complete(fim)).choices[0]?.message?.content);
  });

  test("a tool call streams into the same message as the whole answer", async () => {
    const request = {
      model: "mistral-small-latest",
      messages: [user("What is the weather in Paris?")],
      tools: [
        {
          type: "function" as const,
          function: {
            name: "weather",
            parameters: {
              type: "object",
              properties: { city: { type: "string" } },
              required: ["city"],
            },
          },
        },
      ],
      toolChoice: "any" as const,
    };
    const streamed = await (await client.chat.stream(request)).finalResponse();
    const whole = await client.chat.complete(request);
    assert.equal(streamed.choices[0]?.finishReason, "tool_calls");
    assert.deepEqual(
      streamed.choices[0]?.message?.toolCalls?.map((c) => [
        c.function.name,
        JSON.parse(String(c.function.arguments)),
      ]),
      whole.choices[0]?.message?.toolCalls?.map((c) => [
        c.function.name,
        JSON.parse(String(c.function.arguments)),
      ]),
    );
  });

  test("a reasoning model's thinking and answer come apart, and finalResponse() has thinking first", async () => {
    const request = { model: "magistral-small-latest", messages: [user("What is 2+2?")] };
    let thinking = "";
    const stream = await client.chat.stream(request);
    for await (const piece of stream.reasoningStream()) thinking += piece;
    assert.ok(thinking.length > 10, thinking);
    const content = (await stream.finalResponse()).choices[0]?.message?.content;
    assert.ok(Array.isArray(content));
    assert.equal(content[0]?.type, "thinking");
    assert.equal(content.at(-1)?.type, "text");
    let answer = "";
    for await (const piece of (await client.chat.stream(request)).textStream()) answer += piece;
    assert.deepEqual(
      content.at(-1),
      { type: "text", text: answer },
      "textStream() gives the final text",
    );
    assert.ok(answer.length > 0 && !answer.includes(thinking.slice(0, 20)), "and no thinking");
  });

  test("stats of a paced stream: tokens per second from usage, gaps, time to first token", async () => {
    const paced = await startEmulator({ tokensPerSecond: 100, timeToFirstTokenMs: 50 });
    try {
      const stream = await new Mistral({ serverURL: paced.url }).chat.stream({
        model: "mistral-small-latest",
        messages: [user("Write two sentences about rivers.")],
        maxTokens: 20,
      });
      await stream.finalResponse();
      const { tokensPerSecond, timeToFirstTokenMs, longestGapMs, events, usage } = stream.stats;
      assert.ok(usage && usage.completionTokens > 5);
      assert.ok(events > 5);
      // Loose: 100 tokens/s paced, on a loaded machine anything from a few to a few hundred.
      assert.ok(
        tokensPerSecond !== undefined && tokensPerSecond > 2 && tokensPerSecond < 2000,
        String(tokensPerSecond),
      );
      assert.ok(timeToFirstTokenMs !== undefined && timeToFirstTokenMs >= 0);
      assert.ok(longestGapMs > 0);
    } finally {
      await paced.close();
    }
  });
});
