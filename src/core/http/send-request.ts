/**
 * Sends one API request with the retry policy: attempts, back-off, and the
 * response-headers deadline. Resolves with a 2xx response whose body is unread;
 * rejects with a typed error.
 *
 * @module
 */

import { ConnectionError, type MistralError, SDKError } from "../errors/index.js";
import { describeCause } from "../util.js";
import type { CallScope } from "./call-scope.js";
import { delay } from "./delay.js";
import { createErrorFromResponse } from "./error-response.js";
import {
  computeRetryDelay,
  matchesRetryCode,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry-policy.js";
import type { RequestBody, Transport, TransportRequest, TransportResponse } from "./transport.js";

/**
 * A body that may not be sendable twice (an upload from a stream): `open()`
 * gives the body for an attempt; `reopenable` says, after one, whether
 * another may be made (nothing of a stream was read yet).
 */
export interface BodySource {
  open(): RequestBody;
  readonly reopenable: boolean;
}

/** A request as {@link sendRequest} takes it: its body fixed, or opened per attempt. */
export type OutgoingRequest = Omit<TransportRequest, "signal" | "body"> & {
  readonly body: RequestBody | BodySource | undefined;
};

const isSource = (body: OutgoingRequest["body"]): body is BodySource =>
  typeof body === "object" && "open" in body;

/** What {@link sendRequest} needs besides the request itself. */
export interface SendSettings {
  readonly transport: Transport;
  readonly retry: RetryPolicy;
  readonly headersTimeoutMs: number | undefined;
  /** Removes secrets a server might echo back from error bodies. */
  readonly redact?: ((text: string) => string) | undefined;
  /** Called before each back-off wait (for logging and tests). */
  readonly onRetry?: ((attempt: number, delayMs: number, error: MistralError) => void) | undefined;
}

/** Sends `request`, retrying per `settings.retry`, within `scope`. */
export async function sendRequest(
  request: OutgoingRequest,
  settings: SendSettings,
  scope: CallScope,
): Promise<TransportResponse> {
  const started = Date.now();
  const source = isSource(request.body) ? request.body : undefined;
  for (let attempt = 1; ; attempt++) {
    const body = source ? source.open() : (request.body as RequestBody | undefined);
    const outcome = await attemptOnce({ ...request, body }, settings, scope);
    if (!(outcome instanceof Error)) return outcome;
    // A body that cannot be sent again (part of a stream is gone) ends the retries.
    const wait =
      !source || source.reopenable
        ? planRetry(outcome, attempt, settings.retry, Date.now() - started)
        : undefined;
    // A call ended while an error body was read reports the server's answer,
    // whatever the retry policy: its status arrived before the deadline.
    if (wait === undefined || scope.reason) throw outcome;
    settings.onRetry?.(attempt, wait, outcome);
    try {
      await delay(wait, scope.signal);
    } catch {
      throw scope.reason ?? outcome;
    }
  }
}

/** One attempt: a 2xx response, or the typed error it ended with. */
async function attemptOnce(
  request: Omit<TransportRequest, "signal">,
  settings: SendSettings,
  scope: CallScope,
): Promise<TransportResponse | MistralError> {
  scope.startHeadersDeadline(settings.headersTimeoutMs);
  try {
    const response = await settings.transport({ ...request, signal: scope.signal });
    if (response.status >= 200 && response.status < 300) return response;
    // The deadline stays armed while the error body is read: it is bounded too.
    return await createErrorFromResponse(response, settings.redact);
  } catch (error) {
    if (scope.reason) throw scope.reason;
    return new ConnectionError(
      `Connection to ${originOf(request.url)} failed: ${describeCause(error)}`,
      {
        cause: error,
        retryable: true,
      },
    );
  } finally {
    scope.clearHeadersDeadline();
  }
}

/** The back-off before the next attempt, or `undefined` when the error is final. */
function planRetry(
  error: MistralError,
  attempt: number,
  policy: RetryPolicy,
  elapsedMs: number,
): number | undefined {
  if (attempt > policy.maxRetries) return undefined;
  const retryable =
    error instanceof SDKError
      ? matchesRetryCode(error.statusCode, policy.retryCodes)
      : error instanceof ConnectionError && policy.retryConnectionErrors;
  if (!retryable) return undefined;
  const hint = error instanceof SDKError ? parseRetryAfter(error.headers) : undefined;
  // A server asking for a longer pause than we would ever wait will most likely
  // refuse an earlier retry too: surface its error (with `retryAfterMs`) at once.
  if (hint !== undefined && hint > policy.backoff.maxInterval) return undefined;
  const wait = computeRetryDelay(attempt, policy.backoff, hint);
  return elapsedMs + wait > policy.backoff.maxElapsedTime ? undefined : wait;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
