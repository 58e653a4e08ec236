/**
 * Audio: `POST /v1/audio/transcriptions` (multipart; whole, or streamed as
 * `transcription.*` events at the emulator's pace) and `POST
 * /v1/audio/speech` (JSON; base64 audio, whole or streamed in pieces).
 * Streams take the same faults as chat streams.
 *
 * @module
 */
import { countTokens, tokenize } from "../answers/tokenize.js";
import { namedDialect, namedPayload, type Payload } from "../faults/stream-script.js";
import { findModelOf } from "../requests/models.js";
import { speechRequest } from "../requests/platform-schemas.js";
import { speak, speechFormats } from "../services/speech.js";
import { type Segment, type Transcript, transcribe } from "../services/transcribe.js";
import { type ErrorReply, errorEnvelope, invalidModelError } from "./error-bodies.js";
import { type Form, missingFields, readForm } from "./multipart.js";
import { isReply, readChecked, sendAnswer, sendStream } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError } from "./util.js";

type Wire = Record<string, unknown>;

const granularities = ["segment", "word"];

/** The 422 of a form field with a value outside its enum (the API's exact shape). */
function enumError(field: string, index: number, input: string): ErrorReply {
  const expected = "'segment' or 'word'";
  const issue = {
    ctx: { expected },
    input,
    loc: [field, index],
    msg: `Input should be ${expected}`,
    type: "enum",
  };
  return errorEnvelope(422, { detail: [issue] }, "invalid_request_error", null);
}

/** What a transcription request asks for, or the API's error. */
function readTranscriptionForm(scope: RequestScope, form: Form) {
  const missing = missingFields(form, ["model"]);
  if (missing) return missing;
  const text = (name: string) => form.texts.get(name)?.[0];
  const model = text("model")!;
  if (!findModelOf(model, "transcription")) return invalidModelError(model);
  const asked = form.texts.get("timestamp_granularities") ?? [];
  const bad = asked.findIndex((g) => !granularities.includes(g));
  if (bad >= 0) return enumError("timestamp_granularities", bad, asked[bad]!);
  const file = form.files.get("file");
  const url = text("file_url");
  const fileId = text("file_id");
  if ([file, url, fileId].filter((s) => s !== undefined).length !== 1) {
    return errorEnvelope(
      400,
      "Exactly one of file, file_url or file_id must be provided",
      "invalid_request_error",
      "3051",
    );
  }
  let audio = file?.bytes;
  if (fileId !== undefined) {
    const stored = scope.ctx.files.get(fileId);
    if (!stored) return errorEnvelope(404, "File not found", "invalid_request_error", null);
    audio = stored.bytes;
  }
  return {
    model,
    transcript: transcribe(audio, url ?? fileId ?? ""),
    language: text("language") ?? null,
    stream: text("stream") === "true",
    words: asked.includes("word"),
    timed: asked.length > 0 || text("diarize") === "true",
    speaker: text("diarize") === "true" ? "speaker_1" : null,
  };
}

type Asked = Exclude<ReturnType<typeof readTranscriptionForm>, ErrorReply>;

/** The segments to send: sentences, or words with `timestampGranularities: ["word"]`. */
function segmentsOf(asked: Asked): Wire[] {
  if (!asked.timed) return [];
  const pieces: Segment[] = asked.words
    ? asked.transcript.segments.flatMap((s) => {
        const words = s.text.split(" ");
        const step = (s.end - s.start) / words.length;
        return words.map((w, i) => ({
          text: w,
          start: Math.round((s.start + i * step) * 10) / 10,
          end: Math.round((s.start + (i + 1) * step) * 10) / 10,
        }));
      })
    : [...asked.transcript.segments];
  return pieces.map((s) => ({
    text: s.text,
    start: s.start,
    end: s.end,
    speaker_id: asked.speaker,
    type: "transcription_segment",
  }));
}

