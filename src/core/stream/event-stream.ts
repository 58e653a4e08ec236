/**
 * `EventStream<T>`: the async-iterable answer of a streaming call. It owns the
 * response body from the moment it is created and guarantees that every way of
 * leaving — the end, `break`, an exception in the loop body, `abort()`,
 * `await using`, a timeout, a failure — releases the connection.
 *
 * Per event it does only: find the event boundary (the SSE decoder), decode
 * (the resource's {@link StreamDecoder}), queue, hand over. One idle timer per
 * stream, re-armed lazily, measures the gaps between events.
 *
 * @module
 */

import {
  InvalidRequestError,
  MistralError,
  RequestAbortedError,
  RequestTimeoutError,
  readRequestId,
} from "../errors/index.js";
import type { CallContext } from "../http/call-scope.js";
import { createSseDecoder, type ServerSentEvent } from "../sse/index.js";
import { noop } from "../util.js";
import { connectionBroke, contextOf, decodingFailed, endedEarly } from "./failures.js";
import {
  abandoned,
  createLifeline,
  drainAfterDone,
  type Lifeline,
  releaseLifeline,
} from "./lifeline.js";
import { toReadableStream } from "./readable.js";
import {
  type EventStreamInit,
  type StreamDecoder,
  type StreamResponseInfo,
  streamDone,
} from "./types.js";

