/**
 * The public types of structured output (`chat.parse`, `chat.parseStream`),
 * named as in `@mistralai/mistralai`. Types only.
 *
 * @module
 */

import type {
  AssistantMessage,
  ChatCompletionChoice,
  ChatCompletionRequest,
  ChatCompletionResponse,
  CompletionEvent,
} from "../models/index.js";
import type { DeepPartial, SchemaLike } from "./schema-types.js";

/**
 * A chat request whose `responseFormat` is a schema: a zod 4 schema (as in
 * the official client), any Standard Schema that gives a JSON Schema, a
 * plain JSON Schema (write it `as const` for its type), or a `ResponseFormat`
 * of type `json_schema`.
 */
export type ParsedChatCompletionRequest<S extends SchemaLike = SchemaLike> = Omit<
  ChatCompletionRequest,
  "responseFormat"
> & {
  responseFormat: S;
};

/** An answer with its reply parsed and validated (`parsed`) beside the raw `content`. */
export type ParsedAssistantMessage<T> = AssistantMessage & {
  /** The reply, validated by the schema; `undefined` when the model called tools instead. */
  parsed?: T | undefined;
};

/** A choice of a parsed response. */
export type ParsedChatCompletionChoice<T> = Omit<ChatCompletionChoice, "message"> & {
  message?: ParsedAssistantMessage<T> | undefined;
};

/** `chat.complete()`'s response, each choice's reply parsed. */
export type ParsedChatCompletionResponse<T> = Omit<ChatCompletionResponse, "choices"> & {
  choices: Array<ParsedChatCompletionChoice<T>>;
};

/** An event of `chat.parseStream()`: the chunk, and choice 0's value so far. */
export interface ParsedCompletionEvent<T> extends CompletionEvent {
  /**
   * What choice 0's reply so far parses to (`undefined` before it starts).
   * One live value, updated in place by later events: copy it to keep a
   * moment's state (`structuredClone`).
   */
  partial?: DeepPartial<T> | undefined;
}
