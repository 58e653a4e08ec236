/**
 * `client.classifiers.moderate()`: moderation of texts. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import type { MistralCore } from "../fp/core.js";
import { type Result, settle } from "../fp/result.js";
import { Classifiers } from "../resources/classifiers.js";

type Call = Classifiers["moderate"];

/** `client.classifiers.moderate()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function classifiersModerate(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Classifiers(core).moderate(...args));
}
