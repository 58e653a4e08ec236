import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Chunk, chat, chunksOf, post, streamedText, withEmulator } from "../helpers.js";

/** The body with ids and timestamps blanked, so two runs can be compared byte for byte. */
function normalise(text: string): string {
  return text
    .replace(/"id":"[0-9a-f]{32}"/g, '"id":"ID"')
    .replace(/"id":"[A-Za-z0-9]{9}"/g, '"id":"CALL"')
    .replace(/"created":\d+/g, '"created":0');
}

describe("emulator answers", () => {
  it("streams the same bytes for the same request, apart from ids and timestamps", async () => {
    await withEmulator({}, async (emu) => {
      const body = chat("Explain how bread rises", { stream: true, random_seed: 7 });
      const a = await post(emu, "/v1/chat/completions", body);
      const b = await post(emu, "/v1/chat/completions", body);
      assert.equal(normalise(a.text), normalise(b.text));
      assert.notEqual(a.text, normalise(a.text), "ids are really there to blank");
    });
  });

  it("gives the same text with and without streaming", async () => {
    await withEmulator({}, async (emu) => {
      const body = chat("Explain how bread rises", { random_seed: 3 });
      const streamed = streamedText(
        chunksOf((await post(emu, "/v1/chat/completions", { ...body, stream: true })).text),
      );
      const whole = JSON.parse((await post(emu, "/v1/chat/completions", body)).text).choices[0]
        .message.content;
      assert.equal(streamed, whole);
    });
  });

  it("changes the text when the random seed changes", async () => {
    await withEmulator({}, async (emu) => {
      const texts = new Set<string>();
      for (const seed of [1, 2, 3]) {
        const reply = await post(
          emu,
          "/v1/chat/completions",
          chat("Explain how bread rises", { random_seed: seed }),
        );
        texts.add(JSON.parse(reply.text).choices[0].message.content);
      }
      assert.ok(texts.size >= 2, "at least two different answers for three seeds");
    });
  });

  it("writes readable English about the prompt's topic", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Tell me a joke about OpenTelemetry"),
      );
      const text: string = JSON.parse(reply.text).choices[0].message.content;
      assert.match(text, /OpenTelemetry/);
      assert.doesNotMatch(text, /lorem|ipsum/i);
      assert.match(text, /^[A-Z][\s\S]*[.!?]$/);
      const echo = await post(emu, "/v1/chat/completions", chat("Reply with exactly: cobalt"));
      assert.equal(JSON.parse(echo.text).choices[0].message.content, "cobalt");
    });
  });

  it("stops at max_tokens with finish_reason length and counts exactly those tokens", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Explain how tides work", { stream: true, max_tokens: 5 }),
      );
      const chunks = chunksOf(reply.text);
      assert.equal(chunks.length, 6, "role chunk and five tokens");
      assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, "length");
      assert.equal(chunks.at(-1)?.usage?.completion_tokens, 5);
      const whole = await post(
        emu,
        "/v1/chat/completions",
        chat("Explain how tides work", { max_tokens: 5 }),
      );
      const parsed = JSON.parse(whole.text);
      assert.equal(parsed.choices[0].finish_reason, "length");
      assert.equal(parsed.choices[0].message.content, streamedText(chunks));
    });
  });

  it("cuts the text before a stop sequence and finishes with stop", async () => {
    await withEmulator({}, async (emu) => {
      const full: string = JSON.parse(
        (await post(emu, "/v1/chat/completions", chat("Explain how tides work"))).text,
      ).choices[0].message.content;
      const word = (full.match(/\b[a-z]{5,}\b/g) ?? [])[3] as string;
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Explain how tides work", { stop: ["zzzz", word] }),
      );
      const choice = JSON.parse(reply.text).choices[0];
      assert.equal(choice.finish_reason, "stop");
      assert.equal(choice.message.content, full.slice(0, full.indexOf(word)));
      assert.ok(!choice.message.content.includes(word));
    });
  });

  it("streams n choices interleaved, each with its role chunk and finish reason, usage on the last chunk", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        chat("Say one random word.", { stream: true, n: 2, max_tokens: 8 }),
      );
      const chunks = chunksOf(reply.text);
      const indices = chunks.map((c) => c.choices[0]?.index);
      assert.deepEqual(indices.slice(0, 2), [0, 1], "role chunks first");
      assert.ok(chunks.slice(0, 2).every((c) => c.choices[0]?.delta.role === "assistant"));
      assert.ok(indices.slice(2).includes(0) && indices.slice(2).includes(1));
      for (const index of [0, 1]) {
        const own = chunks.filter((c) => c.choices[0]?.index === index);
        assert.equal(
          own.filter((c) => c.choices[0]?.finish_reason !== null).length,
          1,
          `one finish for choice ${index}`,
        );
        assert.ok(streamedText(chunks, index).length > 0);
      }
      assert.ok((chunks.at(-1) as Chunk).usage);
      assert.equal(chunks.filter((c) => c.usage).length, 1);
      const whole = JSON.parse(
        (await post(emu, "/v1/chat/completions", chat("Say one random word.", { n: 3 }))).text,
      );
      assert.deepEqual(
        whole.choices.map((c: { index: number }) => c.index),
        [0, 1, 2],
      );
    });
  });

  it("answers json_object mode with a JSON object, echoing one given in the prompt", async () => {
    await withEmulator({}, async (emu) => {
      const format = { response_format: { type: "json_object" } };
      const given = chat('Return only this JSON object: {"total":42}', { ...format, stream: true });
      assert.deepEqual(
        JSON.parse(streamedText(chunksOf((await post(emu, "/v1/chat/completions", given)).text))),
        { total: 42 },
      );
      const free = await post(emu, "/v1/chat/completions", chat("Describe the moon", format));
      const value = JSON.parse(JSON.parse(free.text).choices[0].message.content);
      assert.equal(typeof value, "object");
      assert.ok(!Array.isArray(value) && value !== null);
    });
  });

  it("answers json_schema mode with JSON that validates against the schema", async () => {
    const { validateJsonSchema } = await import("../../../src/emulator/json-schema/validate.js");
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", minLength: 2 },
        authors: { type: "array", items: { type: "string" }, minItems: 1 },
        year: { type: "integer", minimum: 1800, maximum: 2030 },
        genre: { enum: ["fiction", "poetry"] },
      },
      required: ["name", "authors", "year", "genre"],
      additionalProperties: false,
    };
    await withEmulator({}, async (emu) => {
      for (const seed of [1, 2, 3, 4]) {
        const body = chat("Recommend a book", {
          random_seed: seed,
          response_format: {
            type: "json_schema",
            json_schema: { name: "book", schema, strict: true },
          },
        });
        const content = JSON.parse((await post(emu, "/v1/chat/completions", body)).text).choices[0]
          .message.content;
        assert.deepEqual(validateJsonSchema(JSON.parse(content), schema), []);
      }
    });
  });
});