const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/**
 * A stream of events, iterable once with `for await`. Use `await using` (or
 * call {@link EventStream.close}) when you may leave before the end.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  /** Status, headers and request id of the response. */
  readonly response: StreamResponseInfo;
  /** The `fetch` `Response`, when the transport is fetch-based (its body is owned by the stream). */
  readonly rawResponse: Response | undefined;

  readonly #decoder: StreamDecoder<T>;
  readonly #sse: { push(bytes: Uint8Array): void; end(): void };
  readonly #idleMs: number;
  readonly #context: () => CallContext;
  #queue: T[] = [];
  #head = 0;
  /** open → (done | failed) → closed. */
  #state: "open" | "done" | "failed" | "closed" = "open";
  #failure: MistralError | undefined;
  #iterated = false;
  #bodyEnded = false;
  #waitingSince = 0;
  readonly #lifeline: Lifeline;
  /** The idle timer's callback; reaches the stream only through a weak reference. */
  readonly #tick: () => void;

  constructor(init: EventStreamInit<T>) {
    const { response, scope } = init;
    this.response = {
      status: response.status,
      headers: response.headers,
      requestId: readRequestId(response.headers),
    };
    this.rawResponse = response.raw;
    this.#decoder = init.decoder;
    this.#idleMs = init.idleTimeoutMs;
    this.#sse = createSseDecoder({
      onEvent: (event) => this.#onEvent(event),
      maxEventChars: init.maxEventChars,
      flushOnEnd: true,
    });
    this.#context = contextOf(response, init.decoder);
    scope.setContext(this.#context);
    this.#lifeline = createLifeline(response.body, scope);
    abandoned?.register(this, this.#lifeline, this.#lifeline);
    this.#tick = EventStream.#weakTick(this);
    if (this.#idleMs) this.#lifeline.idleTimer = setTimeout(this.#tick, this.#idleMs);
  }

  /** The server's request id (`mistral-correlation-id`), if it sent one. */
  get requestId(): string | undefined {
    return this.response.requestId;
  }

  /** Starts the one iteration this stream allows. */
  [Symbol.asyncIterator](): this {
    if (this.#iterated) {
      throw new InvalidRequestError(
        "This stream was already iterated: a stream can be read once (collect its events to reuse them)",
      );
    }
    this.#iterated = true;
    return this;
  }

  /** The next event; rejects with a {@link MistralError} when the stream fails. */
  next(): Promise<IteratorResult<T, undefined>> {
    // Fast path, taken for all but the first event of each network read: no
    // async function frame, one already-settled promise.
    if (this.#head < this.#queue.length && !this.#aborted()) {
      return Promise.resolve(this.#shift());
    }
    return this.#nextSlow();
  }

  async #nextSlow(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (this.#aborted()) {
        // The caller asked to stop: events read ahead but not yet handed over
        // are dropped, so nothing more reaches them after the abort.
        this.#resetQueue();
        this.#fail(this.#lifeline.scope.reason as MistralError);
      }
      if (this.#head < this.#queue.length) return this.#shift();
      if (this.#failure) {
        const failure = this.#failure;
        this.#release(true);
        throw failure;
      }
      if (this.#state !== "open") {
        this.#release(!this.#bodyEnded);
        return { done: true, value: undefined };
      }
      await this.#pull();
    }
  }

  /** Whether the caller aborted (their signal or {@link EventStream.abort}) a stream still running. */
  #aborted(): boolean {
    return this.#state === "open" && this.#lifeline.scope.reason instanceof RequestAbortedError;
  }

  #shift(): IteratorResult<T, undefined> {
    const value = this.#queue[this.#head++] as T;
    if (this.#head === this.#queue.length) this.#resetQueue();
    this.#waitingSince = 0;
    return { done: false, value };
  }

  /** Leaves the stream early (`break` calls it): releases the connection. */
  async return(): Promise<IteratorResult<T, undefined>> {
    this.#release(true);
    return { done: true, value: undefined };
  }

  /** Aborts the request: a pending or later `next()` rejects with `RequestAbortedError`. */
  abort(reason?: unknown): void {
    if (this.#state === "closed") return;
    const error =
      reason instanceof MistralError
        ? reason
        : new RequestAbortedError("The stream was aborted", {
            cause: reason,
            response: this.#context().response,
          });
    this.#lifeline.scope.abort(error);
  }

  /** Releases the connection without error; iteration ends. */
  async close(): Promise<void> {
    this.#release(true);
  }

  /** Releases the connection, as `ReadableStream.cancel()` does on the official client's stream. */
  async cancel(_reason?: unknown): Promise<void> {
    this.#release(true);
  }

  /**
   * This stream as a `ReadableStream` of events (consumes the one iteration).
   * For `pipeThrough()`, `getReader()` or a `Response` body.
   */
  toReadableStream(): ReadableStream<T> {
    return toReadableStream(this[Symbol.asyncIterator]());
  }

  /** `toReadableStream().getReader()`, for code written against a `ReadableStream`. */
  getReader(): ReadableStreamDefaultReader<T> {
    return this.toReadableStream().getReader();
  }

  /** `await using stream = …` closes the stream when the block exits. */
  async [asyncDispose](): Promise<void> {
    this.#release(true);
  }

  /** Reads one body chunk and feeds it to the SSE decoder. */
  async #pull(): Promise<void> {
    if (this.#waitingSince === 0) this.#waitingSince = Date.now();
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.#lifeline.reader.read();
    } catch (error) {
      this.#fail(this.#lifeline.scope.reason ?? connectionBroke(error, this.#context()));
      return;
    }
    if (this.#lifeline.scope.reason) return this.#fail(this.#lifeline.scope.reason);
    if (result.done) return this.#onBodyEnd();
    try {
      this.#sse.push(result.value);
    } catch (error) {
      this.#fail(decodingFailed(error, this.#context()));
    }
  }

  #onEvent(event: ServerSentEvent): void {
    if (this.#state !== "open") return;
    const value = this.#decoder.decode(event);
    if (value === streamDone) this.#state = "done";
    else this.#queue.push(value);
  }

  #onBodyEnd(): void {
    this.#bodyEnded = true;
    try {
      this.#sse.end();
    } catch (error) {
      this.#fail(decodingFailed(error, this.#context()));
      return;
    }
    if (this.#state === "open") {
      this.#fail(endedEarly(this.#context()));
    }
  }

  /** Records the failure; queued events are still delivered first. */
  #fail(error: MistralError): void {
    if (this.#state === "failed" || this.#state === "closed") return;
    this.#state = "failed";
    this.#failure = error;
    this.#lifeline.reader.cancel(error).catch(noop);
  }

  /** Frees the timer, the listener, the scope and (unless ended) the connection. */
  #release(cancelBody: boolean): void {
    if (this.#state === "closed") return;
    const endedCleanly = this.#state === "done";
    this.#state = "closed";
    this.#resetQueue();
    abandoned?.unregister(this.#lifeline);
    releaseLifeline(this.#lifeline, false);
    if (!cancelBody || this.#bodyEnded) return;
    if (endedCleanly) drainAfterDone(this.#lifeline.reader);
    else this.#lifeline.reader.cancel().catch(noop);
  }

  #resetQueue(): void {
    this.#queue.length = 0;
    this.#head = 0;
  }

  /** The idle timer's callback, holding the stream only weakly. */
  static #weakTick(stream: EventStream<unknown>): () => void {
    const ref = new WeakRef(stream);
    return () => {
      const live = ref.deref();
      if (live) live.#checkIdle();
    };
  }

  #checkIdle(): void {
    this.#lifeline.idleTimer = undefined;
    const idleMs = this.#idleMs;
    if (this.#state !== "open" || !idleMs) return;
    const waited = this.#waitingSince === 0 ? 0 : Date.now() - this.#waitingSince;
    if (waited >= idleMs) {
      const context = this.#context();
      this.#lifeline.scope.abort(
        new RequestTimeoutError("idle", idleMs, { ...context, retryable: true }),
      );
      return;
    }
    this.#lifeline.idleTimer = setTimeout(this.#tick, idleMs - waited);
  }
}
