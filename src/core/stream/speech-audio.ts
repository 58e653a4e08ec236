/**
 * `speechAudio(stream)`: a speech stream's audio as bytes, piece by piece,
 * for a player or a file. It iterates the stream itself, so it ends, fails
 * and releases the connection as the stream does.
 *
 * @module
 */

import type { SpeechStreamEvents } from "../models/index.js";

/** Base64 decoding, loaded with the first call (it lives with the speech decoder). */
const base64 = () => import("./base64.js");

/**
 * The audio bytes of each `speech.audio.delta` of `stream`, in order.
 *
 * ```ts
 * await using stream = await client.audio.speech.complete({ input: "Hello", stream: true });
 * for await (const bytes of speechAudio(stream)) file.write(bytes);
 * ```
 */
export async function* speechAudio(
  stream: AsyncIterable<SpeechStreamEvents>,
): AsyncGenerator<Uint8Array, void, undefined> {
  const { bytesOfBase64 } = await base64();
  for await (const { data } of stream) {
    if (data.type === "speech.audio.delta") yield bytesOfBase64(data.audioData);
  }
}
