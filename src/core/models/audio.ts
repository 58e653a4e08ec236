/**
 * Audio: transcription (`POST /v1/audio/transcriptions`, whole or streamed)
 * and speech (`POST /v1/audio/speech`, whole or streamed).
 *
 * @module
 */

import type { FileT } from "./files.js";
import type { UsageInfo } from "./usage.js";

/** How finely the transcription is timed. */
export type TimestampGranularity = "segment" | "word" | (string & {});

/** The official enum-like values of {@link TimestampGranularity}. */
export const TimestampGranularity = { Segment: "segment", Word: "word" } as const;

/** What `audio.transcriptions.complete()` sends (multipart): a file, a `fileUrl` or a `fileId`. */
export interface AudioTranscriptionRequest {
  /** The transcription model, e.g. `"voxtral-mini-latest"`. */
  model: string;
  /** The audio: a `Blob` / `File`, or `{ fileName, content }`. */
  file?: FileT | Blob | undefined;
  /** A URL the server fetches the audio from; wire `file_url`. */
  fileUrl?: string | null | undefined;
  /** An uploaded file; wire `file_id`. */
  fileId?: string | null | undefined;
  /** The spoken language (ISO 639-1), when known: faster and more accurate. */
  language?: string | null | undefined;
  temperature?: number | null | undefined;
  stream?: false | undefined;
  /** Tell speakers apart (`speakerId` on segments). */
  diarize?: boolean | undefined;
  /** Words and names to favour; wire `context_bias`. */
  contextBias?: Array<string> | undefined;
  /** Wire `timestamp_granularities`. */
  timestampGranularities?: Array<TimestampGranularity> | undefined;
}

/** What `audio.transcriptions.stream()` sends. */
export interface AudioTranscriptionRequestStream extends Omit<AudioTranscriptionRequest, "stream"> {
  stream?: true | undefined;
}

/** A timed piece of a transcription. */
export interface TranscriptionSegmentChunk {
  type?: "transcription_segment" | undefined;
  text: string;
  /** Seconds from the start. */
  start: number | null;
  end: number | null;
  score?: number | null | undefined;
  /** Wire `speaker_id`. */
  speakerId?: string | null | undefined;
  [additionalProperties: string]: unknown;
}

/** What `audio.transcriptions.complete()` returns (and a stream's `finalResponse()`). */
export interface TranscriptionResponse {
  model: string;
  text: string;
  segments?: Array<TranscriptionSegmentChunk> | undefined;
  usage: UsageInfo;
  /** The detected language, or `null`. */
  language: string | null;
  [additionalProperties: string]: unknown;
}

/** The names of a transcription stream's events. */
export type TranscriptionStreamEventTypes =
  | "transcription.language"
  | "transcription.segment"
  | "transcription.text.delta"
  | "transcription.done"
  | (string & {});

/** The official enum-like values of {@link TranscriptionStreamEventTypes}. */
export const TranscriptionStreamEventTypes = {
  TranscriptionLanguage: "transcription.language",
  TranscriptionSegment: "transcription.segment",
  TranscriptionTextDelta: "transcription.text.delta",
  TranscriptionDone: "transcription.done",
} as const;

/** The language of the audio, once detected. */
export interface TranscriptionStreamLanguage {
  type: "transcription.language";
  /** Wire `audio_language`. */
  audioLanguage: string;
  [additionalProperties: string]: unknown;
}

/** A timed segment, once it is complete. */
export interface TranscriptionStreamSegmentDelta {
  type: "transcription.segment";
  text: string;
  start: number | null;
  end: number | null;
  /** Wire `speaker_id`. */
  speakerId?: string | null | undefined;
  [additionalProperties: string]: unknown;
}

/** The next piece of text. */
export interface TranscriptionStreamTextDelta {
  type: "transcription.text.delta";
  text: string;
  [additionalProperties: string]: unknown;
}

/** The end: the whole transcription with its usage. */
export interface TranscriptionStreamDone extends TranscriptionResponse {
  type: "transcription.done";
}

/** An event this client does not know yet: its data as sent, in `raw`. */
export interface UnknownAudioEvent {
  type: "UNKNOWN";
  raw: unknown;
  isUnknown: true;
}

/** One event of a transcription stream. */
export interface TranscriptionStreamEvents {
  event: TranscriptionStreamEventTypes;
  data:
    | TranscriptionStreamDone
    | TranscriptionStreamLanguage
    | TranscriptionStreamSegmentDelta
    | TranscriptionStreamTextDelta
    | UnknownAudioEvent;
}

/** The audio format of speech. */
export type SpeechOutputFormat = "pcm" | "wav" | "mp3" | "flac" | "opus" | (string & {});

/** The official enum-like values of {@link SpeechOutputFormat}. */
export const SpeechOutputFormat = {
  Pcm: "pcm",
  Wav: "wav",
  Mp3: "mp3",
  Flac: "flac",
  Opus: "opus",
} as const;

/** What `audio.speech.complete()` sends. */
export interface SpeechRequest {
  /** The speech model, e.g. `"voxtral-tts-latest"`. */
  model?: string | null | undefined;
  metadata?: { [k: string]: unknown } | null | undefined;
  /** Stream the audio as it is made. */
  stream?: boolean | undefined;
  /** Wire `prompt_cache_key`. */
  promptCacheKey?: string | null | undefined;
  /** A preset or custom voice; wire `voice_id`. */
  voiceId?: string | null | undefined;
  /** A reference recording (base64) to speak like; wire `ref_audio`. */
  refAudio?: string | null | undefined;
  /** The text to speak. */
  input: string;
  /** Wire `response_format`. */
  responseFormat?: SpeechOutputFormat | undefined;
  [additionalProperties: string]: unknown;
}

/** What `audio.speech.complete()` returns (and a speech stream's `finalResponse()`). */
export interface SpeechResponse {
  /** The whole audio, base64; wire `audio_data`. `speechAudio()` gives bytes. */
  audioData: string;
}

/** The next piece of audio (base64). */
export interface SpeechStreamAudioDelta {
  type: "speech.audio.delta";
  /** Wire `audio_data`. */
  audioData: string;
}

/** The end, with the usage. */
export interface SpeechStreamDone {
  type: "speech.audio.done";
  usage: UsageInfo;
}

/** The names of a speech stream's events. */
export type SpeechStreamEventTypes = "speech.audio.delta" | "speech.audio.done" | (string & {});

/** The official enum-like values of {@link SpeechStreamEventTypes}. */
export const SpeechStreamEventTypes = {
  SpeechAudioDelta: "speech.audio.delta",
  SpeechAudioDone: "speech.audio.done",
} as const;

/** One event of a speech stream. */
export interface SpeechStreamEvents {
  event: SpeechStreamEventTypes;
  data: SpeechStreamAudioDelta | SpeechStreamDone | UnknownAudioEvent;
}
