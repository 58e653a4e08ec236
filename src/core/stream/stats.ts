/**
 * The numbers of one stream: how fast it started, how steadily it flowed,
 * how much it carried. Recorded once per network read (never per event), so
 * measuring costs one clock reading per read.
 *
 * @module
 */

import type { UsageInfo } from "../models/index.js";
import { statsClock } from "./clock.js";

/** A stream's statistics (`stream.stats`): live while it streams, final once it ended. Times in ms. */
export interface StreamStats {
  /** The server's request id, if it sent one. */
  readonly requestId: string | undefined;
  /** Retries the client made before this response (0 when the first attempt answered). */
  readonly retries: number;
  /** Times the stream was resumed after a drop (with the `resume` option). */
  readonly resumes: number;
  /** From the start of the call (first attempt) to the response headers. */
  readonly timeToFirstByteMs: number;
  /** From the start of the call to the first event; `undefined` before it. */
  readonly timeToFirstEventMs: number | undefined;
  /** From the start of the call to the first answer or thinking text; `undefined` before it. */
  readonly timeToFirstTokenMs: number | undefined;
  /** From the start of the call to its end (or to now, while it streams). */
  readonly durationMs: number;
  /** Events decoded (`[DONE]` excluded). */
  readonly events: number;
  /** Body bytes received. */
  readonly bytes: number;
  /** Answer characters received, every choice, thinking excluded. */
  readonly answerChars: number;
  /** Thinking characters received (reasoning models). */
  readonly reasoningChars: number;
  /**
   * Completion tokens per second from the first token to the last event, from
   * the server's usage count; `undefined` until usage arrives.
   */
  readonly tokensPerSecond: number | undefined;
  /** The longest wait between two events (the first measured from the headers). */
  readonly longestGapMs: number;
  /** The last usage block, once it arrived. */
  readonly usage: UsageInfo | undefined;
  /** Whether the stream has ended (done, failed or closed). */
  readonly ended: boolean;
}

/** What a {@link StatsRecorder} reads off the stream's decoder. */
export interface StatsSource {
  /** Events decoded so far. */
  readonly events: number;
  /** The response so far, for decoders of completion chunks. */
  readonly snapshot?:
    | {
        readonly answerChars: number;
        readonly reasoningChars: number;
        readonly usage: UsageInfo | undefined;
      }
    | undefined;
}

/** Records one stream's timings; owned by the stream. */
export class StatsRecorder {
  readonly startedAt: number;
  readonly #headersAt = statsClock();
  readonly retries: number;
  #bytes = 0;
  #firstEventAt: number | undefined;
  #firstTokenAt: number | undefined;
  #lastEventAt: number;
  #longestGap = 0;
  #endedAt: number | undefined;
  #events = 0;

  /** How many times the stream was resumed so far. */
  readonly resumes: (() => number) | undefined;

  /** A recorder for a call started at `startedAt` (on {@link statsClock}) after `retries` retries. */
  constructor(startedAt: number | undefined, retries: number, resumes?: () => number) {
    this.startedAt = startedAt ?? this.#headersAt;
    this.retries = retries;
    this.resumes = resumes;
    this.#lastEventAt = this.#headersAt;
  }

  /** After one network read of `byteLength` bytes was decoded. */
  onRead(byteLength: number, source: StatsSource): void {
    this.#bytes += byteLength;
    if (source.events === this.#events) return;
    this.#events = source.events;
    const at = statsClock();
    this.#firstEventAt ??= at;
    if (at - this.#lastEventAt > this.#longestGap) this.#longestGap = at - this.#lastEventAt;
    this.#lastEventAt = at;
    const text = source.snapshot;
    if (this.#firstTokenAt === undefined && text && text.answerChars + text.reasoningChars > 0) {
      this.#firstTokenAt = at;
    }
  }

  /** The stream ended. */
  onEnd(): void {
    this.#endedAt ??= statsClock();
  }

  /** The public view, with what the stream's decoder counted. */
  view(requestId: string | undefined, source: StatsSource): StreamStats {
    const startedAt = this.startedAt;
    const firstTokenAt = this.#firstTokenAt;
    const since = (at: number | undefined) => (at === undefined ? undefined : at - startedAt);
    const usage = source.snapshot?.usage;
    const tokens = usage?.completionTokens;
    const generating = firstTokenAt === undefined ? 0 : this.#lastEventAt - firstTokenAt;
    return {
      requestId,
      retries: this.retries,
      resumes: this.resumes?.() ?? 0,
      timeToFirstByteMs: this.#headersAt - startedAt,
      timeToFirstEventMs: since(this.#firstEventAt),
      timeToFirstTokenMs: since(firstTokenAt),
      durationMs: (this.#endedAt ?? statsClock()) - startedAt,
      events: source.events,
      bytes: this.#bytes,
      answerChars: source.snapshot?.answerChars ?? 0,
      reasoningChars: source.snapshot?.reasoningChars ?? 0,
      tokensPerSecond: tokens && generating > 0 ? (tokens * 1000) / generating : undefined,
      longestGapMs: this.#longestGap,
      usage,
      ended: this.#endedAt !== undefined,
    };
  }
}
