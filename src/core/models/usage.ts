/**
 * Token usage of a completion.
 *
 * @module
 */

/**
 * Breakdown of the prompt tokens (wire `prompt_tokens_details`). Keys this
 * client does not know are kept under their wire names, values untouched.
 */
export interface PromptTokensDetails {
  /** Prompt tokens served from the prompt cache; wire `cached_tokens`. */
  cachedTokens?: number | undefined;
  /** Prompt tokens spent on audio input; wire `audio_tokens`. */
  audioTokens?: number | undefined;
  /** Keys added by the server after this client was written, under their wire names. */
  [additionalProperties: string]: unknown;
}

/**
 * Breakdown of the completion tokens (wire `completion_tokens_details`). Keys
 * this client does not know are kept under their wire names, values untouched.
 */
export interface CompletionTokensDetails {
  /** Tokens spent thinking; wire `reasoning_tokens`. */
  reasoningTokens?: number | undefined;
  /** Keys added by the server after this client was written, under their wire names. */
  [additionalProperties: string]: unknown;
}

/**
 * Token usage. It arrives on the last JSON chunk of a stream (sometimes in a
 * chunk of its own with `choices: []`) and on every non-stream response.
 *
 * Decoding rules, chosen so that nothing the server sends is lost:
 * - the three counts are always numbers (`0` when the server left one out);
 * - the other keys seen in real traffic get typed camelCase fields, present
 *   only when the server sent them: `promptAudioSeconds`, `serviceTier`,
 *   `promptTokensDetails`, `completionTokensDetails`, `numCachedTokens`;
 * - any other key is kept under its wire (snake_case) name with its value
 *   untouched, as the official SDK does for all keys it does not type; `__proto__`,
 *   `constructor` and `prototype` are dropped.
 */
export interface UsageInfo {
  /** Tokens in the prompt; wire `prompt_tokens`. */
  promptTokens: number;
  /** Tokens generated; wire `completion_tokens`. */
  completionTokens: number;
  /** Sum of both; wire `total_tokens`. */
  totalTokens: number;
  /** Seconds of audio in the prompt; wire `prompt_audio_seconds`. */
  promptAudioSeconds?: number | null | undefined;
  /** Capacity tier that served the request, e.g. `"standard"`; wire `service_tier`. */
  serviceTier?: string | null | undefined;
  /** Breakdown of the prompt tokens; wire `prompt_tokens_details`. */
  promptTokensDetails?: PromptTokensDetails | null | undefined;
  /** Breakdown of the completion tokens; wire `completion_tokens_details`. */
  completionTokensDetails?: CompletionTokensDetails | null | undefined;
  /** Prompt tokens served from cache (older spelling); wire `num_cached_tokens`. */
  numCachedTokens?: number | null | undefined;
  /** Keys added by the server after this client was written, under their wire names. */
  [additionalProperties: string]: unknown;
}
