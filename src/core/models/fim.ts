/**
 * Fill-in-the-middle (code completion) requests and responses.
 *
 * @module
 */

import type { CompletionRequestBase } from "./chat-request.js";
import type { ChatCompletionResponse } from "./chat-response.js";

/** Stop sequence(s) of a FIM request. */
export type FIMCompletionRequestStop = string | Array<string>;

/** A fill-in-the-middle request: complete the code between `prompt` and `suffix`. */
export interface FIMCompletionRequest extends CompletionRequestBase {
  /** Model id, e.g. `"codestral-latest"`. */
  model: string;
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
