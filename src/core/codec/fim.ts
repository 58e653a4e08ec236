/**
 * Fill-in-the-middle: request public → wire; responses and stream chunks have
 * the chat shapes and decode with the chat decoders.
 *
 * @module
 */

import type { FIMCompletionRequest, FIMCompletionResponse } from "../models/index.js";
import { encodeGeneration, encodeSampling } from "./chat-request.js";
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
): WireObject {
  const out: WireObject = {};
  encodeSampling(out, request);
  encodeGeneration(out, request, stream);
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
