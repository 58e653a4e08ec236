/**
 * Request fields shared by chat and agents completions, and the typed objects
 * inside them (response format, prediction, guardrails).
 *
 * @module
 */

import type {
  AgentsCompletionRequest,
  ChatCompletionRequest,
  GuardrailConfig,
  JsonSchema,
  ModerationLlmv1Config,
  Prediction,
  ResponseFormat,
} from "../models/index.js";
import { encodeMessages } from "./messages.js";
import { encodeToolChoice, encodeTools } from "./tools.js";
import { isObject, mapArray, renameKnownKeys, setDefined, type WireObject } from "./wire.js";

/** The fields chat and agents requests have in common. */
type CommonFields = ChatCompletionRequest | AgentsCompletionRequest;

/**
 * Writes the fields chat and agents requests share, from `max_tokens` to
 * `service_tier`, in the API's order. `stream` comes from the argument.
 */
export function encodeCommonFields(out: WireObject, request: CommonFields, stream: boolean): void {
  setDefined(out, "max_tokens", request.maxTokens);
  out.stream = stream;
  setDefined(out, "stop", request.stop);
  setDefined(out, "random_seed", request.randomSeed);
  setDefined(out, "metadata", request.metadata);
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
  setDefined(out, "guardrails", mapArray(request.guardrails, encodeGuardrail));
  setDefined(out, "prompt_cache_key", request.promptCacheKey);
  setDefined(out, "service_tier", request.serviceTier);
}

/** `responseFormat` → wire `response_format`; `jsonSchema.schemaDefinition` becomes `schema`. */
export function encodeResponseFormat(format: unknown): unknown {
  if (!isObject(format)) return format;
  const f = format as unknown as ResponseFormat;
  const out: WireObject = {};
  setDefined(out, "type", f.type);
  setDefined(out, "json_schema", encodeJsonSchema(f.jsonSchema));
  return out;
}

function encodeJsonSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const s = schema as unknown as JsonSchema;
  const out: WireObject = {};
  setDefined(out, "name", s.name);
  setDefined(out, "description", s.description);
  setDefined(out, "schema", s.schemaDefinition);
  setDefined(out, "strict", s.strict);
  return out;
}

function encodePrediction(prediction: unknown): unknown {
  if (!isObject(prediction)) return prediction;
  const p = prediction as unknown as Prediction;
  const out: WireObject = {};
  setDefined(out, "type", p.type);
  setDefined(out, "content", p.content);
  return out;
}

// Category thresholds: camelCase name → wire name. v2 has its own set.
const v1Thresholds: ReadonlyMap<string, string> = new Map([
  ["sexual", "sexual"],
  ["hateAndDiscrimination", "hate_and_discrimination"],
  ["violenceAndThreats", "violence_and_threats"],
  ["dangerousAndCriminalContent", "dangerous_and_criminal_content"],
  ["selfharm", "selfharm"],
  ["health", "health"],
  ["financial", "financial"],
  ["law", "law"],
  ["pii", "pii"],
]);

const v2Thresholds: ReadonlyMap<string, string> = new Map([
  ["sexual", "sexual"],
  ["hateAndDiscrimination", "hate_and_discrimination"],
  ["violenceAndThreats", "violence_and_threats"],
  ["dangerous", "dangerous"],
  ["criminal", "criminal"],
  ["selfharm", "selfharm"],
  ["health", "health"],
  ["financial", "financial"],
  ["law", "law"],
  ["pii", "pii"],
  ["jailbreaking", "jailbreaking"],
]);

function encodeGuardrail(guardrail: unknown): unknown {
  if (!isObject(guardrail)) return guardrail;
  const g = guardrail as unknown as GuardrailConfig;
  const out: WireObject = {};
  setDefined(out, "block_on_error", g.blockOnError);
  setDefined(out, "moderation_llm_v1", encodeModeration(g.moderationLlmV1, v1Thresholds));
  setDefined(out, "moderation_llm_v2", encodeModeration(g.moderationLlmV2, v2Thresholds));
  return out;
}

function encodeModeration(config: unknown, thresholds: ReadonlyMap<string, string>): unknown {
  if (!isObject(config)) return config;
  // v1 and v2 configs have the same fields; only their thresholds differ.
  const c = config as unknown as ModerationLlmv1Config;
  const out: WireObject = {};
  setDefined(out, "model_name", c.modelName);
  const custom: unknown = c.customCategoryThresholds;
  setDefined(
    out,
    "custom_category_thresholds",
    isObject(custom) ? renameKnownKeys(custom, thresholds) : custom,
  );
  setDefined(out, "ignore_other_categories", c.ignoreOtherCategories);
  setDefined(out, "action", c.action);
  return out;
}
