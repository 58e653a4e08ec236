/**
 * `chat.parseStream()`: a chat stream whose events also carry the value the
 * reply so far parses to, and whose final response is validated as
 * `chat.parse()`'s is. The partial value comes from one incremental parser
 * per stream (`partial-json.ts`), fed each text delta of choice 0 once, as
 * its event is handed over: an event's partial is what the text up to that
 * event parses to, however many events one network read brought.
 *
 * @module
 */

import { EventStream } from "../stream/event-stream.js";
import type { EventStreamInit } from "../stream/types.js";
import type { ParsedChatCompletionResponse, ParsedCompletionEvent } from "./parse-types.js";
import { PartialJsonParser } from "./partial-json.js";
import type { ResolvedSchema } from "./schema.js";
import type { DeepPartial } from "./schema-types.js";
import { contentText, parseResponse } from "./structured.js";

/**
 * The stream of `chat.parseStream()`: every `EventStream` helper, events with
 * `partial`, and a final response whose choices carry `message.parsed`.
 */
export class ParsedEventStream<T> extends EventStream<ParsedCompletionEvent<T>> {
  readonly #schema: ResolvedSchema;
  readonly #parser = new PartialJsonParser();

  /** @internal Made by `chat.parseStream()`. */
  constructor(init: EventStreamInit<ParsedCompletionEvent<T>>, schema: ResolvedSchema) {
    super(init);
    this.#schema = schema;
  }

  /** Choice 0's value so far, up to the last event handed over (live: later events update it in place). */
  get partial(): DeepPartial<T> | undefined {
    return this.#parser.value as DeepPartial<T> | undefined;
  }

  /** The next event, with `partial` up to it. */
  override next(): Promise<IteratorResult<ParsedCompletionEvent<T>, undefined>> {
    return super.next().then((result) => {
      if (!result.done) this.#add(result.value);
      return result;
    });
  }

  #add(event: ParsedCompletionEvent<T>): void {
    for (const choice of event.data.choices) {
      if (choice.index !== 0) continue;
      const text = contentText(choice.delta.content);
      if (text) this.#parser.feed(text);
    }
    event.partial = this.#parser.value as DeepPartial<T> | undefined;
  }

  /**
   * The value as it grows: yields (the live partial value) after each event
   * that changed it (a key still being written changes nothing). Reads the stream; ends, fails and releases as it does.
   */
  async *partialObjectStream(): AsyncGenerator<DeepPartial<T>, void, undefined> {
    const parser = this.#parser;
    let seen = parser.version;
    for await (const event of this) {
      if (parser.version !== seen && event.partial !== undefined) {
        seen = parser.version;
        yield event.partial;
      }
    }
  }

  /**
   * Reads what is left and returns the whole response with each choice's
   * reply validated in `message.parsed`; a reply that is not JSON or does not
   * fit the schema rejects with `StructuredOutputError`.
   */
  override async finalResponse(): Promise<ParsedChatCompletionResponse<T>> {
    const response = await super.finalResponse();
    return parseResponse<T>(response, this.#schema);
  }

  /** The validated value of choice 0 (see {@link ParsedEventStream.finalResponse}). */
  async finalObject(): Promise<T> {
    const response = await this.finalResponse();
    return response.choices[0]?.message?.parsed as T;
  }
}
