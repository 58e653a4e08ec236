/**
 * `client.models.list()`: the models available. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, Models, type Result, settle } from "../index.js";

type Call = Models["list"];

/** `client.models.list()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function modelsList(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Models(core).list(...args));
}
