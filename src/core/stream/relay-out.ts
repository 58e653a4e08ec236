/**
 * The sending end of a relay, loaded on first use (a bundle that never relays
 * or tees a stream does not carry it). Each event becomes
 * `data: <its wire JSON>\n\n` exactly as the API sent it, the end
 * `data: [DONE]\n\n`, and a failure one final `event: error` frame whose
 * data is `{"error": RelayedError}`. It imports nothing at run time (see
 * `FrameSource`).
 *
 * @module
 */

import type { MistralError } from "../errors/index.js";
import type { RelayedError } from "./relay-receive.js";
import type { FrameSource } from "./types.js";

/**
 * The SSE frames of some events' wire data, or the end marker for
 * `undefined`. Event data spanning several `data:` lines was joined with LF:
 * it is split back.
 */
export function dataFrames(batch: string[] | undefined): string {
  if (batch === undefined) return "data: [DONE]\n\n";
  let text = "";
  for (const data of batch) {
    text += `data: ${data.includes("\n") ? data.replaceAll("\n", "\ndata: ") : data}\n\n`;
  }
  return text;
}

/** The next SSE frame of `source`, and whether it is its last. */
export async function nextFrame(source: FrameSource): Promise<{ text: string; last: boolean }> {
  try {
    const batch = await source.read();
    return { text: dataFrames(batch), last: batch === undefined };
  } catch (error) {
    const frame = relayedError(error as MistralError);
    return { text: `event: error\ndata: ${JSON.stringify(frame)}\n\n`, last: true };
  }
}

/** The frame payload of `error`. */
function relayedError(error: MistralError): { error: RelayedError } {
  const e = error as MistralError & Partial<Omit<RelayedError, "name" | "message">>;
  return {
    error: {
      name: error.name,
      message: error.message,
      status: error.statusCode,
      retryable: error.retryable,
      requestId: error.requestId,
      partial: e.partial,
      phase: e.phase,
      timeoutMs: e.timeoutMs,
      limit: e.limit,
      data: e.data,
    },
  };
}
