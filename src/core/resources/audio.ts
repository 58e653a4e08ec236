/**
 * `client.audio`: `transcriptions` (speech to text, whole or streamed) and
 * `speech` (text to speech, whole or streamed). The calls, their multipart
 * encoder and their stream decoders are loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  AudioTranscriptionRequest,
  AudioTranscriptionRequestStream,
  SpeechRequest,
  SpeechResponse,
  SpeechStreamEvents,
  TranscriptionResponse,
  TranscriptionStreamEvents,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";

const calls = async () => (await import("../endpoints/index.js")).audioCalls;

/** Transcriptions (`POST /v1/audio/transcriptions`). */
export class Transcriptions {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Transcribes audio (`file`, `fileUrl` or `fileId`) and returns the whole text with its segments. */
  async complete(
    request: AudioTranscriptionRequest,
    options?: RequestOptions,
  ): Promise<TranscriptionResponse> {
    return (await calls()).transcribe(this.#core, request, options);
  }

  /**
   * Transcribes audio as a stream: `transcription.language`, `transcription.segment`,
   * `transcription.text.delta`, then `transcription.done` (the stream's end).
   * `textStream()` gives the text, `finalResponse()` the whole transcription.
   */
  async stream(
    request: AudioTranscriptionRequestStream,
    options?: RequestOptions,
  ): Promise<EventStream<TranscriptionStreamEvents>> {
    return (await calls()).transcribeStream(this.#core, request, options);
  }
}

/** Speech (`POST /v1/audio/speech`). */
export class Speech {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Speaks `input`: the whole audio as base64 (`audioData`). */
  async complete(
    request: SpeechRequest & { stream?: false | undefined },
    options?: RequestOptions,
  ): Promise<SpeechResponse>;
  /**
   * With `stream: true`: `speech.audio.delta` events (base64 pieces; `speechAudio(stream)`
   * gives bytes), then `speech.audio.done` with the usage (the stream's end).
   */
  async complete(
    request: SpeechRequest & { stream: true },
    options?: RequestOptions,
  ): Promise<EventStream<SpeechStreamEvents>>;
  /** Either, by `request.stream`. */
  async complete(
    request: SpeechRequest,
    options?: RequestOptions,
  ): Promise<SpeechResponse | EventStream<SpeechStreamEvents>>;
  async complete(
    request: SpeechRequest,
    options?: RequestOptions,
  ): Promise<SpeechResponse | EventStream<SpeechStreamEvents>> {
    return (await calls()).speech(this.#core, request, options);
  }
}

/** Audio: `transcriptions` and `speech`. */
export class Audio {
  /** Speech to text. */
  readonly transcriptions: Transcriptions;
  /** Text to speech. */
  readonly speech: Speech;

  /** @internal */
  constructor(core: ApiCore) {
    this.transcriptions = new Transcriptions(core);
    this.speech = new Speech(core);
  }
}
