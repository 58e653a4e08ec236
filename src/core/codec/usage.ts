/**
 * Usage: wire → public. Runs once per stream (on the last chunk), so it may
 * loop over the keys to keep the ones it does not know.
 *
 * @module
 */

import type { CompletionTokensDetails, PromptTokensDetails, UsageInfo } from "../models/index.js";
import { copyUnknownKeys, isObject, nullableNumber, nullableString, numberOr } from "./wire.js";

const usageKeys: ReadonlySet<string> = new Set([
  "prompt_tokens",
  "completion_tokens",
  "total_tokens",
  "prompt_audio_seconds",
  "service_tier",
  "prompt_tokens_details",
  "completion_tokens_details",
  "num_cached_tokens",
]);
const promptDetailKeys: ReadonlySet<string> = new Set(["cached_tokens", "audio_tokens"]);
const completionDetailKeys: ReadonlySet<string> = new Set(["reasoning_tokens"]);

/**
 * Usage (wire) → public; `undefined` unless `wire` is an object. The counts
 * default to `0`; the keys seen in real traffic become typed camelCase fields
 * (present only when sent); other keys are kept under their wire names (see
 * {@link UsageInfo}).
 */
export function decodeUsage(wire: unknown): UsageInfo | undefined {
  if (!isObject(wire)) return undefined;
  const out: UsageInfo = {
    promptTokens: numberOr(wire.prompt_tokens, 0),
    completionTokens: numberOr(wire.completion_tokens, 0),
    totalTokens: numberOr(wire.total_tokens, 0),
  };
  if (wire.prompt_audio_seconds !== undefined) {
    out.promptAudioSeconds = nullableNumber(wire.prompt_audio_seconds);
  }
  if (wire.service_tier !== undefined) out.serviceTier = nullableString(wire.service_tier);
  if (wire.prompt_tokens_details !== undefined) {
    out.promptTokensDetails = decodePromptDetails(wire.prompt_tokens_details);
  }
  if (wire.completion_tokens_details !== undefined) {
    out.completionTokensDetails = decodeCompletionDetails(wire.completion_tokens_details);
  }
  if (wire.num_cached_tokens !== undefined) {
    out.numCachedTokens = nullableNumber(wire.num_cached_tokens);
  }
  copyUnknownKeys(wire, out, usageKeys);
  return out;
}

function decodePromptDetails(wire: unknown): PromptTokensDetails | null | undefined {
  if (!isObject(wire)) return wire === null ? null : undefined;
  const out: PromptTokensDetails = {};
  if (typeof wire.cached_tokens === "number") out.cachedTokens = wire.cached_tokens;
  if (typeof wire.audio_tokens === "number") out.audioTokens = wire.audio_tokens;
  copyUnknownKeys(wire, out, promptDetailKeys);
  return out;
}

function decodeCompletionDetails(wire: unknown): CompletionTokensDetails | null | undefined {
  if (!isObject(wire)) return wire === null ? null : undefined;
  const out: CompletionTokensDetails = {};
  if (typeof wire.reasoning_tokens === "number") out.reasoningTokens = wire.reasoning_tokens;
  copyUnknownKeys(wire, out, completionDetailKeys);
  return out;
}
