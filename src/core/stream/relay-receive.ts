/**
 * The receiving end of a relay. A stream turned into SSE
 * bytes (`toReadableStream()`) ends a failure with one `event: error` frame
 * carrying the error's class, message, status, `retryable` and partial
 * result (written by `relay-out.ts`); here the reading side
 * (`EventStream.fromReadableStream()`) turns that frame back into the same
 * typed error, so a browser sees what the server saw; and a relay's
 * `Response` is checked before its body is read.
 *
 * @module
 */

import {
  ConnectionError,
  EventTooLargeError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  type MistralError,
  type PartialResult,
  RequestAbortedError,
  RequestTimeoutError,
  type ResponseMeta,
  readRequestId,
  StreamBufferOverflowError,
  type StreamErrorOptions,
  StreamServerError,
  type TimeoutPhase,
  UnexpectedClientError,
} from "../errors/index.js";
import { createErrorFromResponse, ensureEventStream } from "../http/error-response.js";
import { fromFetchResponse, type TransportResponse } from "../http/transport.js";

/** The `data` of a relayed failure's `event: error` frame: `{"error": RelayedError}`. */
export interface RelayedError {
  /** The error's class name (`"IncompleteStreamError"` …). */
  readonly name: string;
  /** Its message. */
  readonly message: string;
  /** The HTTP status of the stream's response. */
  readonly status: number | undefined;
  /** Whether repeating the request is safe and may succeed. */
  readonly retryable: boolean;
  /** The upstream request id, if any. */
  readonly requestId: string | undefined;
  /** What had arrived before the failure. */
  readonly partial: PartialResult | undefined;
  /** Class-specific facts: `phase` and `timeoutMs`, `limit`, `data`. */
  readonly phase?: TimeoutPhase | undefined;
  readonly timeoutMs?: number | undefined;
  readonly limit?: number | undefined;
  readonly data?: unknown;
}

/**
 * The typed error an `event: error` frame's JSON describes, if it is a
 * relayed failure, carrying the sender's partial result (or, if the frame has
 * none, what this side received) and request id.
 */
export function reviveError(
  record: Record<string, unknown>,
  response: ResponseMeta,
  received: PartialResult,
): MistralError | undefined {
  const relayed = record.error as RelayedError | null | undefined;
  if (typeof relayed?.name !== "string" || typeof relayed.message !== "string") return undefined;
  const headers = new Headers(response.headers);
  if (
    typeof relayed.requestId === "string" &&
    !readRequestId({ status: response.status, headers })
  ) {
    headers.set("mistral-correlation-id", relayed.requestId);
  }
  const status = typeof relayed.status === "number" ? relayed.status : response.status;
  const partial = isPartial(relayed.partial) ? relayed.partial : received;
  const options = {
    response: { status, headers, raw: response.raw },
    partial,
    retryable: relayed.retryable === true,
  };
  const { message, data } = relayed;
  const limit = Number(relayed.limit);
  switch (relayed.name) {
    case "MalformedChunkError":
      return new MalformedChunkError(String(data), options);
    case "EventTooLargeError":
      return new EventTooLargeError(limit, options);
    case "StreamBufferOverflowError":
      return new StreamBufferOverflowError(limit, options);
    case "RequestTimeoutError":
      return new RequestTimeoutError(relayed.phase ?? "total", relayed.timeoutMs, options);
  }
  // Own keys only: a frame naming "constructor" must not reach Object.
  const Class = Object.hasOwn(byName, relayed.name) ? byName[relayed.name] : undefined;
  return Class
    ? new Class(message, options)
    : new StreamServerError(message, data ?? relayed, options);
}

/** The classes rebuilt from their message alone. */
const byName: Record<string, new (message: string, options: StreamErrorOptions) => MistralError> = {
  IncompleteStreamError,
  RequestAbortedError,
  ConnectionError,
  UnexpectedClientError,
};

function isPartial(value: unknown): value is PartialResult {
  const p = value as Partial<PartialResult> | null | undefined;
  return typeof p?.text === "string" && typeof p.events === "number";
}

/** Checks a relay's `Response`: an error status or a body that is not SSE becomes its typed error. */
export async function checkRelayResponse(response: Response): Promise<TransportResponse> {
  if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
    throw new InvalidRequestError("fromResponse() needs a fetch Response");
  }
  const transport = fromFetchResponse(response);
  if (response.status < 200 || response.status > 299) {
    throw await createErrorFromResponse(transport);
  }
  await ensureEventStream(transport);
  return transport;
}
