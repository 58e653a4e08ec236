import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCompletionChunk } from "../../../src/core/codec/index.js";

test("a usage-only chunk with no choices decodes with an empty choice list", () => {
  const chunk = decodeCompletionChunk({
    id: "x",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [],
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
  });
  assert.deepStrictEqual(chunk.choices, []);
  assert.deepStrictEqual(chunk.usage, { promptTokens: 1, completionTokens: 2, totalTokens: 3 });
});

test("missing or mistyped fields take defaults instead of throwing", () => {
  assert.deepStrictEqual(decodeCompletionChunk({}), {
    id: "",
    object: undefined,
    created: undefined,
    model: "",
    usage: undefined,
    choices: [],
  });
  const odd = decodeCompletionChunk({
    id: 5,
    choices: [
      null,
      { delta: "x" },
      { index: 1, delta: { content: 3, tool_calls: [null, { function: 1 }] } },
    ],
    usage: null,
  });
  assert.equal(odd.id, "");
  assert.equal(odd.usage, undefined);
  assert.deepStrictEqual(odd.choices[0], {
    index: 0,
    delta: { role: undefined, content: undefined, toolCalls: undefined },
    finishReason: null,
  });
  assert.deepStrictEqual(odd.choices[1]?.delta, {
    role: undefined,
    content: undefined,
    toolCalls: undefined,
  });
  assert.deepStrictEqual(odd.choices[2]?.delta.toolCalls, [
    { id: undefined, type: undefined, function: { name: "", arguments: "" }, index: undefined },
    { id: undefined, type: undefined, function: { name: "", arguments: "" }, index: undefined },
  ]);
});

test("content chunks of every known kind decode, and unknown ones keep their raw object", () => {
  const raw = { type: "hologram", beam_id: 1 };
  const chunk = decodeCompletionChunk({
    id: "x",
    model: "m",
    choices: [
      {
        index: 0,
        finish_reason: null,
        delta: {
          content: [
            { type: "image_url", image_url: { url: "https://i", detail: "low" } },
            { type: "image_url", image_url: "https://j" },
            { type: "document_url", document_url: "https://d", document_name: "d.pdf" },
            { type: "reference", reference_ids: [1, "a"] },
            { type: "file", file_id: "f" },
            { type: "input_audio", input_audio: "AAAA" },
            {
              type: "thinking",
              thinking: [
                { type: "tool_reference", tool: "web_search", title: "T", url: "https://u" },
                { type: "reference", reference_ids: [2] },
                { type: "mystery" },
              ],
              signature: "s",
              closed: false,
            },
            raw,
          ],
        },
      },
    ],
  });
  assert.deepStrictEqual(chunk.choices[0]?.delta.content, [
    { type: "image_url", imageUrl: { url: "https://i", detail: "low" } },
    { type: "image_url", imageUrl: "https://j" },
    { type: "document_url", documentUrl: "https://d", documentName: "d.pdf" },
    { type: "reference", referenceIds: [1, "a"] },
    { type: "file", fileId: "f" },
    { type: "input_audio", inputAudio: "AAAA" },
    {
      type: "thinking",
      thinking: [
        { type: "tool_reference", tool: "web_search", title: "T", url: "https://u" },
        { type: "reference", referenceIds: [2] },
        { type: "UNKNOWN", raw: { type: "mystery" }, isUnknown: true },
      ],
      signature: "s",
      closed: false,
    },
    { type: "UNKNOWN", raw, isUnknown: true },
  ]);
});

test("rare delta keys appear only when sent", () => {
  const chunk = decodeCompletionChunk({
    id: "x",
    model: "m",
    choices: [
      { index: 0, delta: { tool_call_id: "c1", metadata: { some_key: 1 } }, finish_reason: null },
    ],
  });
  const delta = chunk.choices[0]?.delta;
  assert.equal(delta?.toolCallId, "c1");
  assert.deepStrictEqual(delta?.metadata, { some_key: 1 });
  assert.ok(!("index" in (delta ?? {})));
});
