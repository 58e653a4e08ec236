import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeChatCompletionResponse,
  encodeChatCompletionRequest,
} from "../../../src/core/codec/index.js";
import {
  findSnakeKeys,
  fixturePathOf,
  type Json,
  listFixtures,
  readJson,
  shortName,
} from "./fixtures.js";

const response = (name: string) =>
  decodeChatCompletionResponse(readJson(fixturePathOf("json", name)));

test("every recorded non-stream response decodes with camelCase keys only", () => {
  const files = listFixtures("json", ".response.json");
  assert.ok(files.length >= 14);
  for (const file of files) {
    const wire = readJson(file);
    const decoded = decodeChatCompletionResponse(wire);
    const where = shortName(file);
    assert.deepStrictEqual(findSnakeKeys(decoded), [], where);
    assert.equal(decoded.id, wire.id, where);
    assert.equal(decoded.model, wire.model, where);
    assert.equal(decoded.object, wire.object, where);
    const wireChoices = wire.choices as Json[];
    assert.equal(decoded.choices.length, wireChoices.length, where);
    for (const [i, choice] of decoded.choices.entries()) {
      assert.equal(choice.finishReason, wireChoices[i]?.finish_reason, where);
      assert.equal(choice.message?.role, "assistant", where);
    }
    assert.equal(decoded.usage.totalTokens, (wire.usage as Json).total_tokens, where);
  }
});

test("a text response decodes its message and usage extras", () => {
  const decoded = response("rig.2026.nonstream-text-service-tier.response.json");
  assert.deepStrictEqual(decoded, {
    id: "chatcmpl-REDACTED_1",
    object: "chat.completion",
    model: "mistral-small-latest",
    usage: {
      promptTokens: 23,
      completionTokens: 3,
      totalTokens: 26,
      serviceTier: "standard",
      promptTokensDetails: { cachedTokens: 0 },
    },
    created: 0,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "Pong", toolCalls: null, prefix: false },
        finishReason: "stop",
      },
    ],
  });
});

test("a tool-call response decodes its calls and the older num_cached_tokens key", () => {
  const decoded = response("pydantic-ai.2026-01.nonstream-tool-choice-required.response.json");
  const calls = decoded.choices[0]?.message?.toolCalls;
  assert.ok(Array.isArray(calls) && calls.length > 0);
  assert.equal(calls[0]?.function.name, "get_weather");
  assert.equal(typeof calls[0]?.function.arguments, "string");
  assert.equal(decoded.choices[0]?.finishReason, "tool_calls");
  assert.equal(typeof decoded.usage.numCachedTokens, "number");
});

test("a reasoning response decodes thinking and text chunks", () => {
  const decoded = response("pydantic-ai.2025-09.magistral-thinking-nonstream.response.json");
  const content = decoded.choices[0]?.message?.content;
  assert.ok(Array.isArray(content));
  assert.equal(content[0]?.type, "thinking");
  assert.ok(content.some((chunk) => chunk.type === "text"));
});

test("a decoded response message goes back into a request as the same wire message", () => {
  for (const file of listFixtures("json", ".response.json")) {
    const wire = readJson(file);
    const wireMessage = (wire.choices as Json[])[0]?.message as Json;
    const message = decodeChatCompletionResponse(wire).choices[0]?.message;
    assert.ok(message);
    const sent = encodeChatCompletionRequest(
      { model: "m", messages: [{ ...message, role: "assistant" }] },
      false,
    ).messages as Json[];
    const expected: Json = { prefix: false, ...wireMessage };
    assert.deepStrictEqual(sent[0], expected, shortName(file));
  }
});

test("missing fields take defaults instead of throwing", () => {
  assert.deepStrictEqual(decodeChatCompletionResponse({}), {
    id: "",
    object: "",
    model: "",
    usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    created: 0,
    choices: [],
  });
  const decoded = decodeChatCompletionResponse({ choices: [7, { index: 1 }] });
  assert.deepStrictEqual(decoded.choices, [
    { index: 0, message: undefined, finishReason: "" },
    { index: 1, message: undefined, finishReason: "" },
  ]);
});
