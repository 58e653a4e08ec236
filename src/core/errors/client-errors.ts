/**
 * Calls that got no usable answer: network, abort, timeout, bad options, and
 * 2xx answers that are not what the API sends.
 *
 * @module
 */

import { MistralError, type MistralErrorOptions } from "./base.js";
import type { PartialResult } from "./stream-errors.js";

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
