/**
 * A `node:http` response body as the core's `BodyReader`: `read()` pulls what
 * the socket delivered since the last call, as one buffer, so a fast server's
 * 64 KiB of events cost one promise, not one per TCP segment.
 *
 * @module
 */

import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import type { BodyReader } from "../../core/index.js";

type ReadResult = ReadableStreamReadResult<Uint8Array>;

const done: ReadResult = { done: true, value: undefined };

/** Why a body ended early, in the words fetch uses, so failures read the same on both transports. */
function cutError(cause: unknown): Error {
  const code = (cause as { code?: unknown } | undefined)?.code;
  // `aborted` with ECONNRESET is what Node says for any close before the end;
  // only a socket error says the peer really reset the connection.
  const reset = code === "ECONNRESET" && (cause as Error).message !== "aborted";
  return new Error(reset ? "read ECONNRESET" : "terminated: other side closed", { cause });
}

/**
 * Reads a response body in paused mode: the `IncomingMessage` itself, or the
 * decompressor it is piped into (`source`). `cancel()` before the end
 * destroys the socket; after it, the socket goes back to the pool.
 */
export class IncomingBodyReader implements BodyReader {
  readonly #res: Readable;
  readonly #message: IncomingMessage;
  #ended = false;
  #failure: Error | undefined;
  #waiter: { resolve(r: ReadResult): void; reject(e: unknown): void } | undefined;
  #socketError: unknown;

  constructor(message: IncomingMessage, source: Readable = message) {
    this.#res = source;
    this.#message = message;
    // The socket outlives this response (keep-alive): its listener goes at the close.
    const socket = message.socket;
    const onSocketError = (error: unknown) => {
      this.#socketError = error;
    };
    socket?.on("error", onSocketError);
    source.on("readable", this.#wake);
    source.once("end", () => {
      this.#ended = true;
      this.#wake();
    });
    source.once("error", (error) => this.#fail(this.#socketError ?? error));
    source.once("close", () => {
      socket?.off("error", onSocketError);
      if (!this.#ended && !(message.complete && source === message))
        this.#fail(this.#socketError ?? new Error("aborted"));
    });
  }

  read(): Promise<ReadResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    const chunk = this.#res.read() as Buffer | null;
    if (chunk !== null) return Promise.resolve({ done: false, value: chunk });
    if (this.#ended) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  cancel(): Promise<void> {
    this.#ended = true;
    if (this.#message.complete) this.#message.resume();
    else this.#message.destroy();
    if (this.#res !== this.#message) this.#res.destroy();
    this.#wake();
    return Promise.resolve();
  }

  #fail(cause: unknown): void {
    if (this.#ended || this.#failure) return;
    this.#failure = cutError(cause);
    this.#wake();
  }

  readonly #wake = (): void => {
    const waiter = this.#waiter;
    if (!waiter) return;
    if (this.#failure) {
      this.#waiter = undefined;
      waiter.reject(this.#failure);
      return;
    }
    const chunk = this.#ended ? null : (this.#res.read() as Buffer | null);
    if (chunk !== null) {
      this.#waiter = undefined;
      waiter.resolve({ done: false, value: chunk });
    } else if (this.#ended) {
      this.#waiter = undefined;
      waiter.resolve(done);
    }
  };
}
