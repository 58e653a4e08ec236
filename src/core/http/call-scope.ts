/**
 * One call's lifetime: the abort signal handed to the transport, the caller's
 * signal, and the deadlines. Whatever ends the call records *why* as a typed
 * error first, so every layer that sees the resulting rejection can report the
 * real reason instead of a raw `AbortError`.
 *
 * @module
 */

import {
  type MistralError,
  type PartialResult,
  RequestAbortedError,
  RequestTimeoutError,
  type ResponseMeta,
} from "../errors/index.js";

/** What the errors of a call carry once its response headers arrived. */
export interface CallContext {
  /** The response the call got. */
  readonly response?: ResponseMeta | undefined;
  /** What a stream had delivered so far. */
  readonly partial?: PartialResult | undefined;
}

const noContext = (): CallContext => ({});

/** Options of a {@link CallScope}. */
export interface CallScopeOptions {
  /** The caller's signal. */
  signal?: AbortSignal | null | undefined;
  /** Deadline for the whole call, including the streamed body (0 or undefined: none). */
  totalMs?: number | undefined;
}

/** The lifetime of one call. */
export class CallScope {
  readonly #controller = new AbortController();
  readonly #userSignal: AbortSignal | null | undefined;
  #reason: MistralError | undefined;
  #totalTimer: ReturnType<typeof setTimeout> | undefined;
  #headersTimer: ReturnType<typeof setTimeout> | undefined;
  #context: () => CallContext = noContext;
  readonly #onUserAbort = (): void => {
    const cause = this.#userSignal?.reason;
    const context = this.#context();
    // `AbortSignal.timeout()` aborts with a "TimeoutError": report a timeout,
    // as the official client does, not an abort.
    if ((cause as { name?: unknown } | undefined)?.name === "TimeoutError") {
      this.abort(
        new RequestTimeoutError("signal", undefined, { ...context, cause, retryable: true }),
      );
    } else {
      this.abort(
        new RequestAbortedError("The request was aborted", { cause, response: context.response }),
      );
    }
  };

  constructor(options: CallScopeOptions) {
    this.#userSignal = options.signal;
    if (options.totalMs) {
      const ms = options.totalMs;
      this.#totalTimer = setTimeout(
        () => this.abort(new RequestTimeoutError("total", ms, this.#context())),
        ms,
      );
    }
    if (this.#userSignal?.aborted) this.#onUserAbort();
    else this.#userSignal?.addEventListener("abort", this.#onUserAbort, { once: true });
  }

  /** The signal the transport and every wait must honour. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the call was ended, once it was. */
  get reason(): MistralError | undefined {
    return this.#reason;
  }

  /**
   * Tells the scope what the errors it raises from now on carry: called once
   * the response headers are in (and, for a stream, reporting its progress).
   */
  setContext(context: () => CallContext): void {
    this.#context = context;
  }

  /** Ends the call with `reason` (the first reason wins). */
  abort(reason: MistralError): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#controller.abort(reason);
    this.dispose();
  }

  /** Starts the response-headers deadline of one attempt. */
  startHeadersDeadline(ms: number | undefined): void {
    this.clearHeadersDeadline();
    if (!ms) return;
    // A stalled server may answer the same request on a new connection: retryable.
    this.#headersTimer = setTimeout(
      () => this.abort(new RequestTimeoutError("headers", ms, { retryable: true })),
      ms,
    );
  }

  /** Stops the response-headers deadline (the headers arrived). */
  clearHeadersDeadline(): void {
    if (this.#headersTimer !== undefined) clearTimeout(this.#headersTimer);
    this.#headersTimer = undefined;
  }

  /** Releases timers and listeners; the call can no longer time out or be aborted by the caller. */
  dispose(): void {
    this.clearHeadersDeadline();
    if (this.#totalTimer !== undefined) clearTimeout(this.#totalTimer);
    this.#totalTimer = undefined;
    this.#userSignal?.removeEventListener("abort", this.#onUserAbort);
  }
}
