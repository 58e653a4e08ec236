import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCompletionChunk } from "../../../src/core/codec/index.js";
import type { CompletionChunk, ContentChunk, ToolCall } from "../../../src/core/models/index.js";
import {
  allStreamChunks,
  findSnakeKeys,
  fixturePathOf,
  type Json,
  readJsonlChunks,
  readSseChunks,
  shortName,
} from "./fixtures.js";

const decodeAll = (chunks: Json[]): CompletionChunk[] => chunks.map(decodeCompletionChunk);
const sse = (name: string): CompletionChunk[] =>
  decodeAll(readSseChunks(fixturePathOf("sse", name)));
const jsonl = (name: string): CompletionChunk[] =>
  decodeAll(readJsonlChunks(fixturePathOf("jsonl", name)));

/** Concatenated string content of choice `index`. */
function textOf(chunks: CompletionChunk[], index = 0): string {
  let text = "";
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      if (choice.index === index && typeof choice.delta.content === "string")
        text += choice.delta.content;
    }
  }
  return text;
}

function toolCallsOf(chunks: CompletionChunk[]): ToolCall[] {
  return chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.toolCalls ?? []));
}

test(
  "every chunk of every recorded stream decodes with camelCase keys only",
  { timeout: 30_000 },
  () => {
    let decoded = 0;
    for (const { file, chunks } of allStreamChunks()) {
      assert.ok(chunks.length > 0, `${shortName(file)} has chunks`);
      for (const [i, wire] of chunks.entries()) {
        const chunk = decodeCompletionChunk(wire);
        const where = `${shortName(file)} chunk ${i}`;
        assert.deepStrictEqual(findSnakeKeys(chunk), [], where);
        assert.equal(chunk.id, wire.id, where);
        assert.equal(chunk.model, wire.model, where);
        assert.equal(chunk.created, wire.created, where);
        assert.equal(chunk.object, wire.object, where);
        assert.ok(!("p" in chunk), `${where}: padding dropped`);
        const wireChoices = wire.choices as Json[];
        assert.equal(chunk.choices.length, wireChoices.length, where);
        for (const [j, choice] of chunk.choices.entries()) {
          const wireChoice = wireChoices[j] as Json;
          assert.equal(choice.index, wireChoice.index, where);
          assert.equal(choice.finishReason, wireChoice.finish_reason, where);
          assert.ok(!("logprobs" in choice), `${where}: logprobs dropped`);
          assert.deepStrictEqual(Object.keys(choice), ["index", "delta", "finishReason"], where);
        }
        assert.equal(chunk.usage === undefined, wire.usage === undefined, where);
        decoded++;
      }
    }
    assert.ok(decoded > 700, `only ${decoded} chunks decoded`);
  },
);

test("every chunk and delta has the same keys in the same order", () => {
  for (const { file, chunks } of allStreamChunks()) {
    for (const chunk of decodeAll(chunks)) {
      assert.deepStrictEqual(Object.keys(chunk), [
        "id",
        "object",
        "created",
        "model",
        "usage",
        "choices",
      ]);
      for (const choice of chunk.choices) {
        const keys = Object.keys(choice.delta).slice(0, 3);
        assert.deepStrictEqual(keys, ["role", "content", "toolCalls"], shortName(file));
      }
    }
  }
});

test("a plain text stream decodes to its text, role and usage", () => {
  const chunks = sse("openinference.2024-08.text-world-cup.sync.sse");
  assert.equal(chunks[0]?.choices[0]?.delta.role, "assistant");
  assert.equal(chunks[0]?.choices[0]?.delta.content, "");
  assert.ok(textOf(chunks).length > 10);
  const last = chunks.at(-1);
  assert.equal(last?.choices[0]?.finishReason, "stop");
  assert.deepStrictEqual(
    [last?.usage?.promptTokens, last?.usage?.completionTokens, last?.usage?.totalTokens].every(
      (n) => typeof n === "number" && n > 0,
    ),
    true,
  );
  assert.equal(chunks[1]?.choices[0]?.delta.role, undefined);
});

test("a whole tool call without index or type keeps those undefined", () => {
  const chunks = sse("openinference.2024-08.tool-call-get-weather.sse");
  const choice = chunks[1]?.choices[0];
  assert.equal(choice?.finishReason, "tool_calls");
  assert.equal(choice?.delta.content, null);
  assert.deepStrictEqual(choice?.delta.toolCalls, [
    {
      id: "EscTeQY62",
      type: undefined,
      function: { name: "get_weather", arguments: '{"city": "San Francisco"}' },
      index: undefined,
    },
  ]);
  assert.deepStrictEqual(chunks[1]?.usage, {
    promptTokens: 96,
    completionTokens: 23,
    totalTokens: 119,
  });
});

