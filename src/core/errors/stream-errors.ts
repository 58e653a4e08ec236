/**
 * Failures after a stream's headers arrived, each carrying what had arrived.
 *
 * @module
 */

import { truncate } from "../util.js";
import { MistralError, type MistralErrorOptions, type PartialResult } from "./base.js";

/** Options of {@link StreamError} and its subclasses. */
export interface StreamErrorOptions extends MistralErrorOptions {
  /** What arrived before the failure. */
  partial?: PartialResult | undefined;
}

const emptyPartial: PartialResult = Object.freeze({ text: "", events: 0, usage: undefined });

/**
 * A stream failed after its response headers arrived. `partial` holds what had
 * been delivered; `retryable` says whether repeating the request is safe (it
 * would produce the answer again from the start).
 */
export class StreamError extends MistralError {
  override name = "StreamError";
  /** What the stream had delivered before it failed. */
  readonly partial: PartialResult;

  /** Builds the error; the client always passes `response` and `partial`. */
  constructor(message: string, options: StreamErrorOptions = {}) {
    super(message, options);
    this.partial = options.partial ?? emptyPartial;
  }
}

/** The body ended (cleanly or by a reset) before `data: [DONE]`: the answer is truncated. */
export class IncompleteStreamError extends StreamError {
  override name = "IncompleteStreamError";
}

/** An event's data was not a JSON object. `data` holds it (shortened in the message). */
export class MalformedChunkError extends StreamError {
  override name = "MalformedChunkError";
  /** The offending event data. */
  readonly data: string;

  /** Builds the error of the event whose data is `data`. */
  constructor(data: string, options: StreamErrorOptions = {}) {
    super(`Stream event is not valid JSON: ${truncate(data, 200)}`, options);
    this.data = data;
  }
}

/** One event grew past `maxEventChars` (default 16 MiB): the stream was stopped. */
export class EventTooLargeError extends StreamError {
  override name = "EventTooLargeError";
  /** The cap, in characters (UTF-16 code units) of event text. */
  readonly limit: number;

  /** Builds the error of an event that grew past `limit` characters. */
  constructor(limit: number, options: StreamErrorOptions = {}) {
    super(`A stream event exceeded the limit of ${limit} characters`, options);
    this.limit = limit;
  }
}

/** The server reported an error inside a 200 stream (an error event, or `finish_reason: "error"`). */
export class StreamServerError extends StreamError {
  override name = "StreamServerError";
  /** The error payload the server sent, if any. */
  readonly data: unknown;
  /** The server's error code (`data.code`, or `data.error.code`), if it sent one. */
  readonly code: string | number | undefined;

  /** Builds the error with the server's payload `data`. */
  constructor(message: string, data: unknown, options: StreamErrorOptions = {}) {
    super(message, options);
    this.data = data;
    const record = data as { code?: unknown; error?: { code?: unknown } } | null | undefined;
    const code = record?.code ?? record?.error?.code;
    this.code = typeof code === "string" || typeof code === "number" ? code : undefined;
  }
}

/**
 * One side of a `stream.tee()` fell more than `limit` bytes behind the other:
 * that side was stopped so memory stays bounded; the other side goes on.
 */
export class StreamBufferOverflowError extends StreamError {
  override name = "StreamBufferOverflowError";
  /** The most one side may fall behind, in bytes. */
  readonly limit: number;

  /** Builds the error of a tee side that fell more than `limit` bytes behind. */
  constructor(limit: number, options: StreamErrorOptions = {}) {
    super(`A tee side fell more than ${limit} bytes behind the other`, options);
    this.limit = limit;
  }
}
