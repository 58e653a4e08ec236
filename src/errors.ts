/**
 * The error hierarchy. Everything the client throws or rejects with is a
 * {@link MistralError}; a raw `DOMException`, `TypeError` or `SyntaxError`
 * never reaches the caller.
 *
 * ```
 * MistralError
 * ├─ SDKError                    the server answered with an HTTP error status
 * │  ├─ BadRequestError          400
 * │  ├─ UnauthorizedError        401
 * │  ├─ ForbiddenError           403
 * │  ├─ NotFoundError            404
 * │  ├─ HTTPValidationError      422 (`detail`)
 * │  ├─ RateLimitError           429
 * │  └─ ServerError              5xx
 * ├─ HTTPClientError             the request never got a usable answer
 * │  ├─ ConnectionError          network failure before the response headers
 * │  ├─ RequestAbortedError      the caller aborted
 * │  ├─ RequestTimeoutError      a deadline passed (`phase` says which)
 * │  ├─ InvalidRequestError      bad options or arguments, refused before sending
 * │  └─ UnexpectedClientError    anything else (a bug: please report it)
 * ├─ ResponseValidationError     a 2xx answer that is not what the API sends
 * └─ StreamError                 a stream failed after its headers arrived
 *    ├─ IncompleteStreamError    the body ended without `data: [DONE]`
 *    ├─ MalformedChunkError      an event whose data is not a JSON object
 *    ├─ EventTooLargeError       one event grew past the configured cap
 *    └─ StreamServerError        the server reported an error inside the stream
 * ```
 *
 * @module
 */

import { describeBody } from "./error-body.js";

/** What a request's answer looked like, as far as it got. */
export interface ResponseMeta {
  /** HTTP status of the response. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The `fetch` `Response`, when the transport is fetch-based. */
  readonly raw?: Response | undefined;
}

/** Common constructor options of every {@link MistralError}. */
export interface MistralErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** The response the error belongs to, if headers had arrived. */
  response?: ResponseMeta | undefined;
  /** Whether repeating the same request is safe and may succeed. */
  retryable?: boolean;
}

/** Reads the request id the API returns in its response headers. */
export function readRequestId(headers: Headers | undefined): string | undefined {
  if (!headers) return undefined;
  return (
    headers.get("mistral-correlation-id") ??
    headers.get("x-request-id") ??
    headers.get("request-id") ??
    undefined
  );
}

/**
 * Root of every error this package throws.
 *
 * `statusCode`, `headers` and `requestId` are set whenever response headers had
 * arrived — also for failures in the middle of a 200 stream, where the request
 * id is what support will ask for.
 */
export class MistralError extends Error {
  override name = "MistralError";
  /** HTTP status of the response, when one arrived. */
  readonly statusCode: number | undefined;
  /** Response headers, when a response arrived. */
  readonly headers: Headers | undefined;
  /** The server's request id (`mistral-correlation-id`), when a response arrived. */
  readonly requestId: string | undefined;
  /** Whether repeating the same request is safe and may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: MistralErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = options.response?.status;
    this.headers = options.response?.headers;
    this.requestId = readRequestId(options.response?.headers);
    this.retryable = options.retryable ?? false;
  }
}

/** Options of {@link SDKError} and its subclasses. */
export interface SDKErrorOptions {
  /** The error response. */
  response: ResponseMeta;
  /** The response body as text (possibly truncated for huge bodies). */
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  data?: unknown;
  /** Whether retrying may succeed. Defaults from the status code. */
  retryable?: boolean;
}

/** An HTTP error response from the API. The message quotes the server's own words. */
export class SDKError extends MistralError {
  override name = "SDKError";
  declare readonly statusCode: number;
  declare readonly headers: Headers;
  /** The response body as text. */
  readonly body: string;
  /** The body parsed as JSON (`undefined` for HTML or other non-JSON bodies). */
  readonly data: unknown;
  /** The response's `content-type`. */
  readonly contentType: string;
  /** The `fetch` `Response` (its body already read), as in `@mistralai/mistralai`. */
  readonly rawResponse: Response | undefined;