test("two tool calls in one delta decode as two calls", () => {
  const calls = toolCallsOf(sse("magentic.2024-11.parallel-function-call.sse"));
  assert.deepStrictEqual(
    calls.map((c) => [c.id, c.function.name]),
    [
      ["nqjf8Hqe1", "plus"],
      ["ATcpCKul3", "minus"],
    ],
  );
});

test("a current tool call carries index and type", () => {
  const calls = toolCallsOf(sse("rig.2026.tool-call-forced.sse"));
  assert.equal(calls.length, 1);
  assert.equal(calls[0]?.index, 0);
  assert.equal(calls[0]?.type, "function");
  assert.equal(typeof calls[0]?.function.arguments, "string");
});

test("a fragmented relayed tool call keeps id on the first fragment and an empty name after", () => {
  const chunks = jsonl("vercel-ai.2026-08.glm-relay-incremental-tool-call.chunks.jsonl");
  const calls = toolCallsOf(chunks);
  assert.equal(calls.length, 2);
  assert.deepStrictEqual(calls[0], {
    id: "chatcmpl-tool-9f149c74c42f265b",
    type: "function",
    function: { name: "webSearchTool", arguments: "" },
    index: 0,
  });
  assert.deepStrictEqual(calls[1], {
    id: undefined,
    type: "function",
    function: { name: "", arguments: '{"query": "current Berlin weather"}' },
    index: 0,
  });
  assert.equal(chunks[0]?.choices[0]?.delta.index, 0, "delta.index kept when sent");
  assert.deepStrictEqual(chunks.at(-1)?.usage, {
    promptTokens: 171,
    completionTokens: 14,
    totalTokens: 185,
    promptTokensDetails: { cachedTokens: 128 },
  });
});

test("thinking deltas decode to thinking chunks, then content turns to strings", () => {
  const chunks = sse("pydantic-ai.2025-11.magistral-thinking-stream.sse");
  const arrays = chunks
    .map((c) => c.choices[0]?.delta.content)
    .filter(Array.isArray) as ContentChunk[][];
  assert.ok(arrays.length > 10);
  const first = arrays[0]?.[0];
  assert.equal(first?.type, "thinking");
  if (first?.type !== "thinking") return;
  assert.equal(first.thinking[0]?.type, "text");
  assert.deepStrictEqual(Object.keys(first), ["type", "thinking"]);
  assert.ok(textOf(chunks).length > 0, "the answer comes as strings");
});

test("a text chunk inside an array delta decodes as a text chunk", () => {
  const chunks = jsonl("vercel-ai.2026-01.magistral-reasoning.chunks.jsonl");
  assert.deepStrictEqual(chunks[0]?.choices[0]?.delta.content, [
    { type: "thinking", thinking: [{ type: "text", text: "The user is asking" }] },
  ]);
  assert.deepStrictEqual(chunks[2]?.choices[0]?.delta.content, [
    { type: "text", text: "2 + 2 = 4" },
  ]);
});

test("interleaved choices of n=2 keep their own index and finish reason", () => {
  const chunks = sse("rig.2026.n2-interleaved-choices.sse");
  const indexes = new Set(chunks.flatMap((c) => c.choices.map((choice) => choice.index)));
  assert.deepStrictEqual([...indexes].sort(), [0, 1]);
  assert.ok(textOf(chunks, 0).length > 0);
  assert.ok(textOf(chunks, 1).length > 0);
  assert.notEqual(textOf(chunks, 0), textOf(chunks, 1));
  const finished = chunks.flatMap((c) =>
    c.choices.filter((choice) => choice.finishReason !== null),
  );
  assert.deepStrictEqual(finished.map((choice) => choice.index).sort(), [0, 1]);
});

test("usage extras of real traffic become camelCase fields", () => {
  const plain = sse("rig.2026.text-plain-auto.sse").at(-1)?.usage;
  assert.equal(plain?.serviceTier, "standard");
  assert.deepStrictEqual(plain?.promptTokensDetails, { cachedTokens: 0 });
  const audio = sse("rig.2026.voxtral-audio-input.sse").at(-1)?.usage;
  assert.deepStrictEqual(audio, {
    promptTokens: 11,
    completionTokens: 15,
    totalTokens: 401,
    promptAudioSeconds: 5,
    serviceTier: "standard",
    promptTokensDetails: { cachedTokens: 9, audioTokens: 375 },
  });
});
