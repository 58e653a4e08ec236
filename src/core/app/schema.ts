/**
 * One schema, whatever library wrote it: its JSON Schema (what the API is
 * sent) and a validator (what the reply is checked with). A Standard Schema
 * validates itself and gives its JSON Schema through Standard JSON Schema; a
 * plain JSON Schema is checked by `json-schema-check.ts`.
 *
 * @module
 */

import { InvalidRequestError, type SchemaIssue } from "../errors/index.js";
import { checkJsonSchema } from "./json-schema-check.js";
import type { SchemaLike, StandardSchema } from "./schema-types.js";

/** A schema made usable: its JSON Schema, and a check of a value against it. */
export interface ResolvedSchema {
  /** The JSON Schema, without `$schema`. */
  readonly jsonSchema: Record<string, unknown>;
  /** The checked value (a Standard Schema may transform it), or the issues. */
  validate(value: unknown): Promise<{ value: unknown } | { issues: SchemaIssue[] }>;
}

/** Whether `value` is a Standard Schema. */
function isStandardSchema(value: unknown): value is StandardSchema {
  const standard = (value as { "~standard"?: { validate?: unknown } } | null)?.["~standard"];
  return typeof standard?.validate === "function";
}

/**
 * Resolves `schema` for `what` (a message's subject). The JSON Schema is the
 * schema's input side: what the model writes is what the schema then parses
 * (a transform's result is never on the wire; a defaulted field may be left out).
 */
export function resolveSchema(schema: SchemaLike, what: string): ResolvedSchema {
  if (isStandardSchema(schema)) return fromStandard(schema, what);
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    throw new InvalidRequestError(
      `${what} must be a Standard Schema (zod, valibot, arktype …) or a JSON Schema object`,
    );
  }
  const jsonSchema = withoutDialect(schema);
  return {
    jsonSchema,
    validate: async (value) => {
      const issues = checkJsonSchema(jsonSchema, value);
      return issues.length === 0 ? { value } : { issues };
    },
  };
}

function fromStandard(schema: StandardSchema, what: string) {
  const standard = schema["~standard"];
  // Standard JSON Schema; else zod 4's own method, for the zod 4 releases before it.
  const own = (schema as { toJSONSchema?: (o: object) => Record<string, unknown> }).toJSONSchema;
  const convert =
    standard.jsonSchema?.input ??
    (typeof own === "function"
      ? (options: { target: string }) => own.call(schema, { ...options, io: "input" })
      : undefined);
  if (typeof convert !== "function") {
    throw new InvalidRequestError(
      `${what}: this ${standard.vendor} schema cannot give a JSON Schema. Use zod ≥ 4.2 or arktype, wrap a valibot schema in toStandardJsonSchema() (@valibot/to-json-schema), or pass a JSON Schema`,
    );
  }
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = withoutDialect(convert({ target: "draft-2020-12" }));
  } catch (error) {
    throw new InvalidRequestError(`${what}: the schema cannot be turned into JSON Schema`, {
      cause: error,
    });
  }
  return {
    jsonSchema,
    validate: async (value: unknown) => {
      const result = await standard.validate(value);
      if (result.issues === undefined) return { value: result.value };
      return { issues: result.issues.map(toIssue) };
    },
  };
}

function toIssue(issue: {
  message: string;
  path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}): SchemaIssue {
  const path = (issue.path ?? []).map((p) => {
    const key = typeof p === "object" ? p.key : p;
    return typeof key === "number" ? key : String(key);
  });
  return { message: issue.message, path };
}

/** The schema without its `$schema` dialect marker, which the API does not need. */
function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** Issues as one line for a message: `at .city: expected a string; …`. */
export function describeIssues(issues: readonly SchemaIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join("; ");
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "at the root";
  return `at ${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}`;
}
