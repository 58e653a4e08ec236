// The schema machinery under chat.parse and chat.runTools: the JSON Schema
// checker's keywords, strict mode and the nulls it forces taken back out, and
// how each kind of schema is resolved.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { checkJsonSchema } from "../../../src/core/app/json-schema-check.js";
import { resolveSchema } from "../../../src/core/app/schema.js";
import { dropNullOptionals, strictSchema } from "../../../src/core/app/strict-schema.js";
import { InvalidRequestError } from "../../helpers/sdk.js";

const paths = (schema: Record<string, unknown>, value: unknown) =>
  checkJsonSchema(schema, value).map((i) => i.path.join("."));

describe("checkJsonSchema", () => {
  test("accepts what fits and names where what does not fit is", () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", minLength: 2, maxLength: 5, pattern: "^[a-z]+$" },
        age: { type: "integer", minimum: 0, exclusiveMaximum: 150 },
        tags: { type: "array", items: { enum: ["a", "b"] }, minItems: 1, maxItems: 2 },
        kind: { const: "x" },
        either: { anyOf: [{ type: "string" }, { type: "null" }] },
        one: { oneOf: [{ type: "integer" }, { type: "number", minimum: 10 }] },
        ref: { $ref: "#/$defs/point" },
      },
      required: ["name", "age"],
      additionalProperties: false,
      $defs: { point: { type: "object", properties: { x: { type: "number" } }, required: ["x"] } },
    };
    const good = {
      name: "ada",
      age: 36,
      tags: ["a"],
      kind: "x",
      either: null,
      one: 3,
      ref: { x: 1 },
    };
    assert.deepEqual(checkJsonSchema(schema, good), []);
    assert.deepEqual(paths(schema, { name: "A", age: 1.5 }), ["name", "name", "age"]);
    assert.deepEqual(paths(schema, { name: "ab", age: 150, extra: 1 }), ["age", "extra"]);
    assert.deepEqual(paths(schema, { age: 1, tags: ["c", "a", "b"] }), ["name", "tags", "tags.0"]);
    assert.deepEqual(
      paths(schema, { name: "ab", age: 1, kind: "y", either: 1, one: 12, ref: {} }),
      ["kind", "either", "one", "ref.x"],
    );
    assert.match(checkJsonSchema(schema, "x")[0]?.message ?? "", /expected object, got string/);
  });

  test("type lists, integers, allOf and not", () => {
    assert.deepEqual(checkJsonSchema({ type: ["string", "null"] }, null), []);
    assert.equal(checkJsonSchema({ type: "integer" }, 1.5).length, 1);
    assert.equal(checkJsonSchema({ type: "number" }, Number.NaN).length, 1);
    assert.equal(checkJsonSchema({ allOf: [{ minimum: 1 }, { maximum: 2 }] }, 3).length, 1);
    assert.equal(checkJsonSchema({ not: { type: "string" } }, "s").length, 1);
    assert.deepEqual(checkJsonSchema({ multipleOf: 0.1 }, 0.3), []);
  });
});

describe("strict mode", () => {
  const schema = {
    type: "object",
    properties: {
      a: { type: "string" },
      b: { type: "number" },
      c: { type: ["string", "null"] },
      nested: { type: "object", properties: { d: { type: "boolean" } } },
      list: { type: "array", items: { $ref: "#/$defs/item" } },
    },
    required: ["a"],
    $defs: { item: { type: "object", properties: { e: { type: "string" } } } },
  };

  test("closes every object and makes optional properties required and nullable, leaving the original alone", () => {
    const strict = strictSchema(schema) as typeof schema & Record<string, unknown>;
    assert.deepEqual(strict.required, ["a", "b", "c", "nested", "list"]);
    assert.equal(strict.additionalProperties, false);
    assert.deepEqual(strict.properties.b, { type: ["number", "null"] });
    assert.deepEqual(strict.properties.c, { type: ["string", "null"] });
    assert.deepEqual((strict.properties.nested as Record<string, unknown>).required, ["d"]);
    assert.equal(
      (strict.$defs as Record<string, Record<string, unknown>>).item?.additionalProperties,
      false,
    );
    assert.deepEqual(schema.required, ["a"]);
  });

  test("the nulls it forces on optional properties are taken out, nowhere else", () => {
    const reply = {
      a: "x",
      b: null,
      c: null,
      nested: { d: null },
      list: [{ e: null }, { e: "y" }],
    };
    assert.deepEqual(dropNullOptionals(schema, reply), {
      a: "x",
      c: null,
      nested: {},
      list: [{}, { e: "y" }],
    });
    assert.deepEqual(checkJsonSchema(schema, reply), []);
  });
});

describe("resolveSchema", () => {
  test("a zod schema gives its JSON Schema without $schema, and validates (transforms included)", async () => {
    const resolved = resolveSchema(z.object({ n: z.string().transform(Number) }), "x");
    assert.equal(resolved.jsonSchema.$schema, undefined);
    assert.equal(resolved.jsonSchema.type, "object");
    assert.deepEqual(await resolved.validate({ n: "4" }), { value: { n: 4 } });
    const bad = await resolved.validate({ n: 4 });
    assert.ok("issues" in bad && bad.issues[0]?.path[0] === "n");
  });

  test("a zod 4 schema without Standard JSON Schema falls back to its own toJSONSchema()", async () => {
    const zod = z.object({ a: z.string() });
    const standard = { ...zod["~standard"], jsonSchema: undefined };
    const older = { "~standard": standard, toJSONSchema: (o: object) => zod.toJSONSchema(o) };
    assert.equal(resolveSchema(older, "x").jsonSchema.type, "object");
  });

  test("a Standard Schema that cannot give a JSON Schema, and a value that is no schema, are refused", () => {
    const bare = {
      "~standard": { version: 1, vendor: "acme", validate: (v: unknown) => ({ value: v }) },
    } as const;
    assert.throws(
      () => resolveSchema(bare, "responseFormat"),
      /acme schema cannot give a JSON Schema/,
    );
    for (const value of [null, 3, "s", []]) {
      assert.throws(() => resolveSchema(value as never, "responseFormat"), InvalidRequestError);
    }
  });
});
