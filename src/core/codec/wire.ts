/**
 * Small helpers shared by the encoders and decoders. The codec never copies
 * keys generically from untrusted objects except in {@link copyUnknownKeys},
 * which refuses the names that could reach a prototype.
 *
 * @module
 */

/** A JSON object on the wire (snake_case keys). */
export type WireObject = Record<string, unknown>;

/**
 * A public object's fields by their typed names, values not yet checked: what
 * an encoder may read of the caller's input. Reading a name the public type
 * does not have is a compile error; every value is `unknown`, because callers
 * in plain JavaScript may send anything.
 */
export type Fields<T> = { readonly [K in keyof T]?: unknown };

/** Views an object of the caller's as the public type `T` (no cast: see {@link Fields}). */
export function fieldsOf<T>(value: WireObject): Fields<T> {
  return value;
}

/** Whether `value` is a non-array object (what `JSON.parse` makes of `{…}`). */
export function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets `out[key]` unless `value` is `undefined` (undefined fields are never sent). */
export function setDefined(out: WireObject, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

/** `value` if it is a string, else `fallback`. */
export function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === "string" ? value : fallback;
}

/** `value` if it is a number, else `fallback`. */
export function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === "number" ? value : fallback;
}

/** `value` if it is a string or `null`, else `undefined`. */
export function nullableString(value: unknown): string | null | undefined {
  return typeof value === "string" || value === null ? value : undefined;
}

/** `value` if it is a number or `null`, else `undefined`. */
export function nullableNumber(value: unknown): number | null | undefined {
  return typeof value === "number" || value === null ? value : undefined;
}

/**
 * Maps an array element-wise; anything else is returned as is, so a malformed
 * request reaches the server (which explains what is wrong) instead of
 * throwing here.
 */
export function mapArray(value: unknown, map: (element: never) => unknown): unknown {
  if (!Array.isArray(value)) return value;
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = map(value[i] as never);
  return out;
}

// Names that, assigned on a plain object, would reach or shadow its prototype.
const unsafeKeys = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Copies the keys of `from` that are not in `known` onto `to`, values
 * untouched: for objects whose unknown keys are kept (usage). Keys that could
 * reach a prototype are dropped.
 */
export function copyUnknownKeys(
  from: WireObject,
  to: WireObject,
  known: ReadonlySet<string>,
): void {
  for (const key in from) {
    if (!Object.hasOwn(from, key) || known.has(key) || unsafeKeys.has(key)) continue;
    to[key] = from[key];
  }
}

/** Renames the keys of `from` found in `names` (public → wire or back); other keys are dropped. */
export function renameKnownKeys(from: WireObject, names: ReadonlyMap<string, string>): WireObject {
  const out: WireObject = {};
  for (const [source, target] of names) setDefined(out, target, from[source]);
  return out;
}
