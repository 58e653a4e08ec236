/**
 * `client.files.retrieve()`: one file's details. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Files, type MistralCore, type Result, settle } from "../index.js";

type Call = Files["retrieve"];

/** `client.files.retrieve()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function filesRetrieve(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Files(core).retrieve(...args));
}
