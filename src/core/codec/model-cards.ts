/**
 * Model cards (`GET /v1/models`, `GET /v1/models/{id}`): wire → public.
 *
 * @module
 */

import type {
  BaseModelCard,
  FTModelCard,
  ModelCapabilities,
  ModelCard,
  ModelList,
  UnknownModelCard,
} from "../models/index.js";
import {
  isObject,
  nullableNumber,
  nullableString,
  numberOr,
  stringOr,
  type WireObject,
} from "./wire.js";

/** Model list (wire) → public. Missing `data` becomes `[]`. */
export function decodeModelList(wire: Record<string, unknown>): ModelList {
  const data = wire.data;
  return {
    object: stringOr(wire.object, "list"),
    data: Array.isArray(data) ? data.map(decodeModelCard) : [],
  };
}

/**
 * One model card (wire) → public, by `type` (`"base"` when absent, the API's
 * default). A card of another type comes back as {@link UnknownModelCard}
 * with the wire object in `raw`. Defaults are the API's: owner `"mistralai"`,
 * context 32768, flags `false`.
 */
export function decodeModelCard(wire: unknown): ModelCard {
  if (!isObject(wire)) return unknownCard(wire);
  const type = wire.type ?? "base";
  if (type === "base") return { ...decodeCardFields(wire), type: "base" };
  if (type !== "fine-tuned") return unknownCard(wire);
  return {
    ...decodeCardFields(wire),
    type: "fine-tuned",
    job: stringOr(wire.job, ""),
    root: stringOr(wire.root, ""),
    archived: wire.archived === true,
  };
}

function unknownCard(raw: unknown): UnknownModelCard {
  return { type: "UNKNOWN", raw, isUnknown: true };
}

type CardFields = Omit<BaseModelCard, "type"> &
  Omit<FTModelCard, "type" | "job" | "root" | "archived">;

function decodeCardFields(wire: WireObject): CardFields {
  const out: CardFields = {
    id: stringOr(wire.id, ""),
    object: stringOr(wire.object, "model"),
    ownedBy: stringOr(wire.owned_by, "mistralai"),
    capabilities: decodeCapabilities(wire.capabilities),
    maxContextLength: numberOr(wire.max_context_length, 32768),
    internal: wire.internal === true,
  };
  if (typeof wire.created === "number") out.created = wire.created;
  if (wire.name !== undefined) out.name = nullableString(wire.name);
  if (wire.description !== undefined) out.description = nullableString(wire.description);
  if (Array.isArray(wire.aliases)) out.aliases = wire.aliases as string[];
  if (wire.deprecation !== undefined) out.deprecation = decodeDate(wire.deprecation);
  if (wire.deprecation_replacement_model !== undefined) {
    out.deprecationReplacementModel = nullableString(wire.deprecation_replacement_model);
  }
  if (wire.default_model_temperature !== undefined) {
    out.defaultModelTemperature = nullableNumber(wire.default_model_temperature);
  }
  if (wire.billing_model_name !== undefined) {
    out.billingModelName = nullableString(wire.billing_model_name);
  }
  return out;
}

// The official SDK turns the ISO date-time string into a Date; so do we.
function decodeDate(wire: unknown): Date | null | undefined {
  if (typeof wire === "string") return new Date(wire);
  return wire === null ? null : undefined;
}

function decodeCapabilities(wire: unknown): ModelCapabilities {
  const w: WireObject = isObject(wire) ? wire : {};
  return {
    completionChat: w.completion_chat === true,
    functionCalling: w.function_calling === true,
    reasoning: w.reasoning === true,
    completionFim: w.completion_fim === true,
    fineTuning: w.fine_tuning === true,
    vision: w.vision === true,
    ocr: w.ocr === true,
    classification: w.classification === true,
    moderation: w.moderation === true,
    audio: w.audio === true,
    audioTranscription: w.audio_transcription === true,
    audioTranscriptionRealtime: w.audio_transcription_realtime === true,
    audioSpeech: w.audio_speech === true,
    unifiedResources: w.unified_resources === true,
  };
}
