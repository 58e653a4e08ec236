/**
 * Fill-in-the-middle: request public → wire; responses and stream chunks have
 * the chat shapes and decode with the chat decoders.
 *
 * @module
 */

import type { FIMCompletionRequest, FIMCompletionResponse } from "../models/index.js";
import { decodeChatCompletionResponse } from "./chat-response.js";
import { setDefined, type WireObject } from "./wire.js";

/**
 * Public FIM request → wire JSON object, by the rules of
 * `encodeChatCompletionRequest` (unknown keys dropped, `stream` from the
 * argument, `undefined` omitted, `metadata` untouched).
 */
export function encodeFimCompletionRequest(
  request: FIMCompletionRequest,
  stream: boolean,
): Record<string, unknown> {
  const out: WireObject = {};
  setDefined(out, "model", request.model);
  setDefined(out, "temperature", request.temperature);
  setDefined(out, "top_p", request.topP);
  setDefined(out, "max_tokens", request.maxTokens);
  out.stream = stream;
  setDefined(out, "stop", request.stop);
  setDefined(out, "random_seed", request.randomSeed);
  setDefined(out, "metadata", request.metadata);
  setDefined(out, "prompt", request.prompt);
  setDefined(out, "suffix", request.suffix);
  setDefined(out, "min_tokens", request.minTokens);
  setDefined(out, "prompt_cache_key", request.promptCacheKey);
  return out;
}

/** Non-stream FIM response body (wire) → public; same rules as chat responses. */
export function decodeFimCompletionResponse(wire: Record<string, unknown>): FIMCompletionResponse {
  return decodeChatCompletionResponse(wire);
}
