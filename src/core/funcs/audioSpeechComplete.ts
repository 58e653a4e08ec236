/**
 * `client.audio.speech.complete()`: text to speech. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, type Result, Speech, settle } from "../index.js";

type Call = Speech["complete"];

/** `client.audio.speech.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function audioSpeechComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Speech(core).complete(...args));
}
