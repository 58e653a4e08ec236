/**
 * Resume after a drop: a chat stream that breaks mid-answer (the body ends
 * before `[DONE]`, the connection resets, the idle deadline passes) is sent
 * again with the answer so far as an assistant `prefix` message, and the
 * consumer sees one uninterrupted answer.
 *
 * The caller's stream reads SSE bytes stitched from the attempts (so every
 * helper, the snapshot, stats and the relay see one stream): the first
 * attempt's events pass through untouched; a continuation's text is held
 * while it repeats the answer so far (as the API does: its reply starts with
 * the prefix), and from where it goes beyond, or as soon as it shows it does
 * not repeat, it is handed on.
 *
 * It never resumes a request with `n > 1`, an answer with tool calls or
 * thinking, or a request that already ends with a prefix message.
 *
 * @module
 */

import type { RequestOptions } from "../call/options.js";
import { IncompleteStreamError, type MistralError, RequestTimeoutError } from "../errors/index.js";
import { CallScope } from "../http/call-scope.js";
import type { BodyReader } from "../http/transport.js";
import type { ChatCompletionStreamRequest, CompletionEvent } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import { statsClock } from "../stream/clock.js";
import { EventStream } from "../stream/event-stream.js";
import { type EventStreamInit, readWireData } from "../stream/types.js";

/** Opens one attempt (the resource's stream, without resuming). */
export type OpenAttempt = (
  request: ChatCompletionStreamRequest,
  options: RequestOptions | undefined,
) => Promise<EventStream<CompletionEvent>>;

/** How far a resuming stream may go: resumes, and the call's total deadline (`timeoutMs`, `0`: none). */
export interface ResumeLimits {
  readonly maxAttempts: number;
  readonly totalMs: number;
}

/**
 * Streams `request`, resuming up to `limits.maxAttempts` times after a drop,
 * all attempts within the call's one total deadline. `make` builds the
 * caller's stream (a plain `EventStream`, or `parseStream()`'s).
 */
export async function streamResuming<
  S extends EventStream<CompletionEvent> = EventStream<CompletionEvent>,
>(
  open: OpenAttempt,
  request: ChatCompletionStreamRequest,
  options: RequestOptions | undefined,
  limits: ResumeLimits,
  make: (init: EventStreamInit<CompletionEvent>) => S = (init) => new EventStream(init) as S,
): Promise<S> {
  const startedAt = statsClock();
  const { totalMs, maxAttempts } = limits;
  const deadline = totalMs && Number.isFinite(totalMs) ? Date.now() + totalMs : undefined;
  const { resume: _resume, ...callOptions } = options ?? {};
  const signal = callOptions.signal ?? callOptions.fetchOptions?.signal ?? undefined;
  // Every attempt also stops when the caller's stream is cancelled (a resume may be opening then).
  const stop = new AbortController();
  const attemptOptions = { ...callOptions, signal: either(signal, stop.signal) };
  const first = await open(request, attemptOptions);
  const response = first.rawResponse;
  const decoder = new ChatChunkDecoder(first.response);
  const plan = { open, request, options: attemptOptions, maxAttempts, deadline, stop };
  const stitch = new Stitcher(plan, first, decoder);
  return make({
    response: {
      status: first.response.status,
      headers: first.response.headers,
      body: stitch,
      ...(response ? { raw: response } : {}),
    },
    // The attempts keep their own deadlines; this scope only follows the caller's signal.
    scope: new CallScope({ signal }),
    decoder,
    idleTimeoutMs: 0,
    maxEventChars: Number.MAX_SAFE_INTEGER,
    startedAt,
    retries: first.stats.retries,
    resumes: () => stitch.resumes,
  });
}

const encoder = new TextEncoder();

/** A signal aborted when either is. */
function either(a: AbortSignal | null | undefined, b: AbortSignal): AbortSignal {
  if (!a) return b;
  if (a.aborted) return a;
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (any) return any([a, b]);
  const both = new AbortController();
  const abort = (s: AbortSignal) => () => both.abort(s.reason);
  a.addEventListener("abort", abort(a), { once: true });
  b.addEventListener("abort", abort(b), { once: true });
  return both.signal;
}

/** What each attempt is opened with, and how many there may be until when. */
interface AttemptPlan {
  readonly open: OpenAttempt;
  readonly request: ChatCompletionStreamRequest;
  readonly options: RequestOptions;
  readonly maxAttempts: number;
  /** When the call's total deadline passes (`Date.now()` time), if it has one. */
  readonly deadline: number | undefined;
  /** Aborted when the caller's stream is cancelled. */
  readonly stop: AbortController;
}

