import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import { type Chunk, chat, chunksOf, post, splitSse, withEmulator } from "../helpers.js";

const fixture = (name: string) => readFileSync(fixturePath("mistral", ...name.split("/")), "utf8");

/** A compact description of one delta, so streams can be compared by shape rather than by words. */
function deltaShape(chunk: Chunk): string {
  const [choice] = chunk.choices;
  const delta = choice?.delta ?? {};
  let shape: string;
  if ("role" in delta) shape = "role";
  else if ("tool_calls" in delta) shape = "tools";
  else if (Array.isArray(delta.content)) {
    const [part] = delta.content as { type: string; thinking?: unknown[] }[];
    shape = part?.thinking?.length === 0 ? "thinking-end" : `array-${part?.type}`;
  } else shape = delta.content === "" ? "empty" : "text";
  return choice?.finish_reason ? `${shape}+finish` : shape;
}

/** Shapes with consecutive repeats collapsed: role, empty, thinking..., text... */
function streamShape(chunks: readonly Chunk[]): string[] {
  const shapes = chunks.map(deltaShape);
  return shapes.filter((s, i) => s !== shapes[i - 1]);
}

describe("emulator wire format", () => {
  it("frames a text stream like the recorded API: role chunk, padded content, usage last, [DONE]", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Tell me a joke about OpenTelemetry", { stream: true }),
      );
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get("content-type"), "text/event-stream; charset=utf-8");
      assert.match(reply.headers.get("mistral-correlation-id") ?? "", /^[0-9a-f]{32}$/);
      assert.ok(reply.text.endsWith("\n\ndata: [DONE]\n\n"));
      assert.ok(!reply.text.includes("\r"), "LF line endings only");
      const { data } = splitSse(reply.text);
      assert.equal(data.at(-1), "[DONE]");
      const chunks = chunksOf(reply.text);
      const [first] = chunks;
      assert.deepEqual(first?.choices, [
        { index: 0, delta: { role: "assistant", content: "" }, finish_reason: null },
      ]);
      assert.equal(first?.p, undefined, "the role chunk has no padding");
      for (const c of chunks.slice(1))
        assert.match(c.p ?? "", /^a[a-z0-9]*$/, "content chunks carry p");
      for (const c of chunks) {
        assert.match(c.id, /^[0-9a-f]{32}$/);
        assert.equal(c.id, first?.id);
        assert.equal(c.object, "chat.completion.chunk");
        assert.equal(c.model, "mistral-small-latest");
      }
      const last = chunks.at(-1) as Chunk;
      assert.equal(last.choices[0]?.finish_reason, "stop");
      assert.ok(last.usage, "usage on the last chunk");
      assert.ok(
        chunks.slice(0, -1).every((c) => c.usage === undefined),
        "usage only on the last chunk",
      );
    });
  });

  it("orders chunk keys as the raw recordings do", async () => {
    const recorded = chunksOf(fixture("sse/openllmetry.2025-09.text-joke-1.sse"));
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Tell me a joke", { stream: true }),
      );
      const ours = chunksOf(reply.text);
      const keys = (c: Chunk | undefined) => Object.keys(c ?? {});
      assert.deepEqual(keys(ours[0]), keys(recorded[0]));
      assert.deepEqual(keys(ours[1]), keys(recorded[1]));
      assert.deepEqual(keys(ours.at(-1)), keys(recorded.at(-1)));
      assert.deepEqual(
        Object.keys(ours[0]?.choices[0] ?? {}),
        Object.keys(recorded[0]?.choices[0] ?? {}),
      );
      const usageKeys = Object.keys(ours.at(-1)?.usage ?? {}).slice(0, 3);
      assert.deepEqual(usageKeys, Object.keys(recorded.at(-1)?.usage ?? {}));
    });
  });

  it("orders the keys of a non-stream response as the raw recording does", async () => {
    const recorded = JSON.parse(fixture("json/openllmetry.2025-09.nonstream-joke.response.json"));
    await withEmulator({}, async (emu) => {
      const reply = await post(emu, "/v1/chat/completions", chat("Tell me a joke"));
      assert.equal(reply.headers.get("content-type"), "application/json");
      const ours = JSON.parse(reply.text);
      assert.deepEqual(Object.keys(ours), Object.keys(recorded));
      assert.deepEqual(Object.keys(ours.choices[0]), Object.keys(recorded.choices[0]));
      assert.deepEqual(
        Object.keys(ours.choices[0].message),
        Object.keys(recorded.choices[0].message),
      );
      assert.match(ours.id, /^[0-9a-f]{32}$/);
      assert.equal(ours.object, "chat.completion");
      assert.equal(typeof ours.choices[0].message.content, "string");
    });
  });

  it("streams a reasoning model's thinking exactly in the recorded sequence", async () => {
    const recorded = streamShape(
      chunksOf(fixture("sse/pydantic-ai.2025-11.magistral-thinking-stream.sse")),
    );
    await withEmulator({}, async (emu) => {
      const body = {
        model: "magistral-medium-latest",
        stream: true,
        messages: [{ role: "user", content: "How do I cross the street?" }],
      };
      const chunks = chunksOf((await post(emu, "/v1/chat/completions", body)).text);
      assert.deepEqual(streamShape(chunks), recorded);
      assert.deepEqual(recorded, [
        "role",
        "empty",
        "array-thinking",
        "thinking-end",
        "text",
        "empty+finish",
      ]);
      assert.ok(
        chunks.every((c) => c.p === undefined),
        "the reasoning recording has no padding",
      );
      const thinking = chunks
        .flatMap((c) => c.choices[0]?.delta.content)
        .filter(
          (p): p is { type: string; thinking: { text: string }[] } =>
            typeof p === "object" && p !== null,
        )
        .map((p) => p.thinking[0]?.text ?? "")
        .join("");
      assert.match(thinking, /^Okay, the user is asking about /);
    });
  });

  it("answers a reasoning model without streaming with thinking and text content chunks", async () => {
    await withEmulator({}, async (emu) => {
      const body = {
        model: "magistral-small-latest",
        messages: [{ role: "user", content: "Explain rainbows" }],
      };
      const message = JSON.parse((await post(emu, "/v1/chat/completions", body)).text).choices[0]
        .message;
      assert.equal(message.content[0].type, "thinking");
      assert.equal(message.content[0].thinking[0].type, "text");
      assert.equal(message.content[1].type, "text");
      assert.ok(message.content[1].text.length > 20);
    });
  });

  it("sends a tool call whole in one delta with its finish reason and usage, like the recordings", async () => {
    const request = JSON.parse(fixture("sse/magentic.2024-11.function-call.request.json"));
    const recorded = streamShape(chunksOf(fixture("sse/magentic.2024-11.function-call.sse")));
    await withEmulator({}, async (emu) => {
      const chunks = chunksOf((await post(emu, "/v1/chat/completions", request)).text);
      assert.deepEqual(streamShape(chunks), recorded);
      const last = chunks.at(-1) as Chunk;
      assert.equal(last.choices[0]?.finish_reason, "tool_calls");
      assert.ok(last.usage);
      const [call] = last.choices[0]?.delta.tool_calls as {
        id: string;
        function: { name: string; arguments: string };
      }[];
      assert.match(call?.id ?? "", /^[A-Za-z0-9]{9}$/);
      assert.equal(call?.function.name, "plus");
      assert.deepEqual(
        JSON.parse(call?.function.arguments ?? ""),
        { a: 1, b: 2 },
        "numbers come from the prompt",
      );
    });
  });

  it("reports usage consistent with the tokens streamed", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Explain how tides work", { stream: true }),
      );
      const chunks = chunksOf(reply.text);
      const usage = chunks.at(-1)?.usage;
      assert.equal(usage?.completion_tokens, chunks.length - 1, "one token per content chunk");
      assert.equal(
        usage?.total_tokens,
        (usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0),
      );
      assert.ok((usage?.prompt_tokens ?? 0) > 5);
    });
  });
});
