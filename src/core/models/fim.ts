/**
 * Fill-in-the-middle (code completion) requests and responses.
 *
 * @module
 */

import type { FreeFormObject } from "./free-form.js";
import type { ChatCompletionResponse } from "./responses.js";

/** Stop sequence(s) of a FIM request. */
export type FIMCompletionRequestStop = string | Array<string>;

/** A fill-in-the-middle request: complete the code between `prompt` and `suffix`. */
export interface FIMCompletionRequest {
  /** Model id, e.g. `"codestral-latest"`. */
  model: string;
  /** Sampling temperature (0–1.5). */
  temperature?: number | null | undefined;
  /** Nucleus sampling mass; wire `top_p`. */
  topP?: number | null | undefined;
  /** Most tokens to generate; wire `max_tokens`. */
  maxTokens?: number | null | undefined;
  /** Ignored: the method called decides. */
  stream?: boolean | undefined;
  /** Stop sequence(s). */
  stop?: string | Array<string> | null | undefined;
  /** Seed for deterministic sampling; wire `random_seed`. */
  randomSeed?: number | null | undefined;
  /** Free-form metadata, sent as is (keys never renamed). */
  metadata?: FreeFormObject | null | undefined;
  /** The code before the gap. */
  prompt: string;
  /** The code after the gap. */
  suffix?: string | null | undefined;
  /** Fewest tokens to generate; wire `min_tokens`. */
  minTokens?: number | null | undefined;
  /** Key grouping requests that share a prompt prefix for caching; wire `prompt_cache_key`. */
  promptCacheKey?: string | null | undefined;
}

/** What `fim.stream()` takes: the same fields as {@link FIMCompletionRequest}. */
export type FIMCompletionStreamRequest = FIMCompletionRequest;

/** Stop sequence(s) of a FIM stream request. */
export type FIMCompletionStreamRequestStop = FIMCompletionRequestStop;

/** The answer of a non-stream FIM request: shaped like a chat completion response. */
export type FIMCompletionResponse = ChatCompletionResponse;
