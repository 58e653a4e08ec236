/**
 * The contract between an `EventStream` and what it streams: a decoder
 * per resource turns SSE events into public values, and the facts of the
 * response the stream exposes.
 *
 * @module
 */

import type { MistralError, PartialResult } from "../errors/index.js";
import type { CallScope } from "../http/call-scope.js";
import type { TransportResponse } from "../http/transport.js";
import type { ServerSentEvent } from "../sse/index.js";
import type { ChatSnapshot } from "./chat-snapshot.js";

/** Returned by a {@link StreamDecoder} for the terminal `[DONE]` event. */
export const streamDone: unique symbol = Symbol("streamDone");

/** Turns one SSE event into a public value; owned by one stream. */
export interface StreamDecoder<T> {
  /** Decodes an event; returns {@link streamDone} at the end marker; throws a {@link StreamError} on bad data. */
  decode(event: ServerSentEvent): T | typeof streamDone;
  /** What has been decoded so far, for errors. */
  partial(): PartialResult;
  /** Events decoded so far. */
  readonly events: number;
  /** Set by `decode` when the stream must fail after the event it just returned. */
  readonly halted?: MistralError | undefined;
  /** The response so far, for decoders of completion chunks. */
  readonly snapshot?: ChatSnapshot | undefined;
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
  /** When the call started, on the stats clock (default: now). */
  readonly startedAt?: number | undefined;
  /** Retries made before this response. */
  readonly retries?: number | undefined;
  /** How many times the stream was resumed so far (a resuming stream's). */
  readonly resumes?: (() => number) | undefined;
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

/** How a stream ended, as its end listeners are told (see `EventStream.onEnd`). */
export interface StreamEnd {
  /** `done` at `data: [DONE]`, `failed` with `error`, `closed` when left early. */
  readonly reason: "done" | "failed" | "closed";
  /** The failure, for `failed`. */
  readonly error: MistralError | undefined;
}

/**
 * Reads the wire data of the next events (`undefined` at the end; rejects
 * with the stream's typed error): what the relay and the tee re-frame as SSE.
 * Internal: not part of the public API.
 */
export const readWireData: unique symbol = Symbol("readWireData");

/** What the relay and the tee read from. */
export interface WireSource {
  [readWireData](): Promise<string[] | undefined>;
  /** Releases the connection. */
  close(): Promise<void>;
}

/**
 * A {@link WireSource} as the code loaded on first use sees it: everything it
 * needs comes through here, so that code imports nothing at run time and its
 * chunk shares nothing with the main bundle.
 */
export interface FrameSource {
  /**
   * The wire data of the next events (one or more: all those already
   * received); `undefined` at the end. Rejects with the stream's `MistralError`.
   */
  read(): Promise<string[] | undefined>;
  /** Releases the connection. */
  close(): Promise<void>;
  /** The error of a tee side that fell more than `limit` bytes behind. */
  overflow(limit: number): MistralError;
}
