/**
 * The synchronous shells of the relay and the tee. `toReadableStream()` and
 * `tee()` return at once, but their machinery (`relay-out.ts`, `tee.ts`) is
 * loaded by a dynamic `import()` on first read, so a bundle that only
 * iterates streams never carries it (bundlers split it into its own chunk).
 *
 * @module
 */

import { InvalidRequestError, StreamBufferOverflowError } from "../errors/index.js";
import type { BodyReader } from "../http/transport.js";
import { type FrameSource, readWireData, type WireSource } from "./types.js";

/** Options of `stream.tee()`. */
export interface TeeOptions {
  /** How far (in bytes of SSE text) one side may fall behind the other before it is stopped. Default 16 MiB. */
  maxBufferedBytes?: number | undefined;
}

/**
 * The SSE bytes of `source`, pulled as the reader reads (nothing is read
 * ahead). Cancelling it, as a server does when the browser goes away,
 * releases the upstream connection.
 */
export function sseBody(stream: WireSource): ReadableStream<Uint8Array> {
  const source = frameSource(stream);
  const encoder = new TextEncoder();
  let out: typeof import("./relay-out.js") | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        out ??= await import("./relay-out.js");
        const frame = await out.nextFrame(source);
        controller.enqueue(encoder.encode(frame.text));
        if (frame.last) controller.close();
      },
      cancel: () => source.close(),
    },
    { highWaterMark: 0 },
  );
}

/** The two sides' bodies of a tee of `source`; the options are checked at once. */
export function teeReaders(stream: WireSource, options: TeeOptions = {}): [BodyReader, BodyReader] {
  const limit = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  if (typeof limit !== "number" || !(limit > 0)) {
    throw new InvalidRequestError("tee(): maxBufferedBytes must be a positive number");
  }
  const source = frameSource(stream);
  const sides = import("./tee.js").then((tee) => tee.teeBodies(source, limit));
  const side = (i: 0 | 1): BodyReader => ({
    read: () => sides.then((s) => s[i].read()),
    cancel: (reason) => sides.then((s) => s[i].cancel(reason)),
  });
  return [side(0), side(1)];
}

/** What the code loaded on first use needs of `stream`. */
function frameSource(stream: WireSource): FrameSource {
  return {
    read: () => stream[readWireData](),
    named: stream.named,
    close: () => stream.close(),
    overflow: (limit) => new StreamBufferOverflowError(limit),
  };
}
