/**
 * Base64 ↔ bytes with what every runtime has (`atob`, `btoa`): the audio of
 * speech streams arrives as base64 pieces whose bytes are joined.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** The bytes of a base64 text (standard alphabet; padding optional). */
export function bytesOfBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw new InvalidRequestError("The audio is not valid base64", { cause: error });
  }
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
