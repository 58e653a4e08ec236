/**
 * A validator for the JSON Schema subset the emulator generates from (and
 * that tool definitions use in practice): type, properties, required,
 * additionalProperties, enum, const, items/prefixItems, min/maxItems,
 * uniqueItems, anyOf/oneOf/allOf/not, minimum/maximum (inclusive and
 * exclusive), multipleOf, min/maxLength, pattern, and local `$ref`s such as
 * `#/$defs/Name`. Unknown keywords (format, title, description, ...) are
 * ignored, as the specification allows.
 *
 * @module
 */

/** A schema: an object of keywords, or `true`/`false`. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/**
 * Checks `value` against `schema` and returns one message per problem,
 * each prefixed with a JSON-pointer-like path (`$.a.0.b: ...`); an empty
 * list means the value is valid.
 */
export function validateJsonSchema(
  value: unknown,
  schema: unknown,
  root: unknown = schema,
): string[] {
  const errors: string[] = [];
  check(value, schema, root, "$", errors);
  return errors;
}

/** Follows a local `$ref` ("#/$defs/X", "#/definitions/X", "#"). */
export function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Structural equality of two JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** The JSON type names a value satisfies ("integer" values are also "number"). */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number")
    return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

type Keywords = Record<string, unknown>;

function check(
  value: unknown,
  schema: unknown,
  root: unknown,
  path: string,
  errors: string[],
): void {
  if (schema === true || schema === undefined) return;
  if (schema === false) {
    errors.push(`${path}: no value is allowed here`);
    return;
  }
  if (schema === null || typeof schema !== "object") return;
  const s = schema as Keywords;
  if (typeof s.$ref === "string") {
    const target = resolveRef(s.$ref, root);
    if (target === undefined) errors.push(`${path}: cannot resolve ${s.$ref}`);
    else check(value, target, root, path, errors);
  }
  checkCombinators(value, s, root, path, errors);
  if ("const" in s && !jsonEqual(value, s.const))
    errors.push(`${path}: must equal ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => jsonEqual(value, e))) {
    errors.push(`${path}: must be one of ${JSON.stringify(s.enum)}`);
  }
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!jsonTypesOf(value).some((t) => allowed.includes(t))) {
      errors.push(`${path}: must be of type ${allowed.join(" or ")}`);
      return;
    }
  }
  if (typeof value === "number") checkNumber(value, s, path, errors);
  else if (typeof value === "string") checkString(value, s, path, errors);
  else if (Array.isArray(value)) checkArray(value, s, root, path, errors);
  else if (value !== null && typeof value === "object") {
    checkObject(value as Record<string, unknown>, s, root, path, errors);
  }
}

function checkCombinators(
  value: unknown,
  s: Keywords,
  root: unknown,
  path: string,
  errors: string[],
): void {
  const passes = (sub: unknown) => validateJsonSchema(value, sub, root).length === 0;
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) check(value, sub, root, path, errors);
  if (Array.isArray(s.anyOf) && !s.anyOf.some(passes))
    errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf)) {
    const matched = s.oneOf.filter(passes).length;
    if (matched !== 1)
      errors.push(`${path}: matches ${matched} branches of oneOf, expected exactly 1`);
  }
  if (s.not !== undefined && passes(s.not)) errors.push(`${path}: must not match "not"`);
}

function checkNumber(value: number, s: Keywords, path: string, errors: string[]): void {
  const num = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : undefined);
  const min = num("minimum");
  const max = num("maximum");
  // Draft 4 spells exclusivity as a boolean beside minimum/maximum.
  const exMin = s.exclusiveMinimum === true ? min : num("exclusiveMinimum");
  const exMax = s.exclusiveMaximum === true ? max : num("exclusiveMaximum");
  if (min !== undefined && s.exclusiveMinimum !== true && value < min)
    errors.push(`${path}: must be >= ${min}`);
  if (max !== undefined && s.exclusiveMaximum !== true && value > max)
    errors.push(`${path}: must be <= ${max}`);
  if (exMin !== undefined && value <= exMin) errors.push(`${path}: must be > ${exMin}`);
  if (exMax !== undefined && value >= exMax) errors.push(`${path}: must be < ${exMax}`);
  const step = num("multipleOf");
  if (step !== undefined && step > 0) {
    const q = value / step;
    if (Math.abs(q - Math.round(q)) > 1e-9) errors.push(`${path}: must be a multiple of ${step}`);
  }
}

function checkString(value: string, s: Keywords, path: string, errors: string[]): void {
  const length = Array.from(value).length;
  if (typeof s.minLength === "number" && length < s.minLength) errors.push(`${path}: too short`);
  if (typeof s.maxLength === "number" && length > s.maxLength) errors.push(`${path}: too long`);
  if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) {
    errors.push(`${path}: must match /${s.pattern}/`);
  }
}

function checkArray(
  value: unknown[],
  s: Keywords,
  root: unknown,
  path: string,
  errors: string[],
): void {
  const prefix = Array.isArray(s.prefixItems)
    ? s.prefixItems
    : Array.isArray(s.items)
      ? s.items
      : [];
  value.forEach((item, i) => {
    if (i < prefix.length) check(item, prefix[i], root, `${path}.${i}`, errors);
    else if (!Array.isArray(s.items)) check(item, s.items, root, `${path}.${i}`, errors);
  });
  if (typeof s.minItems === "number" && value.length < s.minItems)
    errors.push(`${path}: too few items`);
  if (typeof s.maxItems === "number" && value.length > s.maxItems)
    errors.push(`${path}: too many items`);
  if (
    s.uniqueItems === true &&
    value.some((a, i) => value.slice(i + 1).some((b) => jsonEqual(a, b)))
  ) {
    errors.push(`${path}: items must be unique`);
  }
}

function checkObject(
  value: Record<string, unknown>,
  s: Keywords,
  root: unknown,
  path: string,
  errors: string[],
): void {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  if (Array.isArray(s.required)) {
    for (const key of s.required as string[])
      if (!(key in value)) errors.push(`${path}: missing "${key}"`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (key in properties) check(item, properties[key], root, `${path}.${key}`, errors);
    else if (s.additionalProperties === false) errors.push(`${path}: unexpected property "${key}"`);
    else if (s.additionalProperties !== undefined)
      check(item, s.additionalProperties, root, `${path}.${key}`, errors);
  }
  const count = Object.keys(value).length;
  if (typeof s.minProperties === "number" && count < s.minProperties)
    errors.push(`${path}: too few properties`);
  if (typeof s.maxProperties === "number" && count > s.maxProperties)
    errors.push(`${path}: too many properties`);
}
