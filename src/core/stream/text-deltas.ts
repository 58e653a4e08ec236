/**
 * `stream.textStream()` and `stream.reasoningStream()`: the answer's text, or
 * its thinking, as plain string deltas. They iterate the stream itself, so
 * they end, fail and release the connection exactly as it does.
 *
 * @module
 */

import type {
  CompletionEvent,
  ContentChunk,
  ConversationEvents,
  TranscriptionStreamEvents,
} from "../models/index.js";

/**
 * The text deltas of choice `choice` (of a chat stream; of every message for
 * a conversation's; a transcription's): answer text (strings and `text` chunks), or with
 * `thinking` the text inside `thinking` chunks. Empty deltas are skipped.
 */
export async function* textDeltas(
  stream: AsyncIterable<CompletionEvent | ConversationEvents | TranscriptionStreamEvents>,
  choice: number,
  thinking: boolean,
): AsyncGenerator<string, void, undefined> {
  for await (const event of stream) {
    if ("event" in event) {
      const data = event.data;
      if (data.type === "message.output.delta") yield* contentText(data.content, thinking);
      else if (data.type === "transcription.text.delta" && !thinking && data.text) yield data.text;
      continue;
    }
    for (const c of event.data.choices) {
      if (c.index === choice) yield* contentText(c.delta.content, thinking);
    }
  }
}

/** The text pieces of one delta's content. */
function* contentText(content: unknown, thinking: boolean): Generator<string, void, undefined> {
  if (typeof content === "string") {
    if (!thinking && content) yield content;
    return;
  }
  const chunks = Array.isArray(content)
    ? (content as ContentChunk[])
    : content
      ? [content as ContentChunk]
      : [];
  for (const chunk of chunks) {
    if (chunk.type === "text" && !thinking && chunk.text) yield chunk.text;
    if (chunk.type !== "thinking" || !thinking) continue;
    for (const piece of chunk.thinking) {
      if (piece.type === "text" && piece.text) yield piece.text;
    }
  }
}
