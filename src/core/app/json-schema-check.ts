/**
 * Checks a JSON value against a plain JSON Schema: the keywords structured
 * output and tool parameters use (`type`, `enum`, `const`, `properties`,
 * `required`, `additionalProperties`, `items`, `prefixItems`, the length,
 * size and range bounds, `pattern`, `anyOf` / `oneOf` / `allOf` / `not`, and
 * local `$ref`s into `$defs` / `definitions`). Unknown keywords are ignored,
 * as the JSON Schema rules say.
 *
 * @module
 */

import type { SchemaIssue } from "../errors/index.js";

type Schema = Record<string, unknown>;
type Path = (string | number)[];

/** The issues of `value` against `schema` (empty when it fits). */
export function checkJsonSchema(schema: Schema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], schema, issues);
  return issues;
}

function check(schema: unknown, value: unknown, path: Path, root: Schema, out: SchemaIssue[]) {
  if (schema === false) out.push({ message: "no value is allowed here", path });
  if (schema === null || typeof schema !== "object") return;
  const s = resolveRef(schema as Schema, root);
  const fail = (message: string) => out.push({ message, path });
  if (s.type !== undefined && !matchesType(s.type, value)) {
    return fail(`expected ${[s.type].flat().join(" or ")}, got ${typeName(value)}`);
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => sameJson(e, value))) {
    fail(`expected one of ${JSON.stringify(s.enum)}`);
  }
  if ("const" in s && !sameJson(s.const, value)) fail(`expected ${JSON.stringify(s.const)}`);
  if (typeof value === "string") checkString(s, value, fail);
  if (typeof value === "number") checkNumber(s, value, fail);
  if (Array.isArray(value)) checkArray(s, value, path, root, out);
  else if (value !== null && typeof value === "object") {
    checkObject(s, value as Record<string, unknown>, path, root, out);
  }
  checkCombinators(s, value, path, root, out);
}

function checkCombinators(s: Schema, value: unknown, path: Path, root: Schema, out: SchemaIssue[]) {
  const passes = (sub: unknown) => {
    const inner: SchemaIssue[] = [];
    check(sub, value, path, root, inner);
    return inner.length === 0;
  };
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) check(sub, value, path, root, out);
  if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) {
    out.push({ message: "matches none of the allowed forms (anyOf)", path });
  }
  if (Array.isArray(s.oneOf) && s.oneOf.filter(passes).length !== 1) {
    out.push({ message: "must match exactly one allowed form (oneOf)", path });
  }
  if (s.not !== undefined && passes(s.not)) out.push({ message: "matches a refused form", path });
}

function checkString(s: Schema, value: string, fail: (m: string) => void) {
  const length = [...value].length;
  if (typeof s.minLength === "number" && length < s.minLength) {
    fail(`expected at least ${s.minLength} characters`);
  }
  if (typeof s.maxLength === "number" && length > s.maxLength) {
    fail(`expected at most ${s.maxLength} characters`);
  }
  if (typeof s.pattern === "string" && !safeRegExp(s.pattern)?.test(value)) {
    fail(`does not match the pattern ${s.pattern}`);
  }
}

function checkNumber(s: Schema, value: number, fail: (m: string) => void) {
  if (typeof s.minimum === "number" && value < s.minimum) fail(`expected ≥ ${s.minimum}`);
  if (typeof s.maximum === "number" && value > s.maximum) fail(`expected ≤ ${s.maximum}`);
  if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) {
    fail(`expected > ${s.exclusiveMinimum}`);
  }
  if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) {
    fail(`expected < ${s.exclusiveMaximum}`);
  }
  if (typeof s.multipleOf === "number" && s.multipleOf > 0) {
    const q = value / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) fail(`expected a multiple of ${s.multipleOf}`);
  }
}

function checkArray(s: Schema, value: unknown[], path: Path, root: Schema, out: SchemaIssue[]) {
  if (typeof s.minItems === "number" && value.length < s.minItems) {
    out.push({ message: `expected at least ${s.minItems} items`, path });
  }
  if (typeof s.maxItems === "number" && value.length > s.maxItems) {
    out.push({ message: `expected at most ${s.maxItems} items`, path });
  }
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
  value.forEach((item, i) => {
    const sub = i < prefix.length ? prefix[i] : s.items;
    if (sub !== undefined) check(sub, item, [...path, i], root, out);
  });
}

function checkObject(
  s: Schema,
  value: Record<string, unknown>,
  path: Path,
  root: Schema,
  out: SchemaIssue[],
) {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  for (const key of Array.isArray(s.required) ? s.required : []) {
    if (!Object.hasOwn(value, key)) out.push({ message: "is required", path: [...path, key] });
  }
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) check(properties[key], item, [...path, key], root, out);
    else if (s.additionalProperties === false) {
      out.push({ message: "is not an allowed property", path: [...path, key] });
    } else if (typeof s.additionalProperties === "object") {
      check(s.additionalProperties, item, [...path, key], root, out);
    }
  }
}

/** Follows local references (`#`, `#/$defs/x`, `#/definitions/x`); others are not followed. */
export function resolveRef(s: Schema, root: Schema, depth = 0): Schema {
  if (typeof s.$ref !== "string" || !s.$ref.startsWith("#") || depth > 32) return s;
  let target: unknown = root;
  for (const part of s.$ref.slice(1).split("/").filter(Boolean)) {
    target = (target as Record<string, unknown> | undefined)?.[
      part.replace(/~1/g, "/").replace(/~0/g, "~")
    ];
  }
  return target && typeof target === "object" ? resolveRef(target as Schema, root, depth + 1) : {};
}

function matchesType(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => matchesType(t, value));
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}
