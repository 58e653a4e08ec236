/**
 * Chat completion request: public (camelCase) → wire (snake_case).
 *
 * @module
 */

import type { ChatCompletionRequest } from "../models/index.js";
import { encodeCommonFields } from "./request-fields.js";
import { setDefined, type WireObject } from "./wire.js";

/**
 * Public request → wire JSON object (snake_case), ready for `JSON.stringify`.
 *
 * - Only the fields of the API's `ChatCompletionRequest` are sent; any other
 *   key is dropped, because the API rejects unknown fields (422
 *   `extra_forbidden`).
 * - `stream` is always set, from the argument, whatever the request says.
 * - `undefined` values are omitted; `null` is sent as `null`.
 * - Free-form values (tool `parameters`, `responseFormat.jsonSchema.schemaDefinition`
 *   — sent as `schema` —, `metadata`, object `arguments`) are passed through
 *   untouched: their keys are never renamed.
 * - No defaults are added: what the caller left out, the server defaults.
 */
export function encodeChatCompletionRequest(
  request: ChatCompletionRequest,
  stream: boolean,
): Record<string, unknown> {
  const out: WireObject = {};
  setDefined(out, "model", request.model);
  setDefined(out, "temperature", request.temperature);
  setDefined(out, "top_p", request.topP);
  encodeCommonFields(out, request, stream);
  setDefined(out, "safe_prompt", request.safePrompt);
  return out;
}
