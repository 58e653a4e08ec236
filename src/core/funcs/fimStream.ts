/**
 * `client.fim.stream()`: a fill-in-the-middle completion as a stream. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Fim, type MistralCore, type Result, settle } from "../index.js";

type Call = Fim["stream"];

/** `client.fim.stream()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function fimStream(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Fim(core).stream(...args));
}
