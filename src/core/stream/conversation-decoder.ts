/**
 * The conversation stream decoder: one named SSE event → one
 * `ConversationEvents` (`{ event, data }`). There is no `[DONE]`: the stream
 * ends after `conversation.response.done`, and `conversation.response.error`
 * fails it with a `StreamServerError` after the events before it. A type
 * this client does not know passes through (its data kept in `raw`).
 *
 * @module
 */

import { decodeConversationEvent } from "../codec/conversation-events.js";
import {
  MalformedChunkError,
  type MistralError,
  type PartialResult,
  type ResponseMeta,
  type StreamErrorOptions,
  StreamServerError,
} from "../errors/index.js";
import type { ConversationEvents } from "../models/index.js";
import type { ServerSentEvent } from "../sse/index.js";
import { ConversationSnapshot } from "./conversation-snapshot.js";
import { conversationEndMarker, type StreamDecoder, streamDone } from "./types.js";

/** Turns a relayed failure frame back into its typed error (set on relayed streams). */
export type Reviver = (
  record: Record<string, unknown>,
  response: ResponseMeta,
  received: PartialResult,
) => MistralError | undefined;

/** Decodes the events of a conversation stream and keeps the answer so far. */
export class ConversationEventDecoder implements StreamDecoder<ConversationEvents> {
  readonly #response: ResponseMeta;
  readonly snapshot = new ConversationSnapshot();
  readonly endMarker = conversationEndMarker;
  events = 0;
  halted: MistralError | typeof streamDone | undefined;
  /** Set on a relayed stream. */
  revive: Reviver | undefined;

  /** A decoder for the stream of `response` (its errors carry it). */
  constructor(response: ResponseMeta) {
    this.#response = response;
  }

  /** A fresh decoder of the same kind, for a tee side. */
  fork(response: ResponseMeta): ConversationEventDecoder {
    return new ConversationEventDecoder(response);
  }

  /** Decodes one event. */
  decode(event: ServerSentEvent): ConversationEvents {
    let wire: unknown;
    try {
      wire = JSON.parse(event.data);
    } catch (error) {
      throw new MalformedChunkError(event.data, this.#errorOptions(false, error));
    }
    if (typeof wire !== "object" || wire === null || Array.isArray(wire)) {
      throw new MalformedChunkError(event.data, this.#errorOptions(false));
    }
    const record = wire as Record<string, unknown>;
    if (typeof record.type !== "string" && typeof event.event === "string")
      record.type = event.event;
    if (
      event.event === "error" ||
      record.type === "conversation.response.error" ||
      record.object === "error"
    ) {
      throw this.#serverError(event, record);
    }
    const data = decodeConversationEvent(record);
    this.events++;
    this.snapshot.add(data);
    if (data.type === "conversation.response.done") this.halted = streamDone;
    return { event: event.event ?? String(record.type), data };
  }

  /** What has been received so far. */
  partial(): PartialResult {
    const snapshot = this.snapshot;
    return {
      text: snapshot.text(),
      events: this.events,
      usage: snapshot.usage,
      conversation: snapshot.response(),
    };
  }

  #errorOptions(retryable: boolean, cause?: unknown): StreamErrorOptions {
    return { cause, response: this.#response, partial: this.partial(), retryable };
  }

  #serverError(event: ServerSentEvent, record: Record<string, unknown>): MistralError {
    const revived =
      event.event === "error" ? this.revive?.(record, this.#response, this.partial()) : undefined;
    if (revived) return revived;
    const inner = (record.error ?? record) as { message?: unknown; code?: unknown };
    const message = typeof inner.message === "string" ? inner.message : JSON.stringify(inner);
    const code = inner.code === undefined ? "" : ` (code ${String(inner.code)})`;
    // Not retryable: a conversation is stateful, and repeating an append may store its inputs twice.
    return new StreamServerError(
      `The server reported an error during the conversation: ${message}${code}`,
      record,
      this.#errorOptions(false),
    );
  }
}
