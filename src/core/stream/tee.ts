/**
 * `stream.tee()`: two independent streams of the same events. Loaded on
 * first use, as the relay is.
 *
 * The source stream is read once, by a hub, whenever either side needs an
 * event; each event is re-framed as SSE (the relay's frames) and queued for
 * both sides, and a failure makes both sides' reads reject with the source's
 * own typed error. Each side is a full `EventStream` over its queue, with
 * every helper.
 *
 * Buffering is bounded: a side that falls more than `maxBufferedBytes`
 * behind the other is stopped with `StreamBufferOverflowError`, and the
 * other goes on. Cancelling one side leaves the other untouched; the
 * source's connection is released once both sides are done.
 *
 * @module
 */

import type { MistralError } from "../errors/index.js";
import type { BodyReader } from "../http/transport.js";
import type { ServerSentEvent } from "../sse/index.js";
import { dataFrames } from "./relay-out.js";
import type { FrameSource } from "./types.js";

const encoder = new TextEncoder();

/** One side's queue, read by that side's `EventStream` as its body. */
class Side implements BodyReader {
  readonly #hub: Hub;
  chunks: Uint8Array[] = [];
  queued = 0;
  /** No more bytes will come: the source ended, or this side was cancelled or stopped. */
  closed = false;
  /** Why no more bytes will come: the source failed, or this side fell too far behind. */
  failure: MistralError | undefined;

  constructor(hub: Hub) {
    this.#hub = hub;
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        this.queued -= chunk.byteLength;
        return { done: false, value: chunk };
      }
      if (this.failure) throw this.failure;
      if (this.closed) return { done: true, value: undefined };
      await this.#hub.pull();
    }
  }

  async cancel(): Promise<void> {
    this.#stop();
  }

  /** Queues `bytes`, or stops this side when it would fall too far behind. */
  push(bytes: Uint8Array, limit: number): void {
    if (this.closed) return;
    // A side with nothing queued is not behind, however large one read is.
    if (this.queued > 0 && this.queued + bytes.byteLength > limit) {
      this.failure = this.#hub.source.overflow(limit);
      this.#stop();
      return;
    }
    this.chunks.push(bytes);
    this.queued += bytes.byteLength;
  }

  #stop(): void {
    if (this.closed && this.chunks.length === 0) return;
    this.closed = true;
    this.chunks = [];
    this.queued = 0;
    this.#hub.sideDone();
  }
}

/** Reads the source for both sides. */
class Hub {
  readonly source: FrameSource;
  readonly #limit: number;
  readonly sides: [Side, Side];
  #pulling: Promise<void> | undefined;
  #ended = false;

  constructor(source: FrameSource, limit: number) {
    this.source = source;
    this.#limit = limit;
    this.sides = [new Side(this), new Side(this)];
  }

  /** Reads one frame from the source for both sides (one read at a time, shared). */
  pull(): Promise<void> {
    this.#pulling ??= this.#readFrame().finally(() => {
      this.#pulling = undefined;
    });
    return this.#pulling;
  }

  async #readFrame(): Promise<void> {
    let batch: ServerSentEvent[] | undefined;
    try {
      batch = await this.source.read();
    } catch (error) {
      // Both sides fail with the source's own error: the same class, message and partial result.
      const failure = error as MistralError;
      for (const side of this.sides) side.failure ??= failure;
      return this.#end();
    }
    const bytes = encoder.encode(dataFrames(batch, this.source.named));
    for (const side of this.sides) side.push(bytes, this.#limit);
    if (batch === undefined) this.#end();
  }

  #end(): void {
    this.#ended = true;
    for (const side of this.sides) side.closed = true;
  }

  /** A side is done: once both are, the source is released (it already is if it ended). */
  sideDone(): void {
    if (this.#ended || !this.sides.every((side) => side.closed)) return;
    this.#ended = true;
    this.source.close();
  }
}

/** The two sides' bodies over `source`, each at most `limit` bytes behind the other. */
export function teeBodies(source: FrameSource, limit: number): [BodyReader, BodyReader] {
  return new Hub(source, limit).sides;
}
