/**
 * Base64 ↔ bytes with what every runtime has (`atob`, `btoa`): the audio of
 * speech streams arrives as base64 pieces whose bytes are joined. It imports
 * nothing, so the code that loads it on first use shares no chunk.
 *
 * @module
 */

/**
 * The bytes of a base64 text (standard alphabet; padding optional). Throws
 * the runtime's error for text that is not base64: the stream decoder turns
 * it into a `MalformedChunkError` of the event that carried it.
 */
export function bytesOfBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One base64 text of `chunks` joined. */
export function base64Of(chunks: readonly Uint8Array[]): string {
  let binary = "";
  for (const chunk of chunks) {
    // In slices: String.fromCharCode takes its bytes as arguments.
    for (let i = 0; i < chunk.length; i += 0x8000) {
      binary += String.fromCharCode(...chunk.subarray(i, i + 0x8000));
    }
  }
  return btoa(binary);
}