  constructor(options: SDKErrorOptions) {
    const { status } = options.response;
    super(describeBody(status, options.body, options.data), {
      response: options.response,
      retryable: options.retryable ?? isRetryableStatus(status),
    });
    this.body = options.body;
    this.data = options.data;
    this.contentType = options.response.headers.get("content-type") ?? "";
    this.rawResponse = options.response.raw;
  }
}

/** Statuses for which a retry of the same request can succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/** 400: the request was understood but refused (unknown model, bad parameter). */
export class BadRequestError extends SDKError {
  override name = "BadRequestError";
}
/** 401: the API key is missing, wrong or revoked. */
export class UnauthorizedError extends SDKError {
  override name = "UnauthorizedError";
}
/** 403: the key may not use this model or endpoint. */
export class ForbiddenError extends SDKError {
  override name = "ForbiddenError";
}
/** 404: no such endpoint, model or resource. */
export class NotFoundError extends SDKError {
  override name = "NotFoundError";
}

/** One entry of a 422 response's `detail` list. */
export interface ValidationErrorDetail {
  loc: Array<string | number>;
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
  url?: string;
}

/** 422: the request body failed validation. `detail` lists each problem. */
export class HTTPValidationError extends SDKError {
  override name = "HTTPValidationError";
  /** The server's list of problems, when it sent one. */
  readonly detail: ValidationErrorDetail[] | undefined;

  constructor(options: SDKErrorOptions) {
    super(options);
    const detail = (options.data as { detail?: unknown } | undefined)?.detail;
    this.detail = Array.isArray(detail) ? (detail as ValidationErrorDetail[]) : undefined;
  }
}

/** 429: too many requests or tokens. `retryAfterMs` is the server's hint, if any. */
export class RateLimitError extends SDKError {
  override name = "RateLimitError";
  /** How long the server asked to wait, from `retry-after-ms` or `Retry-After`. */
  readonly retryAfterMs: number | undefined;

