/**
 * The receiving end of a relay. A body
 * made by `toReadableStream()` (see `relay-out.ts`) is read by an
 * `EventStream` with the same strictness as the API's own (a body without
 * `[DONE]` is incomplete), and its `event: error` frame becomes the same
 * typed error (`relay-receive.ts`).
 *
 * @module
 */

import { InvalidRequestError, type ResponseMeta } from "../errors/index.js";
import { CallScope } from "../http/call-scope.js";
import type { TransportResponse } from "../http/transport.js";
import type { CompletionEvent, ConversationEvents } from "../models/index.js";
import { DEFAULT_MAX_EVENT_CHARS } from "../sse/index.js";
import { ChatChunkDecoder } from "./chat-decoder.js";
import { lazyDecoder } from "./lazy-decoder.js";
import { reviveError } from "./relay-receive.js";
import { conversationEndMarker, type EventStreamInit, type StreamDecoder } from "./types.js";

/** Options of `EventStream.fromReadableStream()` and `EventStream.fromResponse()`. */
export interface RelayReadOptions {
  /** Aborts reading (`RequestAbortedError`). */
  signal?: AbortSignal | undefined;
  /** Longest wait for an event, in ms (default 60 000; `0` or `Infinity`: none). */
  idleTimeoutMs?: number | undefined;
  /** Deadline for the whole stream, in ms (default none). */
  timeoutMs?: number | undefined;
  /** Cap on one event, in characters (default 16 Mi; `0`: the default). */
  maxEventChars?: number | undefined;
  /**
   * What the body streams: chat (also FIM and agents) completion chunks (the
   * default), or a conversation's named events (`"conversation"`, ending at
   * `conversation.response.done`).
   */
  events?: "chat" | "conversation" | undefined;
}

/**
 * How to read a relayed body: a fresh scope, a chat decoder that turns
 * relayed failure frames back into their typed errors, the options checked.
 */
export function relayInit(
  response: TransportResponse,
  options: RelayReadOptions = {},
): EventStreamInit<CompletionEvent | ConversationEvents> {
  const {
    idleTimeoutMs = 60_000,
    timeoutMs = 0,
    maxEventChars = DEFAULT_MAX_EVENT_CHARS,
  } = options;
  for (const value of [idleTimeoutMs, timeoutMs, maxEventChars]) {
    if (!(value >= 0)) throw new InvalidRequestError("Relay read options must be numbers ≥ 0");
  }
  const { decoder, body } = relayDecoder(response, options.events);
  return {
    response: { ...response, body },
    scope: new CallScope({ signal: options.signal, totalMs: off(timeoutMs) }),
    decoder,
    idleTimeoutMs: off(idleTimeoutMs),
    maxEventChars: maxEventChars || DEFAULT_MAX_EVENT_CHARS,
  };
}

type RelayedEvent = CompletionEvent | ConversationEvents;

/**
 * A decoder of `events` that also turns relayed failure frames back into
 * their typed errors, and the body to read with it. The conversation decoder
 * is loaded on first read, so an app that relays chat does not bundle it.
 */
function relayDecoder(
  response: TransportResponse,
  events: RelayReadOptions["events"],
): { decoder: StreamDecoder<RelayedEvent>; body: TransportResponse["body"] } {
  if (events !== undefined && events !== "chat" && events !== "conversation") {
    throw new InvalidRequestError('Relay read option `events` must be "chat" or "conversation"');
  }
  if (events !== "conversation") {
    const decoder = new ChatChunkDecoder(response);
    decoder.revive = reviveError;
    return { decoder, body: response.body };
  }
  const load = async () => {
    const { ConversationEventDecoder } = await import("../conversations/index.js");
    return (meta: ResponseMeta): StreamDecoder<RelayedEvent> => {
      const decoder = new ConversationEventDecoder(meta);
      decoder.revive = reviveError;
      return decoder;
    };
  };
  return lazyDecoder(response, response.body, load, conversationEndMarker);
}

/** `Infinity` means none, as `0` does. */
const off = (ms: number): number => (ms === Infinity ? 0 : ms);

/** A relayed body (`ReadableStream` of SSE bytes) as a transport response. */
export function bodyResponse(body: ReadableStream<Uint8Array>): TransportResponse {
  if (typeof body?.getReader !== "function") {
    throw new InvalidRequestError("fromReadableStream() needs a ReadableStream");
  }
  return {
    status: 200,
    headers: new Headers({ "content-type": "text/event-stream" }),
    body: body.getReader(),
  };
}
