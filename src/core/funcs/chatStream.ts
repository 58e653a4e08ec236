/**
 * `client.chat.stream()`: a chat completion as a stream of events. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Chat, type MistralCore, type Result, settle } from "../index.js";

type Call = Chat["stream"];

/** `client.chat.stream()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function chatStream(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Chat(core).stream(...args));
}
