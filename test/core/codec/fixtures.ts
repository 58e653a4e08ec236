// Test-only helpers for the codec tests: read the recorded fixtures, turn a
// wire request into its public form, and look for snake_case keys in decoded
// output. Not a test file itself.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fixturePath } from "../../helpers/paths.js";

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Fixture files under `test/fixtures/mistral/<dir>` whose names end with `suffix`, sorted. */
export function listFixtures(dir: string, suffix: string): string[] {
  const root = fixturePath("mistral", dir);
  return readdirSync(root)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(root, name));
}

/** Absolute path of one fixture: `test/fixtures/mistral/<dir>/<name>`. */
export function fixturePathOf(dir: string, name: string): string {
  return fixturePath("mistral", dir, name);
}

/** Every `*.request.json` under `test/fixtures/mistral`, recursively. */
export function listRequestFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".request.json")) found.push(path);
    }
  };
  walk(fixturePath("mistral"));
  return found.sort();
}

/** A fixture path relative to `test/fixtures/mistral`, for test messages. */
export function shortName(path: string): string {
  return relative(fixturePath("mistral"), path);
}

/** Reads a JSON fixture. */
export function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

/** The JSON payloads of an SSE fixture's `data:` lines, `[DONE]` excluded. */
export function readSseChunks(path: string): Json[] {
  const chunks: Json[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data !== "[DONE]") chunks.push(JSON.parse(data) as Json);
  }
  return chunks;
}

/** The payloads of a JSONL fixture, one per non-empty line. */
export function readJsonlChunks(path: string): Json[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Json);
}

/** Every stream chunk of every SSE and JSONL fixture, with its file. */
export function allStreamChunks(): Array<{ file: string; chunks: Json[] }> {
  return [
    ...listFixtures("sse", ".sse").map((file) => ({ file, chunks: readSseChunks(file) })),
    ...listFixtures("jsonl", ".jsonl").map((file) => ({ file, chunks: readJsonlChunks(file) })),
  ];
}

const camel = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

// Paths (wire names, `*` for any array index) whose values are free-form and
// must reach the public form untouched; the value's key is renamed if mapped.
const freeFormPaths: Array<{ path: string[]; rename?: string }> = [
  { path: ["tools", "*", "function", "parameters"] },
  { path: ["response_format", "json_schema", "schema"], rename: "schemaDefinition" },
  { path: ["metadata"] },
  { path: ["messages", "*", "tool_calls", "*", "function", "arguments"] },
];

function freeFormRule(path: string[]): { rename?: string } | undefined {
  return freeFormPaths.find(
    (rule) =>
      rule.path.length === path.length &&
      rule.path.every((part, i) => part === "*" || part === path[i]),
  );
}

/**
 * Generic wire → public conversion for tests: renames every key to camelCase
 * except inside the known free-form values, and `json_schema.schema` to
 * `schemaDefinition`. The codec must not work this way; the test uses it to
 * prove the per-type codec maps every field real traffic used.
 */
export function camelizeRequest(value: unknown, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => camelizeRequest(item, [...path, "*"]));
  if (typeof value !== "object" || value === null) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = [...path, key];
    const rule = freeFormRule(innerPath);
    if (rule) out[rule.rename ?? camel(key)] = inner;
    else out[camel(key)] = camelizeRequest(inner, innerPath);
  }
  return out;
}

/**
 * Paths of keys containing `_` in a decoded public value, skipping values that
 * are free-form by design: `metadata`, object `arguments`, and `raw` of an
 * unknown chunk.
 */
export function findSnakeKeys(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSnakeKeys(item, `${path}[${i}]`));
  if (typeof value !== "object" || value === null || value instanceof Date) return [];
  const found: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("_")) found.push(`${path}.${key}`);
    if (key === "metadata" || key === "arguments" || key === "raw") continue;
    found.push(...findSnakeKeys(inner, `${path}.${key}`));
  }
  return found;
}
