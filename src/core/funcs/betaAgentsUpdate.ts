/**
 * `client.beta.agents.update()`. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { BetaAgents, type MistralCore, type Result, settle } from "../index.js";

type Call = BetaAgents["update"];

/** `client.beta.agents.update()`. as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function betaAgentsUpdate(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new BetaAgents(core).update(...args));
}
