/**
 * The chunks of a chat completion stream.
 *
 * @module
 */

import type { ContentChunk } from "./content.js";
import type { FreeFormObject } from "./free-form.js";
import type { ToolCall } from "./tools.js";
import type { UsageInfo } from "./usage.js";

/** Why a streamed choice ended (see {@link ChatCompletionChoiceFinishReason}). Open. */
export type CompletionResponseStreamChoiceFinishReason =
  | "stop"
  | "length"
  | "error"
  | "tool_calls"
  | (string & {});
/** The values of {@link CompletionResponseStreamChoiceFinishReason}, as in `@mistralai/mistralai`. */
export const CompletionResponseStreamChoiceFinishReason = {
  Stop: "stop",
  Length: "length",
  Error: "error",
  ToolCalls: "tool_calls",
} as const;

/** Content of a delta: a string piece, `null`, or chunks (thinking, text…). */
export type DeltaMessageContent = string | Array<ContentChunk>;

/**
 * What one chunk adds to a choice's message.
 *
 * `role`, `content` and `toolCalls` are always present as keys (possibly
 * `undefined`), so every delta has the same shape; `toolCallId`, `index` and
 * `metadata` appear only when the server sent them. `content` keeps the wire's
 * distinction between absent (`undefined`), `null` and `""`.
 */
export interface DeltaMessage {
  /** `"assistant"` on the first chunk of a choice. */
  role?: string | null | undefined;
  /** The new piece of content. Reasoning models switch between strings and chunk arrays. */
  content?: string | Array<ContentChunk> | null | undefined;
  /** Tool calls, whole or as fragments; wire `tool_calls`. */
  toolCalls?: Array<ToolCall> | null | undefined;
  /** Wire `tool_call_id`. */
  toolCallId?: string | null | undefined;
  /** Wire `index`. */
  index?: number | null | undefined;
  /** Free-form metadata, untouched. */
  metadata?: FreeFormObject | null | undefined;
}

/** One choice inside a stream chunk. */
export interface CompletionResponseStreamChoice {
  /** Which choice this is; chunks of different choices interleave when `n > 1`. */
  index: number;
  /** What this chunk adds. */
  delta: DeltaMessage;
  /** Why the choice ended, on its last chunk; `null` before. Wire `finish_reason`. */
  finishReason: CompletionResponseStreamChoiceFinishReason | null;
}

/**
 * One chunk of a stream. Every key is always present (`object`, `created` and
 * `usage` may be `undefined`); `usage` comes on the last chunk. Keys that are
 * not part of the type (such as the `p` padding) are dropped.
 */
export interface CompletionChunk {
  /** Completion id, the same on every chunk of a stream. */
  id: string;
  /** `"chat.completion.chunk"`. */
  object?: string | undefined;
  /** Unix time, seconds. */
  created?: number | undefined;
  /** Model that answers. */
  model: string;
  /** Token usage, on the last chunk. */
  usage?: UsageInfo | undefined;
  /** The choices this chunk updates; empty on a usage-only chunk. */
  choices: Array<CompletionResponseStreamChoice>;
}

/** What a chat stream yields: one server-sent event's chunk. */
export interface CompletionEvent {
  /** The chunk. */
  data: CompletionChunk;
}
