/**
 * The type of values the client never looks into: JSON Schemas, metadata,
 * object-valued tool-call arguments.
 *
 * @module
 */

/**
 * A free-form JSON object, passed through untouched in both directions (its
 * keys are never renamed). Typed with `any` values, as in the official SDK:
 * only an index signature of `any` accepts objects typed by an interface
 * (e.g. a JSON Schema type from another library), and reads stay as loose as
 * with the official SDK.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; `unknown` would reject interface-typed values.
export type FreeFormObject = { [k: string]: any };
