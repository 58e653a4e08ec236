// The official `@mistralai/mistralai` client against the emulator's chat,
// FIM, agents and models endpoints. The official client validates every
// response and stream event against its own schemas, so a call passing here
// means the emulator answers in shapes it accepts; the emulator's answers are
// deterministic, so this package gets the same text from the same request.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BadRequestError } from "../../../src/core/index.js";
import { officialAndOurs } from "../official-pair.js";

type Delta = { content?: unknown };
type Chunk = { choices: Array<{ index: number; delta: Delta }>; usage?: unknown };

/** The text of choice `index` of a stream of `{ data: chunk }` events (string content only). */
async function streamText(events: AsyncIterable<{ data: Chunk }>, index = 0) {
  let text = "";
  let chunks = 0;
  let usage: unknown;
  for await (const { data } of events) {
    chunks++;
    usage = data.usage ?? usage;
    for (const choice of data.choices) {
      const content = choice.delta.content;
      if (choice.index === index && typeof content === "string") text += content;
    }
  }
  return { text, chunks, usage };
}

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "The weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

describe("the official client against the emulator's chat, FIM, agents and models", () => {
  const c = officialAndOurs();

  const messages = [{ role: "user" as const, content: "Tell me about streaming." }];

  test("chat.stream: every event accepted, the text and usage this package gets", async () => {
    const request = { model: "mistral-small-latest", messages };
    const theirs = await streamText(await c.official.chat.stream(request));
    const mine = await streamText(await c.ours.chat.stream(request));
    assert.ok(theirs.chunks > 2, `${theirs.chunks} events`);
    assert.ok(theirs.text.length > 20, theirs.text);
    assert.equal(mine.text, theirs.text);
    assert.equal(mine.chunks, theirs.chunks);
    const usage = theirs.usage as { promptTokens: number; completionTokens: number };
    assert.ok(usage.promptTokens > 0 && usage.completionTokens > 0, JSON.stringify(usage));
    assert.deepEqual(
      (mine.usage as { completionTokens: number }).completionTokens,
      usage.completionTokens,
    );
    const whole = await c.official.chat.complete(request);
    assert.equal(whole.choices?.[0]?.message?.content, theirs.text);
    assert.equal(whole.choices[0]?.finishReason, "stop");
  });

  test("n = 2: both choices stream, each the text of its own answer", async () => {
    const request = { model: "mistral-small-latest", messages, n: 2 };
    const events: Array<{ data: Chunk }> = [];
    for await (const event of await c.official.chat.stream(request)) events.push(event);
    const first = await streamText(toIterable(events), 0);
    const second = await streamText(toIterable(events), 1);
    assert.ok(first.text.length > 0 && second.text.length > 0);
    const whole = await c.ours.chat.complete(request);
    assert.deepEqual(
      whole.choices.map((c) => c.message?.content),
      [first.text, second.text],
    );
  });

  test("tool calls, streamed and whole: the official client reads the call and its arguments", async () => {
    const request = {
      model: "mistral-small-latest",
      messages: [{ role: "user" as const, content: "What is the weather in Paris?" }],
      tools: [weatherTool],
      toolChoice: "any" as const,
    };
    const calls: Array<{ function: { name: string; arguments: unknown } }> = [];
    for await (const { data } of await c.official.chat.stream(request)) {
      for (const call of data.choices[0]?.delta.toolCalls ?? []) calls.push(call);
    }
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.function.name, "get_weather");
    assert.deepEqual(JSON.parse(String(calls[0]?.function.arguments)), { city: "Paris" });
    const whole = await c.official.chat.complete(request);
    assert.equal(whole.choices[0]?.finishReason, "tool_calls");
    const call = whole.choices?.[0]?.message?.toolCalls?.[0];
    assert.equal(call?.function.name, "get_weather");
    const mine = await c.ours.chat.complete(request);
    assert.equal(
      mine.choices?.[0]?.message?.toolCalls?.[0]?.function.arguments,
      call?.function.arguments,
    );
  });

  test("a reasoning model: thinking chunks parse as the official client's ThinkChunk", async () => {
    const whole = await c.official.chat.complete({ model: "magistral-medium-latest", messages });
    const content = whole.choices?.[0]?.message?.content;
    assert.ok(Array.isArray(content), "structured content");
    assert.equal(content[0]?.type, "thinking");
    assert.ok(content.some((c) => c.type === "text" && c.text.length > 0));
    const mine = await c.ours.chat.complete({ model: "magistral-medium-latest", messages });
    assert.deepEqual(
      (mine.choices[0]?.message?.content as Array<{ type: string }>).map((c) => c.type),
      content.map((c) => c.type),
    );
  });

  test("structured output: json_object and a strict json_schema answer as JSON", async () => {
    const object = await c.official.chat.complete({
      model: "mistral-small-latest",
      messages,
      responseFormat: { type: "json_object" },
    });
    assert.equal(typeof JSON.parse(String(object.choices?.[0]?.message?.content)), "object");
    const schema = await c.official.chat.complete({
      model: "mistral-small-latest",
      messages,
      responseFormat: {
        type: "json_schema",
        jsonSchema: {
          name: "answer",
          schemaDefinition: {
            type: "object",
            properties: { title: { type: "string" }, rating: { type: "integer" } },
            required: ["title", "rating"],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    });
    const parsed = JSON.parse(String(schema.choices?.[0]?.message?.content));
    assert.equal(typeof parsed.title, "string");
    assert.ok(Number.isInteger(parsed.rating));
  });

  test("fim.complete and fim.stream: accepted, the same completion as this package's", async () => {
    const request = { model: "codestral-latest", prompt: "def add(a, b):", suffix: "return c" };
    const whole = await c.official.fim.complete(request);
    const streamed = await streamText(await c.official.fim.stream(request));
    assert.equal(streamed.text, whole.choices?.[0]?.message?.content);
    const mine = await c.ours.fim.complete(request);
    assert.equal(mine.choices?.[0]?.message?.content, whole.choices?.[0]?.message?.content);
  });

  test("agents.complete and agents.stream: accepted, the same text", async () => {
    const request = { agentId: "ag:0123", messages };
    const whole = await c.official.agents.complete(request);
    const streamed = await streamText(await c.official.agents.stream(request));
    assert.ok(streamed.text.length > 0);
    assert.equal(streamed.text, whole.choices?.[0]?.message?.content);
    const mine = await streamText(await c.ours.agents.stream(request));
    assert.equal(mine.text, streamed.text);
  });

  test("models.list and models.retrieve: accepted, the same models as this package's", async () => {
    const theirs = await c.official.models.list();
    const mine = await c.ours.models.list();
    // The official types are a union with an unknown card; every card the emulator lists has an id.
    const ids = ((theirs.data ?? []) as Array<{ id: string }>).map((m) => m.id);
    assert.ok(ids.includes("mistral-small-latest"), ids.join(", "));
    assert.deepEqual(
      ((mine.data ?? []) as Array<{ id: string }>).map((m) => m.id),
      ids,
    );
    const card = (await c.official.models.retrieve({ modelId: "codestral-latest" })) as {
      id: string;
      capabilities: { completionFim?: boolean };
    };
    assert.equal(card.id, "codestral-latest");
    assert.equal(card.capabilities.completionFim, true);
  });

  test("an unknown model: the official client's SDKError and this package's BadRequestError carry the same status and message", async () => {
    const request = { model: "no-such-model", messages };
    const theirs = await c.official.chat.complete(request).then(
      () => assert.fail("expected an error"),
      (error: { statusCode?: number; body?: string }) => error,
    );
    assert.equal(theirs.statusCode, 400);
    const mine = await c.ours.chat.complete(request).then(
      () => assert.fail("expected an error"),
      (error: unknown) => error,
    );
    assert.ok(mine instanceof BadRequestError, String(mine));
    assert.equal(mine.statusCode, 400);
    assert.equal(JSON.parse(String(theirs.body)).message, "Invalid model: no-such-model");
    assert.match(mine.message, /Invalid model: no-such-model/);
  });
});

async function* toIterable<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