/** The body of a resuming stream: the attempts' events as SSE bytes, one answer. */
class Stitcher implements BodyReader {
  resumes = 0;
  #attempt: EventStream<CompletionEvent>;
  #ended = false;
  /** While a continuation may still be repeating the answer so far: that answer, and what repeated it. */
  #repeat: { readonly answer: string; held: string } | undefined;

  constructor(
    readonly plan: AttemptPlan,
    first: EventStream<CompletionEvent>,
    readonly decoder: ChatChunkDecoder,
  ) {
    this.#attempt = first;
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    for (;;) {
      if (this.#ended) return { done: true, value: undefined };
      let batch: ServerSentEvent[] | undefined;
      try {
        batch = await this.#attempt[readWireData]();
      } catch (error) {
        await this.#resumeAfter(error as MistralError);
        continue;
      }
      if (this.#ended) return { done: true, value: undefined }; // cancelled meanwhile
      if (batch === undefined) {
        this.#ended = true;
        return { done: false, value: encoder.encode("data: [DONE]\n\n") };
      }
      let text = "";
      for (const { data } of batch) {
        text += `data: ${this.#repeat ? this.#skipRepeat(data) : data}\n\n`;
      }
      return { done: false, value: encoder.encode(text) };
    }
  }

  async cancel(): Promise<void> {
    this.#ended = true;
    this.plan.stop.abort();
    await this.#attempt.close();
  }

  /** Opens the next attempt, or throws why the stream cannot go on. */
  async #resumeAfter(error: MistralError): Promise<void> {
    const answer = this.#resumable(error);
    if (answer === undefined) throw error;
    const { open, request, options, maxAttempts, deadline } = this.plan;
    if (this.resumes >= maxAttempts) throw this.#gaveUp(error, "resuming is exhausted");
    this.resumes++;
    const messages = [...request.messages];
    if (answer !== "") messages.push({ role: "assistant", content: answer, prefix: true });
    const left = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    try {
      this.#attempt = await open(
        { ...request, messages },
        left === undefined ? options : { ...options, timeoutMs: left },
      );
    } catch (reopen) {
      if (this.#ended) return; // cancelled while opening: nothing to report to
      throw this.#gaveUp(reopen as MistralError, "resuming failed");
    }
    if (this.#ended) await this.#attempt.close();
    this.#repeat = answer === "" ? undefined : { answer, held: "" };
  }

  /** The answer so far when `error` may be resumed from; `undefined` when it may not. */
  #resumable(error: MistralError): string | undefined {
    const dropped =
      error instanceof IncompleteStreamError ||
      (error instanceof RequestTimeoutError && error.phase === "idle");
    const request = this.plan.request;
    if (!dropped || (request.n ?? 1) > 1) return undefined;
    const last = request.messages.at(-1) as { role?: string; prefix?: boolean } | undefined;
    if (last?.role === "assistant" && last.prefix === true) return undefined;
    const snapshot = this.decoder.snapshot;
    if (snapshot.reasoningChars > 0) return undefined;
    const response = snapshot.response();
    if (response.choices.some((c) => (c.message?.toolCalls?.length ?? 0) > 0)) return undefined;
    return snapshot.text();
  }

  #gaveUp(error: MistralError, why: string): IncompleteStreamError {
    const tried = `${this.resumes} resume${this.resumes === 1 ? "" : "s"}`;
    return new IncompleteStreamError(
      `The stream broke and ${why} after ${tried}: ${error.message}; the answer is incomplete`,
      {
        cause: error,
        response: this.#attempt.response,
        partial: this.decoder.partial(),
        retryable: true,
      },
    );
  }

  /** A continuation's event, its text cut by what repeats the answer so far. */
  #skipRepeat(data: string): string {
    const repeat = this.#repeat as { readonly answer: string; held: string };
    let chunk: { choices?: { index?: number; delta?: { content?: unknown } }[] };
    try {
      chunk = JSON.parse(data);
    } catch {
      return data; // The caller's decoder reports it.
    }
    const delta = chunk.choices?.find((c) => (c.index ?? 0) === 0)?.delta;
    if (typeof delta?.content !== "string" || delta.content === "") return data;
    const held = repeat.held + delta.content;
    const { answer } = repeat;
    if (answer.startsWith(held)) {
      // Still repeating (or exactly repeated): nothing new yet.
      repeat.held = held;
      delta.content = "";
      if (held.length === answer.length) this.#repeat = undefined;
    } else {
      // Past the answer so far (a repeat), or not a repeat at all: hand it on from there.
      delta.content = held.startsWith(answer) ? held.slice(answer.length) : held;
      this.#repeat = undefined;
    }
    return JSON.stringify(chunk);
  }
}
