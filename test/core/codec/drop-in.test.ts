// Code written the way the official `@mistralai/mistralai` SDK is used, against
// this package's types. If a public name or shape diverges, this file stops
// compiling (the test build fails); the assertions then check the wire result.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeCompletionChunk,
  encodeChatCompletionRequest,
} from "../../../src/core/codec/index.js";
import type {
  AssistantMessage,
  ChatCompletionChoiceFinishReason,
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionStreamRequest,
  CompletionEvent,
  CompletionResponseStreamChoiceFinishReason,
  ContentChunk,
  FunctionTool,
  ImageURLChunk,
  SystemMessage,
  TextChunk,
  ThinkChunk,
  Tool,
  ToolCall,
  ToolChoiceEnum,
  ToolMessage,
  UsageInfo,
  UserMessage,
} from "../../../src/core/models/index.js";

/** A JSON Schema typed by an interface, as schema libraries export them. */
interface SchemaFromAnotherLibrary {
  type: string;
  properties: Record<string, { type: string }>;
  required: string[];
}

const weatherSchema: SchemaFromAnotherLibrary = {
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
};

const tool: Tool = {
  type: "function",
  function: { name: "get_weather", description: "Weather of a city", parameters: weatherSchema },
};
const functionTool: FunctionTool = { type: "function", function: { name: "noop", parameters: {} } };
const choice: ToolChoiceEnum = "any";
const system: SystemMessage = { role: "system", content: "Answer in JSON." };
const image: ImageURLChunk = { imageUrl: { url: "https://example.com/x.png", detail: "auto" } };
const user: UserMessage = {
  role: "user",
  content: [
    { type: "text", text: "What is in this picture, and the weather in Paris?" },
    { type: "image_url", imageUrl: image.imageUrl },
  ],
};
const call: ToolCall = {
  id: "abc123xyz",
  function: { name: "get_weather", arguments: '{"city":"Paris"}' },
};
const assistant: AssistantMessage = {
  role: "assistant",
  content: null,
  toolCalls: [call],
  prefix: false,
};
const toolResult: ToolMessage = {
  role: "tool",
  content: "18°C",
  toolCallId: "abc123xyz",
  name: "get_weather",
};

const request: ChatCompletionStreamRequest = {
  model: "mistral-small-latest",
  messages: [system, user, { ...assistant, role: "assistant" }, toolResult],
  topP: 0.9,
  maxTokens: 256,
  randomSeed: 1,
  responseFormat: {
    type: "json_schema",
    jsonSchema: { name: "x", schemaDefinition: { type: "object", properties: {} }, strict: true },
  },
  tools: [{ ...tool, type: "function" }, functionTool],
  toolChoice: choice,
  parallelToolCalls: true,
  presencePenalty: 0,
  frequencyPenalty: 0,
  safePrompt: false,
};
const sameFields: ChatCompletionRequest = request;

/** Reads a stream event the way users of the official SDK do. */
function readEvent(event: CompletionEvent): string {
  const delta = event.data.choices[0]?.delta;
  const content = delta?.content;
  const finish: CompletionResponseStreamChoiceFinishReason | null | undefined =
    event.data.choices[0]?.finishReason;
  const tokens: number | undefined = event.data.usage?.promptTokens;
  let text = typeof content === "string" ? content : "";
  if (Array.isArray(content)) {
    for (const chunk of content) {
      if (chunk.type === "text") text += chunk.text;
      if (chunk.type === "thinking")
        text += chunk.thinking.map((t) => ("text" in t ? t.text : "")).join("");
    }
  }
  const calls = delta?.toolCalls?.map((c) => c.function.name).join(",") ?? "";
  return `${text}|${calls}|${finish ?? ""}|${tokens ?? ""}`;
}

/** Reads a whole response the way users of the official SDK do. */
function readResponse(response: ChatCompletionResponse): string {
  const reason: ChatCompletionChoiceFinishReason | undefined = response.choices[0]?.finishReason;
  const message: AssistantMessage | undefined = response.choices[0]?.message;
  const usage: UsageInfo = response.usage;
  return `${String(message?.content)}|${reason}|${usage.totalTokens}`;
}

test("code written for the official SDK compiles and encodes to the documented wire", () => {
  const wire = encodeChatCompletionRequest(sameFields, true);
  assert.equal(wire.top_p, 0.9);
  assert.equal(wire.max_tokens, 256);
  assert.equal(wire.tool_choice, "any");
  assert.deepStrictEqual(wire.response_format, {
    type: "json_schema",
    json_schema: { name: "x", schema: { type: "object", properties: {} }, strict: true },
  });
  const messages = wire.messages as Array<Record<string, unknown>>;
  assert.equal(messages[3]?.tool_call_id, "abc123xyz");
  assert.deepStrictEqual(messages[1]?.content, [
    { type: "text", text: "What is in this picture, and the weather in Paris?" },
    { type: "image_url", image_url: { url: "https://example.com/x.png", detail: "auto" } },
  ]);
});

test("stream events and responses read the official way", () => {
  const event: CompletionEvent = {
    data: decodeCompletionChunk({
      id: "x",
      model: "m",
      choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    }),
  };
  assert.equal(readEvent(event), "Hi||stop|3");
  const text: TextChunk = { type: "text", text: "a" };
  const thinking: ThinkChunk = { type: "thinking", thinking: [text] };
  const chunks: ContentChunk[] = [
    { ...thinking, type: "thinking" },
    { ...text, type: "text" },
  ];
  assert.equal(chunks.length, 2);
  const response: ChatCompletionResponse = {
    id: "r",
    object: "chat.completion",
    model: "m",
    created: 0,
    usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
    choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finishReason: "stop" }],
  };
  assert.equal(readResponse(response), "ok|stop|2");
});
