/**
 * Calls that got no usable answer: network, abort, timeout, bad options, and
 * 2xx answers that are not what the API sends.
 *
 * @module
 */

import { MistralError, type MistralErrorOptions, type PartialResult } from "./base.js";

/**
 * Base of the errors of a call that got no usable answer: the network failed,
 * the caller aborted, a deadline passed, or an option was refused. Never
 * thrown itself.
 */
export class HTTPClientError extends MistralError {
  override name = "HTTPClientError";
}

/**
 * The connection failed before the response headers arrived (DNS, refused,
 * reset, TLS), or broke while a whole (non-stream) answer was being read.
 */
export class ConnectionError extends HTTPClientError {
  override name = "ConnectionError";
}

/** The caller aborted the request: their `signal`, or `stream.abort()`. */
export class RequestAbortedError extends HTTPClientError {
  override name = "RequestAbortedError";
}

/**
 * Which deadline a {@link RequestTimeoutError} enforced: one of the client's
 * (`total`, `headers`, `idle`), or `signal` for the caller's own signal made
 * by `AbortSignal.timeout()`.
 */
export type TimeoutPhase = "total" | "headers" | "idle" | "signal";

/** Options of {@link RequestTimeoutError}. */
export interface RequestTimeoutErrorOptions extends MistralErrorOptions {
  /** What a running stream had delivered when an `idle` or `total` deadline passed. */
  partial?: PartialResult | undefined;
}

/** A deadline passed. `phase` says which one, `timeoutMs` its length. */
export class RequestTimeoutError extends HTTPClientError {
  override name = "RequestTimeoutError";
  /** `total` (timeoutMs), `headers` (headersTimeoutMs), `idle` (idleTimeoutMs) or `signal`. */
  readonly phase: TimeoutPhase;
  /** The deadline that passed, in milliseconds (`undefined` for `signal`: the signal does not say). */
  readonly timeoutMs: number | undefined;
  /** What had arrived before an `idle` or `total` deadline hit a running stream. */
  readonly partial: PartialResult | undefined;

  /** Builds the error of the deadline `phase`, which was `timeoutMs` long. */
  constructor(
    phase: TimeoutPhase,
    timeoutMs: number | undefined,
    options: RequestTimeoutErrorOptions = {},
  ) {
    super(describeTimeout(phase, timeoutMs), options);
    this.phase = phase;
    this.timeoutMs = timeoutMs;
    this.partial = options.partial;
  }
}

function describeTimeout(phase: TimeoutPhase, timeoutMs: number | undefined): string {
  if (phase === "signal") return "The request timed out: the caller's AbortSignal.timeout() fired";
  if (phase === "headers")
    return `Waiting for the response headers timed out after ${timeoutMs} ms`;
  if (phase === "idle") return `The stream was idle (no event) and timed out after ${timeoutMs} ms`;
  return `The request timed out after ${timeoutMs} ms`;
}

/**
 * An option or argument was refused before anything was sent. The message
 * names the option or header, never a secret value.
 */
export class InvalidRequestError extends HTTPClientError {
  override name = "InvalidRequestError";
}

/**
 * A request argument is not what the method takes (not an object, a required
 * field missing or of the wrong type), refused before sending. The official
 * client's name for it, so its `instanceof` checks and `pretty()` work; it is
 * an {@link InvalidRequestError} too.
 */
export class SDKValidationError extends InvalidRequestError {
  override name = "SDKValidationError";
  /** The value that was refused (the request argument). */
  readonly rawValue: unknown;
  /** The message without the cause's text. */
  readonly rawMessage: string;

  /** Builds the error; as in the official client, a `cause` is appended to the message. */
  constructor(message: string, cause: unknown, rawValue: unknown) {
    super(cause === undefined ? message : `${message}: ${String(cause)}`, { cause });
    this.rawValue = rawValue;
    this.rawMessage = message;
  }

  /** The message, as the official client's `pretty()` gives it for a non-zod cause. */
  pretty(): string {
    return this.message;
  }
}

/** Something went wrong that the client did not expect. Please report it. */
export class UnexpectedClientError extends HTTPClientError {
  override name = "UnexpectedClientError";
}

/** `error` if it is a {@link MistralError} already, else wrapped in an {@link UnexpectedClientError}. */
export function toMistralError(error: unknown): MistralError {
  if (error instanceof MistralError) return error;
  return new UnexpectedClientError(`Unexpected error: ${String(error)}`, { cause: error });
}

/** A 2xx response whose body is not what the API sends (not JSON, wrong shape). */
export class ResponseValidationError extends MistralError {
  override name = "ResponseValidationError";
  /** The raw body text (shortened in the message only). */
  readonly body: string;

  /** Builds the error; `body` is kept whole, the message quotes a readable part of it. */
  constructor(message: string, body: string, options: MistralErrorOptions = {}) {
    super(message, options);
    this.body = body;
  }
}
