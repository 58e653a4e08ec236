/**
 * Generates a JSON value that satisfies a JSON Schema (the subset described
 * in `json-schema-validate.ts`), for tool-call arguments and `json_schema`
 * answers. Values borrow from the prompt where they can (numbers in order,
 * proper names, the question itself) so `sum 1 and 2` gives `{"a": 1, "b": 2}`.
 * `pattern` and `format` are honoured only for common formats.
 *
 * @module
 */

import { type Rng, shuffle } from "../prng.js";
import type { PromptHints } from "./prompt-hints.js";
import { pickString } from "./strings.js";
import { jsonTypesOf, resolveRef, validateJsonSchema } from "./validate.js";

type Keywords = Record<string, unknown>;

const maxDepth = 6;

/** Generates a value valid against `schema` (best effort for unsatisfiable schemas). */
export function generateFromSchema(
  schema: unknown,
  rng: Rng,
  hints: PromptHints,
  root: unknown = schema,
): unknown {
  return generate(schema, { rng, hints, root }, "", 0);
}

interface Context {
  rng: Rng;
  hints: PromptHints;
  root: unknown;
}

function generate(schema: unknown, ctx: Context, name: string, depth: number): unknown {
  if (schema === null || typeof schema !== "object")
    return schema === false ? null : ctx.rng.pick(["value", 1]);
  let s = schema as Keywords;
  if (typeof s.$ref === "string") {
    const target = resolveRef(s.$ref, ctx.root);
    if (target !== undefined) return generate(target, ctx, name, depth);
  }
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return ctx.rng.pick(s.enum);
  const branches = (
    Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined
  ) as unknown[] | undefined;
  if (branches && branches.length > 0) return generateBranch(s, branches, ctx, name, depth);
  if (Array.isArray(s.allOf)) s = mergeAllOf(s, ctx.root);
  switch (pickType(s, ctx.rng, depth)) {
    case "null":
      return null;
    case "boolean":
      return ctx.rng.chance(0.5);
    case "integer":
      return pickNumber(s, ctx, name, true);
    case "number":
      return pickNumber(s, ctx, name, false);
    case "array":
      return generateArray(s, ctx, name, depth);
    case "object":
      return generateObject(s, ctx, depth);
    default:
      return pickString(s, name, ctx.rng, ctx.hints);
  }
}

/** Tries the branches in a seeded order until one gives a value the whole schema accepts. */
function generateBranch(
  s: Keywords,
  branches: unknown[],
  ctx: Context,
  name: string,
  depth: number,
): unknown {
  const isNull = (b: unknown) =>
    typeof b === "object" && b !== null && (b as Keywords).type === "null";
  const order = shuffle(
    branches.map((_, i) => i),
    ctx.rng,
  );
  // Prefer real values, except deep inside recursive schemas where null ends the recursion.
  order.sort((a, b) => Number(isNull(branches[a])) - Number(isNull(branches[b])));
  if (depth >= maxDepth) order.reverse();
  const rest: Keywords = { ...s };
  delete rest.oneOf;
  delete rest.anyOf;
  let last: unknown = null;
  for (const i of order) {
    const merged = { ...rest, allOf: [...((rest.allOf as unknown[]) ?? []), branches[i]] };
    last = generate(mergeAllOf(merged, ctx.root), ctx, name, depth);
    if (validateJsonSchema(last, s, ctx.root).length === 0) return last;
  }
  return last;
}

/** Folds `allOf` members (following refs) into one keyword set; enough for the usual "base + extras" use. */
function mergeAllOf(s: Keywords, root: unknown): Keywords {
  const out: Keywords = { ...s };
  delete out.allOf;
  for (const member of (s.allOf as unknown[]) ?? []) {
    let m = member as Keywords;
    if (typeof m?.$ref === "string") m = (resolveRef(m.$ref, root) as Keywords) ?? {};
    if (m === null || typeof m !== "object") continue;
    if (Array.isArray(m.allOf)) m = mergeAllOf(m, root);
    const properties = {
      ...((out.properties as Keywords) ?? {}),
      ...((m.properties as Keywords) ?? {}),
    };
    const required = [...((out.required as string[]) ?? []), ...((m.required as string[]) ?? [])];
    Object.assign(out, m, { properties, required });
  }
  if (Object.keys(out.properties as Keywords).length === 0 && s.properties === undefined)
    delete out.properties;
  return out;
}

function pickType(s: Keywords, rng: Rng, depth: number): string {
  if (Array.isArray(s.type)) {
    const types = s.type as string[];
    const real = types.filter((t) => t !== "null");
    if (real.length === 0 || (depth >= maxDepth && types.includes("null"))) return "null";
    return rng.pick(real);
  }
  if (typeof s.type === "string") return s.type;
  if (s.properties !== undefined || s.required !== undefined) return "object";
  if (s.items !== undefined || s.prefixItems !== undefined) return "array";
  if (s.minimum !== undefined || s.maximum !== undefined) return "number";
  return "string";
}

