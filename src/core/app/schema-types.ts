/**
 * The schemas the app layer accepts, as types: a Standard Schema (zod 4,
 * valibot, arktype …), optionally with its Standard JSON Schema converter,
 * or a plain JSON Schema, and the value each one describes. Types only: no
 * schema library is loaded by this package.
 *
 * @module
 */

import type { FreeFormObject } from "../models/free-form.js";

/** The result of a Standard Schema's `validate`. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

/** A schema following the Standard Schema interface (`~standard`), with its JSON Schema form when it has one. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly "~standard": {
    /** The Standard Schema version, 1. */
    readonly version: 1;
    /** The library that made the schema (`"zod"`, `"valibot"` …). */
    readonly vendor: string;
    /** Validates `value`: its output, or the issues. */
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    /** Standard JSON Schema: zod ≥ 4.2 and arktype have it; valibot through `toStandardJsonSchema()`. */
    readonly jsonSchema?:
      | {
          /** The JSON Schema of what the schema accepts, for `target` (a draft name). */
          readonly input: (options: { readonly target: string }) => Record<string, unknown>;
          /** The JSON Schema of what it gives back, for `target`. */
          readonly output: (options: { readonly target: string }) => Record<string, unknown>;
        }
      | undefined;
  };
}

/** A plain JSON Schema object (write it `as const` to get its value's type). */
export type JsonSchemaObject = FreeFormObject;

/** What `responseFormat` of `chat.parse` and a tool's `parameters` may be. */
export type SchemaLike = StandardSchema | JsonSchemaObject;

/** `T` with its intersections flattened, as editors show it. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The value type of a JSON Schema `type` name (`"string"` → `string` …). */
export type FromTypeName<N> = N extends "string"
  ? string
  : N extends "number" | "integer"
    ? number
    : N extends "boolean"
      ? boolean
      : N extends "null"
        ? null
        : N extends "array"
          ? unknown[]
          : N extends "object"
            ? Record<string, unknown>
            : unknown;

/** The value type of an object JSON Schema: its properties, the required ones not optional. */
export type FromObject<S> = S extends { properties: infer P }
  ? Simplify<
      {
        -readonly [K in keyof P as K extends RequiredKeys<S> ? K : never]: FromJsonSchema<P[K]>;
      } & {
        -readonly [K in keyof P as K extends RequiredKeys<S> ? never : K]?: FromJsonSchema<P[K]>;
      }
    >
  : Record<string, unknown>;

/** The names an object JSON Schema lists as `required`. */
export type RequiredKeys<S> = S extends { required: readonly (infer R)[] } ? R : never;

/**
 * The value a JSON Schema written `as const` describes: `type` (one or a
 * list), `properties` with `required`, `items`, `enum`, `const`, `anyOf` /
 * `oneOf`. What it cannot read is `unknown`.
 */
export type FromJsonSchema<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { anyOf: readonly (infer A)[] }
      ? FromJsonSchema<A>
      : S extends { oneOf: readonly (infer A)[] }
        ? FromJsonSchema<A>
        : S extends { type: "object" }
          ? FromObject<S>
          : S extends { type: "array"; items: infer I }
            ? FromJsonSchema<I>[]
            : S extends { type: readonly (infer N)[] }
              ? FromTypeName<N>
              : S extends { type: infer N }
                ? FromTypeName<N>
                : S extends { properties: object }
                  ? FromObject<S>
                  : unknown;

/** The value a schema gives: a Standard Schema's output type, or what a JSON Schema describes. */
export type InferSchema<S> = S extends StandardSchema<unknown, infer O> ? O : FromJsonSchema<S>;

/**
 * A value as it grows while streaming: every property may be missing, and
 * arrays may hold fewer items (the last one partial).
 */
export type DeepPartial<T> = T extends readonly (infer I)[]
  ? DeepPartial<I>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
