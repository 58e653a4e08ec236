/**
 * `client.beta.conversations.restartStream()`. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Conversations, type MistralCore, type Result, settle } from "../index.js";

type Call = Conversations["restartStream"];

/** `client.beta.conversations.restartStream()`. as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function betaConversationsRestartStream(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Conversations(core).restartStream(...args));
}
