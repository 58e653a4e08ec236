/**
 * `client.chat.complete()`: a whole chat completion. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import type { MistralCore } from "../fp/core.js";
import { type Result, settle } from "../fp/result.js";
import { Chat } from "../resources/chat.js";

type Call = Chat["complete"];

/** `client.chat.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function chatComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Chat(core).complete(...args));
}
