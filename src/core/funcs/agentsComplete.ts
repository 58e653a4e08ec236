/**
 * `client.agents.complete()`: an agent's whole completion. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import type { MistralCore } from "../fp/core.js";
import { type Result, settle } from "../fp/result.js";
import { Agents } from "../resources/agents.js";

type Call = Agents["complete"];

/** `client.agents.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function agentsComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Agents(core).complete(...args));
}
