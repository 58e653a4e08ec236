/**
 * The outcome of a standalone function, as the official client's function
 * API gives it: a value, or the typed error a method call would throw.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import { type MistralError, toMistralError } from "../errors/index.js";
import type { MistralCore } from "./core.js";
import { apiCoreOf } from "./core.js";

/** `{ ok: true, value }` or `{ ok: false, error }`; never thrown. */
export type Result<T, E = MistralError> =
  | { ok: true; value: T; error?: never }
  | { ok: false; value?: never; error: E };

/**
 * Runs one call on `client`'s core; what it throws becomes `{ ok: false, error }`.
 *
 * @internal What the standalone functions are made of.
 */
export async function settle<T>(
  client: MistralCore,
  call: (core: ApiCore) => Promise<T>,
): Promise<Result<T>> {
  try {
    return OK(await call(apiCoreOf(client)));
  } catch (error) {
    return ERR(toMistralError(error));
  }
}

/** `{ ok: true, value }`: the official client's helper of `types/fp.js`. */
export function OK<V>(value: V): Result<V, never> {
  return { ok: true, value };
}

/** `{ ok: false, error }`: the official client's helper of `types/fp.js`. */
export function ERR<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** The value of `result`, or its error thrown. */
export function unwrap<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** The value of the result `pending` settles with, or its error thrown (a rejection). */
export async function unwrapAsync<T>(pending: Promise<Result<T, unknown>>): Promise<T> {
  return unwrap(await pending);
}
