/**
 * The whole answer of a non-stream chat completion.
 *
 * @module
 */

import type { DeltaMessage } from "./chat-chunk.js";
import type { AssistantMessage } from "./messages.js";
import type { UsageInfo } from "./usage.js";

/**
 * Why a choice ended: `stop` (natural end or stop sequence), `length`
 * (`maxTokens` reached), `model_length` (context full), `error`, `tool_calls`.
 * Open: unknown values pass through.
 */
export type ChatCompletionChoiceFinishReason =
  | "stop"
  | "length"
  | "model_length"
  | "error"
  | "tool_calls"
  | (string & {});
/** The values of {@link ChatCompletionChoiceFinishReason}, as in `@mistralai/mistralai`. */
export const ChatCompletionChoiceFinishReason = {
  Stop: "stop",
  Length: "length",
  ModelLength: "model_length",
  Error: "error",
  ToolCalls: "tool_calls",
} as const;

/** One choice of a non-stream response. */
export interface ChatCompletionChoice {
  /** Position of this choice (`0` to `n − 1`). */
  index: number;
  /** The answer; `role` is always `"assistant"`. */
  message?: AssistantMessage | undefined;
  /** Message list some endpoints return instead of `message`. */
  messages?: Array<DeltaMessage> | undefined;
  /** Why the choice ended; wire `finish_reason`. `""` if the server sent none. */
  finishReason: ChatCompletionChoiceFinishReason;
}

/** The answer of a non-stream chat completion. */
export interface ChatCompletionResponse {
  /** Completion id. */
  id: string;
  /** `"chat.completion"`. */
  object: string;
  /** Model that answered. */
  model: string;
  /** Token usage (zeros if the server sent none). */
  usage: UsageInfo;
  /** Unix time, seconds. */
  created: number;
  /** The choices, one per `n`. */
  choices: Array<ChatCompletionChoice>;
}
