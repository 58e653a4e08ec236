/**
 * What audio streams build as their events arrive: a transcription's text,
 * segments and final response; speech's audio bytes.
 *
 * @module
 */

import type {
  SpeechResponse,
  SpeechStreamEvents,
  TranscriptionResponse,
  TranscriptionSegmentChunk,
  TranscriptionStreamEvents,
  UsageInfo,
} from "../models/index.js";
import { base64Of, bytesOfBase64 } from "./base64.js";

/** A transcription so far: the text deltas joined, the segments, the language; the done event's whole response. */
export class TranscriptionSnapshot {
  #text = "";
  #segments: TranscriptionSegmentChunk[] = [];
  #language: string | null = null;
  #done: TranscriptionResponse | undefined;
  readonly reasoningChars = 0;

  /** Takes one event in. */
  add({ data }: TranscriptionStreamEvents): void {
    if (data.type === "transcription.text.delta") this.#text += data.text;
    else if (data.type === "transcription.language") this.#language = data.audioLanguage;
    else if (data.type === "transcription.segment") {
      const { type: _, ...segment } = data;
      this.#segments.push({ ...segment, type: "transcription_segment" });
    } else if (data.type === "transcription.done") {
      const { type: _, ...response } = data;
      this.#done = response;
    }
  }

  /** The text so far. */
  text(): string {
    return this.#done?.text ?? this.#text;
  }

  get answerChars(): number {
    return this.text().length;
  }

  get usage(): UsageInfo | undefined {
    return this.#done?.usage;
  }

  /** The whole transcription once done (the done event's); before, what arrived, as a response. */
  response(): TranscriptionResponse {
    if (this.#done) return { ...this.#done };
    return {
      model: "",
      text: this.#text,
      segments: [...this.#segments],
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      language: this.#language,
    };
  }
}

/** Speech so far: the audio bytes of every delta, in order. */
export class SpeechSnapshot {
  readonly #chunks: Uint8Array[] = [];
  #usage: UsageInfo | undefined;
  readonly reasoningChars = 0;
  readonly answerChars = 0;

  /** Takes one event in. */
  add({ data }: SpeechStreamEvents): void {
    if (data.type === "speech.audio.delta") this.#chunks.push(bytesOfBase64(data.audioData));
    else if (data.type === "speech.audio.done") this.#usage = data.usage;
  }

  /** Speech has no text. */
  text(): string {
    return "";
  }

  get usage(): UsageInfo | undefined {
    return this.#usage;
  }

  /** The audio so far, as one base64 text (what the non-stream call returns). */
  response(): SpeechResponse {
    return { audioData: base64Of(this.#chunks) };
  }
}
