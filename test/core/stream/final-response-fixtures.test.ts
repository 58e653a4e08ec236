// finalResponse() over every recorded stream: it must add up to what the wire
// said (text per choice, tool calls by index, finish reasons, usage), in the
// shape chat.complete() gives for the recorded non-stream responses of the
// same kind; where a stream and a non-stream recording are the same answer
// (vercel-ai), the two must be equal.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import { recordedStreams } from "../../helpers/recorded-streams.js";
import { type ChatCompletionResponse, Mistral } from "../../helpers/sdk.js";
import { sseHeaders, startTestServer, type TestServer } from "../../helpers/test-server.js";
import { request } from "./helpers.js";

/** The wire fields this test reads. */
interface Piece {
  type: string;
  text: string;
  thinking: Piece[];
}
interface WireCall {
  index?: number;
  id?: string;
  function: { name: string; arguments: unknown };
}
interface Json {
  id: string;
  model: string;
  created: number;
  usage?: { completion_tokens: number };
  choices: Array<{
    index: number;
    finish_reason: string | null;
    delta: { content?: string | Piece[] | null; tool_calls?: WireCall[] };
  }>;
}
/** SSE bodies: the recordings as is, and the chunk lists re-framed as their source project does. */
const bodies = recordedStreams();
const jsonDir = fixturePath("mistral", "json");

/** The JSON chunks of an SSE body. */
function chunksOf(body: string): Json[] {
  return body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)));
}

/** What the wire adds up to, computed independently of the client. */
function expectedOf(chunks: Json[]) {
  const choices = new Map<
    number,
    {
      text: string;
      thinking: string;
      finish: string;
      calls: Map<string, { name: string; args: string }>;
    }
  >();
  let usage: Json["usage"];
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const c of chunk.choices) {
      const s = choices.get(c.index) ?? { text: "", thinking: "", finish: "", calls: new Map() };
      choices.set(c.index, s);
      const content = c.delta.content;
      if (typeof content === "string") s.text += content;
      else if (Array.isArray(content)) {
        for (const piece of content) {
          if (piece.type === "text") s.text += piece.text;
          if (piece.type === "thinking")
            for (const t of piece.thinking) if (t.type === "text") s.thinking += t.text;
        }
      }
      for (const [i, call] of (c.delta.tool_calls ?? []).entries()) {
        // Fragments share an index; whole calls without one are distinct by position.
        const key = String(call.index ?? `${chunk.id}-${i}-${call.id}`);
        const seen = s.calls.get(key) ?? { name: "", args: "" };
        s.calls.set(key, {
          name: seen.name || call.function.name,
          args:
            seen.args +
            (typeof call.function.arguments === "string"
              ? call.function.arguments
              : JSON.stringify(call.function.arguments)),
        });
      }
      if (c.finish_reason) s.finish = c.finish_reason;
    }
  }
  return { choices, usage };
}

/** The shape of a value: keys and types, arrays by their first element. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return value === null ? "null" : typeof value;
}

describe("finalResponse() over every recorded stream", () => {
  let server: TestServer;
  let name = "";
  let client: Mistral;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, sseHeaders);
      res.end(bodies.get(name));
    });
    client = new Mistral({ serverURL: server.url, retryConfig: { strategy: "none" } });
  });
  after(() => server.close());

  const final = async (fixture: string): Promise<ChatCompletionResponse> => {
    name = fixture;
    return (await client.chat.stream(request)).finalResponse();
  };
  const complete = async (file: string): Promise<ChatCompletionResponse> => {
    const body = readFileSync(`${jsonDir}/${file}`, "utf8");
    const reply = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
    try {
      return await new Mistral({ serverURL: reply.url }).chat.complete(request);
    } finally {
      await reply.close();
    }
  };

  for (const fixture of bodies.keys()) {
    test(`${fixture} adds up to its chunks`, async () => {
      const response = await final(fixture);
      const chunks = chunksOf(bodies.get(fixture)!);
      const expected = expectedOf(chunks);
      assert.equal(response.object, "chat.completion");
      assert.equal(response.id, chunks[0]!.id);
      assert.equal(response.model, chunks[0]!.model);
      assert.equal(response.created, chunks[0]!.created);
      assert.equal(response.usage.completionTokens, expected.usage?.completion_tokens ?? 0);
      assert.deepEqual(
        response.choices.map((c) => c.index),
        [...expected.choices.keys()].sort(),
      );
      for (const choice of response.choices) {
        const want = expected.choices.get(choice.index)!;
        const message = choice.message!;
        assert.equal(message.role, "assistant");
        assert.equal(choice.finishReason, want.finish);
        const content = message.content;
        if (want.thinking) {
          assert.ok(Array.isArray(content), "thinking makes the content a chunk array");
          assert.equal(content[0]?.type, "thinking", "thinking comes first");
          const thinking = content.flatMap((c) => (c.type === "thinking" ? c.thinking : []));
          assert.equal(
            thinking.map((t) => (t.type === "text" ? t.text : "")).join(""),
            want.thinking,
          );
          const text = content.map((c) => (c.type === "text" ? c.text : "")).join("");
          assert.equal(text, want.text);
        } else {
          assert.equal(content, want.text);
        }
        const calls = message.toolCalls ?? [];
        assert.deepEqual(
          calls.map((c) => ({ name: c.function.name, args: c.function.arguments })),
          [...want.calls.values()],
        );
        for (const call of calls) {
          assert.notEqual(call.id, "null");
          assert.ok(call.function.name !== "", "every call has its name");
        }
      }
    });
  }

  test("a streamed answer has the shape of the non-stream answer of the same kind", async () => {
    const pairs: Array<[string, string]> = [
      ["rig.2026.text-plain-auto.sse", "rig.2026.nonstream-text-service-tier.response.json"],
      ["rig.2026.tool-call-forced.sse", "rig.2026.nonstream-tool-call.response.json"],
      ["openllmetry.2025-09.text-joke-1.sse", "openllmetry.2025-09.nonstream-joke.response.json"],
      [
        "pydantic-ai.2025-11.magistral-thinking-stream.sse",
        "pydantic-ai.2025-09.magistral-thinking-nonstream.response.json",
      ],
    ];
    for (const [stream, whole] of pairs) {
      assert.deepEqual(
        shapeOf(await final(stream)),
        shapeOf(await complete(whole)),
        `${stream} vs ${whole}`,
      );
    }
  });

  test("where a stream and a non-stream recording are the same answer, they are equal", async () => {
    // (vercel-ai.2026-01.text is not: its two recordings are different answers.)
    for (const kind of ["tool-call", "magistral-reasoning"]) {
      const streamed = await final(`vercel-ai.2026-01.${kind}.chunks.jsonl`);
      const whole = await complete(`vercel-ai.2026-01.${kind}.response.json`);
      // The non-stream recordings leave `content` or `tool_calls` out where the
      // stream sent "" or nothing: compare those as "no content" / "no calls".
      for (const response of [streamed, whole]) {
        for (const choice of response.choices) {
          const m = choice.message!;
          if (m.content === "" || m.content === null) m.content = undefined;
          if (m.toolCalls === null) m.toolCalls = undefined;
        }
      }
      assert.deepEqual(streamed, whole, kind);
    }
  });
});
