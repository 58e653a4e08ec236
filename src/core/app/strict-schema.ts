/**
 * Strict mode, as the official clients send it: every object closed
 * (`additionalProperties: false`) and every property required, an optional
 * one becoming nullable. The model then answers `null` for a property it
 * leaves out, which the original schema (zod's `.optional()`, a JSON Schema
 * without `null`) would refuse: {@link dropNullOptionals} takes those `null`s
 * back out before the reply is validated.
 *
 * @module
 */

import { resolveRef } from "./json-schema-check.js";

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The strict-mode form of `schema` (a copy; the original is not touched). */
export function strictSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  if (out.type === "object" && isSchema(out.properties)) {
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    const properties: Schema = {};
    for (const [key, value] of Object.entries(out.properties)) {
      const strict = strictSchema(value);
      properties[key] = required.has(key) ? strict : nullable(strict);
      required.add(key);
    }
    out.properties = properties;
    out.required = [...required];
    out.additionalProperties = false;
  }
  if (out.items !== undefined) out.items = strictSchema(out.items);
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(strictSchema);
  }
  for (const key of ["$defs", "definitions"]) {
    if (isSchema(out[key])) {
      out[key] = Object.fromEntries(
        Object.entries(out[key] as Schema).map(([k, v]) => [k, strictSchema(v)]),
      );
    }
  }
  return out;
}

function nullable(schema: unknown): unknown {
  if (!isSchema(schema) || allowsNull(schema)) return schema;
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...schema.type, "null"] };
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: "null" }] };
  return { anyOf: [schema, { type: "null" }] };
}

function allowsNull(schema: Schema): boolean {
  const { type, anyOf } = schema;
  if (type === "null" || (Array.isArray(type) && type.includes("null"))) return true;
  return Array.isArray(anyOf) && anyOf.some((s) => isSchema(s) && allowsNull(s));
}

/**
 * `value` with the `null`s strict mode put in place of optional properties
 * removed, following the original `schema` (local `$ref`s included).
 * Mutates and returns `value` (a freshly parsed reply).
 */
export function dropNullOptionals(schema: unknown, value: unknown, root = schema): unknown {
  const s = isSchema(schema) && isSchema(root) ? resolveRef(schema, root) : schema;
  if (!isSchema(s)) return value;
  if (Array.isArray(value)) {
    if (s.items !== undefined) for (const item of value) dropNullOptionals(s.items, item, root);
    return value;
  }
  if (!isSchema(value) || !isSchema(s.properties)) return value;
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  for (const [key, sub] of Object.entries(s.properties)) {
    const item = value[key];
    const subSchema = isSchema(sub) && isSchema(root) ? resolveRef(sub, root) : sub;
    if (item === null && !required.has(key) && !(isSchema(subSchema) && allowsNull(subSchema))) {
      delete value[key];
    } else if (item !== undefined) dropNullOptionals(sub, item, root);
  }
  return value;
}
