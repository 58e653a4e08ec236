/**
 * Chat completion requests: public (camelCase) → wire (snake_case), with the
 * typed objects inside them (response format, prediction). The fields agents
 * and FIM requests share with chat are written here too.
 *
 * @module
 */

import type {
  AgentsCompletionRequest,
  ChatCompletionRequest,
  CompletionRequestBase,
  JsonSchema,
  Prediction,
  ResponseFormat,
} from "../models/index.js";
import { encodeGuardrails } from "./guardrails.js";
import { encodeMessages } from "./messages.js";
import { encodeToolChoice, encodeTools } from "./tools.js";
import { fieldsOf, isObject, setDefined, type WireObject } from "./wire.js";

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
): WireObject {
  const out: WireObject = {};
  encodeSampling(out, request);
  encodeConversationFields(out, request, stream);
  setDefined(out, "safe_prompt", request.safePrompt);
  return out;
}

/** Writes the model and how it samples (chat and FIM). */
export function encodeSampling(out: WireObject, request: CompletionRequestBase): void {
  setDefined(out, "model", request.model);
  setDefined(out, "temperature", request.temperature);
  setDefined(out, "top_p", request.topP);
}

/** Writes when generation stops and what goes with it (chat, agents and FIM); `stream` from the argument. */
export function encodeGeneration(
  out: WireObject,
  request: Omit<CompletionRequestBase, "model">,
  stream: boolean,
): void {
  setDefined(out, "max_tokens", request.maxTokens);
  out.stream = stream;
  setDefined(out, "stop", request.stop);
  setDefined(out, "random_seed", request.randomSeed);
  setDefined(out, "metadata", request.metadata);
}

/** Writes the fields chat and agents requests share, from `max_tokens` to `service_tier`, in the API's order. */
export function encodeConversationFields(
  out: WireObject,
  request: ChatCompletionRequest | AgentsCompletionRequest,
  stream: boolean,
): void {
  encodeGeneration(out, request, stream);
  setDefined(out, "messages", encodeMessages(request.messages));
  setDefined(out, "response_format", encodeResponseFormat(request.responseFormat));
  setDefined(out, "tools", encodeTools(request.tools));
  setDefined(out, "tool_choice", encodeToolChoice(request.toolChoice));
  setDefined(out, "presence_penalty", request.presencePenalty);
  setDefined(out, "frequency_penalty", request.frequencyPenalty);
  setDefined(out, "n", request.n);
  setDefined(out, "prediction", encodePrediction(request.prediction));
  setDefined(out, "parallel_tool_calls", request.parallelToolCalls);
  setDefined(out, "reasoning_effort", request.reasoningEffort);
  setDefined(out, "prompt_mode", request.promptMode);
  setDefined(out, "guardrails", encodeGuardrails(request.guardrails));
  setDefined(out, "prompt_cache_key", request.promptCacheKey);
  setDefined(out, "service_tier", request.serviceTier);
}

/** `responseFormat` → wire `response_format`; `jsonSchema.schemaDefinition` becomes `schema`. */
export function encodeResponseFormat(format: unknown): unknown {
  if (!isObject(format)) return format;
  const f = fieldsOf<ResponseFormat>(format);
  const out: WireObject = {};
  setDefined(out, "type", f.type);
  setDefined(out, "json_schema", encodeJsonSchema(f.jsonSchema));
  return out;
}

function encodeJsonSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const s = fieldsOf<JsonSchema>(schema);
  const out: WireObject = {};
  setDefined(out, "name", s.name);
  setDefined(out, "description", s.description);
  setDefined(out, "schema", s.schemaDefinition);
  setDefined(out, "strict", s.strict);
  return out;
}

function encodePrediction(prediction: unknown): unknown {
  if (!isObject(prediction)) return prediction;
  const p = fieldsOf<Prediction>(prediction);
  const out: WireObject = {};
  setDefined(out, "type", p.type);
  setDefined(out, "content", p.content);
  return out;
}
