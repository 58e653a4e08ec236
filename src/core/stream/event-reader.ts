/**
 * The engine under an `EventStream`: it owns the response body from the
 * moment it is created and guarantees that every way of leaving (the end,
 * `break`, an exception in the loop body, `abort()`, `await using`, a
 * timeout, a failure) releases the connection.
 *
 * Per network read it does only: find the event boundaries (the SSE
 * decoder), decode each event (the resource's {@link StreamDecoder}), queue,
 * note the stats; per event handed over, a shift from the queue. One idle
 * timer per stream, re-armed lazily, measures the gaps between events.
 *
 * @module
 */

import {
  InvalidRequestError,
  MistralError,
  RequestAbortedError,
  RequestTimeoutError,
} from "../errors/index.js";
import type { CallContext } from "../http/call-scope.js";
import type { TransportResponse } from "../http/transport.js";
import { createSseDecoder, type ServerSentEvent } from "../sse/index.js";
import { noop } from "../util.js";
import { contextOf, decodingFailed, endedEarly, readFailed } from "./failures.js";
import {
  abandoned,
  createLifeline,
  drainAfterDone,
  type Lifeline,
  releaseLifeline,
} from "./lifeline.js";
import { StatsRecorder } from "./stats.js";
import { type EventStreamInit, type StreamDecoder, type StreamEnd, streamDone } from "./types.js";

/** Reads, decodes and hands over a stream's events; internal to `EventStream`. */
export class EventReader<T> {
  readonly response: TransportResponse;
  readonly decoder: StreamDecoder<T>;
  readonly #idleMs: number;
  readonly maxEventChars: number;
  readonly stats: StatsRecorder;
  readonly #context: () => CallContext;
  readonly #sse: { push(bytes: Uint8Array): void; end(): void };
  #queue: T[] = [];
  #head = 0;
  /** The queued events as received, kept only for a relay or a tee. */
  wire: ServerSentEvent[] | undefined;
  /** open → (done | failed) → closed. */
  #state: "open" | "done" | "failed" | "closed" = "open";
  #failure: MistralError | undefined;
  /** How it ended, once closed. */
  end: StreamEnd | undefined;
  #endListeners: Array<(end: StreamEnd) => void> | undefined;
  /** Whether the one reading was taken. */
  claimed = false;
  #bodyEnded = false;
  /** Whether `next()` was ever called (every first call takes the slow path). */
  #started = false;
  #waitingSince = 0;
  readonly #lifeline: Lifeline;
  /** The idle timer's callback; reaches the reader only through a weak reference. */
  readonly #tick: () => void;

