import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "../../../src/emulator/answers/tokenize.js";
import { generateFromSchema } from "../../../src/emulator/json-schema/generate.js";
import { readPromptHints } from "../../../src/emulator/json-schema/prompt-hints.js";
import { validateJsonSchema } from "../../../src/emulator/json-schema/validate.js";
import { createRng } from "../../../src/emulator/prng.js";

const schemas: Record<string, unknown> = {
  primitives: {
    type: "object",
    properties: {
      s: { type: "string", minLength: 3, maxLength: 5 },
      i: { type: "integer", minimum: -3, maximum: 3 },
      n: { type: "number", minimum: 0.5, maximum: 0.75 },
      m: { type: "integer", multipleOf: 7, minimum: 10, maximum: 40 },
      b: { type: "boolean" },
      z: { type: "null" },
      both: { type: ["string", "null"] },
    },
    required: ["s", "i", "n", "m", "b", "z", "both"],
  },
  enumsAndConsts: {
    type: "object",
    properties: { e: { enum: ["a", 2, null] }, c: { const: { deep: [1] } } },
    required: ["e", "c"],
  },
  unions: {
    type: "array",
    minItems: 3,
    maxItems: 3,
    items: {
      oneOf: [{ type: "integer" }, { type: "string", format: "date" }, { type: "boolean" }],
    },
  },
  refs: {
    $defs: {
      Leaf: {
        type: "object",
        properties: { name: { type: "string" } },
        required: ["name"],
        additionalProperties: false,
      },
    },
    type: "object",
    properties: { leaves: { type: "array", items: { $ref: "#/$defs/Leaf" }, minItems: 1 } },
    required: ["leaves"],
  },
  recursive: {
    $defs: {
      Node: {
        type: "object",
        properties: {
          v: { type: "integer" },
          kids: { type: "array", items: { $ref: "#/$defs/Node" } },
        },
        required: ["v", "kids"],
      },
    },
    $ref: "#/$defs/Node",
  },
  allOf: {
    allOf: [
      { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
      {
        properties: { b: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 2 } },
        required: ["b"],
      },
    ],
  },
  formats: {
    type: "object",
    properties: {
      when: { type: "string", format: "date-time" },
      mail: { type: "string", format: "email" },
      id: { type: "string", format: "uuid" },
      tags: { type: "array", items: { type: "string" }, uniqueItems: true, minItems: 2 },
    },
    required: ["when", "mail", "id", "tags"],
  },
};

