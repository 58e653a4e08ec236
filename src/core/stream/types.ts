/**
 * The contract between an `EventStream` and what it streams: a decoder
 * per resource turns SSE events into public values, and the facts of the
 * response the stream exposes.
 *
 * @module
 */

import type { PartialResult } from "../errors/index.js";
import type { CallScope } from "../http/call-scope.js";
import type { TransportResponse } from "../http/transport.js";
import type { ServerSentEvent } from "../sse/index.js";

/** Returned by a {@link StreamDecoder} for the terminal `[DONE]` event. */
export const streamDone: unique symbol = Symbol("streamDone");

/** Turns one SSE event into a public value; owned by one stream. */
export interface StreamDecoder<T> {
  /** Decodes an event; returns {@link streamDone} at the end marker; throws a {@link StreamError} on bad data. */
  decode(event: ServerSentEvent): T | typeof streamDone;
  /** What has been decoded so far, for errors. */
  partial(): PartialResult;
}

/** How an `EventStream` is set up (internal). */
export interface EventStreamInit<T> {
  readonly response: TransportResponse;
  readonly scope: CallScope;
  readonly decoder: StreamDecoder<T>;
  /** Longest wait for an event, in ms; `0` for none. */
  readonly idleTimeoutMs: number;
  /** Cap on one event, in characters. */
  readonly maxEventChars: number;
}

/** Response facts a stream exposes. */
export interface StreamResponseInfo {
  /** HTTP status (2xx). */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The server's request id, if it sent one. */
  readonly requestId: string | undefined;
}
