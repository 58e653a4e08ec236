/**
 * `client.fim.complete()`: a whole fill-in-the-middle completion. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Fim, type MistralCore, type Result, settle } from "../index.js";

type Call = Fim["complete"];

/** `client.fim.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function fimComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Fim(core).complete(...args));
}
