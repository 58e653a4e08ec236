/**
 * Failures after a stream's headers arrived, each carrying what had arrived.
 *
 * @module
 */

import {
  MistralError,
  type MistralErrorOptions,
  type ResponseMeta,
  readRequestId,
  truncate,
} from "./base.js";
import { RequestTimeoutError } from "./client-errors.js";

export interface PartialResult {
  /** `delta.content` text of choice 0 delivered so far (thinking chunks excluded). */
  readonly text: string;
  /** Number of events delivered to the caller. */
  readonly events: number;
  /** The last usage block seen, if any (public camelCase shape). */
  readonly usage: unknown;
}

/** Options of {@link StreamError}. */
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
  constructor(message: string, options: StreamErrorOptions = {}) {
    super(message, options);
    this.partial = options.partial ?? emptyPartial;
  }
}

/** The body ended (cleanly or by a reset) before `data: [DONE]`: the answer is truncated. */
export class IncompleteStreamError extends StreamError {
  override name = "IncompleteStreamError";
}

/** An event's data was not a JSON object. `data` holds it (truncated in the message). */
export class MalformedChunkError extends StreamError {
  override name = "MalformedChunkError";
  /** The offending event data. */
  readonly data: string;
  constructor(data: string, options: StreamErrorOptions = {}) {
    super(`Stream event is not valid JSON: ${truncate(data, 200)}`, options);
    this.data = data;
  }
}

/** One event grew past `maxEventBytes` (default 16 MiB): the stream was stopped. */
export class EventTooLargeError extends StreamError {
  override name = "EventTooLargeError";
  /** The cap, in characters of event text. */
  readonly limit: number;
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
  constructor(message: string, data: unknown, options: StreamErrorOptions = {}) {
    super(message, options);
    this.data = data;
  }
}

/**
 * Records where a stream failure happened: the response it belongs to and, for
 * errors that carry one, what had arrived. Errors are created deep in the
 * decoder, which knows neither; the stream fills them in before rethrowing.
 *
 * @internal
 */
export function attachStreamContext<E extends MistralError>(
  error: E,
  response: ResponseMeta,
  partial: PartialResult,
): E {
  const target = error as unknown as Record<string, unknown>;
  if (target.statusCode === undefined) {
    target.statusCode = response.status;
    target.headers = response.headers;
    target.requestId = readRequestId(response.headers);
  }
  if (error instanceof StreamError || error instanceof RequestTimeoutError) {
    if (target.partial === undefined || target.partial === emptyPartial) target.partial = partial;
  }
  return error;
}

/** Shortens `text` to `max` characters for messages, marking the cut. */
