// chat.parse() and chat.parseStream() against the emulator, with a zod 4
// schema, valibot and arktype (Standard Schemas with Standard JSON Schema) and
// a plain JSON Schema: the wire format sent, the parsed values and their
// types, the typed errors of a reply that is not JSON or does not fit.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import { type } from "arktype";
import * as v from "valibot";
import { z } from "zod";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type RecordingProxy, startRecordingProxy } from "../../helpers/recording-proxy.js";
import { InvalidRequestError, Mistral, StructuredOutputError } from "../../helpers/sdk.js";

const model = "mistral-small-latest";
const ask = (content: string) => [{ role: "user" as const, content }];

const City = z.object({
  name: z.string(),
  population: z.number().int(),
  districts: z.array(z.object({ name: z.string(), area: z.number() })),
  motto: z.string().optional(),
});

describe("chat.parse and chat.parseStream (emulator)", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  let spy: RecordingProxy;
  let bodies: Record<string, unknown>[];
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    spy = await startRecordingProxy(emulator.url);
    bodies = spy.bodies;
    client = new Mistral({ serverURL: spy.url, retryConfig: { strategy: "none" } });
  });
  after(async () => {
    await spy.close();
    await emulator.close();
  });

  test("a zod schema is sent as a strict json_schema and the reply comes back parsed and typed", async () => {
    const response = await client.chat.parse({
      model,
      messages: ask("Describe a city."),
      responseFormat: City,
    });
    const wire = bodies.at(-1)?.response_format as {
      type: string;
      json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
    };
    assert.equal(wire.type, "json_schema");
    assert.equal(wire.json_schema.strict, true);
    assert.equal(typeof wire.json_schema.name, "string");
    // Strict mode: every object closed, every property required (the optional one nullable).
    assert.deepEqual(wire.json_schema.schema.required, [
      "name",
      "population",
      "districts",
      "motto",
    ]);
    assert.equal(wire.json_schema.schema.additionalProperties, false);
    assert.equal(wire.json_schema.schema.$schema, undefined);
    const message = response.choices[0]?.message;
    const parsed = message?.parsed;
    assert.ok(parsed);
    // Typed from the schema, without a cast:
    const population: number = parsed.population;
    const firstDistrict: string | undefined = parsed.districts[0]?.name;
    assert.ok(Number.isInteger(population));
    assert.equal(typeof (firstDistrict ?? ""), "string");
    assert.equal(typeof message?.content, "string");
    assert.deepEqual(City.parse(JSON.parse(message?.content as string)), parsed);
    // A `null` the model gave for an optional property is not left to fail the schema.
    assert.notEqual(parsed.motto, null);
  });

  test("valibot and arktype schemas work as Standard Schemas with a JSON Schema", async () => {
    const Point = toStandardJsonSchema(v.object({ x: v.number(), label: v.string() }));
    const fromValibot = await client.chat.parse({
      model,
      messages: ask("A point."),
      responseFormat: Point,
    });
    const label: string | undefined = fromValibot.choices[0]?.message?.parsed?.label;
    assert.equal(typeof label, "string");
    const Flag = type({ on: "boolean", level: "number" });
    const fromArktype = await client.chat.parse({
      model,
      messages: ask("A flag."),
      responseFormat: Flag,
    });
    const on: boolean | undefined = fromArktype.choices[0]?.message?.parsed?.on;
    assert.equal(typeof on, "boolean");
  });

  test("a plain JSON Schema written as const gives its type, and is validated", async () => {
    const schema = {
      type: "object",
      title: "Verdict",
      properties: {
        ok: { type: "boolean" },
        score: { type: "integer", minimum: 0, maximum: 10 },
        kind: { enum: ["a", "b"] },
      },
      required: ["ok", "score", "kind"],
    } as const;
    const response = await client.chat.parse({
      model,
      messages: ask("Judge."),
      responseFormat: schema,
    });
    const parsed = response.choices[0]?.message?.parsed;
    assert.ok(parsed);
    const score: number = parsed.score;
    const kind: "a" | "b" = parsed.kind;
    assert.ok(score >= 0 && score <= 10);
    assert.ok(kind === "a" || kind === "b");
    assert.equal(
      (bodies.at(-1)?.response_format as { json_schema: { name: string } }).json_schema.name,
      "Verdict",
    );
  });

  test("a reply that fails the schema is a StructuredOutputError with the raw text and the issues", async () => {
    const Strict = z.object({
      word: z.string().refine((s) => s === "never-generated", "not the word"),
    });
    const error = await client.chat
      .parse({ model, messages: ask("A word."), responseFormat: Strict })
      .then(
        () => assert.fail("expected a rejection"),
        (e: unknown) => e,
      );
    assert.ok(error instanceof StructuredOutputError, String(error));
    assert.equal(typeof JSON.parse(error.text).word, "string");
    assert.deepEqual(error.issues[0]?.path, ["word"]);
    assert.match(error.message, /not the word/);
  });

  test("a reply cut by max_tokens is a StructuredOutputError that says so", async () => {
    const error = await client.chat
      .parse({ model, messages: ask("Describe a city."), responseFormat: City, maxTokens: 3 })
      .then(
        () => assert.fail("expected a rejection"),
        (e: unknown) => e,
      );
    assert.ok(error instanceof StructuredOutputError);
    assert.match(error.message, /max_tokens/);
    assert.deepEqual(error.issues, []);
    assert.ok(error.text.length > 0);
  });

  test("a responseFormat without a schema is refused before sending", async () => {
    const before = bodies.length;
    for (const responseFormat of [
      undefined,
      { type: "json_object" },
      42,
      v.object({ x: v.number() }),
    ]) {
      await assert.rejects(
        // @ts-expect-error: deliberately wrong
        client.chat.parse({ model, messages: ask("x"), responseFormat }),
        InvalidRequestError,
      );
    }
    assert.equal(bodies.length, before);
  });

  test("parseStream gives growing partial values and the same validated final value as parse", async () => {
    const request = { model, messages: ask("Describe a city."), responseFormat: City };
    const whole = await client.chat.parse(request);
    await using stream = await client.chat.parseStream(request);
    const seen: string[] = [];
    for await (const partial of stream.partialObjectStream()) seen.push(JSON.stringify(partial));
    assert.ok(seen.length > 5, `partials: ${seen.length}`);
    assert.equal(seen[0]?.[0], "{");
    // Each partial is what the text so far parses to: it only grows.
    const final = await stream.finalObject();
    assert.deepEqual(final, whole.choices[0]?.message?.parsed);
    assert.equal(
      seen.at(-1),
      JSON.stringify(JSON.parse(whole.choices[0]?.message?.content as string)),
    );
    const districts: number = final.districts.length;
    assert.ok(districts >= 0);
  });

  test("each parseStream event carries the partial value; finalResponse validates every choice", async () => {
    await using stream = await client.chat.parseStream({
      model,
      messages: ask("Describe a city."),
      responseFormat: City,
    });
    let withPartial = 0;
    for await (const event of stream) {
      if (event.partial !== undefined) withPartial++;
      const name: string | undefined = event.partial?.name;
      assert.ok(name === undefined || typeof name === "string");
    }
    assert.ok(withPartial > 3);
    const response = await stream.finalResponse();
    assert.equal(typeof response.choices[0]?.message?.parsed?.name, "string");
    assert.equal(typeof response.choices[0]?.message?.content, "string");
  });

  test("parseStream with a reply that fails the schema: the stream runs, finalResponse rejects", async () => {
    const Strict = z.object({ word: z.string().refine((s) => s === "never-generated") });
    const stream = await client.chat.parseStream({
      model,
      messages: ask("A word."),
      responseFormat: Strict,
    });
    let events = 0;
    for await (const _ of stream) events++;
    assert.ok(events > 1);
    await assert.rejects(stream.finalResponse(), StructuredOutputError);
  });
});
