/**
 * Audio: a transcription request as multipart form fields, transcriptions
 * and their stream events wire → public, speech requests public → wire and
 * speech events wire → public. Transcription objects keep keys this client
 * does not know, as the official client's do.
 *
 * @module
 */

import type {
  SpeechStreamEvents,
  TranscriptionResponse,
  TranscriptionStreamEvents,
} from "../models/index.js";
import { decodeFields, each, encodeFields, fieldTable } from "./field-table.js";
import { decodeUsage } from "./usage.js";
import { isObject, type WireObject } from "./wire.js";

/** One multipart field: text, or the file (sent as a file part). */
export type FormField = readonly [name: string, value: unknown];

const form = fieldTable(
  "model file file_url file_id language temperature stream diarize context_bias timestamp_granularities",
);

/**
 * A transcription request → its form fields, in order: arrays repeat their
 * name (`timestamp_granularities=segment`, as the API reads them), booleans
 * and numbers are text, `undefined` and `null` are left out.
 */
export function transcriptionFields(request: WireObject, stream: boolean): FormField[] {
  const fields: FormField[] = [];
  for (const [wire, name] of form) {
    const value = name === "stream" ? stream : request[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) fields.push([wire, String(item)]);
    else fields.push([wire, name === "file" ? value : String(value)]);
  }
  return fields;
}

const segment = fieldTable("type text start end score speaker_id");
const transcription = fieldTable("model text segments usage language");
const decodeSegment = (wire: unknown) => decodeFields(wire, segment, {}, true);

/** A transcription (or the done event's body) → public. */
export function decodeTranscriptionResponse(wire: unknown): TranscriptionResponse {
  return decodeFields(
    wire,
    transcription,
    { segments: each(decodeSegment), usage: decodeUsage },
    true,
  );
}

const language = fieldTable("type audio_language");
const textDelta = fieldTable("type text");

const unknownEvent = (raw: unknown) => ({
  type: "UNKNOWN" as const,
  raw,
  isUnknown: true as const,
});

/** One transcription stream event's data (its `type` set) → public; an unknown type → `UNKNOWN`. */
export function decodeTranscriptionEvent(wire: WireObject): TranscriptionStreamEvents["data"] {
  switch (wire.type) {
    case "transcription.done":
      return { ...decodeTranscriptionResponse(wire), type: "transcription.done" };
    case "transcription.segment":
      return decodeSegment(wire) as TranscriptionStreamEvents["data"];
    case "transcription.language":
      return decodeFields(wire, language, {}, true);
    case "transcription.text.delta":
      return decodeFields(wire, textDelta, {}, true);
    default:
      return unknownEvent(wire);
  }
}

const speech = fieldTable(
  "model metadata stream prompt_cache_key voice_id ref_audio input response_format",
);

/** `audio.speech.complete()`'s request → wire (extra fields sent as given). */
export function encodeSpeechRequest(request: unknown): unknown {
  return encodeFields(request, speech, {}, true);
}

/** One speech stream event's data → public; an unknown type → `UNKNOWN`. */
export function decodeSpeechEvent(wire: WireObject): SpeechStreamEvents["data"] {
  if (wire.type === "speech.audio.delta" && typeof wire.audio_data === "string") {
    return { type: "speech.audio.delta", audioData: wire.audio_data };
  }
  if (wire.type === "speech.audio.done") {
    return { type: "speech.audio.done", usage: decodeUsage(wire.usage) ?? emptyUsage() };
  }
  return unknownEvent(wire);
}

/** A whole speech answer → public. */
export function decodeSpeechResponse(wire: unknown): { audioData: string } {
  const data = isObject(wire) ? wire.audio_data : undefined;
  return { audioData: typeof data === "string" ? data : "" };
}

const emptyUsage = () => ({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
