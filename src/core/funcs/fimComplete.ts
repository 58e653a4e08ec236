/**
 * `client.fim.complete()`: a whole fill-in-the-middle completion. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import type { MistralCore } from "../fp/core.js";
import { type Result, settle } from "../fp/result.js";
import { Fim } from "../resources/fim.js";

type Call = Fim["complete"];

/** `client.fim.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function fimComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Fim(core).complete(...args));
}
