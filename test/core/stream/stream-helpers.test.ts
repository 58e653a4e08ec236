// The stream helpers on hand-made wire bodies: tool calls in every form the
// wire uses, n > 1, finalResponse() before, during and after iteration, the
// text and reasoning streams, stats and end listeners.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  IncompleteStreamError,
  InvalidRequestError,
  type StreamEnd,
  StreamServerError,
} from "../../helpers/sdk.js";
import { sseHeaders } from "../../helpers/test-server.js";
import { chunk, request, streamOf, withServer } from "./helpers.js";

const done = "data: [DONE]\n\n";
/** One SSE event of a chunk with these choices. */
const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 7, model: "m", choices, ...extra })}\n\n`;
const delta = (d: Record<string, unknown>, index = 0, finish: string | null = null) => ({
  index,
  delta: d,
  finish_reason: finish,
});
const call = (fields: Record<string, unknown>) => fields;

describe("finalResponse() puts tool calls together", () => {
  test('fragments by index: id and name on the first only, name "" and no id after, "null" ids absent', () =>
    withServer(
      streamOf([
        event([delta({ role: "assistant", content: "" })]),
        event([
          delta({
            tool_calls: [
              call({
                id: "c1",
                type: "function",
                index: 0,
                function: { name: "search", arguments: "" },
              }),
            ],
          }),
        ]),
        event([
          delta({ tool_calls: [call({ index: 0, function: { name: "", arguments: '{"q": ' } })] }),
        ]),
        event([
          delta({
            tool_calls: [
              call({ id: "null", index: 0, function: { name: "", arguments: '"paris"}' } }),
            ],
          }),
        ]),
        event([
          delta({
            tool_calls: [
              call({
                id: "null",
                index: 1,
                function: { name: "weather", arguments: { city: "Paris" } },
              }),
            ],
          }),
        ]),
        event([delta({ content: "" }, 0, "tool_calls")], {
          usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
        }),
        done,
      ]),
      async (_s, client) => {
        const response = await (await client.chat.stream(request)).finalResponse();
        const calls = response.choices[0]?.message?.toolCalls;
        assert.deepEqual(calls, [
          {
            id: "c1",
            type: "function",
            function: { name: "search", arguments: '{"q": "paris"}' },
            index: 0,
          },
          {
            id: undefined,
            type: undefined,
            function: { name: "weather", arguments: { city: "Paris" } },
            index: 1,
          },
        ]);
        assert.equal(response.choices[0]?.finishReason, "tool_calls");
        assert.deepEqual(response.usage, { promptTokens: 3, completionTokens: 4, totalTokens: 7 });
        assert.equal(response.created, 7);
      },
    ));

  test("whole calls without index are distinct calls, in order", () =>
    withServer(
      streamOf([
        event([delta({ role: "assistant", content: "" })]),
        event([
          delta(
            {
              content: null,
              tool_calls: [
                { id: "a1", function: { name: "one", arguments: "{}" } },
                { id: "b2", function: { name: "two", arguments: "{}" } },
              ],
            },
            0,
            "tool_calls",
          ),
        ]),
        done,
      ]),
      async (_s, client) => {
        const response = await (await client.chat.stream(request)).finalResponse();
        const calls = response.choices[0]?.message?.toolCalls ?? [];
        assert.deepEqual(
          calls.map((c) => [c.id, c.function.name]),
          [
            ["a1", "one"],
            ["b2", "two"],
          ],
        );
        assert.equal(response.choices[0]?.message?.content, "");
      },
    ));
});

describe("finalResponse() and the snapshot", () => {
  test("with n = 2 the interleaved choices come apart, each with its text and finish reason", () =>
    withServer(
      streamOf([
        event([
          delta({ role: "assistant", content: "" }, 0),
          delta({ role: "assistant", content: "" }, 1),
        ]),
        event([delta({ content: "A" }, 1)]),
        event([delta({ content: "a" }, 0)]),
        event([delta({ content: "B" }, 1, "stop")]),
        event([delta({ content: "b" }, 0, "length")]),
        done,
      ]),
      async (_s, client) => {
        const response = await (await client.chat.stream(request)).finalResponse();
        assert.deepEqual(
          response.choices.map((c) => [c.index, c.message?.content, c.finishReason]),
          [
            [0, "ab", "length"],
            [1, "AB", "stop"],
          ],
        );
      },
    ));

  test("a stream left before its end has no final response; the snapshot holds what arrived", () =>
    withServer(streamOf([chunk("a")], "hang"), async (_s, client) => {
      const stream = await client.chat.stream(request);
      assert.equal(stream.snapshot?.choices.length, 0);
      for await (const e of stream) {
        assert.equal(e.data.choices[0]?.delta.content, "a");
        assert.equal(stream.snapshot?.choices[0]?.message?.content?.at(0), "a");
        break;
      }
      await assert.rejects(stream.finalResponse(), InvalidRequestError);
      assert.equal(stream.snapshot?.choices[0]?.message?.content, "a");
    }));

  test("it drains what the loop left, and asking twice gives the same answer", () =>
    withServer(
      streamOf([chunk("a"), chunk("b"), chunk("c", { finish_reason: "stop" }), done]),
      async (_s, client) => {
        const again = await client.chat.stream(request);
        const first = await again.next();
        assert.equal(first.done, false);
        const response = await again.finalResponse();
        assert.equal(response.choices[0]?.message?.content, "abc");
        assert.equal(response.choices[0]?.finishReason, "stop");
        assert.deepEqual(
          await again.finalResponse(),
          response,
          "asking twice gives the same answer",
        );
      },
    ));

  test("a failure rejects with the stream's error, whose partial holds the response so far", () =>
    withServer(streamOf([chunk("Hel"), chunk("lo")]), async (_s, client) => {
      const error = await (await client.chat.stream(request)).finalResponse().catch((e) => e);
      assert.ok(error instanceof IncompleteStreamError);
      assert.equal(error.partial.text, "Hello");
      assert.equal(error.partial.response?.choices[0]?.message?.content, "Hello");
      assert.equal(error.partial.response?.id, "a");
    }));

  test('finish_reason "error": the chunk is yielded, then the stream fails with StreamServerError', () =>
    withServer(
      streamOf([chunk("ok"), chunk("!", { finish_reason: "error" }), done]),
      async (_s, client) => {
        const seen: unknown[] = [];
        const error = await (async () => {
          for await (const e of await client.chat.stream(request))
            seen.push(e.data.choices[0]?.finishReason);
        })().catch((e) => e);
        assert.deepEqual(seen, [null, "error"]);
        assert.ok(error instanceof StreamServerError);
        assert.equal(error.partial.response?.choices[0]?.finishReason, "error");
      },
    ));
});

describe("textStream() and reasoningStream()", () => {
  const thinking = (text: string) => ({
    content: [{ type: "thinking", thinking: [{ type: "text", text }] }],
  });
  const body = [
    event([delta({ role: "assistant", content: "" })]),
    event([delta(thinking("Let me "))]),
    event([delta(thinking("think."))]),
    event([delta({ content: [{ type: "thinking", thinking: [] }] })]),
    event([delta({ content: [{ type: "text", text: "The " }] })]),
    event([delta({ content: "answer." }, 0, "stop")]),
    done,
  ];

  test("give the answer's text and the thinking apart; the final content is thinking then text", () =>
    withServer(streamOf(body), async (_s, client) => {
      const text: string[] = [];
      for await (const piece of (await client.chat.stream(request)).textStream()) text.push(piece);
      assert.deepEqual(text, ["The ", "answer."]);
      const reasoning: string[] = [];
      const stream = await client.chat.stream(request);
      for await (const piece of stream.reasoningStream()) reasoning.push(piece);
      assert.deepEqual(reasoning, ["Let me ", "think."]);
      assert.deepEqual((await stream.finalResponse()).choices[0]?.message?.content, [
        { type: "thinking", thinking: [{ type: "text", text: "Let me think." }] },
        { type: "text", text: "The answer." },
      ]);
      assert.equal(stream.stats.reasoningChars, "Let me think.".length);
      assert.equal(stream.stats.answerChars, "The answer.".length);
    }));

  test("fail as the stream does, and leaving them early releases the connection", () =>
    withServer(streamOf([chunk("a"), chunk("b")], "hang"), async (server, client) => {
      const pieces = (await client.chat.stream(request, { idleTimeoutMs: 300 })).textStream();
      const error = await (async () => {
        for await (const _ of pieces);
      })().catch((e) => e);
      assert.equal(error?.name, "RequestTimeoutError");
      const stream = await client.chat.stream(request);
      const ended: StreamEnd[] = [];
      stream.onEnd((end) => ended.push(end));
      for await (const _ of stream.textStream()) break;
      assert.deepEqual(ended, [{ reason: "closed", error: undefined }]);
      assert.ok(server.requests.length >= 2);
    }));
});

describe("stream.stats and onEnd()", () => {
  test("count events, bytes and characters, time the first token, and take tokens/s from usage", () =>
    withServer(
      streamOf([
        event([delta({ role: "assistant", content: "" })]),
        event([delta({ content: "Hello" })]),
        event([delta({ content: " there" }, 0, "stop")], {
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        }),
        done,
      ]),
      async (_s, client) => {
        const stream = await client.chat.stream(request);
        const before = stream.stats;
        assert.equal(before.events, 0);
        assert.equal(before.ended, false);
        assert.equal(before.timeToFirstTokenMs, undefined);
        const ends: StreamEnd[] = [];
        stream.onEnd((end) => ends.push(end));
        await stream.finalResponse();
        const stats = stream.stats;
        assert.equal(stats.events, 3);
        assert.equal(stats.answerChars, "Hello there".length);
        assert.ok(stats.bytes > 100, String(stats.bytes));
        assert.ok(stats.timeToFirstByteMs >= 0);
        assert.ok(
          stats.timeToFirstTokenMs !== undefined &&
            stats.timeToFirstTokenMs >= stats.timeToFirstByteMs,
        );
        assert.ok(stats.durationMs >= stats.timeToFirstTokenMs);
        assert.ok(stats.longestGapMs >= 0);
        assert.equal(stats.retries, 0);
        assert.equal(stats.requestId, sseHeaders["mistral-correlation-id"]);
        assert.equal(stats.usage?.completionTokens, 2);
        assert.equal(stats.ended, true);
        assert.deepEqual(ends, [{ reason: "done", error: undefined }]);
        let late: StreamEnd | undefined;
        stream.onEnd((end) => {
          late = end;
        });
        assert.equal(late?.reason, "done", "a listener added after the end is called at once");
      },
    ));
});
