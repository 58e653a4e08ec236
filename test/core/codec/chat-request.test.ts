import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeChatCompletionRequest } from "../../../src/core/codec/index.js";
import type { ChatCompletionRequest } from "../../../src/core/models/index.js";

// A JSON Schema whose own keys look like both naming styles: none may change.
const schema = {
  type: "object",
  properties: {
    firstName: { type: "string" },
    last_name: { type: "string" },
    nested_obj: { type: "object", properties: { innerKey: { type: "integer" } } },
  },
  required: ["firstName", "last_name"],
  additionalProperties: false,
};

test("every top-level field is renamed to its wire name", () => {
  const request: ChatCompletionRequest = {
    model: "mistral-small-latest",
    temperature: 0.2,
    topP: 0.9,
    maxTokens: 64,
    stream: true,
    stop: ["\n\n", "END"],
    randomSeed: 7,
    metadata: { userId: "u1", trace_id: "t1" },
    messages: [{ role: "user", content: "hi" }],
    responseFormat: { type: "json_object" },
    tools: [],
    toolChoice: "any",
    presencePenalty: 0.1,
    frequencyPenalty: -0.1,
    n: 2,
    prediction: { type: "content", content: "guess" },
    parallelToolCalls: false,
    reasoningEffort: "high",
    promptMode: "reasoning",
    guardrails: [{ blockOnError: true }],
    promptCacheKey: "conversation-1",
    serviceTier: "standard_only",
    safePrompt: true,
  };
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false), {
    model: "mistral-small-latest",
    temperature: 0.2,
    top_p: 0.9,
    max_tokens: 64,
    stream: false,
    stop: ["\n\n", "END"],
    random_seed: 7,
    metadata: { userId: "u1", trace_id: "t1" },
    messages: [{ role: "user", content: "hi" }],
    response_format: { type: "json_object" },
    tools: [],
    tool_choice: "any",
    presence_penalty: 0.1,
    frequency_penalty: -0.1,
    n: 2,
    prediction: { type: "content", content: "guess" },
    parallel_tool_calls: false,
    reasoning_effort: "high",
    prompt_mode: "reasoning",
    guardrails: [{ block_on_error: true }],
    prompt_cache_key: "conversation-1",
    service_tier: "standard_only",
    safe_prompt: true,
  });
});

test("stream is always set from the argument", () => {
  const base: ChatCompletionRequest = { model: "m", messages: [] };
  assert.equal(encodeChatCompletionRequest(base, true).stream, true);
  assert.equal(encodeChatCompletionRequest({ ...base, stream: true }, false).stream, false);
  assert.equal(encodeChatCompletionRequest({ ...base, stream: false }, true).stream, true);
});

test("undefined values are omitted and null values are sent", () => {
  const request: ChatCompletionRequest = {
    model: "m",
    messages: [{ role: "assistant", content: undefined, toolCalls: null }],
    temperature: undefined,
    maxTokens: null,
    tools: null,
    stop: null,
    responseFormat: { type: "json_schema", jsonSchema: null },
  };
  const wire = encodeChatCompletionRequest(request, false);
  assert.deepStrictEqual(wire, {
    model: "m",
    max_tokens: null,
    stream: false,
    stop: null,
    messages: [{ role: "assistant", tool_calls: null }],
    response_format: { type: "json_schema", json_schema: null },
    tools: null,
  });
  assert.ok(!("temperature" in wire));
});

test("unknown keys are dropped at every level", () => {
  const request = {
    model: "m",
    streamOptions: { includeUsage: true },
    stream_options: { include_usage: true },
    messages: [
      { role: "user", content: [{ type: "text", text: "hi", cacheControl: "x" }], extra: 1 },
      { role: "tool", content: "42", toolCallId: "c1", tool_call_id: "dup" },
    ],
    tools: [
      {
        type: "function",
        function: { name: "f", parameters: {}, examples: [] },
        cacheControl: {},
      },
    ],
    responseFormat: {
      type: "json_schema",
      jsonSchema: { name: "x", schemaDefinition: {}, schema: {} },
    },
  } as unknown as ChatCompletionRequest;
  assert.deepStrictEqual(encodeChatCompletionRequest(request, true), {
    model: "m",
    stream: true,
    messages: [
      { role: "user", content: [{ type: "text", text: "hi" }] },
      { role: "tool", content: "42", tool_call_id: "c1" },
    ],
    tools: [{ type: "function", function: { name: "f", parameters: {} } }],
    response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } },
  });
});

test("schemaDefinition is sent as schema with its keys untouched", () => {
  const request: ChatCompletionRequest = {
    model: "m",
    messages: [],
    responseFormat: {
      type: "json_schema",
      jsonSchema: {
        name: "person",
        description: "A person",
        schemaDefinition: schema,
        strict: true,
      },
    },
  };
  const wire = encodeChatCompletionRequest(request, false);
  assert.deepStrictEqual(wire.response_format, {
    type: "json_schema",
    json_schema: { name: "person", description: "A person", schema, strict: true },
  });
  const sent = (wire.response_format as { json_schema: { schema: unknown } }).json_schema.schema;
  assert.equal(sent, schema, "the caller's object is passed through, not rebuilt");
  assert.deepStrictEqual(Object.keys(schema.properties), ["firstName", "last_name", "nested_obj"]);
});

test("metadata is passed through untouched", () => {
  const metadata = { userId: 1, nested_key: { innerKey: true } };
  const wire = encodeChatCompletionRequest({ model: "m", messages: [], metadata }, false);
  assert.equal(wire.metadata, metadata);
});

test("malformed values reach the wire as given instead of throwing", () => {
  const request = {
    model: "m",
    messages: "not an array",
    tools: [null, 3],
    toolChoice: 5,
    responseFormat: "json",
  } as unknown as ChatCompletionRequest;
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false), {
    model: "m",
    stream: false,
    messages: "not an array",
    response_format: "json",
    tools: [null, 3],
    tool_choice: 5,
  });
});
