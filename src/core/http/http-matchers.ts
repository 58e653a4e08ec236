/**
 * The small predicates of the official client's `lib/http.js`, for hooks and
 * custom fetchers written against it: what kind of failure an error of a
 * `fetch` is, and whether a response has a status or content type.
 *
 * @module
 */

import { matchesRetryCode } from "./retry-policy.js";

/** A property of `err`, if it is an object. */
function field(err: unknown, name: "name" | "code" | "message"): unknown {
  return typeof err === "object" && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

const lowerCode = (err: unknown) => String(field(err, "code") ?? "").toLowerCase();

/**
 * Whether `err` is a fetch's connection failure: the `TypeError` browsers
 * ("Failed to fetch"), Node and Deno ("fetch failed") throw, Bun's
 * `ConnectionError`, or a reset socket (`ECONNRESET`).
 */
export function isConnectionError(err: unknown): boolean {
  const message = String(field(err, "message") ?? "").toLowerCase();
  return (
    (err instanceof TypeError &&
      (message.startsWith("failed to fetch") || message.startsWith("fetch failed"))) ||
    field(err, "name") === "ConnectionError" ||
    lowerCode(err) === "econnreset"
  );
}

/** Whether `err` is named `name` (or has its legacy DOMException `code`), or is `ECONNABORTED`. */
function isNamed(err: unknown, name: string, legacyCode: number): boolean {
  return (
    field(err, "name") === name ||
    field(err, "code") === legacyCode ||
    lowerCode(err) === "econnaborted"
  );
}

/** Whether `err` is a timeout: a `TimeoutError` (its legacy code 23) or `ECONNABORTED`. */
export function isTimeoutError(err: unknown): boolean {
  return isNamed(err, "TimeoutError", 23);
}

/** Whether `err` is an abort: an `AbortError` (its legacy code 20) or `ECONNABORTED`. */
export function isAbortError(err: unknown): boolean {
  return isNamed(err, "AbortError", 20);
}

/** A status code (`429`), a class of them (`"5XX"`) or `"default"` (any). */
export type StatusCodePattern = number | string;

/**
 * Whether `response`'s status matches one of `codes` (see {@link StatusCodePattern}),
 * by the rule the retry policy matches its `retryCodes` with.
 */
export function matchStatusCode(
  response: Response,
  codes: StatusCodePattern | readonly StatusCodePattern[],
): boolean {
  const list = (Array.isArray(codes) ? codes : [codes]).map(String);
  return list.includes("default") || matchesRetryCode(response.status, list);
}

/** A media type with its parameters, lower-cased, split at `;`. */
function mediaParts(type: string): string[] {
  return type
    .toLowerCase()
    .split(";")
    .map((part) => part.trim());
}

/**
 * Whether `response`'s content type matches `pattern`: `"*"` (anything),
 * `"*\/*"`, `"text/*"`, `"*\/json"` or an exact type, whose parameters the
 * response must all have. A response without one is `application/octet-stream`.
 */
export function matchContentType(response: Response, pattern: string): boolean {
  if (pattern === "*") return true;
  const [want = "", ...wantParams] = mediaParts(pattern);
  const [got = "", ...gotParams] = mediaParts(
    response.headers.get("content-type")?.trim() || "application/octet-stream",
  );
  const [type, subtype] = got.split("/");
  if (want.split("/").length !== 2 || !type || !subtype) return false;
  const typeMatches =
    want === "*/*" || want === got || want === `${type}/*` || want === `*/${subtype}`;
  return typeMatches && wantParams.every((param) => gotParams.includes(param));
}

/** Whether `response` matches both a status pattern and a content-type pattern. */
export function matchResponse(
  response: Response,
  codes: StatusCodePattern | readonly StatusCodePattern[],
  contentTypePattern: string,
): boolean {
  return matchStatusCode(response, codes) && matchContentType(response, contentTypePattern);
}
