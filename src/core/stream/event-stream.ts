/**
 * `EventStream<T>`: the async-iterable answer of a streaming call, and what
 * hangs off it: the final response, text streams, tee, relay, stats. The
 * reading itself (and the guarantee that every way out releases the
 * connection) is the {@link EventReader}'s; the helpers only use it.
 *
 * @module
 */

import { InvalidRequestError, type MistralError, readRequestId } from "../errors/index.js";
import { CallScope } from "../http/call-scope.js";
import type {
  ChatCompletionResponse,
  CompletionEvent,
  ConversationEvents,
  ConversationResponse,
  SpeechResponse,
  SpeechStreamEvents,
  TranscriptionResponse,
  TranscriptionStreamEvents,
} from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { EventReader } from "./event-reader.js";
import { sseBody, type TeeOptions, teeReaders } from "./on-demand.js";
import { toReadableStream } from "./readable.js";
import type { StreamStats } from "./stats.js";
import {
  type EventStreamInit,
  readWireData,
  type StreamEnd,
  type StreamResponseInfo,
  type WireSource,
} from "./types.js";

/** The text deltas' code, loaded with the first `textStream()` or `reasoningStream()`. */
const deltas = () => import("./text-deltas.js");

/**
 * The whole answer a stream of `T` builds: a `ConversationResponse` for a
 * conversation stream, a `TranscriptionResponse` or `SpeechResponse` for
 * audio, a `ChatCompletionResponse` for the others.
 */
export type FinalResponseOf<T> = T extends ConversationEvents
  ? ConversationResponse
  : T extends TranscriptionStreamEvents
    ? TranscriptionResponse
    : T extends SpeechStreamEvents
      ? SpeechResponse
      : ChatCompletionResponse;

const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/**
 * A stream of events, readable once: with `for await`, or through one of its
 * helpers (`finalResponse()`, `textStream()`, `toReadableStream()`, `tee()` …).
 * Use `await using` (or call {@link EventStream.close}) when you may leave
 * before the end.
 */
export class EventStream<T> implements AsyncIterableIterator<T>, WireSource {
  /** Status, headers and request id of the response. */
  readonly response: StreamResponseInfo;
  readonly #reader: EventReader<T>;
  readonly #transportResponse: { readonly raw?: Response | undefined };

  /** @internal Streams are made by the resources, by `tee()` and by `EventStream.fromReadableStream()`. */
  constructor(init: EventStreamInit<T>) {
    const { response } = init;
    this.#reader = new EventReader(init);
    // Read when asked for: the Node transport makes its `Headers` only then.
    this.response = {
      status: response.status,
      get headers() {
        return response.headers;
      },
      get requestId() {
        return readRequestId(response);
      },
    };
    // Read when asked for: the Node transport makes its `Response` only then.
    this.#transportResponse = response;
  }

  /** The response as a `Response` (status and headers; its body is owned by the stream). */
  get rawResponse(): Response | undefined {
    return this.#transportResponse.raw;
  }

  /** The server's request id (`mistral-correlation-id`), if it sent one. */
  get requestId(): string | undefined {
    return this.response.requestId;
  }

  /** Timings and counts: live while the stream runs, final once it ended. */
  get stats(): StreamStats {
    return this.#reader.stats.view(this.requestId, this.#reader.decoder);
  }

  /**
   * The response so far, in the shape the non-stream call returns
   * (`chat.complete()`'s, or a conversation's): a fresh object per read. It
   * includes every event received, which may be up to one network read ahead
   * of your loop.
   */
  get snapshot(): FinalResponseOf<T> | undefined {
    return this.#reader.decoder.snapshot?.response() as FinalResponseOf<T> | undefined;
  }

  /** Whether its events are named (a conversation's): relayed with their names, without `[DONE]`. */
  get named(): boolean {
    return this.#reader.decoder.endMarker !== undefined;
  }

  /** Starts the one iteration this stream allows. */
  [Symbol.asyncIterator](): this {
    this.#reader.claim("Iterating");
    return this;
  }

  /** The next event; rejects with a {@link MistralError} when the stream fails. */
  next(): Promise<IteratorResult<T, undefined>> {
    return this.#reader.next();
  }

  /** Leaves the stream early (`break` calls it): releases the connection. */
  async return(): Promise<IteratorResult<T, undefined>> {
    this.#reader.release(true);
    return { done: true, value: undefined };
  }

  /** Aborts the request: a pending or later `next()` rejects with `RequestAbortedError`. */
  abort(reason?: unknown): void {
    this.#reader.abort(reason);
  }

  /** Releases the connection without error; iteration ends. */
  async close(): Promise<void> {
    this.#reader.release(true);
  }

  /** Releases the connection, as `ReadableStream.cancel()` does on the official client's stream. */
  async cancel(_reason?: unknown): Promise<void> {
    this.#reader.release(true);
  }