function pickNumber(s: Keywords, ctx: Context, name: string, integer: boolean): number {
  const num = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : undefined);
  const exMin = s.exclusiveMinimum === true ? num("minimum") : num("exclusiveMinimum");
  const exMax = s.exclusiveMaximum === true ? num("maximum") : num("exclusiveMaximum");
  let lo = s.exclusiveMinimum === true ? undefined : num("minimum");
  let hi = s.exclusiveMaximum === true ? undefined : num("maximum");
  const step = integer ? 1 : 0.01;
  if (exMin !== undefined) lo = Math.max(lo ?? -Infinity, exMin + step);
  if (exMax !== undefined) hi = Math.min(hi ?? Infinity, exMax - step);
  const ok = (n: number) =>
    jsonTypesOf(n).includes(integer ? "integer" : "number") &&
    validateJsonSchema(n, s).length === 0;
  const hinted = ctx.hints.takeNumber(ok);
  if (hinted !== undefined) return hinted;
  // Schemas often bound numbers only loosely (zod's `.int()` allows ±2^53):
  // draw from what a model would write for the field, within the bounds.
  const { range, whole } = plausibleRange(name);
  const [low, high] = withinBounds(range, lo, hi);
  const multiple = num("multipleOf");
  if (multiple !== undefined && multiple > 0) {
    const k = ctx.rng.int(
      Math.ceil(low / multiple),
      Math.max(Math.ceil(low / multiple), Math.floor(high / multiple)),
    );
    return Number((k * multiple).toFixed(10));
  }
  // A count stays whole where the schema allows any number ("population": 2102650, not
  // 2102649.73), as a model writes it, unless the bounds leave no whole number.
  if (integer || (whole && Math.ceil(low) <= Math.floor(high))) {
    return ctx.rng.int(Math.ceil(low), Math.max(Math.ceil(low), Math.floor(high)));
  }
  return Math.round((low + ctx.rng.next() * (high - low)) * 100) / 100;
}

function generateArray(s: Keywords, ctx: Context, name: string, depth: number): unknown[] {
  const prefix = (
    Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : []
  ) as unknown[];
  const min = Math.max(typeof s.minItems === "number" ? s.minItems : 0, 0);
  const max = typeof s.maxItems === "number" ? s.maxItems : min + 3;
  // Deep arrays stay short so recursive schemas (trees) do not grow exponentially.
  const upper = depth >= maxDepth ? 0 : depth >= 3 ? 1 : 3;
  const wanted = Math.min(
    Math.max(ctx.rng.int(Math.min(1, upper), upper), min, prefix.length),
    max,
  );
  const out: unknown[] = [];
  const itemName = name.endsWith("s") ? name.slice(0, -1) : name;
  for (let i = 0, attempts = 0; out.length < wanted && attempts < wanted * 8; attempts++) {
    const itemSchema = i < prefix.length ? prefix[i] : Array.isArray(s.items) ? true : s.items;
    const item = generate(itemSchema ?? true, ctx, itemName, depth + 1);
    if (s.uniqueItems === true && out.some((o) => JSON.stringify(o) === JSON.stringify(item)))
      continue;
    out.push(item);
    i++;
  }
  return out;
}

function generateObject(s: Keywords, ctx: Context, depth: number): Record<string, unknown> {
  const properties = (s.properties ?? {}) as Keywords;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const minProps = typeof s.minProperties === "number" ? s.minProperties : 0;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(properties)) {
    const include =
      required.has(key) ||
      (depth < maxDepth && (ctx.rng.chance(0.6) || Object.keys(out).length < minProps));
    if (include) out[key] = generate(sub, ctx, key, depth + 1);
  }
  // Required keys without a declared schema still need a value.
  for (const key of required)
    if (!(key in out)) out[key] = generate(s.additionalProperties ?? true, ctx, key, depth + 1);
  return out;
}

/**
 * Plausible values of a number field, by its name (0 to 100 for a name that
 * says nothing), and whether they are counts, written whole.
 */
function plausibleRange(name: string): { range: [number, number]; whole: boolean } {
  const key = name.toLowerCase();
  for (const [pattern, range, whole] of plausibleRanges) {
    if (pattern.test(key)) return { range, whole };
  }
  return { range: [0, 100], whole: false };
}

const plausibleRanges: ReadonlyArray<[RegExp, [number, number], boolean]> = [
  // Before `lat`, which "population" contains.
  [/population|inhabitants|residents/, [20_000, 3_000_000], true],
  [/percent|pct|score/, [0, 100], false],
  [/(^|_)age$|[a-z]age$(?<!(mess|im|us|p|pass|percent|st|vill|langu)age)/, [18, 80], true],
  [/year/, [1990, 2026], true],
  [/month/, [1, 12], true],
  [/day/, [1, 28], true],
  [/hour/, [0, 23], true],
  [/minute|second/, [0, 59], true],
  [/lat/, [-60, 70], false],
  [/lon|lng/, [-150, 150], false],
  [/rating|stars/, [1, 5], false],
  [/price|cost|amount|salary|total/, [5, 500], false],
  [/count|quantity|qty|number|num/, [1, 20], true],
];

/** `range` moved inside the schema's bounds; near the bound that excludes it when they do. */
function withinBounds(
  range: [number, number],
  lo: number | undefined,
  hi: number | undefined,
): [number, number] {
  const low = lo ?? Number.NEGATIVE_INFINITY;
  const high = hi ?? Number.POSITIVE_INFINITY;
  const span = range[1] - range[0];
  if (range[1] < low) return [low, Math.min(high, low + span)];
  if (range[0] > high) return [Math.max(low, high - span), high];
  return [Math.max(low, range[0]), Math.min(high, range[1])];
}
