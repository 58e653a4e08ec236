/**
 * The chat-completion chunk decoder: one SSE event → one `CompletionEvent`.
 * This is the per-token path, so it does the minimum: the `[DONE]` check,
 * `JSON.parse`, the shape check, the wire → public mapping, and the running
 * totals that a failure reports as its partial result.
 *
 * @module
 */

import { decodeCompletionChunk } from "../codec/index.js";
import {
  MalformedChunkError,
  type PartialResult,
  type ResponseMeta,
  type StreamErrorOptions,
  StreamServerError,
} from "../errors/index.js";
import type { CompletionEvent, UsageInfo } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { type StreamDecoder, streamDone } from "./types.js";

/** Decodes chat (and FIM / agents) completion chunks and keeps the running totals. */
export class ChatChunkDecoder implements StreamDecoder<CompletionEvent> {
  readonly #response: ResponseMeta;
  #text = "";
  #events = 0;
  #usage: UsageInfo | undefined;

  /** A decoder for the stream of `response` (its errors carry it). */
  constructor(response: ResponseMeta) {
    this.#response = response;
  }

  /** Decodes one event; `data: [DONE]` (exactly) ends the stream. */
  decode(event: ServerSentEvent): CompletionEvent | typeof streamDone {
    const data = event.data;
    if (data === "[DONE]") return streamDone;
    let wire: unknown;
    try {
      wire = JSON.parse(data);
    } catch (error) {
      throw new MalformedChunkError(data, this.#errorOptions(false, error));
    }
    if (typeof wire !== "object" || wire === null || Array.isArray(wire)) {
      throw new MalformedChunkError(data, this.#errorOptions(false));
    }
    const record = wire as Record<string, unknown>;
    if (
      event.event === "error" ||
      record.object === "error" ||
      (record.choices === undefined && record.error !== undefined)
    ) {
      throw serverError(record, this.#errorOptions(true));
    }
    const chunk = decodeCompletionChunk(record);
    this.#events++;
    if (chunk.usage) this.#usage = chunk.usage;
    const first = chunk.choices[0];
    if (first !== undefined) {
      const content = first.delta.content;
      if (typeof content === "string" && first.index === 0) this.#text += content;
      if (first.finishReason === "error") {
        throw new StreamServerError(
          'The model stopped with finish_reason "error"',
          record,
          this.#errorOptions(true),
        );
      }
    }
    return { data: chunk };
  }

  /** What has been received so far. */
  partial(): PartialResult {
    return { text: this.#text, events: this.#events, usage: this.#usage };
  }

  /** Options of an error raised here: the response, what had arrived, and whether a retry may help. */
  #errorOptions(retryable: boolean, cause?: unknown): StreamErrorOptions {
    return { cause, response: this.#response, partial: this.partial(), retryable };
  }
}

function serverError(
  record: Record<string, unknown>,
  options: StreamErrorOptions,
): StreamServerError {
  const inner = (record.error ?? record) as { message?: unknown };
  const message = typeof inner.message === "string" ? inner.message : JSON.stringify(inner);
  return new StreamServerError(
    `The server reported an error during the stream: ${message}`,
    record,
    options,
  );
}
