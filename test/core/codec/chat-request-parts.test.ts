import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeChatCompletionRequest } from "../../../src/core/codec/index.js";
import type { ChatCompletionRequest, ContentChunk } from "../../../src/core/models/index.js";

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

test("every message role maps its own fields", () => {
  const request: ChatCompletionRequest = {
    model: "m",
    messages: [
      { role: "system", content: "be brief" },
      { role: "system", content: [{ type: "text", text: "rules" }] },
      { role: "user", content: "what is 2+3?" },
      {
        role: "assistant",
        content: "",
        prefix: false,
        toolCalls: [
          {
            id: "c1",
            type: "function",
            function: { name: "add", arguments: '{"x":2,"y":3}' },
            index: 0,
          },
          { id: "c2", function: { name: "add", arguments: { x_value: 1, yValue: 2 } } },
        ],
      },
      { role: "tool", content: "5", toolCallId: "c1", name: "add" },
      { role: "tool", content: null },
      { role: "assistant", content: "The total is", prefix: true },
    ],
  };
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false).messages, [
    { role: "system", content: "be brief" },
    { role: "system", content: [{ type: "text", text: "rules" }] },
    { role: "user", content: "what is 2+3?" },
    {
      role: "assistant",
      content: "",
      prefix: false,
      tool_calls: [
        {
          id: "c1",
          type: "function",
          function: { name: "add", arguments: '{"x":2,"y":3}' },
          index: 0,
        },
        { id: "c2", function: { name: "add", arguments: { x_value: 1, yValue: 2 } } },
      ],
    },
    { role: "tool", content: "5", tool_call_id: "c1", name: "add" },
    { role: "tool", content: null },
    { role: "assistant", content: "The total is", prefix: true },
  ]);
});

test("every content chunk type maps to its wire shape", () => {
  const chunks: ContentChunk[] = [
    { type: "text", text: "look" },
    { type: "image_url", imageUrl: "https://example.com/a.png" },
    { type: "image_url", imageUrl: { url: "data:image/png;base64,AAAA", detail: "high" } },
    { type: "document_url", documentUrl: "https://example.com/a.pdf", documentName: "a.pdf" },
    { type: "reference", referenceIds: [1, "two"] },
    { type: "file", fileId: "0b6e5d2c-2d4e-4b8f-9a35-000000000000" },
    {
      type: "thinking",
      thinking: [
        { type: "text", text: "hmm" },
        { type: "reference", referenceIds: [3] },
        {
          type: "tool_reference",
          tool: "web_search",
          title: "Doc",
          url: "https://x",
          favicon: null,
        },
      ],
      signature: "sig",
      closed: true,
    },
    { type: "input_audio", inputAudio: "//NkxAAA" },
  ];
  const wire = encodeChatCompletionRequest(
    { model: "m", messages: [{ role: "user", content: chunks }] },
    false,
  );
  assert.deepStrictEqual((wire.messages as Array<{ content: unknown }>)[0]?.content, [
    { type: "text", text: "look" },
    { type: "image_url", image_url: "https://example.com/a.png" },
    { type: "image_url", image_url: { url: "data:image/png;base64,AAAA", detail: "high" } },
    { type: "document_url", document_url: "https://example.com/a.pdf", document_name: "a.pdf" },
    { type: "reference", reference_ids: [1, "two"] },
    { type: "file", file_id: "0b6e5d2c-2d4e-4b8f-9a35-000000000000" },
    {
      type: "thinking",
      thinking: [
        { type: "text", text: "hmm" },
        { type: "reference", reference_ids: [3] },
        {
          type: "tool_reference",
          tool: "web_search",
          title: "Doc",
          url: "https://x",
          favicon: null,
        },
      ],
      signature: "sig",
      closed: true,
    },
    { type: "input_audio", input_audio: "//NkxAAA" },
  ]);
});

test("chunks without a type get it from their distinctive field", () => {
  const content = [
    { text: "a" },
    { imageUrl: "u" },
    { thinking: [{ text: "t" }] },
    { fileId: "f" },
  ];
  const request = {
    model: "m",
    messages: [{ role: "user", content }],
  } as unknown as ChatCompletionRequest;
  const wire = encodeChatCompletionRequest(request, false);
  assert.deepStrictEqual((wire.messages as Array<{ content: unknown }>)[0]?.content, [
    { type: "text", text: "a" },
    { type: "image_url", image_url: "u" },
    { type: "thinking", thinking: [{ type: "text", text: "t" }] },
    { type: "file", file_id: "f" },
  ]);
});

