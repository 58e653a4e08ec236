/**
 * Per-type key tables for the plainer resources (embeddings, classifiers,
 * OCR, audio, files, batch): each type lists its wire keys once, and the
 * public names follow (snake_case → camelCase, or an explicit rename such as
 * `bytes:sizeBytes`). Only listed keys are mapped; values are mapped only by
 * the nested mappers given, so free-form values (`metadata`, category maps,
 * request bodies of a batch) pass through untouched.
 *
 * @module
 */

import { copyUnknownKeys, isObject, setDefined, type WireObject } from "./wire.js";

/** A type's keys: wire name → public name. */
export type FieldTable = ReadonlyMap<string, string>;

/** How a field's value is mapped (by its public name). */
export type NestedMappers = Readonly<Record<string, (value: never) => unknown>>;

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A table from space-separated wire keys, each `wire_name` or `wire_name:publicName`. */
export function fieldTable(keys: string): FieldTable {
  const table = new Map<string, string>();
  for (const key of keys.split(/\s+/)) {
    if (!key) continue;
    const [wire = key, name] = key.split(":");
    table.set(wire, name ?? camel(wire));
  }
  return table;
}

/**
 * A wire object → its public shape by `table`; `keep`: unknown keys stay
 * under their wire names (types whose official twin keeps them). Anything
 * that is not an object is returned as is.
 */
export function decodeFields<T>(
  wire: unknown,
  table: FieldTable,
  nested: NestedMappers = {},
  keep = false,
): T {
  if (!isObject(wire)) return wire as T;
  const out: WireObject = {};
  if (keep) copyUnknownKeys(wire, out, new Set(table.keys()));
  for (const [key, name] of table) {
    const value = wire[key];
    const map = nested[name];
    setDefined(
      out,
      name,
      map && value !== undefined && value !== null ? map(value as never) : value,
    );
  }
  return out as T;
}

/**
 * A public object → its wire shape by `table` (the same one its decoder
 * reads); `keep`: unknown keys are sent as given (types open to extra fields).
 */
export function encodeFields(
  value: unknown,
  table: FieldTable,
  nested: NestedMappers = {},
  keep = false,
): unknown {
  if (!isObject(value)) return value;
  const out: WireObject = {};
  if (keep) copyUnknownKeys(value, out, new Set(table.values()));
  for (const [key, name] of table) {
    const field = value[name];
    const map = nested[name];
    setDefined(
      out,
      key,
      map && field !== undefined && field !== null ? map(field as never) : field,
    );
  }
  return out;
}

/** Maps each element of an array (anything else as is). */
export const each =
  (map: (value: never) => unknown) =>
  (value: unknown): unknown =>
    Array.isArray(value) ? value.map((v) => map(v as never)) : value;
