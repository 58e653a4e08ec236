/**
 * Fields that only stored entities (agents, conversations and their entries)
 * bring back from the server: dates, and guardrails as configured. They live
 * apart from `wire.ts` and `guardrails.ts` because those are in every chat
 * bundle and a bundler places whole files; decoding these is loaded with the
 * Conversations and agents calls only.
 *
 * @module
 */

import type { GuardrailConfig } from "../models/index.js";
import { v1Thresholds, v2Thresholds } from "./guardrails.js";
import { isObject, renameKnownKeys, setDefined, type WireObject } from "./wire.js";

/** An ISO date-time on the wire → a `Date`; anything else → `undefined` (`null` stays `null`). */
export function dateOf(value: unknown): Date | undefined {
  return typeof value === "string" ? new Date(value) : undefined;
}

/** A public date (`Date` or text) → wire ISO text; anything else as is. */
export function isoOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const invert = (names: ReadonlyMap<string, string>): ReadonlyMap<string, string> =>
  new Map([...names].map(([from, to]) => [to, from]));
// Pure, so that a bundler drops the tables with the function that reads them.
const v1Public = /* @__PURE__ */ invert(v1Thresholds);
const v2Public = /* @__PURE__ */ invert(v2Thresholds);

/** Wire `guardrails` (of an agent or a conversation) → public; other values as is. */
export function decodeGuardrails(guardrails: unknown): GuardrailConfig[] | null | undefined {
  if (!Array.isArray(guardrails)) return guardrails === null ? null : undefined;
  return guardrails.map((wire: unknown) => {
    if (!isObject(wire)) return wire as GuardrailConfig;
    const out: WireObject = {};
    setDefined(out, "blockOnError", wire.block_on_error);
    setDefined(out, "moderationLlmV1", decodeModeration(wire.moderation_llm_v1, v1Public));
    setDefined(out, "moderationLlmV2", decodeModeration(wire.moderation_llm_v2, v2Public));
    return out as GuardrailConfig;
  });
}

function decodeModeration(config: unknown, thresholds: ReadonlyMap<string, string>): unknown {
  if (!isObject(config)) return config;
  const out: WireObject = {};
  setDefined(out, "modelName", config.model_name);
  const custom = config.custom_category_thresholds;
  setDefined(
    out,
    "customCategoryThresholds",
    isObject(custom) ? renameKnownKeys(custom, thresholds) : custom,
  );
  setDefined(out, "ignoreOtherCategories", config.ignore_other_categories);
  setDefined(out, "action", config.action);
  return out;
}