  /** `await using stream = …` closes the stream when the block exits. */
  async [asyncDispose](): Promise<void> {
    this.#reader.release(true);
  }

  /**
   * Calls `listener` once, when the stream has ended (at once if it has):
   * `done`, `failed` (with the error) or `closed` early. For instrumentation.
   */
  onEnd(listener: (end: StreamEnd) => void): void {
    this.#reader.onEnd(listener);
  }

  /**
   * Reads what is left and returns the whole response, as the non-stream call
   * would have: for chat every choice, tool calls put together, thinking then
   * text; for a conversation its output entries, text and arguments joined.
   * Works whether or not you iterated first. Rejects with the stream's error
   * (its `partial` holds the response so far).
   */
  async finalResponse(): Promise<FinalResponseOf<T>> {
    const reader = this.#reader;
    if (reader.wire) reader.claim("finalResponse()");
    reader.claimed = true;
    while (!(await reader.next()).done) {
      // Draining: every event is already part of the snapshot.
    }
    const end = reader.end;
    if (end?.reason === "failed" && end.error) throw end.error;
    const response = this.snapshot;
    if (end?.reason !== "done" || !response) {
      throw new InvalidRequestError(
        "finalResponse(): the stream was closed before its end (stream.snapshot has what arrived)",
      );
    }
    return response;
  }

  /**
   * The answer's text deltas (choice `choice`, default 0, of a chat stream;
   * every message of a conversation; a transcription's text), thinking
   * excluded. Reads the stream.
   */
  async *textStream(
    this:
      | EventStream<CompletionEvent>
      | EventStream<ConversationEvents>
      | EventStream<TranscriptionStreamEvents>,
    choice = 0,
  ): AsyncGenerator<string, void, undefined> {
    yield* (await deltas()).textDeltas(this, choice, false);
  }

  /** The thinking text deltas of a reasoning model (choice `choice`, default 0). Reads the stream. */
  async *reasoningStream(
    this: EventStream<CompletionEvent>,
    choice = 0,
  ): AsyncGenerator<string, void, undefined> {
    yield* (await deltas()).textDeltas(this, choice, true);
  }

  /**
   * Two independent streams of the same events, each with every helper. Call
   * it before reading. A side that falls more than `maxBufferedBytes` (16 MiB)
   * behind the other fails with `StreamBufferOverflowError`; cancelling one
   * side leaves the other running; the connection is released when both are done.
   */
  tee(options?: TeeOptions): [EventStream<T>, EventStream<T>] {
    const bodies = teeReaders(this, options);
    this.#claimWire("tee()");
    const { response, maxEventChars, stats, decoder } = this.#reader;
    const side = (body: (typeof bodies)[number]) =>
      new EventStream<T>({
        response: { ...response, body },
        scope: new CallScope({}),
        decoder: decoder.fork(response),
        // The source's own idle deadline watches the connection; a side only waits for it.
        idleTimeoutMs: 0,
        maxEventChars,
        startedAt: stats.startedAt,
        retries: stats.retries,
        resumes: stats.resumes,
      });
    return [side(bodies[0]), side(bodies[1])];
  }

  /**
   * The stream as SSE bytes (`data: <wire JSON>\n\n` per event, then
   * `data: [DONE]\n\n`; a failure ends with one `event: error` frame), for the
   * body of a `Response`. Cancelling it releases the connection.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    this.#claimWire("toReadableStream()");
    return sseBody(this);
  }

  /** A `Response` relaying this stream as SSE, with the headers that keep proxies from buffering it. */
  toResponse(init: ResponseInit = {}): Response {
    const headers = new Headers(init.headers);
    headers.set("content-type", "text/event-stream; charset=utf-8");
    // Proxies must neither buffer nor transform the stream; the request id goes along.
    const defaults = [
      ["cache-control", "no-cache, no-transform"],
      ["x-accel-buffering", "no"],
      ["mistral-correlation-id", this.requestId],
    ];
    for (const [name, value] of defaults)
      if (value && !headers.has(name!)) headers.set(name!, value);
    return new Response(this.toReadableStream(), { ...init, headers });
  }

  /** A `ReadableStream` reader of the events, as on the official client's stream. */
  getReader(): ReadableStreamDefaultReader<T> {
    return toReadableStream(this[Symbol.asyncIterator]()).getReader();
  }

  /**
   * @internal The wire data of the next events (all those already
   * received), for the relay, the tee and resuming; the first call takes the
   * stream's one reading if nothing took it yet.
   */
  async [readWireData](): Promise<ServerSentEvent[] | undefined> {
    if (!this.#reader.wire) this.#claimWire("Reading the wire data");
    return (await this.#reader.next()).done ? undefined : this.#reader.takeWire();
  }

  #claimWire(what: string): void {
    this.#reader.claim(what, true);
    this.#reader.wire = [];
  }
}