  constructor(options: SDKErrorOptions & { retryAfterMs?: number | undefined }) {
    super(options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx: the server or a proxy in front of it failed. */
export class ServerError extends SDKError {
  override name = "ServerError";
}

/** The request did not get a usable answer: network, abort, timeout, bad options. */
export class HTTPClientError extends MistralError {
  override name = "HTTPClientError";
}

/** The connection failed before the response headers arrived (DNS, refused, reset, TLS). */
export class ConnectionError extends HTTPClientError {
  override name = "ConnectionError";
}

/** The caller aborted the request (their `signal`, `stream.abort()` or disposal). */
export class RequestAbortedError extends HTTPClientError {
  override name = "RequestAbortedError";
}

/**
 * Which deadline a {@link RequestTimeoutError} enforced: one of the client's
 * (`total`, `headers`, `idle`), or `signal` for the caller's own signal made
 * by `AbortSignal.timeout()`.
 */
export type TimeoutPhase = "total" | "headers" | "idle" | "signal";

/** A deadline passed. `phase` says which one; `timeoutMs` its length. */
export class RequestTimeoutError extends HTTPClientError {
  override name = "RequestTimeoutError";
  /** `total` (timeoutMs), `headers` (headersTimeoutMs), `idle` (idleTimeoutMs) or `signal`. */
  readonly phase: TimeoutPhase;
  /** The deadline that passed, in milliseconds (`undefined` for `signal`: the signal does not say). */
  readonly timeoutMs: number | undefined;

  constructor(
    phase: TimeoutPhase,
    timeoutMs: number | undefined,
    options: MistralErrorOptions & { partial?: PartialResult } = {},
  ) {
    super(
      phase === "signal"
        ? "The request timed out: the caller's AbortSignal.timeout() fired"
        : `${describePhase(phase)} timed out after ${timeoutMs} ms`,
      options,
    );
    this.phase = phase;
    this.timeoutMs = timeoutMs;
    this.partial = options.partial;
  }
  /** What had arrived before an `idle` or `total` timeout hit a running stream. */
  readonly partial: PartialResult | undefined;
}

function describePhase(phase: TimeoutPhase): string {
  if (phase === "headers") return "Waiting for the response headers";
  if (phase === "idle") return "The stream was idle (no event) and";
  return "The request";
}

/** Options or arguments were refused before anything was sent. */
export class InvalidRequestError extends HTTPClientError {
  override name = "InvalidRequestError";
}

/** Something went wrong that the client did not expect. Please report it. */
export class UnexpectedClientError extends HTTPClientError {
  override name = "UnexpectedClientError";
}

/** A 2xx response whose body is not what the API sends (not JSON, wrong shape). */
export class ResponseValidationError extends MistralError {
  override name = "ResponseValidationError";
  /** The raw body text (truncated to a readable length in the message only). */
  readonly body: string;
  constructor(message: string, body: string, options: MistralErrorOptions = {}) {
    super(message, options);
    this.body = body;
  }
}

/** What a stream delivered before it failed. */
export interface PartialResult {
  /** `delta.content` text of choice 0 delivered so far (thinking chunks excluded). */
  readonly text: string;
  /** Number of events delivered to the caller. */
  readonly events: number;
  /** The last usage block seen, if any (public camelCase shape). */
  readonly usage: unknown;
}

/** Options of {@link StreamError}. */
export interface StreamErrorOptions extends MistralErrorOptions {
  /** What arrived before the failure. */
  partial?: PartialResult | undefined;
}

const emptyPartial: PartialResult = Object.freeze({ text: "", events: 0, usage: undefined });

/**
 * A stream failed after its response headers arrived. `partial` holds what had
 * been delivered; `retryable` says whether repeating the request is safe (it
 * would produce the answer again from the start).
 */
export class StreamError extends MistralError {
  override name = "StreamError";
  /** What the stream had delivered before it failed. */
  readonly partial: PartialResult;
  constructor(message: string, options: StreamErrorOptions = {}) {
    super(message, options);
    this.partial = options.partial ?? emptyPartial;
  }
}

/** The body ended (cleanly or by a reset) before `data: [DONE]`: the answer is truncated. */
export class IncompleteStreamError extends StreamError {
  override name = "IncompleteStreamError";
}

/** An event's data was not a JSON object. `data` holds it (truncated in the message). */
export class MalformedChunkError extends StreamError {
  override name = "MalformedChunkError";
  /** The offending event data. */
  readonly data: string;
  constructor(data: string, options: StreamErrorOptions = {}) {
    super(`Stream event is not valid JSON: ${truncate(data, 200)}`, options);
    this.data = data;
  }
}

/** One event grew past `maxEventBytes` (default 16 MiB): the stream was stopped. */
export class EventTooLargeError extends StreamError {
  override name = "EventTooLargeError";
  /** The cap, in characters of event text. */
  readonly limit: number;
  constructor(limit: number, options: StreamErrorOptions = {}) {
    super(`A stream event exceeded the limit of ${limit} characters`, options);
    this.limit = limit;
  }
}

/** The server reported an error inside a 200 stream (an error event, or `finish_reason: "error"`). */
export class StreamServerError extends StreamError {
  override name = "StreamServerError";
  /** The error payload the server sent, if any. */
  readonly data: unknown;
  constructor(message: string, data: unknown, options: StreamErrorOptions = {}) {
    super(message, options);
    this.data = data;
  }
}

/**
 * Records where a stream failure happened: the response it belongs to and, for
 * errors that carry one, what had arrived. Errors are created deep in the
 * decoder, which knows neither; the stream fills them in before rethrowing.
 *
 * @internal
 */
export function attachStreamContext<E extends MistralError>(
  error: E,
  response: ResponseMeta,
  partial: PartialResult,
): E {
  const target = error as unknown as Record<string, unknown>;
  if (target.statusCode === undefined) {
    target.statusCode = response.status;
    target.headers = response.headers;
    target.requestId = readRequestId(response.headers);
  }
  if (error instanceof StreamError || error instanceof RequestTimeoutError) {
    if (target.partial === undefined || target.partial === emptyPartial) target.partial = partial;
  }
  return error;
}

/** Shortens `text` to `max` characters for messages, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
