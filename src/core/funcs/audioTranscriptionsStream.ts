/**
 * `client.audio.transcriptions.stream()`: speech to text, as a stream. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, type Result, settle, Transcriptions } from "../index.js";

type Call = Transcriptions["stream"];

/** `client.audio.transcriptions.stream()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function audioTranscriptionsStream(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Transcriptions(core).stream(...args));
}
