import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateJsonSchema } from "../../../src/emulator/json-schema/validate.js";
import { chunksOf, post, streamedText, withEmulator } from "../helpers.js";

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Finds the weather for a given city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, unit: { enum: ["celsius", "fahrenheit"] } },
      required: ["city"],
    },
  },
};

const complexParameters = {
  type: "object",
  $defs: {
    Step: {
      type: "object",
      properties: { name: { type: "string" }, weight: { type: "integer", minimum: 1, maximum: 5 } },
      required: ["name", "weight"],
      additionalProperties: false,
    },
  },
  properties: {
    project: { type: "string", minLength: 3 },
    flags: {
      type: "object",
      properties: {
        critical: { type: "boolean" },
        retries: { type: "integer", minimum: 0, maximum: 3 },
      },
      required: ["critical", "retries"],
    },
    steps: { type: "array", items: { $ref: "#/$defs/Step" }, minItems: 2, maxItems: 4 },
    labels: { type: "array", items: { type: "string" }, uniqueItems: true },
    note: { anyOf: [{ type: "string" }, { type: "null" }] },
    code: {
      oneOf: [
        { type: "integer", maximum: 9 },
        { type: "string", enum: ["n/a"] },
      ],
    },
    mode: { const: "strict" },
    ratio: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    nothing: { type: "null" },
  },
  required: ["project", "flags", "steps", "note", "code", "mode", "ratio", "nothing"],
  additionalProperties: false,
};

const complexTool = {
  type: "function",
  function: {
    name: "inspect_manifest",
    description: "Inspect a project manifest",
    parameters: complexParameters,
  },
};

type Call = { id: string; function: { name: string; arguments: string } };

async function callsFor(emu: Parameters<typeof post>[0], body: Record<string, unknown>) {
  const parsed = JSON.parse((await post(emu, "/v1/chat/completions", body)).text);
  return {
    choice: parsed.choices[0],
    calls: (parsed.choices[0].message.tool_calls ?? []) as Call[],
  };
}

const ask = (content: string, extra: Record<string, unknown>) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content }],
  ...extra,
});

describe("emulator tool calls", () => {
  it("generates arguments that validate against the tool's schema, for many seeds", async () => {
    await withEmulator({}, async (emu) => {
      for (let seed = 0; seed < 25; seed++) {
        const body = ask("Inspect the manifest please", {
          tools: [complexTool],
          tool_choice: "any",
          random_seed: seed,
        });
        const { choice, calls } = await callsFor(emu, body);
        assert.equal(choice.finish_reason, "tool_calls");
        assert.equal(calls.length, 1);
        const args = JSON.parse(calls[0]?.function.arguments ?? "");
        assert.deepEqual(
          validateJsonSchema(args, complexParameters),
          [],
          `seed ${seed}: ${JSON.stringify(args)}`,
        );
      }
    });
  });

  it("calls a relevant tool under auto, and answers in text when none is relevant", async () => {
    await withEmulator({}, async (emu) => {
      const weather = await callsFor(
        emu,
        ask("What's the weather like in San Francisco?", { tools: [weatherTool] }),
      );
      assert.equal(weather.calls[0]?.function.name, "get_weather");
      assert.equal(JSON.parse(weather.calls[0]?.function.arguments ?? "").city, "San Francisco");
      assert.equal(weather.choice.message.content, "");
      const poem = await callsFor(emu, ask("Write a poem about the sea", { tools: [weatherTool] }));
      assert.equal(poem.calls.length, 0);
      assert.equal(poem.choice.finish_reason, "stop");
    });
  });

  it("honours tool_choice none, any, required and a named function", async () => {
    await withEmulator({}, async (emu) => {
      const prompt = "What's the weather like in Paris?";
      const tools = [weatherTool, complexTool];
      assert.equal(
        (await callsFor(emu, ask(prompt, { tools, tool_choice: "none" }))).calls.length,
        0,
      );
      const any = await callsFor(emu, ask("Hello there", { tools, tool_choice: "any" }));
      assert.equal(any.calls.length, 1);
      const required = await callsFor(emu, ask(prompt, { tools, tool_choice: "required" }));
      assert.equal(required.calls[0]?.function.name, "get_weather");
      const named = await callsFor(
        emu,
        ask(prompt, {
          tools,
          tool_choice: { type: "function", function: { name: "inspect_manifest" } },
        }),
      );
      assert.equal(named.calls[0]?.function.name, "inspect_manifest");
    });
  });

  it("calls several tools at once when the prompt names them, unless parallel calls are off", async () => {
    const plus = {
      type: "function",
      function: {
        name: "plus",
        parameters: {
          type: "object",
          properties: { a: { type: "integer" }, b: { type: "integer" } },
          required: ["a", "b"],
        },
      },
    };
    const minus = {
      type: "function",
      function: {
        name: "minus",
        parameters: {
          type: "object",
          properties: { a: { type: "integer" }, b: { type: "integer" } },
          required: ["a", "b"],
        },
      },
    };
    await withEmulator({}, async (emu) => {
      const prompt = "Use plus on 1 and 2, and minus on 2 and 1";
      const both = await callsFor(emu, ask(prompt, { tools: [plus, minus], tool_choice: "any" }));
      assert.deepEqual(
        both.calls.map((c) => c.function.name),
        ["plus", "minus"],
      );
      assert.deepEqual(
        both.calls.map((c) => JSON.parse(c.function.arguments)),
        [
          { a: 1, b: 2 },
          { a: 2, b: 1 },
        ],
      );
      assert.notEqual(both.calls[0]?.id, both.calls[1]?.id);
      const one = await callsFor(
        emu,
        ask(prompt, { tools: [plus, minus], tool_choice: "any", parallel_tool_calls: false }),
      );
      assert.equal(one.calls.length, 1);
    });
  });

  it("answers in text once tool results come back", async () => {
    await withEmulator({}, async (emu) => {
      const messages = [
        { role: "user", content: "What's the weather like in Paris?" },
        {
          role: "assistant",
          content: "",
          tool_calls: [
            {
              id: "abcDEF123",
              type: "function",
              function: { name: "get_weather", arguments: '{"city": "Paris"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "abcDEF123", content: "Sunny, 21 degrees" },
      ];
      const body = { model: "mistral-small-latest", messages, tools: [weatherTool], stream: true };
      const chunks = chunksOf((await post(emu, "/v1/chat/completions", body)).text);
      assert.ok(chunks.every((c) => !("tool_calls" in (c.choices[0]?.delta ?? {}))));
      assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, "stop");
      const text = streamedText(chunks);
      assert.match(text, /get_weather/);
      assert.match(text, /Sunny, 21 degrees/);
    });
  });

  it("cuts a tool call short at max_tokens, or drops it when not even the name fits", async () => {
    await withEmulator({}, async (emu) => {
      const cut = await callsFor(
        emu,
        ask("Inspect the manifest", { tools: [complexTool], tool_choice: "any", max_tokens: 16 }),
      );
      assert.equal(cut.choice.finish_reason, "length");
      assert.equal(cut.calls.length, 1);
      assert.throws(
        () => JSON.parse(cut.calls[0]?.function.arguments ?? ""),
        "arguments are truncated JSON",
      );
      const none = await callsFor(
        emu,
        ask("Inspect the manifest", { tools: [complexTool], tool_choice: "any", max_tokens: 1 }),
      );
      assert.equal(none.choice.finish_reason, "length");
      assert.equal(none.calls.length, 0);
      assert.equal(none.choice.message.content, "");
    });
  });
});