test("an unknown chunk decoded from a response is sent back as its raw wire object", () => {
  const raw = { type: "future_chunk", some_field: 1 };
  const wire = encodeChatCompletionRequest(
    {
      model: "m",
      messages: [{ role: "assistant", content: [{ type: "UNKNOWN", raw, isUnknown: true }] }],
    },
    false,
  );
  assert.deepStrictEqual(wire.messages, [{ role: "assistant", content: [raw] }]);
});

test("every tool type maps to its wire shape with parameters untouched", () => {
  const request: ChatCompletionRequest = {
    model: "m",
    messages: [],
    tools: [
      {
        type: "function",
        function: { name: "lookup", description: "Look up", strict: true, parameters: schema },
      },
      { type: "web_search" },
      {
        type: "web_search_premium",
        toolConfiguration: { requiresConfirmation: ["search"], include: null },
      },
      { type: "code_interpreter", toolConfiguration: null },
      { type: "image_generation", toolConfiguration: { exclude: ["x"] } },
      { type: "document_library", libraryIds: ["lib-1"] },
      { type: "connector", connectorId: "conn-1", authorization: { type: "api-key", value: "k" } },
      { type: "connector", connectorId: "conn-2", authorization: null },
    ],
  };
  const wire = encodeChatCompletionRequest(request, false);
  assert.deepStrictEqual(wire.tools, [
    {
      type: "function",
      function: { name: "lookup", description: "Look up", strict: true, parameters: schema },
    },
    { type: "web_search" },
    {
      type: "web_search_premium",
      tool_configuration: { requires_confirmation: ["search"], include: null },
    },
    { type: "code_interpreter", tool_configuration: null },
    { type: "image_generation", tool_configuration: { exclude: ["x"] } },
    { type: "document_library", library_ids: ["lib-1"] },
    { type: "connector", connector_id: "conn-1", authorization: { type: "api-key", value: "k" } },
    { type: "connector", connector_id: "conn-2", authorization: null },
  ]);
  const parameters = (wire.tools as Array<{ function?: { parameters: unknown } }>)[0]?.function
    ?.parameters;
  assert.equal(parameters, schema, "the caller's JSON Schema object is passed through");
});

test("a function tool without type is sent without type", () => {
  const request = {
    model: "m",
    messages: [],
    tools: [{ function: { name: "f", parameters: { type: "object" } } }],
  } as unknown as ChatCompletionRequest;
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false).tools, [
    { function: { name: "f", parameters: { type: "object" } } },
  ]);
});

test("tool choice is sent as a mode string or a named function", () => {
  const encode = (toolChoice: ChatCompletionRequest["toolChoice"]) =>
    encodeChatCompletionRequest({ model: "m", messages: [], toolChoice }, false).tool_choice;
  for (const mode of ["auto", "none", "any", "required"] as const) assert.equal(encode(mode), mode);
  assert.deepStrictEqual(encode({ type: "function", function: { name: "add" } }), {
    type: "function",
    function: { name: "add" },
  });
  assert.deepStrictEqual(encode({ function: { name: "add" } }), { function: { name: "add" } });
});

test("guardrails are renamed field by field, thresholds included", () => {
  const request: ChatCompletionRequest = {
    model: "m",
    messages: [],
    guardrails: [
      {
        blockOnError: false,
        moderationLlmV1: {
          modelName: "mistral-moderation-2411",
          customCategoryThresholds: {
            hateAndDiscrimination: 0.3,
            dangerousAndCriminalContent: 0.4,
            pii: null,
          },
          ignoreOtherCategories: true,
          action: "block",
        },
        moderationLlmV2: {
          customCategoryThresholds: { violenceAndThreats: 0.5, jailbreaking: 0.2 },
          action: "none",
        },
      },
    ],
  };
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false).guardrails, [
    {
      block_on_error: false,
      moderation_llm_v1: {
        model_name: "mistral-moderation-2411",
        custom_category_thresholds: {
          hate_and_discrimination: 0.3,
          dangerous_and_criminal_content: 0.4,
          pii: null,
        },
        ignore_other_categories: true,
        action: "block",
      },
      moderation_llm_v2: {
        custom_category_thresholds: { violence_and_threats: 0.5, jailbreaking: 0.2 },
        action: "none",
      },
    },
  ]);
});

test("an assistant message without role is sent with role assistant", () => {
  const request = {
    model: "m",
    messages: [{ content: "Once upon a time", prefix: true }],
  } as unknown as ChatCompletionRequest;
  assert.deepStrictEqual(encodeChatCompletionRequest(request, false).messages, [
    { role: "assistant", content: "Once upon a time", prefix: true },
  ]);
});
