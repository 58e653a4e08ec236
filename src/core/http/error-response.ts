/**
 * Turns an HTTP error response into its typed error: reads the body (up to a
 * cap, then releases it, so a failed attempt never holds a connection), picks
 * the class for the status, and writes a one-line message in the server's own
 * words. The API answers errors in several JSON shapes:
 *
 * - `{object: "error", message: string | {detail: [...]}, type, code}` (the
 *   message is sometimes that object serialised into a string)
 * - `{message, request_id}`
 * - `{detail: string}`
 * - `{detail: [{loc, msg, type}]}` (validation)
 *
 * and proxies in front of it answer with HTML pages.
 *
 * @module
 */

import {
  BadRequestError,
  ForbiddenError,
  HTTPValidationError,
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

const statusTexts: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const maxQuoted = 500;

/** Builds the message of an HTTP error: `API error 422 (Unprocessable Entity): body.messages.0.name: Extra inputs…`. */
function describeBody(status: number, body: string, data: unknown): string {
  const head = `API error ${status}${statusTexts[status] ? ` (${statusTexts[status]})` : ""}`;
  const words = data === undefined ? describeText(body) : describeJson(data);
  return words ? `${head}: ${words}` : head;
}

/** Parses a body as JSON, or returns `undefined` when it is not JSON. */
function parseJsonBody(body: string): unknown {
  const trimmed = body.trim();
  if (trimmed[0] !== "{" && trimmed[0] !== "[") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

function describeJson(data: unknown, depth = 0): string {
  if (typeof data === "string") {
    // `message` is sometimes a JSON document serialised into a string.
    const inner = depth < 2 ? parseJsonBody(data) : undefined;
    return inner === undefined ? clip(data) : describeJson(inner, depth + 1);
  }
  if (Array.isArray(data)) return data.map(describeDetail).join("; ");
  if (data === null || typeof data !== "object") return clip(JSON.stringify(data) ?? "");
  const record = data as Record<string, unknown>;
  const parts: string[] = [];
  if (record.message !== undefined && record.message !== null) {
    parts.push(describeJson(record.message, depth + 1));
  } else if (record.detail !== undefined) {
    parts.push(describeJson(record.detail, depth + 1));
  } else if (record.error !== undefined) {
    parts.push(describeJson(record.error, depth + 1));
  } else {
    parts.push(clip(JSON.stringify(record)));
  }
  const tags = [record.type, record.code !== null ? record.code : undefined]
    .filter((t) => typeof t === "string" && t.length > 0)
    .join(", ");
  return tags ? `${parts.join("")} [${tags}]` : parts.join("");
}

function describeDetail(item: unknown): string {
  if (item === null || typeof item !== "object") return clip(String(item));
  const { loc, msg } = item as { loc?: unknown; msg?: unknown };
  const where = Array.isArray(loc) ? loc.join(".") : "";
  const what = typeof msg === "string" ? msg : JSON.stringify(item);
  return where ? `${where}: ${what}` : what;
}

function describeText(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  if (title?.trim()) return `${clip(collapse(title))} (HTML page, likely from a proxy)`;
  if (/^\s*</.test(body)) {
    const text = collapse(body.replace(/<[^>]*>/g, " "));
    return text
      ? `${clip(text)} (HTML page, likely from a proxy)`
      : "(HTML page, likely from a proxy)";
  }
  return clip(collapse(body));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  return text.length > maxQuoted ? `${text.slice(0, maxQuoted)}…` : text;
}

/** A 2xx answer to a stream request must be an event stream; anything else is read and reported. */
export async function ensureEventStream(response: TransportResponse): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (type === "" || type.toLowerCase().startsWith("text/event-stream")) return;
  const body = await readBodyText(response.body);
  throw new ResponseValidationError(
    `Expected an event stream but got ${type} (HTTP ${response.status}): ${truncate(body.trim(), 300)}`,
    body,
    { response },
  );
}
