/**
 * The `EventStream` the package exports: the stream class, plus the two ways
 * to read a relayed body back. They are static, so they live on a subclass
 * that only an app importing `EventStream` reaches: an app that only streams
 * (`new Mistral()`, `chat.stream()`, `for await`) does not bundle the
 * receiving end of the relay. `instanceof EventStream` holds for every stream.
 *
 * @module
 */

import type { CompletionEvent, ConversationEvents } from "../models/index.js";
import { EventStream as Stream } from "./event-stream.js";
import { bodyResponse, type RelayReadOptions, relayInit } from "./relay-in.js";
import { checkRelayResponse } from "./relay-receive.js";

/**
 * A stream of events, readable once: with `for await`, or through one of its
 * helpers (`finalResponse()`, `textStream()`, `toReadableStream()`, `tee()` …).
 * Use `await using` (or call `close()`) when you may leave before the end.
 */
export class EventStream<T> extends Stream<T> {
  /** Every stream of this package is an `EventStream`, whichever module made it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Stream;
  }

  /**
   * Reads a relayed stream (SSE bytes made by {@link EventStream.toReadableStream},
   * or any Mistral-format SSE body), in a browser or on a server, with the
   * same strictness: a body without `[DONE]` fails with `IncompleteStreamError`,
   * and a relayed failure is thrown as the same typed error. Pass
   * `{ events: "conversation" }` for a relayed conversation stream.
   */
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options: RelayReadOptions & { events: "conversation" },
  ): EventStream<ConversationEvents>;
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options?: RelayReadOptions,
  ): EventStream<CompletionEvent>;
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options?: RelayReadOptions,
  ): EventStream<CompletionEvent | ConversationEvents> {
    return new Stream(relayInit(bodyResponse(body), options));
  }

  /**
   * {@link EventStream.fromReadableStream} on a `fetch` `Response`: an error
   * status rejects with its typed HTTP error, a body that is not SSE with
   * `ResponseValidationError`.
   */
  static fromResponse(
    response: Response,
    options: RelayReadOptions & { events: "conversation" },
  ): Promise<EventStream<ConversationEvents>>;
  static fromResponse(
    response: Response,
    options?: RelayReadOptions,
  ): Promise<EventStream<CompletionEvent>>;
  static async fromResponse(
    response: Response,
    options?: RelayReadOptions,
  ): Promise<EventStream<CompletionEvent | ConversationEvents>> {
    return new Stream(relayInit(await checkRelayResponse(response), options));
  }
}
