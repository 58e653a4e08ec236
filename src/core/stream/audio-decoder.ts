/**
 * The decoders of audio streams: transcription (`transcription.*` events,
 * ending at `transcription.done`) and speech (`speech.audio.delta`, ending at
 * `speech.audio.done`). Like a conversation's, these are named events
 * without `[DONE]`: a body that ends before the done event is incomplete, an
 * `error` event fails the stream after the events before it, and an event
 * type this client does not know passes through (its data in `raw`).
 *
 * @module
 */

import { decodeSpeechEvent, decodeTranscriptionEvent } from "../codec/audio.js";
import {
  MalformedChunkError,
  type MistralError,
  type PartialResult,
  type ResponseMeta,
  StreamServerError,
} from "../errors/index.js";
import type { SpeechStreamEvents, TranscriptionStreamEvents } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { SpeechSnapshot, TranscriptionSnapshot } from "./audio-snapshot.js";
import { type StreamDecoder, type StreamSnapshot, streamDone } from "./types.js";

/** What differs between the kinds of audio stream. */
interface AudioKind<T extends { event: string; data: { type: string } }> {
  readonly end: string;
  decode(wire: Record<string, unknown>): T["data"];
  snapshot(): AudioSnapshot<T>;
}

/** What an audio stream's snapshot does with each event. */
export interface AudioSnapshot<T> extends StreamSnapshot {
  add(event: T): void;
}

/** Decodes the named events of one audio stream and keeps what they built. */
export class AudioEventDecoder<T extends { event: string; data: { type: string } }>
  implements StreamDecoder<T>
{
  readonly #response: ResponseMeta;
  readonly #kind: AudioKind<T>;
  readonly snapshot: AudioSnapshot<T>;
  readonly endMarker: string;
  events = 0;
  halted: MistralError | typeof streamDone | undefined;

  /** A decoder of `kind` for the stream of `response`. */
  constructor(kind: AudioKind<T>, response: ResponseMeta) {
    this.#kind = kind;
    this.#response = response;
    this.snapshot = kind.snapshot();
    this.endMarker = `\`${kind.end}\``;
  }

  /** A fresh decoder of the same kind, for a tee side. */
  fork(response: ResponseMeta): AudioEventDecoder<T> {
    return new AudioEventDecoder(this.#kind, response);
  }

  /** Decodes one event. */
  decode(event: ServerSentEvent): T {
    let wire: unknown;
    try {
      wire = JSON.parse(event.data);
    } catch (error) {
      throw new MalformedChunkError(event.data, this.#options(error));
    }
    if (typeof wire !== "object" || wire === null || Array.isArray(wire)) {
      throw new MalformedChunkError(event.data, this.#options());
    }
    const record = wire as Record<string, unknown>;
    if (typeof record.type !== "string" && event.event) record.type = event.event;
    if (event.event === "error" || record.object === "error" || record.type === "error") {
      throw this.#serverError(record);
    }
    const value = { event: event.event ?? String(record.type), data: this.#kind.decode(record) };
    try {
      this.snapshot.add(value as T);
    } catch (error) {
      // Audio that is not base64: the event is broken, as a cut JSON would be.
      throw new MalformedChunkError(event.data, this.#options(error));
    }
    this.events++;
    if (record.type === this.#kind.end) this.halted = streamDone;
    return value as T;
  }

  /** What has been received so far. */
  partial(): PartialResult {
    return { text: this.snapshot.text(), events: this.events, usage: this.snapshot.usage };
  }

  #options(cause?: unknown) {
    return { cause, response: this.#response, partial: this.partial(), retryable: false };
  }

  #serverError(record: Record<string, unknown>): MistralError {
    const inner = (record.error ?? record) as { message?: unknown; code?: unknown };
    const message = typeof inner.message === "string" ? inner.message : JSON.stringify(inner);
    const code = inner.code === undefined || inner.code === null ? "" : ` (code ${inner.code})`;
    return new StreamServerError(
      `The server reported an error during the stream: ${message}${code}`,
      record,
      this.#options(),
    );
  }
}

const transcription: AudioKind<TranscriptionStreamEvents> = {
  end: "transcription.done",
  decode: decodeTranscriptionEvent,
  snapshot: () => new TranscriptionSnapshot(),
};

const speech: AudioKind<SpeechStreamEvents> = {
  end: "speech.audio.done",
  decode: decodeSpeechEvent,
  snapshot: () => new SpeechSnapshot(),
};

/** A transcription stream's decoder. */
export const transcriptionDecoder = (response: ResponseMeta) =>
  new AudioEventDecoder(transcription, response);

/** A speech stream's decoder. */
export const speechDecoder = (response: ResponseMeta) => new AudioEventDecoder(speech, response);
