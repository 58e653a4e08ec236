/**
 * Reads an HTTP error response and builds the matching typed error. The body is
 * read up to a cap and the rest cancelled, so a failed attempt never holds a
 * connection.
 *
 * @module
 */

import {
  BadRequestError,
  ForbiddenError,
  HTTPValidationError,
  NotFoundError,
  RateLimitError,
  SDKError,
  type SDKErrorOptions,
  ServerError,
  UnauthorizedError,
} from "../errors/index.js";
import { parseJsonBody } from "./error-body.js";
import { parseRetryAfter } from "./retry-policy.js";
import type { BodyReader, TransportResponse } from "./transport.js";

/** Error bodies past this size are cut: they are diagnostics, not data. */
const maxErrorBodyBytes = 64 * 1024;

/** Reads at most `limit` bytes of a body as text, then releases it. Never throws. */
export async function readBodyText(body: BodyReader, limit = maxErrorBodyBytes): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await body.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // A body cut while reading an error is still an error: report what arrived.
  }
  body.cancel().catch(() => {});
  return text;
}

/** Reads the error response and returns the typed error for its status; `redact` cleans the body first. */
export async function createErrorFromResponse(
  response: TransportResponse,
  redact: (text: string) => string = (text) => text,
): Promise<SDKError> {
  const body = redact(await readBodyText(response.body));
  const options: SDKErrorOptions = { response, body, data: parseJsonBody(body) };
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
  const error = new SDKError({ ...options, retryable: false });
  const location = options.response.headers.get("location");
  error.message = `The server answered HTTP ${options.response.status} redirecting to ${location ?? "another address"}; redirects are not followed, so that the API key is only ever sent to serverURL. Set serverURL to the final address.`;
  return error;
}
