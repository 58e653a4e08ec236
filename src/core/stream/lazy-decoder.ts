/**
 * A stream decoder whose code is loaded on first use: the receiving end of a
 * relay can read conversation streams without every app that imports
 * `EventStream` bundling the conversation decoder (a bundler places whole
 * files, so a static import from the relay would keep it in the main chunk).
 * The body's first read waits for the code; by then nothing has been decoded,
 * and every later decode (a tee side's too) finds it loaded.
 *
 * @module
 */

import { type PartialResult, type ResponseMeta, UnexpectedClientError } from "../errors/index.js";
import type { BodyReader } from "../http/transport.js";
import type { ServerSentEvent } from "../sse/index.js";
import type { StreamDecoder, StreamSnapshot, streamDone } from "./types.js";

/** Makes the real decoder of one stream, once its code is loaded. */
export type DecoderFactory<T> = (response: ResponseMeta) => StreamDecoder<T>;

/** What the factory's module gives, once loaded. */
interface Loaded<T> {
  factory?: DecoderFactory<T>;
}

/** Stands for a decoder whose code is still loading; see {@link lazyDecoder}. */
class LazyDecoder<T> implements StreamDecoder<T> {
  readonly #response: ResponseMeta;
  readonly #loaded: Loaded<T>;
  #inner: StreamDecoder<T> | undefined;
  readonly endMarker: string;

  constructor(response: ResponseMeta, loaded: Loaded<T>, endMarker: string) {
    this.#response = response;
    this.#loaded = loaded;
    this.endMarker = endMarker;
  }

  /** The real decoder, made on first need once the code is there. */
  #get(): StreamDecoder<T> | undefined {
    const factory = this.#loaded.factory;
    if (!this.#inner && factory) this.#inner = factory(this.#response);
    return this.#inner;
  }

  decode(event: ServerSentEvent): T | typeof streamDone {
    const inner = this.#get();
    // The body's first read waited for the code, so an event cannot come earlier.
    if (!inner) throw new UnexpectedClientError("A stream event arrived before its decoder loaded");
    return inner.decode(event);
  }

  partial(): PartialResult {
    return this.#get()?.partial() ?? { text: "", events: 0, usage: undefined };
  }

  get events(): number {
    return this.#inner?.events ?? 0;
  }

  get halted(): StreamDecoder<T>["halted"] {
    return this.#inner?.halted;
  }

  get snapshot(): StreamSnapshot | undefined {
    return this.#get()?.snapshot;
  }

  fork(response: ResponseMeta): StreamDecoder<T> {
    return new LazyDecoder(response, this.#loaded, this.endMarker);
  }
}

/**
 * A decoder for `response` whose code `load` brings, and the body reader to
 * read with it: the same reader, whose first read first waits for the code.
 * `endMarker` is the real decoder's, known before it loads.
 */
export function lazyDecoder<T>(
  response: ResponseMeta,
  body: BodyReader,
  load: () => Promise<DecoderFactory<T>>,
  endMarker: string,
): { decoder: StreamDecoder<T>; body: BodyReader } {
  const loaded: Loaded<T> = {};
  let ready: Promise<unknown> | undefined;
  const gated: BodyReader = {
    read: async () => {
      ready ??= load().then((factory) => {
        loaded.factory = factory;
      });
      await ready;
      return body.read();
    },
    cancel: (reason) => body.cancel(reason),
  };
  return { decoder: new LazyDecoder(response, loaded, endMarker), body: gated };
}