describe("emulator JSON Schema support", () => {
  it("draws loosely bounded numbers from plausible values for the field", () => {
    // zod's `.int()` bounds integers by ±2^53 − 1: the answer must still read like a model's.
    const safe = { minimum: -9007199254740991, maximum: 9007199254740991 };
    const schema = {
      type: "object",
      properties: {
        age: { type: "integer", ...safe },
        year: { type: "integer", ...safe },
        rating: { type: "number" },
        big: { type: "integer", minimum: 1_000_000 },
        population: { type: "integer", ...safe },
      },
      required: ["age", "year", "rating", "big", "population"],
    };
    for (let seed = 1; seed <= 50; seed++) {
      const value = generateFromSchema(schema, createRng(seed), readPromptHints("A person")) as {
        age: number;
        year: number;
        rating: number;
        big: number;
        population: number;
      };
      assert.ok(value.age >= 18 && value.age <= 80, `age ${value.age}`);
      assert.ok(value.year >= 1990 && value.year <= 2026, `year ${value.year}`);
      assert.ok(value.rating >= 1 && value.rating <= 5, `rating ${value.rating}`);
      assert.ok(value.big >= 1_000_000 && value.big <= 1_000_100, `big ${value.big}`);
      assert.ok(value.population >= 20_000, `population ${value.population}`);
      assert.deepEqual(validateJsonSchema(value, schema), []);
    }
  });

  it("names a place, not a person, when the prompt asks about places", () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string" }, population: { type: "integer" } },
      required: ["name", "population"],
    };
    const people = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Marie Curie"];
    for (let seed = 1; seed <= 20; seed++) {
      const city = generateFromSchema(
        schema,
        createRng(seed),
        readPromptHints("give me a city"),
      ) as {
        name: string;
      };
      assert.ok(!people.includes(city.name), `a city named ${city.name}`);
    }
    const person = generateFromSchema(
      schema,
      createRng(3),
      readPromptHints("describe someone"),
    ) as {
      name: string;
    };
    assert.ok(people.includes(person.name), `a person named ${person.name}`);
  });

  it("writes counts whole where the schema allows any number, as a model would", () => {
    const schema = {
      type: "object",
      properties: {
        population: { type: "number" },
        age: { type: "number" },
        itemCount: { type: "number" },
        latitude: { type: "number" },
        halfDays: { type: "number", minimum: 0.2, maximum: 0.8 },
      },
      required: ["population", "age", "itemCount", "latitude", "halfDays"],
    };
    let fractionalLatitudes = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const value = generateFromSchema(
        schema,
        createRng(seed),
        readPromptHints("A city"),
      ) as Record<string, number>;
      for (const key of ["population", "age", "itemCount"]) {
        assert.ok(Number.isInteger(value[key]), `${key} ${value[key]}`);
      }
      if (!Number.isInteger(value.latitude)) fractionalLatitudes++;
      // No whole number fits: the bounds win over the habit.
      assert.ok(
        (value.halfDays ?? 0) >= 0.2 && (value.halfDays ?? 1) <= 0.8,
        `halfDays ${value.halfDays}`,
      );
      assert.deepEqual(validateJsonSchema(value, schema), []);
    }
    assert.ok(fractionalLatitudes > 20, "a coordinate keeps its decimals");
  });

  for (const [name, schema] of Object.entries(schemas)) {
    it(`generates values valid against the ${name} schema for many seeds`, () => {
      for (let seed = 0; seed < 40; seed++) {
        const value = generateFromSchema(
          schema,
          createRng(seed),
          readPromptHints("Plan a trip to Lisbon"),
        );
        assert.deepEqual(
          validateJsonSchema(value, schema),
          [],
          `seed ${seed}: ${JSON.stringify(value)}`,
        );
      }
    });
  }

  it("finds what is wrong with invalid values", () => {
    const schema = schemas.primitives;
    const bad = { s: "ab", i: 1.5, n: 2, m: 12, b: "yes", z: 0, both: 3, extra: true };
    const errors = validateJsonSchema(bad, { ...(schema as object), additionalProperties: false });
    for (const path of ["$.s", "$.i", "$.n", "$.m", "$.b", "$.z", "$.both", "$: unexpected"]) {
      assert.ok(
        errors.some((e) => e.startsWith(path)),
        `${path} in ${errors.join(" | ")}`,
      );
    }
    assert.deepEqual(validateJsonSchema({}, schemas.refs), ['$: missing "leaves"']);
    assert.equal(validateJsonSchema([1, 2, 3], schemas.unions).length, 0);
    assert.ok(validateJsonSchema([1, 2, 2.5], schemas.unions).some((e) => e.includes("oneOf")));
  });

  it("takes numbers and names from the prompt", () => {
    const schema = {
      type: "object",
      properties: { city: { type: "string" }, a: { type: "integer" }, b: { type: "integer" } },
      required: ["city", "a", "b"],
    };
    const value = generateFromSchema(
      schema,
      createRng(1),
      readPromptHints("Add 17 and 25 for the office in New York"),
    );
    assert.deepEqual(value, { city: "New York", a: 17, b: 25 });
  });
});

describe("emulator tokenizer", () => {
  it("cuts text into word-like tokens with their leading space, losing nothing", () => {
    const text = "Here's a light-hearted joke about OpenTelemetry:\n\n    return 42;  ";
    const tokens = tokenize(text);
    assert.equal(tokens.join(""), text);
    assert.deepEqual(tokens.slice(0, 8), [
      "Here",
      "'",
      "s",
      " a",
      " light",
      "-",
      "hearted",
      " joke",
    ]);
    assert.ok(
      tokens.includes(" Open") && tokens.includes("Teleme"),
      "camel humps and long words are split",
    );
    assert.ok(tokens.includes("\n\n"));
    assert.ok(
      tokens.includes("   ") && tokens.includes(" return"),
      "indentation then the word with one space",
    );
    assert.ok(tokens.includes(" 4") && tokens.includes("2"), "one digit per token");
  });
});
