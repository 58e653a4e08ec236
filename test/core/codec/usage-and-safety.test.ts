import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeChatCompletionResponse,
  decodeCompletionChunk,
  decodeUsage,
} from "../../../src/core/codec/index.js";

test("usage is undefined unless it is an object", () => {
  for (const value of [undefined, null, 3, "x", [1]]) assert.equal(decodeUsage(value), undefined);
});

test("usage counts default to zero and typed extras are kept", () => {
  assert.deepStrictEqual(decodeUsage({}), { promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  assert.deepStrictEqual(
    decodeUsage({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_audio_seconds: null,
      service_tier: "priority",
      num_cached_tokens: 4,
      completion_tokens_details: { reasoning_tokens: 3 },
      prompt_tokens_details: null,
    }),
    {
      promptTokens: 10,
      completionTokens: 5,
      totalTokens: 15,
      promptAudioSeconds: null,
      serviceTier: "priority",
      promptTokensDetails: null,
      completionTokensDetails: { reasoningTokens: 3 },
      numCachedTokens: 4,
    },
  );
});

test("usage keys this client does not know are kept under their wire names", () => {
  const future = { deep_key: [1, 2] };
  const usage = decodeUsage({
    prompt_tokens: 1,
    completion_tokens: 1,
    total_tokens: 2,
    brand_new_counter: 9,
    future_details: future,
    prompt_tokens_details: { cached_tokens: 1, image_tokens: 7 },
  });
  assert.equal(usage?.brand_new_counter, 9);
  assert.equal(usage?.future_details, future, "value passed through untouched");
  assert.deepStrictEqual(usage?.promptTokensDetails, { cachedTokens: 1, image_tokens: 7 });
  assert.ok(!("prompt_tokens" in (usage ?? {})), "known keys are not duplicated");
});

test("__proto__ and constructor keys in a chunk pollute nothing", () => {
  const text =
    '{"id":"x","model":"m","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},' +
    '"choices":[{"index":0,"finish_reason":null,"__proto__":{"polluted":3},' +
    '"delta":{"content":"hi","__proto__":{"polluted":4},"tool_calls":[{"__proto__":{"polluted":5},' +
    '"function":{"name":"f","arguments":{"__proto__":{"polluted":6}}}}]}}],' +
    '"usage":{"prompt_tokens":1,"__proto__":{"polluted":7},"constructor":{"polluted":8},"prototype":9,' +
    '"prompt_tokens_details":{"__proto__":{"polluted":10}}}}';
  const chunk = decodeCompletionChunk(JSON.parse(text));
  const probe: Record<string, unknown> = {};
  assert.equal(probe.polluted, undefined);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(chunk), Object.prototype);
  assert.equal(Object.getPrototypeOf(chunk.usage), Object.prototype);
  assert.equal(Object.getPrototypeOf(chunk.usage?.promptTokensDetails), Object.prototype);
  assert.ok(!Object.hasOwn(chunk.usage ?? {}, "__proto__"));
  assert.ok(!Object.hasOwn(chunk.usage ?? {}, "constructor"));
  assert.ok(!Object.hasOwn(chunk.usage ?? {}, "prototype"));
  assert.equal((chunk.usage as Record<string, unknown>).polluted, undefined);
  const delta = chunk.choices[0]?.delta;
  assert.equal(Object.getPrototypeOf(delta), Object.prototype);
  assert.equal((delta as Record<string, unknown>).polluted, undefined);
  assert.equal(delta?.content, "hi");
  assert.equal(
    (chunk.choices[0]?.delta.toolCalls?.[0] as unknown as Record<string, unknown>).polluted,
    undefined,
  );
});

test("__proto__ keys in a non-stream response pollute nothing", () => {
  const text =
    '{"__proto__":{"polluted":1},"choices":[{"index":0,"finish_reason":"stop",' +
    '"message":{"__proto__":{"polluted":2},"content":[{"type":"text","text":"a","__proto__":{"polluted":3}}]}}],' +
    '"usage":{"__proto__":{"polluted":4}}}';
  const response = decodeChatCompletionResponse(JSON.parse(text));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((response as unknown as Record<string, unknown>).polluted, undefined);
  assert.equal((response.choices[0]?.message as Record<string, unknown>).polluted, undefined);
  assert.equal((response.usage as Record<string, unknown>).polluted, undefined);
});
