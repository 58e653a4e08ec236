/**
 * How a stream's failures are described: each is typed, said in the client's
 * words (the runtime's own in `cause`), and carries the stream's context, its
 * response and what had arrived.
 *
 * @module
 */

import {
  EventTooLargeError,
  IncompleteStreamError,
  MistralError,
  type ResponseMeta,
  StreamBufferOverflowError,
  UnexpectedClientError,
} from "../errors/index.js";
import type { CallContext } from "../http/call-scope.js";
import { SseEventTooLargeError } from "../sse/index.js";
import { describeCause } from "../util.js";
import type { StreamDecoder } from "./types.js";

/**
 * What a stream's errors carry: its response and what it had decoded. Built
 * outside the stream so the closure holds the decoder, never the stream.
 */
export function contextOf(
  response: ResponseMeta,
  decoder: StreamDecoder<unknown>,
): () => CallContext {
  return () => ({ response, partial: decoder.partial() });
}

const doneMarker = "`data: [DONE]`";

/** The body ended cleanly but without the end marker (`` `data: [DONE]` `` unless named). */
export function endedEarly(context: CallContext, marker = doneMarker): MistralError {
  return new IncompleteStreamError(`The stream ended before ${marker}: the answer is incomplete`, {
    ...context,
    retryable: true,
  });
}

/**
 * Reading the body failed: the connection broke, or (for a tee side) the
 * source failed with its own typed error, which passes as is, or this side
 * fell too far behind.
 */
export function readFailed(
  error: unknown,
  context: CallContext,
  marker = doneMarker,
): MistralError {
  if (error instanceof StreamBufferOverflowError) {
    return new StreamBufferOverflowError(error.limit, context);
  }
  if (error instanceof MistralError) return error;
  return new IncompleteStreamError(
    `The connection broke before the stream's end (${marker}): ${describeDrop(error)}; the answer is incomplete`,
    { ...context, cause: error, retryable: true },
  );
}

/** What the SSE layer or the decoder threw, typed. */
export function decodingFailed(error: unknown, context: CallContext): MistralError {
  if (error instanceof MistralError) return error;
  if (error instanceof SseEventTooLargeError) {
    return new EventTooLargeError(error.limit, { ...context, cause: error });
  }
  return new UnexpectedClientError(`Decoding the stream failed: ${String(error)}`, {
    ...context,
    cause: error,
  });
}

/** How a connection broke, from the runtime's codes along the `cause` chain. */
function describeDrop(error: unknown): string {
  const text = describeCause(error);
  if (/ECONNRESET|reset/i.test(text)) return "the connection was reset";
  if (/UND_ERR_SOCKET|terminated|closed/i.test(text)) {
    return "the server closed the connection";
  }
  if (/ETIMEDOUT|timed out/i.test(text)) return "the connection timed out";
  return "the connection was lost";
}