  constructor(init: EventStreamInit<T>) {
    const { response, scope } = init;
    this.response = response;
    this.decoder = init.decoder;
    this.#idleMs = init.idleTimeoutMs;
    this.maxEventChars = init.maxEventChars;
    this.stats = new StatsRecorder(init.startedAt, init.retries ?? 0, init.resumes);
    this.#sse = createSseDecoder({
      onEvent: (event) => this.#onEvent(event),
      maxEventChars: init.maxEventChars,
      flushOnEnd: true,
    });
    this.#context = contextOf(response, init.decoder);
    scope.setContext(this.#context);
    this.#lifeline = createLifeline(response.body, scope);
    abandoned?.register(this, this.#lifeline, this.#lifeline);
    this.#tick = EventReader.#weakTick(this);
    if (this.#idleMs) this.#lifeline.idleTimer = setTimeout(this.#tick, this.#idleMs);
  }

  /**
   * Takes the one reading this stream allows (iteration, a relay, a tee,
   * `finalResponse()`); `fresh` also refuses a stream whose `next()` was called.
   */
  claim(what: string, fresh = false): void {
    if (this.claimed || (fresh && this.#started)) {
      throw new InvalidRequestError(
        `${what}: this stream was already read (a stream is read once; tee() it to read it twice)`,
      );
    }
    this.claimed = true;
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
    this.#started = true;
    for (;;) {
      if (this.#aborted()) {
        // The caller asked to stop: events read ahead but not yet handed over
        // are dropped, so nothing more reaches them after the abort.
        this.#resetQueue();
        this.#fail(this.#lifeline.scope.reason as MistralError);
      }
      if (this.#head < this.#queue.length) return this.#shift();
      if (this.#failure) {
        this.release(true);
        throw this.#failure;
      }
      if (this.#state !== "open") {
        this.release(!this.#bodyEnded);
        return { done: true, value: undefined };
      }
      await this.#pull();
    }
  }

  /** Whether the caller aborted (their signal or `abort()`) a stream still running. */
  #aborted(): boolean {
    return this.#state === "open" && this.#lifeline.scope.reason instanceof RequestAbortedError;
  }

  #shift(): IteratorResult<T, undefined> {
    const value = this.#queue[this.#head++] as T;
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    }
    this.#waitingSince = 0;
    return { done: false, value };
  }

  /**
   * For the relay and the tee, after `next()` gave an event: hands over every
   * event still queued at once and returns the wire data of all of them.
   */
  takeWire(): ServerSentEvent[] {
    const wire = this.wire?.splice(0) ?? [];
    this.#queue.length = 0;
    this.#head = 0;
    return wire;
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

  /** Calls `listener` once the stream has ended (at once if it has). */
  onEnd(listener: (end: StreamEnd) => void): void {
    if (this.end) listener(this.end);
    else (this.#endListeners ??= []).push(listener);
  }

  /** Reads one body chunk and feeds it to the SSE decoder. */
  async #pull(): Promise<void> {
    if (this.#waitingSince === 0) this.#waitingSince = Date.now();
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.#lifeline.reader.read();
    } catch (error) {
      this.#fail(
        this.#lifeline.scope.reason ?? readFailed(error, this.#context(), this.decoder.endMarker),
      );
      return;
    }
    if (this.#lifeline.scope.reason) return this.#fail(this.#lifeline.scope.reason);
    if (result.done) return this.#onBodyEnd();
    try {
      this.#sse.push(result.value);
    } catch (error) {
      this.#fail(decodingFailed(error, this.#context()));
    }
    this.stats.onRead(result.value.byteLength, this.decoder);
  }

  #onEvent(event: ServerSentEvent): void {
    if (this.#state !== "open") return;
    const value = this.decoder.decode(event);
    if (value === streamDone) {
      this.#state = "done";
      return;
    }
    this.#queue.push(value);
    this.wire?.push(event);
    const halted = this.decoder.halted;
    if (halted === streamDone) this.#state = "done";
    else if (halted) this.#fail(halted);
  }

  #onBodyEnd(): void {
    this.#bodyEnded = true;
    try {
      this.#sse.end();
    } catch (error) {
      this.#fail(decodingFailed(error, this.#context()));
      return;
    }
    if (this.#state === "open") this.#fail(endedEarly(this.#context(), this.decoder.endMarker));
  }

  /** Records the failure; queued events are still delivered first. */
  #fail(error: MistralError): void {
    if (this.#state === "failed" || this.#state === "closed") return;
    this.#state = "failed";
    this.#failure = error;
    this.#lifeline.reader.cancel(error).catch(noop);
  }

  /** Frees the timer, the listener, the scope and (unless ended) the connection; tells the end listeners. */
  release(cancelBody: boolean): void {
    if (this.#state === "closed") return;
    const state = this.#state;
    this.#state = "closed";
    this.#resetQueue();
    abandoned?.unregister(this.#lifeline);
    releaseLifeline(this.#lifeline, false);
    this.stats.onEnd();
    const end: StreamEnd =
      state === "open"
        ? { reason: "closed", error: undefined }
        : { reason: state, error: this.#failure };
    this.end = end;
    const listeners = this.#endListeners;
    this.#endListeners = undefined;
    if (listeners) for (const listener of listeners) listener(end);
    if (!cancelBody || this.#bodyEnded) return;
    if (state === "done") drainAfterDone(this.#lifeline.reader);
    else this.#lifeline.reader.cancel().catch(noop);
  }

  /** Drops the events not yet handed over, and their wire data. */
  #resetQueue(): void {
    this.#queue.length = 0;
    this.#head = 0;
    if (this.wire) this.wire.length = 0;
  }

  /**
   * The idle timer's callback, holding the reader only weakly, so that an
   * abandoned stream can be collected and released. Runtimes without
   * `WeakRef` (workerd before its `enable_weak_ref` date) hold it strongly:
   * the idle deadline still ends an abandoned stream there.
   */
  static #weakTick(reader: EventReader<unknown>): () => void {
    const ref = weakly(reader);
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
      const timeout = new RequestTimeoutError("idle", idleMs, {
        ...this.#context(),
        retryable: true,
      });
      this.#lifeline.scope.abort(timeout);
      return;
    }
    this.#lifeline.idleTimer = setTimeout(this.#tick, idleMs - waited);
  }
}

/**
 * A weak reference, or a strong one where the runtime has no `WeakRef`. Made
 * here, not in `#weakTick`: a closure there capturing the reader would put it
 * in the context the timer's callback shares, holding it strongly.
 */
function weakly<T extends object>(target: T): { deref(): T | undefined } {
  return typeof WeakRef === "function" ? new WeakRef(target) : { deref: () => target };
}
