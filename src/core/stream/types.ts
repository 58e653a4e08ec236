/**
 * The contract between an `EventStream` and what it streams: a decoder
 * per resource turns SSE events into public values, and the facts of the
 * response the stream exposes.
 *
 * @module
 */

import type { MistralError, PartialResult, ResponseMeta } from "../errors/index.js";
import type { CallScope } from "../http/call-scope.js";
import type { TransportResponse } from "../http/transport.js";
import type { UsageInfo } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";

/**
 * Returned by a {@link StreamDecoder} for the terminal `[DONE]` event; as its
 * `halted`, it ends the stream after the event just returned (a
 * conversation's `conversation.response.done`).
 */
export const streamDone: unique symbol = Symbol("streamDone");

/** How a conversation stream's end is named in messages: its last event. */
export const conversationEndMarker = "`conversation.response.done`";

/** Turns one SSE event into a public value; owned by one stream. */
export interface StreamDecoder<T> {
  /** Decodes an event; returns {@link streamDone} at the end marker; throws a {@link StreamError} on bad data. */
  decode(event: ServerSentEvent): T | typeof streamDone;
  /** What has been decoded so far, for errors. */
  partial(): PartialResult;
  /** Events decoded so far. */
  readonly events: number;
  /**
   * Set by `decode` when the stream must fail ({@link MistralError}) or end
   * ({@link streamDone}) after the event it just returned.
   */
  readonly halted?: MistralError | typeof streamDone | undefined;
  /** The response so far. */
  readonly snapshot?: StreamSnapshot | undefined;
  /**
   * How the end is marked, for messages (`` `data: [DONE]` `` by default).
   * Streams of named events (conversations) set it; their relay writes the
   * event names and no `[DONE]`.
   */
  readonly endMarker?: string | undefined;
  /** A decoder of the same kind, for a tee side reading the same events. */
  fork(response: ResponseMeta): StreamDecoder<T>;
}

/** What a stream has assembled so far, as its decoder keeps it. */
export interface StreamSnapshot {
  /** The whole response so far, in the non-stream call's shape. */
  response(): unknown;
  /** The answer's text so far (thinking excluded). */
  text(): string;
  /** Characters of answer text so far. */
  readonly answerChars: number;
  /** Characters of thinking so far. */
  readonly reasoningChars: number;
  /** The usage, once it arrived. */
  readonly usage: UsageInfo | undefined;
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
  /** `done` at the end marker, `failed` with `error`, `closed` when left early. */
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
  [readWireData](): Promise<ServerSentEvent[] | undefined>;
  /** Whether its events are named (conversations): relayed with their names and no `[DONE]`. */
  readonly named: boolean;
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
  read(): Promise<ServerSentEvent[] | undefined>;
  /** Whether the events are named (no `[DONE]` after them). */
  readonly named: boolean;
  /** Releases the connection. */
  close(): Promise<void>;
  /** The error of a tee side that fell more than `limit` bytes behind. */
  overflow(limit: number): MistralError;
}
