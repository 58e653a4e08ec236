/**
 * `client.models.retrieve()`: one model's card. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, Models, type Result, settle } from "../index.js";

type Call = Models["retrieve"];

/** `client.models.retrieve()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function modelsRetrieve(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Models(core).retrieve(...args));
}
