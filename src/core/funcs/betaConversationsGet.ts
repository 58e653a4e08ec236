/**
 * `client.beta.conversations.get()`. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Conversations, type MistralCore, type Result, settle } from "../index.js";

type Call = Conversations["get"];

/** `client.beta.conversations.get()`. as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function betaConversationsGet(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Conversations(core).get(...args));
}
