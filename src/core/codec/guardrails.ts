/**
 * Moderation guardrails, public → wire, for requests. Category thresholds are
 * renamed by a fixed table per moderation version (v2 has its own set). The way
 * back, for stored agents and conversations, is in `entity-fields.ts`.
 *
 * @module
 */

import type {
  GuardrailConfig,
  ModerationLlmv1Config,
  ModerationLlmv2Config,
} from "../models/index.js";
import {
  fieldsOf,
  isObject,
  mapArray,
  renameKnownKeys,
  setDefined,
  type WireObject,
} from "./wire.js";

/** Public `guardrails` list → wire. */
export function encodeGuardrails(guardrails: unknown): unknown {
  return mapArray(guardrails, encodeGuardrail);
}

/** Category thresholds of moderation v1: camelCase name → wire name. */
export const v1Thresholds: ReadonlyMap<string, string> = new Map([
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

/** Category thresholds of moderation v2, which has its own set. */
export const v2Thresholds: ReadonlyMap<string, string> = new Map([
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
  const g = fieldsOf<GuardrailConfig>(guardrail);
  const out: WireObject = {};
  setDefined(out, "block_on_error", g.blockOnError);
  setDefined(out, "moderation_llm_v1", encodeModeration(g.moderationLlmV1, v1Thresholds));
  setDefined(out, "moderation_llm_v2", encodeModeration(g.moderationLlmV2, v2Thresholds));
  return out;
}

function encodeModeration(config: unknown, thresholds: ReadonlyMap<string, string>): unknown {
  if (!isObject(config)) return config;
  // v1 and v2 configs have the same fields; only their thresholds differ.
  const c = fieldsOf<ModerationLlmv1Config & ModerationLlmv2Config>(config);
  const out: WireObject = {};
  setDefined(out, "model_name", c.modelName);
  const custom = c.customCategoryThresholds;
  setDefined(
    out,
    "custom_category_thresholds",
    isObject(custom) ? renameKnownKeys(custom, thresholds) : custom,
  );
  setDefined(out, "ignore_other_categories", c.ignoreOtherCategories);
  setDefined(out, "action", c.action);
  return out;
}
