/**
 * Turns an HTTP error response into its typed error: reads the body (up to a
 * cap, then releases it, so a failed attempt never holds a connection), picks
 * the class for the status, and has `describe-error.ts` (loaded with the first
 * error) write a one-line message in the server's own words.
 *
 * @module
 */

import {
  BadRequestError,
  ForbiddenError,
  HTTPValidationError,
  headerOf,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  SDKError,
  type SDKErrorOptions,
  ServerError,
  UnauthorizedError,
} from "../errors/index.js";
import { truncate } from "../util.js";
import { readBodyText } from "./read-body.js";
import { parseRetryAfter } from "./retry-policy.js";
import type { TransportResponse } from "./transport.js";

/** Reads the error response and returns the typed error for its status; `redact` cleans the body first. */
export async function createErrorFromResponse(
  response: TransportResponse,
  redact: (text: string) => string = (text) => text,
): Promise<SDKError> {
  const body = redact(await readBodyText(response.body));
  // The wording is loaded with the first error: an app that never fails does not carry it.
  const { describeBody, parseJsonBody } = await import("./describe-error.js");
  const data = parseJsonBody(body);
  const options: SDKErrorOptions = {
    response,
    body,
    data,
    message: describeBody(response.status, body, data),
  };
  if (response.status < 400) return createRedirectError(options);
  switch (response.status) {
    case 400:
      return new BadRequestError(options);
    case 401:
      return new UnauthorizedError(options);
    case 403:
      return new ForbiddenError(options);
    case 404:
      return new NotFoundError(options);
    case 422:
      return new HTTPValidationError(options);
    case 429:
      return new RateLimitError({ ...options, retryAfterMs: parseRetryAfter(response.headers) });
    default:
      return response.status >= 500 ? new ServerError(options) : new SDKError(options);
  }
}

/**
 * A redirect (3xx, or a browser's opaque redirect with status 0) is never
 * followed: the next hop would receive the API key. The message says where the
 * server pointed, so the caller can fix `serverURL`.
 */
function createRedirectError(options: SDKErrorOptions): SDKError {
  const location = options.response.headers.get("location");
  const message = `The server answered HTTP ${options.response.status} redirecting to ${location ?? "another address"}; redirects are not followed, so that the API key is only ever sent to serverURL. Set serverURL to the final address.`;
  return new SDKError({ ...options, message, retryable: false });
}

/** A 2xx answer to a stream request must be an event stream; anything else is read and reported. */
export async function ensureEventStream(response: TransportResponse): Promise<void> {
  const type = headerOf(response, "content-type") ?? "";
  if (type === "" || type.toLowerCase().startsWith("text/event-stream")) return;
  const body = await readBodyText(response.body);
  throw new ResponseValidationError(
    `Expected an event stream but got ${type} (HTTP ${response.status}): ${truncate(body.trim(), 300)}`,
    body,
    { response },
  );
}
