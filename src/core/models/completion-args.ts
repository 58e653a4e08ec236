/**
 * `completionArgs`: the sampling settings of a conversation or an agent (the
 * chat request's fields, grouped).
 *
 * @module
 */

import type { Prediction, ReasoningEffort, ResponseFormat } from "./chat-request.js";
import type { ToolChoiceEnum } from "./tools.js";

/** Stop sequences: one, several, or none. */
export type CompletionArgsStop = string | Array<string>;

/** Sampling settings (wire `completion_args`, snake_case inside). */
export interface CompletionArgs {
  /** Stop sequences. */
  stop?: string | Array<string> | null | undefined;
  /** Wire `presence_penalty`. */
  presencePenalty?: number | null | undefined;
  /** Wire `frequency_penalty`. */
  frequencyPenalty?: number | null | undefined;
  /** Sampling temperature. */
  temperature?: number | null | undefined;
  /** Wire `top_p`. */
  topP?: number | null | undefined;
  /** Wire `max_tokens`. */
  maxTokens?: number | null | undefined;
  /** Wire `random_seed`. */
  randomSeed?: number | null | undefined;
  /** Expected output, to speed up generation. */
  prediction?: Prediction | null | undefined;
  /** Wire `response_format` (its JSON Schema as `schemaDefinition`, as in chat). */
  responseFormat?: ResponseFormat | null | undefined;
  /** Wire `tool_choice`. */
  toolChoice?: ToolChoiceEnum | undefined;
  /** Wire `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort | null | undefined;
}