function usageOf(transcript: Transcript): Wire {
  const audioTokens = Math.round(transcript.seconds * 75);
  const completion = countTokens(transcript.text);
  return {
    prompt_audio_seconds: Math.ceil(transcript.seconds),
    prompt_tokens: 3,
    total_tokens: 3 + audioTokens + completion,
    completion_tokens: completion,
    prompt_tokens_details: { audio_tokens: audioTokens, cached_tokens: 0 },
  };
}

function transcriptionBody(asked: Asked): Wire {
  const { transcript } = asked;
  return {
    model: asked.model,
    text: transcript.text,
    language: asked.language,
    segments: segmentsOf(asked),
    usage: usageOf(transcript),
    finish_reason: null,
  };
}

/** The events of a streamed transcription: language, text deltas and segments as they complete, done. */
function transcriptionEvents(asked: Asked): Payload[] {
  const events: Payload[] = [
    namedPayload({ type: "transcription.language", audio_language: asked.language ?? "en" }),
  ];
  const segments = segmentsOf(asked);
  asked.transcript.segments.forEach((sentence, i) => {
    for (const token of tokenize(i === 0 ? sentence.text : ` ${sentence.text}`)) {
      events.push(namedPayload({ type: "transcription.text.delta", text: token }));
    }
    if (!asked.words && segments[i])
      events.push(namedPayload({ ...segments[i], type: "transcription.segment" }));
  });
  if (asked.words)
    for (const s of segments) events.push(namedPayload({ ...s, type: "transcription.segment" }));
  events.push(namedPayload({ ...transcriptionBody(asked), type: "transcription.done" }));
  return events;
}

async function handleTranscription(scope: RequestScope): Promise<void> {
  const form = await readForm(scope);
  if (isReply(form)) return sendError(scope.res, form);
  const asked = readTranscriptionForm(scope, form);
  if (isReply(asked)) return sendError(scope.res, asked);
  if (asked.stream) return sendStream(scope, transcriptionEvents(asked), namedDialect);
  await sendAnswer(scope, 0, transcriptionBody(asked));
}

/** Audio pieces of about 0.1 s (MP3: whole frames after the tag). */
function pieces(audio: Buffer): Buffer[] {
  const size = 4800;
  const out: Buffer[] = [];
  for (let at = 0; at < audio.length; at += size) out.push(audio.subarray(at, at + size));
  return out;
}

async function handleSpeech(scope: RequestScope): Promise<void> {
  const body = await readChecked(scope, speechRequest);
  if (isReply(body)) return sendError(scope.res, body);
  const model = body.model ?? "voxtral-mini-tts-latest";
  if (!findModelOf(model, "speech")) return sendError(scope.res, invalidModelError(String(model)));
  const format = String(body.response_format ?? "mp3");
  if (!speechFormats.includes(format)) {
    return sendError(
      scope.res,
      errorEnvelope(
        400,
        `The emulator speaks ${speechFormats.join(", ")}; ${format} is not emulated`,
        "invalid_request_error",
        null,
      ),
    );
  }
  const input = String(body.input);
  const audio = speak(input, format);
  const tokens = countTokens(input);
  const usage = {
    prompt_tokens: tokens,
    completion_tokens: pieces(audio).length,
    total_tokens: tokens + pieces(audio).length,
  };
  if (body.stream !== true) return sendAnswer(scope, 0, { audio_data: audio.toString("base64") });
  const events = pieces(audio).map((piece) =>
    namedPayload({ type: "speech.audio.delta", audio_data: piece.toString("base64") }),
  );
  events.push(namedPayload({ type: "speech.audio.done", usage }));
  await sendStream(scope, events, namedDialect);
}

/** Handles `POST /v1/audio/transcriptions` and `POST /v1/audio/speech`. */
export function handleAudio(scope: RequestScope, path: string): Promise<void> {
  return path.endsWith("/speech") ? handleSpeech(scope) : handleTranscription(scope);
}
