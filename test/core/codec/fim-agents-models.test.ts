import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeFimCompletionResponse,
  decodeModelCard,
  decodeModelList,
  encodeAgentsCompletionRequest,
  encodeFimCompletionRequest,
} from "../../../src/core/codec/index.js";
import type {
  AgentsCompletionRequest,
  FIMCompletionRequest,
} from "../../../src/core/models/index.js";
import { findSnakeKeys } from "./fixtures.js";

test("a FIM request maps every field and drops unknown ones", () => {
  const request = {
    model: "codestral-latest",
    prompt: "def add(a, b):",
    suffix: "\n\nprint(add(1, 2))",
    temperature: 0,
    topP: 1,
    maxTokens: 32,
    minTokens: 1,
    stop: "\n\n",
    randomSeed: 3,
    metadata: { repo_name: "x" },
    promptCacheKey: "k",
    stream: false,
    messages: [],
  } as FIMCompletionRequest;
  assert.deepStrictEqual(encodeFimCompletionRequest(request, true), {
    model: "codestral-latest",
    temperature: 0,
    top_p: 1,
    max_tokens: 32,
    stream: true,
    stop: "\n\n",
    random_seed: 3,
    metadata: { repo_name: "x" },
    prompt: "def add(a, b):",
    suffix: "\n\nprint(add(1, 2))",
    min_tokens: 1,
    prompt_cache_key: "k",
  });
});

test("a FIM response decodes like a chat response", () => {
  const decoded = decodeFimCompletionResponse({
    id: "f",
    object: "chat.completion",
    model: "codestral-latest",
    created: 1,
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    choices: [
      {
        index: 0,
        finish_reason: "stop",
        message: { role: "assistant", content: "  return a + b" },
      },
    ],
  });
  assert.equal(decoded.choices[0]?.message?.content, "  return a + b");
  assert.equal(decoded.usage.totalTokens, 7);
});

test("an agents request maps agentId and the shared chat fields", () => {
  const request: AgentsCompletionRequest = {
    agentId: "ag_123",
    messages: [{ role: "user", content: "hi" }],
    maxTokens: 10,
    toolChoice: { type: "function", function: { name: "f" } },
    responseFormat: { type: "text" },
    reasoningEffort: "low",
  };
  assert.deepStrictEqual(encodeAgentsCompletionRequest(request, true), {
    max_tokens: 10,
    stream: true,
    messages: [{ role: "user", content: "hi" }],
    response_format: { type: "text" },
    tool_choice: { type: "function", function: { name: "f" } },
    reasoning_effort: "low",
    agent_id: "ag_123",
  });
});

const baseCard = {
  id: "mistral-small-latest",
  object: "model",
  created: 1700000000,
  owned_by: "mistralai",
  capabilities: {
    completion_chat: true,
    function_calling: true,
    vision: false,
    audio_transcription: true,
  },
  name: "mistral-small-2506",
  description: "Small",
  max_context_length: 131072,
  aliases: ["mistral-small-2506"],
  deprecation: "2026-01-01T00:00:00Z",
  deprecation_replacement_model: null,
  default_model_temperature: 0.3,
  type: "base",
};

test("a model list decodes base, fine-tuned and unknown cards", () => {
  const list = decodeModelList({
    object: "list",
    data: [
      baseCard,
      {
        ...baseCard,
        id: "ft:x",
        type: "fine-tuned",
        job: "job-1",
        root: "open-mistral-7b",
        archived: true,
      },
      { id: "z", type: "quantum" },
    ],
  });
  assert.equal(list.object, "list");
  const [base, tuned, unknown] = list.data ?? [];
  assert.equal(base?.type, "base");
  if (base?.type !== "base") return;
  assert.equal(base.ownedBy, "mistralai");
  assert.equal(base.maxContextLength, 131072);
  assert.equal(base.capabilities.completionChat, true);
  assert.equal(base.capabilities.audioTranscription, true);
  assert.equal(base.capabilities.ocr, false);
  assert.ok(base.deprecation instanceof Date);
  assert.equal(base.deprecation?.toISOString(), "2026-01-01T00:00:00.000Z");
  assert.equal(base.deprecationReplacementModel, null);
  assert.equal(base.defaultModelTemperature, 0.3);
  assert.equal(base.internal, false);
  assert.deepStrictEqual(findSnakeKeys(base), []);
  assert.equal(tuned?.type, "fine-tuned");
  if (tuned?.type !== "fine-tuned") return;
  assert.deepStrictEqual(
    [tuned.job, tuned.root, tuned.archived],
    ["job-1", "open-mistral-7b", true],
  );
  assert.deepStrictEqual(unknown, {
    type: "UNKNOWN",
    raw: { id: "z", type: "quantum" },
    isUnknown: true,
  });
});

test("a model card without type or fields takes the API defaults", () => {
  const card = decodeModelCard({ id: "m" });
  assert.equal(card.type, "base");
  if (card.type !== "base") return;
  assert.equal(card.object, "model");
  assert.equal(card.ownedBy, "mistralai");
  assert.equal(card.maxContextLength, 32768);
  assert.equal(card.capabilities.vision, false);
  assert.deepStrictEqual(decodeModelList({}), { object: "list", data: [] });
});
