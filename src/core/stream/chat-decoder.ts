/**
 * The chat-completion chunk decoder: one SSE event → one `CompletionEvent`.
 * This is the per-token path, so it does the minimum: the `[DONE]` check,
 * `JSON.parse`, the shape check, the wire → public mapping, and the snapshot
 * of the response so far (which a failure reports as its partial result).
 *
 * @module
 */

import { decodeCompletionChunk } from "../codec/index.js";
import {
  MalformedChunkError,
  type MistralError,
  type PartialResult,
  type ResponseMeta,
  type StreamErrorOptions,
  StreamServerError,
} from "../errors/index.js";
import type { CompletionEvent } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { ChatSnapshot } from "./chat-snapshot.js";
import { type StreamDecoder, streamDone } from "./types.js";

/** Decodes chat (and FIM / agents) completion chunks and keeps the response so far. */
export class ChatChunkDecoder implements StreamDecoder<CompletionEvent> {
  readonly #response: ResponseMeta;
  readonly snapshot = new ChatSnapshot();
  events = 0;
  halted: MistralError | undefined;
  /** Set on a relayed stream: turns a relayed failure frame back into its typed error. */
  revive:
    | ((
        record: Record<string, unknown>,
        response: ResponseMeta,
        received: PartialResult,
      ) => MistralError | undefined)
    | undefined;

  /** A decoder for the stream of `response` (its errors carry it). */
  constructor(response: ResponseMeta) {
    this.#response = response;
  }

  /** A fresh decoder of the same kind, for a tee side. */
  fork(response: ResponseMeta): ChatChunkDecoder {
    return new ChatChunkDecoder(response);
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
      throw this.#serverError(event, record);
    }
    const chunk = decodeCompletionChunk(record);
    this.events++;
    this.snapshot.add(chunk);
    const first = chunk.choices[0];
    if (first?.finishReason === "error") {
      // The chunk is handed over like any other; the stream fails after it.
      this.halted = new StreamServerError(
        'The model stopped with finish_reason "error"',
        record,
        this.#errorOptions(true),
      );
    }
    return { data: chunk };
  }

  /** What has been received so far. */
  partial(): PartialResult {
    const snapshot = this.snapshot;
    const response = snapshot.response();
    return {
      text: snapshot.text(),
      events: this.events,
      usage: snapshot.usage,
      response,
    };
  }

  /** Options of an error raised here: the response, what had arrived, and whether a retry may help. */
  #errorOptions(retryable: boolean, cause?: unknown): StreamErrorOptions {
    return { cause, response: this.#response, partial: this.partial(), retryable };
  }

  #serverError(event: ServerSentEvent, record: Record<string, unknown>): MistralError {
    // A stream relayed by `toReadableStream()` ends a failure with its typed error.
    const revived =
      event.event === "error" ? this.revive?.(record, this.#response, this.partial()) : undefined;
    if (revived) return revived;
    const inner = (record.error ?? record) as { message?: unknown };
    const message = typeof inner.message === "string" ? inner.message : JSON.stringify(inner);
    return new StreamServerError(
      `The server reported an error during the stream: ${message}`,
      record,
      this.#errorOptions(true),
    );
  }
}
