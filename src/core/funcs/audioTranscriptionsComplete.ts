/**
 * `client.audio.transcriptions.complete()`: speech to text. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, type Result, settle, Transcriptions } from "../index.js";

type Call = Transcriptions["complete"];

/** `client.audio.transcriptions.complete()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function audioTranscriptionsComplete(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Transcriptions(core).complete(...args));
}
