// The other clients apps use with Mistral against the emulator's chat
// endpoint: `openai` (pointed at /v1, as the API is OpenAI-compatible) and the
// AI SDK's Mistral provider (`ai` + `@ai-sdk/mistral`), which checks every
// response and chunk against its own schemas. A call passing here means the
// emulator answers in shapes they accept. The emulator's answers are
// deterministic for a given request, so a client's whole answer and its stream
// read the same text, and openai (which sends what this package sends) reads
// the text this package reads.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createMistral } from "@ai-sdk/mistral";
import { generateText, jsonSchema, streamText, type ToolSet, tool } from "ai";
import OpenAI from "openai";
import { Mistral } from "../../../src/core/index.js";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";

const question = "Tell me about streaming.";
const weather = "What is the weather in Paris?";
const cityParameters = {
  type: "object" as const,
  properties: { city: { type: "string" as const } },
  required: ["city"],
};

describe("openai and the AI SDK against the emulator's chat", () => {
  let emulator: RunningEmulator;
  let ours: Mistral;
  let openai: OpenAI;
  let mistral: ReturnType<typeof createMistral>;
  /** What this package reads for `content` as the only user message. */
  const ourText = async (content: string) => {
    const messages = [{ role: "user" as const, content }];
    const response = await ours.chat.complete({ model: "mistral-small-latest", messages });
    return String(response.choices[0]?.message?.content);
  };
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    ours = new Mistral({ apiKey: "test-key", serverURL: emulator.url });
    openai = new OpenAI({ apiKey: "test-key", baseURL: `${emulator.url}/v1` });
    mistral = createMistral({ apiKey: "test-key", baseURL: `${emulator.url}/v1` });
  });
  after(() => emulator.close());

  test("openai: a whole answer and a stream with its usage, the text this package reads", async () => {
    const messages = [{ role: "user" as const, content: question }];
    const whole = await openai.chat.completions.create({ model: "mistral-small-latest", messages });
    const expected = await ourText(question);
    assert.equal(whole.choices[0]?.message.content, expected);
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    const stream = await openai.chat.completions.create({
      model: "mistral-small-latest",
      messages,
      stream: true,
    });
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    assert.equal(text, expected);
    assert.ok(usage && usage.prompt_tokens > 0 && usage.completion_tokens > 0);
    assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  });

  test("openai: a streamed tool call, put together by its own helper", async () => {
    const runner = openai.chat.completions.stream({
      model: "mistral-small-latest",
      messages: [{ role: "user", content: weather }],
      tools: [{ type: "function", function: { name: "get_weather", parameters: cityParameters } }],
      tool_choice: "required",
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.type, "function");
    assert.equal(call.type === "function" && call.function.name, "get_weather");
    assert.deepEqual(JSON.parse(call.type === "function" ? call.function.arguments : ""), {
      city: "Paris",
    });
    assert.equal(final.choices[0]?.finish_reason, "tool_calls");
  });

  test("AI SDK: generateText and streamText read the same text, usage and finish", async () => {
    const whole = await generateText({ model: mistral("mistral-small-latest"), prompt: question });
    assert.ok(whole.text.length > 20, whole.text);
    assert.equal(whole.finishReason, "stop");
    assert.ok((whole.usage.outputTokens ?? 0) > 0, JSON.stringify(whole.usage));
    const errors: unknown[] = [];
    const streamed = streamText({
      model: mistral("mistral-small-latest"),
      prompt: question,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    let text = "";
    for await (const delta of streamed.textStream) text += delta;
    assert.deepEqual(errors, []);
    assert.equal(text, whole.text);
    assert.equal(await streamed.finishReason, "stop");
    assert.equal((await streamed.usage).outputTokens, whole.usage.outputTokens);
  });

  test("AI SDK: tool calls, whole and streamed, with their parsed input", async () => {
    // As a ToolSet: AI SDK 5's types refuse a tool there under exactOptionalPropertyTypes.
    const tools = {
      get_weather: tool({
        description: "The weather in a city",
        inputSchema: jsonSchema<{ city: string }>(cityParameters),
      }),
    } as unknown as ToolSet;
    const model = mistral("mistral-small-latest");
    const whole = await generateText({ model, prompt: weather, tools, toolChoice: "required" });
    assert.deepEqual(
      whole.toolCalls.map((c) => [c.toolName, c.input]),
      [["get_weather", { city: "Paris" }]],
    );
    const errors: unknown[] = [];
    const streamed = streamText({
      model,
      prompt: weather,
      tools,
      toolChoice: "required",
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = new Set<string>();
    for await (const part of streamed.fullStream) parts.add(part.type);
    assert.deepEqual(errors, []);
    assert.ok(parts.has("tool-call") && !parts.has("error"), [...parts].join(", "));
    const calls = await streamed.toolCalls;
    assert.deepEqual(
      calls.map((c) => [c.toolName, c.input]),
      [["get_weather", { city: "Paris" }]],
    );
  });

  test("AI SDK: a reasoning model's thinking chunks come out as reasoning, the answer as text", async () => {
    const streamed = streamText({ model: mistral("magistral-small-latest"), prompt: question });
    let text = "";
    for await (const delta of streamed.textStream) text += delta;
    const reasoning = (await streamed.reasoningText) ?? "";
    assert.ok(reasoning.length > 20, reasoning);
    assert.ok(text.length > 20, text);
    assert.ok(!text.includes(reasoning.slice(0, 20)), "the thinking is not in the text");
    const whole = await generateText({
      model: mistral("magistral-small-latest"),
      prompt: question,
    });
    assert.equal(whole.text, text);
    assert.equal(whole.reasoningText, reasoning);
  });
});
