/**
 * HTTP error responses: one class per meaning of the status.
 *
 * @module
 */

import { MistralError, type ResponseMeta } from "./base.js";

/** Options of {@link SDKError} and its subclasses. */
export interface SDKErrorOptions {
  /** The error response. */
  response: ResponseMeta;
  /** The response body as text (possibly cut short for huge bodies). */
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  data?: unknown;
  /** The message. Default: `API error <status>`; the client quotes the server's own words. */
  message?: string | undefined;
  /** Whether retrying may succeed. Defaults from the status code. */
  retryable?: boolean | undefined;
}

/**
 * An HTTP error response from the API (or a redirect, which is never
 * followed). Subclasses name the common statuses; the message quotes the
 * server's own words.
 */
export class SDKError extends MistralError {
  override name = "SDKError";
  /** HTTP status of the error response. */
  declare readonly statusCode: number;
  /** Headers of the error response. */
  declare readonly headers: Headers;
  /** The response body as text. */
  readonly body: string;
  /** The body parsed as JSON (`undefined` for HTML or other non-JSON bodies). */
  readonly data: unknown;
  /** The response's `content-type`. */
  readonly contentType: string;
  /** The `fetch` `Response` (its body already read), as in `@mistralai/mistralai`. */
  readonly rawResponse: Response | undefined;

  /** Builds the error of `options.response`. */
  constructor(options: SDKErrorOptions) {
    const { status } = options.response;
    super(options.message ?? `API error ${status}`, {
      response: options.response,
      retryable: options.retryable ?? isRetryableStatus(status),
    });
    this.body = options.body;
    this.data = options.data;
    this.contentType = options.response.headers.get("content-type") ?? "";
    this.rawResponse = options.response.raw;
  }
}

/** Whether a retry of the same request can succeed after this status: 408, 429 and 5xx but 501. */
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
  /** Where the problem is: `["body", "messages", 0, "role"]`. */
  loc: Array<string | number>;
  /** What is wrong, in the server's words. */
  msg: string;
  /** The kind of problem (`extra_forbidden`, `missing` …). */
  type: string;
  /** The refused value. */
  input?: unknown;
  /** Details of the rule that refused it. */
  ctx?: Record<string, unknown>;
  /** Documentation of the rule. */
  url?: string;
}

/** 422: the request body failed validation. `detail` lists each problem. */
export class HTTPValidationError extends SDKError {
  override name = "HTTPValidationError";
  /** The server's list of problems, when it sent one. */
  readonly detail: ValidationErrorDetail[] | undefined;

  /** Builds the error; `detail` comes from the parsed body. */
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

  /** Builds the error; `retryAfterMs` is read from the headers by the client. */
  constructor(options: SDKErrorOptions & { retryAfterMs?: number | undefined }) {
    super(options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx: the server or a proxy in front of it failed. */
export class ServerError extends SDKError {
  override name = "ServerError";
}
