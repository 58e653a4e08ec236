/**
 * The audio calls, loaded with the first one: transcriptions (a multipart
 * upload, answered whole or as a stream of `transcription.*` events) and
 * speech (JSON, answered whole or as a stream of base64 audio pieces).
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import {
  decodeSpeechResponse,
  decodeTranscriptionResponse,
  encodeSpeechRequest,
  transcriptionFields,
} from "../codec/audio.js";
import { InvalidRequestError, ResponseValidationError } from "../errors/index.js";
import type {
  SpeechResponse,
  SpeechStreamEvents,
  TranscriptionResponse,
  TranscriptionStreamEvents,
} from "../models/index.js";
import { checkRequest, expectObject } from "../resources/check-request.js";
import { speechDecoder, transcriptionDecoder } from "../stream/audio-decoder.js";
import type { EventStream } from "../stream/event-stream.js";
import { multipartBody } from "./multipart.js";

const path = "/v1/audio/transcriptions";
const fileFields = new Set(["file"]);

/** The multipart call of a transcription, checked: a model and exactly one audio source. */
function transcriptionCall(request: unknown, stream: boolean) {
  const method = `audio.transcriptions.${stream ? "stream" : "complete"}`;
  checkRequest(request, method, { strings: ["model"] });
  const fields = request as Record<string, unknown>;
  const sources = ["file", "fileUrl", "fileId"].filter((name) => fields[name] != null);
  if (sources.length !== 1) {
    throw new InvalidRequestError(
      `${method}: give exactly one of request.file, request.fileUrl and request.fileId`,
    );
  }
  const upload = multipartBody(transcriptionFields(fields, stream), fileFields);
  return { method: "POST" as const, path, upload };
}

/** The audio calls. */
export const audioCalls = {
  async transcribe(
    core: ApiCore,
    request: unknown,
    options?: RequestOptions,
  ): Promise<TranscriptionResponse> {
    const wire = await core.requestJson(transcriptionCall(request, false), options);
    return decodeTranscriptionResponse(expectObject(wire, "audio.transcriptions.complete"));
  },
  transcribeStream(
    core: ApiCore,
    request: unknown,
    options?: RequestOptions,
  ): Promise<EventStream<TranscriptionStreamEvents>> {
    return core.openStream(transcriptionCall(request, true), transcriptionDecoder, options);
  },
  async speech(
    core: ApiCore,
    request: unknown,
    options?: RequestOptions,
  ): Promise<SpeechResponse | EventStream<SpeechStreamEvents>> {
    const method = "audio.speech.complete";
    checkRequest(request, method, { strings: ["input"] });
    const call = {
      method: "POST" as const,
      path: "/v1/audio/speech",
      body: encodeSpeechRequest(request),
    };
    if ((request as { stream?: unknown }).stream === true) {
      return core.openStream(call, speechDecoder, options);
    }
    const wire = expectObject(await core.requestJson(call, options), method);
    if (typeof wire.audio_data !== "string") {
      throw new ResponseValidationError(
        `${method}: the response has no audio_data`,
        JSON.stringify(wire),
      );
    }
    return decodeSpeechResponse(wire);
  },
};
