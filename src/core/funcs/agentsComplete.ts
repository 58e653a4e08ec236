/**
 * `client.agents.complete()`: an agent's whole completion. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Agents, type MistralCore, type Result, settle } from "../index.js";

type Call = Agents["complete"];

/** `client.agents.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function agentsComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Agents(core).complete(...args));
}