describe("emulator prompt reading", () => {
  it("keeps an arithmetic expression whole as the subject", async () => {
    const { readTopic } = await import("../../../src/emulator/answers/topic.js");
    assert.equal(readTopic("What is 2+2?").phrase, "2+2");
    assert.equal(readTopic("Explain how tides work").keyword, "tides");
  });
});

describe("emulator sums", () => {
  it("answers a sum with its value, on both endpoints", async () => {
    await withEmulator({}, async (emu) => {
      for (const [prompt, expected] of [
        ["What is 2+2?", "2 + 2 = 4."],
        ["calculate 12 * (3 + 4)", "12 * (3 + 4) = 84."],
        ["7/2", "7 / 2 = 3.5."],
        ["How much is 6 x 7?", "6 × 7 = 42."],
      ] as const) {
        const body = chat(prompt);
        const streamed = streamedText(
          chunksOf((await post(emu, "/v1/chat/completions", { ...body, stream: true })).text),
        );
        assert.ok(streamed.endsWith(expected), `${prompt} → ${streamed}`);
        const whole = JSON.parse((await post(emu, "/v1/chat/completions", body)).text).choices[0]
          .message.content;
        assert.equal(whole, streamed);
      }
    });
  });

  it("leaves dates, ranges and sums without a value to the usual answer", async () => {
    const { readSum } = await import("../../../src/emulator/answers/arithmetic.js");
    for (const prompt of [
      "What happened on 2024-01-05?",
      "Summarise pages 10-20",
      "What is 1/0?",
      "What is 2+?",
      "Explain 3 + 4 in detail",
      "What is (2+3?",
    ]) {
      assert.equal(readSum(prompt), undefined, prompt);
    }
    assert.deepEqual(readSum("what's -3 + 10 ?"), { expression: "-3 + 10", value: 7 });
    assert.deepEqual(readSum("2*-(1+1)"), { expression: "2 * -(1 + 1)", value: -4 });
  });
});
