/**
 * `stream.textStream()` and `stream.reasoningStream()`: the answer's text, or
 * its thinking, as plain string deltas. They iterate the stream itself, so
 * they end, fail and release the connection exactly as it does.
 *
 * @module
 */

import type { CompletionEvent } from "../models/index.js";

/**
 * The text deltas of choice `choice`: answer text (strings and `text`
 * chunks), or with `thinking` the text inside `thinking` chunks. Empty
 * deltas are skipped.
 */
export async function* textDeltas(
  stream: AsyncIterable<CompletionEvent>,
  choice: number,
  thinking: boolean,
): AsyncGenerator<string, void, undefined> {
  for await (const event of stream) {
    for (const c of event.data.choices) {
      if (c.index !== choice) continue;
      const content = c.delta.content;
      if (typeof content === "string") {
        if (!thinking && content) yield content;
        continue;
      }
      if (!Array.isArray(content)) continue;
      for (const chunk of content) {
        if (chunk.type === "text" && !thinking && chunk.text) yield chunk.text;
        if (chunk.type !== "thinking" || !thinking) continue;
        for (const piece of chunk.thinking) {
          if (piece.type === "text" && piece.text) yield piece.text;
        }
      }
    }
  }
}
