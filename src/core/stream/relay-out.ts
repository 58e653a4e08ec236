/**
 * The sending end of a relay, loaded on first use (a bundle that never relays
 * or tees a stream does not carry it). Each event becomes
 * `data: <its wire JSON>\n\n` exactly as the API sent it (after its
 * `event:` line, for the named events of a conversation), the end of a chat
 * stream `data: [DONE]\n\n` (a conversation's ends with its own done event),
 * and a failure one final `event: error` frame whose data is
 * `{"error": RelayedError}`. It imports nothing at run time (see
 * `FrameSource`).
 *
 * @module
 */

import type { MistralError } from "../errors/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import type { RelayedError } from "./relay-receive.js";
import type { FrameSource } from "./types.js";

/**
 * The SSE frames of some events, or for `undefined` the end marker (none
 * for `named` streams). Event data spanning several `data:` lines was
 * joined with LF: it is split back.
 */
export function dataFrames(batch: ServerSentEvent[] | undefined, named: boolean): string {
  if (batch === undefined) return named ? "" : "data: [DONE]\n\n";
  let text = "";
  for (const { event, data } of batch) {
    if (event !== undefined) text += `event: ${event}\n`;
    text += `data: ${data.includes("\n") ? data.replaceAll("\n", "\ndata: ") : data}\n\n`;
  }
  return text;
}

/** The next SSE frame of `source`, and whether it is its last. */
export async function nextFrame(source: FrameSource): Promise<{ text: string; last: boolean }> {
  try {
    const batch = await source.read();
    return { text: dataFrames(batch, source.named), last: batch === undefined };
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
