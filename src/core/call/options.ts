/**
 * Client and per-call options, named as in `@mistralai/mistralai`, and their
 * validation. Every bad option is refused here, at construction or at the start
 * of a call, with an {@link InvalidRequestError} that names it.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";
import type { Logger } from "../http/debug-log.js";
import type { HTTPClientLike } from "../http/http-client.js";
import type { RetryConfig } from "../http/retry-policy.js";
import type { FetchFunction, Transport } from "../http/transport.js";
import { describeValue } from "../util.js";
import type { FetchInit } from "./fetch-init.js";
import { type HeaderRecord, type HeadersLike, mergeHeaders } from "./headers.js";
import { resolveServerRoot, ServerList } from "./servers.js";
import { resolveTransport } from "./transport-choice.js";

/** Options of `new Mistral(options)`. */
export interface SDKOptions {
  /** API key, or an async function returning one. Defaults to `MISTRAL_API_KEY` where the runtime has an environment. */
  apiKey?: string | (() => Promise<string>) | undefined;
  /** Regional server: `"global"` (default), `"eu"` or `"us"`. */
  server?: keyof typeof ServerList | undefined;
  /** Server root, e.g. `http://127.0.0.1:8787` (overrides `server`; a trailing `/v1` is ignored). */
  serverURL?: string | undefined;
  /** Deadline for a whole call, body included, in ms. Default: none. `0` or `Infinity`: none. */
  timeoutMs?: number | undefined;
  /**
   * Deadline for the response headers of each attempt, in ms. Default: 60 000
   * for streams, 600 000 otherwise. `0` or `Infinity`: none.
   */
  headersTimeoutMs?: number | undefined;
  /**
   * Longest gap between two stream events, in ms (keep-alive comments do not
   * count). Default: 60 000. `0` or `Infinity`: none.
   */
  idleTimeoutMs?: number | undefined;
  /** Retry policy. Default: 2 retries with back-off for connection errors, 408, 429 and 5xx. */
  retryConfig?: RetryConfig | undefined;
  /** Statuses to retry (`"429"`, `"5XX"` …). Default: 408, 429, 500, 502, 503, 504. */
  retryCodes?: string[] | undefined;
  /** A `fetch` to use instead of the global one (it selects the fetch transport). */
  fetch?: FetchFunction | undefined;
  /**
   * How requests are sent: `"fetch"` (the runtime's `fetch`, everywhere), `"node"`
   * (`node:http`, the default on Node, through the package's `node` export
   * condition), or a {@link Transport} (`createNodeTransport()` from
   * `mistral-stream/node` with pool or proxy settings).
   */
  transport?: "fetch" | "node" | Transport | undefined;
  /**
   * An `HTTPClient` (`mistral-stream/lib/http.js`, or the official client's)
   * whose hooks see each attempt's `Request` and `Response`; it selects the
   * fetch transport.
   */
  httpClient?: HTTPClientLike | undefined;
  /**
   * Writes each request and response (`console` fits; the API key is never
   * written). `MISTRAL_DEBUG` set in the environment writes to `console`.
   */
  debugLogger?: Logger | undefined;
  /** Headers sent with every request. */
  headers?: HeadersLike | undefined;
  /** `User-Agent` header value. */
  userAgent?: string | undefined;
  /**
   * Cap on one stream event, in characters (UTF-16 code units; for the ASCII
   * JSON of real traffic, bytes). An event past it fails the stream with
   * `EventTooLargeError`. Default: 16 Mi characters.
   */
  maxEventChars?: number | undefined;
  /** @deprecated The 0.1.0 name of {@link SDKOptions.maxEventChars}, which it counts the same way. */
  maxEventBytes?: number | undefined;
  /** Resume chat streams cut mid-answer (off by default); see {@link ResumeOptions}. */
  resume?: ResumeOptions | undefined;
}

/**
 * Resuming a chat stream that broke mid-answer (a cut before `[DONE]`, a
 * reset, an idle timeout): the same request is sent again with the text so
 * far as an assistant `prefix` message, and the stream goes on where the text
 * stopped. Each resume bills the prompt (and the prefix) again, and the
 * continuation may differ from what the cut stream would have said.
 */
export interface ResumeOptions {
  /** How many times one stream may be resumed; `0` turns resuming off. */
  maxAttempts: number;
}

/**
 * Options of one call (`chat.stream(request, options)`). Fetch's own options
 * (`cache`, `credentials`, `mode`, `keepalive`, `priority`, `referrer`,
 * `referrerPolicy`, `integrity`, undici's `dispatcher`) may be given here too,
 * as with the official client: see {@link FetchInit}.
 */
export interface RequestOptions extends FetchInit {
  /** Aborts the call, before or during the stream. */
  signal?: AbortSignal | null | undefined;
  /**
   * The official client's older place for fetch's options: its `signal`, its
   * `headers` (when `headers` is not given) and the fields of {@link FetchInit}
   * are used; those given at the top level win.
   */
  fetchOptions?: Omit<RequestInit, "method" | "body"> | undefined;
  /** Overrides the client's `timeoutMs` (`0` or `Infinity`: none). */
  timeoutMs?: number | undefined;
  /** Overrides the client's `headersTimeoutMs` (`0` or `Infinity`: none). */
  headersTimeoutMs?: number | undefined;
  /** Overrides the client's `idleTimeoutMs` (`0` or `Infinity`: none). */
  idleTimeoutMs?: number | undefined;
  /** Extra headers for this call. */
  headers?: HeadersLike | undefined;
  /** Overrides the server root for this call. */
  serverURL?: string | URL | undefined;
  /** Overrides the client's retry policy. */
  retries?: RetryConfig | undefined;
  /** Overrides the client's retried statuses. */
  retryCodes?: string[] | undefined;
  /** Overrides the client's `maxEventChars`. */
  maxEventChars?: number | undefined;
  /** @deprecated The 0.1.0 name of {@link RequestOptions.maxEventChars}. */
  maxEventBytes?: number | undefined;
  /** Overrides the client's `resume` for `chat.stream()` (`{ maxAttempts: 0 }`: off). */
  resume?: ResumeOptions | undefined;
}

/** Default deadlines, in ms. */
export const defaultTimeouts = {
  streamHeadersMs: 60_000,
  completeHeadersMs: 600_000,
  idleMs: 60_000,
} as const;

/** Default cap on one stream event, in characters. */
export const defaultMaxEventChars = 16 * 1024 * 1024;

/**
 * The validated, immutable form of {@link SDKOptions}. A deadline is
 * `undefined` when the caller left it to the default, and `0` when they turned
 * it off.
 */
export interface ClientConfig {
  readonly baseURL: string;
  readonly isOfficialServer: boolean;
  readonly transport: Transport;
  readonly headers: Readonly<HeaderRecord>;
  readonly timeoutMs: number | undefined;
  readonly headersTimeoutMs: number | undefined;
  readonly idleTimeoutMs: number | undefined;
  readonly retryConfig: RetryConfig | undefined;
  readonly retryCodes: readonly string[] | undefined;
  readonly maxEventChars: number;
  readonly resume: ResumeOptions | undefined;
}

/** Validates `options`; throws {@link InvalidRequestError} naming the first bad one. */
export function resolveClientConfig(options: SDKOptions): ClientConfig {
  if (options === null || typeof options !== "object") {
    throw new InvalidRequestError("Mistral options must be an object");
  }
  const baseURL = resolveServerRoot(options);
  const headers: HeaderRecord = {};
  mergeHeaders(headers, options.headers, "options.headers");
  if (options.userAgent !== undefined)
    mergeHeaders(headers, { "user-agent": options.userAgent }, "userAgent");
  checkRetryConfig(options.retryConfig, "retryConfig");
  return {
    baseURL,
    isOfficialServer: Object.values(ServerList).some((u) => u === baseURL),
    transport: resolveTransport(options),
    headers,
    timeoutMs: checkTimeout(options.timeoutMs, "timeoutMs"),
    headersTimeoutMs: checkTimeout(options.headersTimeoutMs, "headersTimeoutMs"),
    idleTimeoutMs: checkTimeout(options.idleTimeoutMs, "idleTimeoutMs"),
    retryConfig: options.retryConfig,
    retryCodes: checkRetryCodes(options.retryCodes, "retryCodes"),
    maxEventChars: checkEventCap(options) ?? defaultMaxEventChars,
    resume: checkResume(options.resume, "resume"),
  };
}

/**
 * Checks a deadline: `undefined` when not given (the default applies), else a
 * non-negative number of milliseconds, `0` and `Infinity` both turning the
 * deadline off (→ `0`).
 */
export function checkTimeout(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    throw new InvalidRequestError(
      `${name} must be a non-negative number of milliseconds, got ${describeValue(value)}`,
    );
  }
  return value === Number.POSITIVE_INFINITY ? 0 : value;
}

/** Checks the event cap, under its name or its 0.1.0 name (`maxEventBytes`). */
export function checkEventCap(options: {
  maxEventChars?: unknown;
  maxEventBytes?: unknown;
}): number | undefined {
  if (options.maxEventChars !== undefined) return checkSize(options.maxEventChars, "maxEventChars");
  return checkSize(options.maxEventBytes, "maxEventBytes");
}

function checkSize(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new InvalidRequestError(
      `${name} must be a positive integer, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Checks a retry config's shape. */
export function checkRetryConfig(value: unknown, name: string): void {
  if (value === undefined) return;
  const config = value as {
    strategy?: unknown;
    backoff?: Record<string, unknown>;
    maxRetries?: unknown;
  };
  if (
    config === null ||
    typeof config !== "object" ||
    (config.strategy !== "none" && config.strategy !== "backoff")
  ) {
    throw new InvalidRequestError(`${name}.strategy must be "backoff" or "none"`);
  }
  for (const [key, v] of Object.entries(config.backoff ?? {})) {
    if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
      throw new InvalidRequestError(`${name}.backoff.${key} must be a non-negative number`);
    }
  }
  if (
    config.maxRetries !== undefined &&
    !(typeof config.maxRetries === "number" && config.maxRetries >= 0)
  ) {
    throw new InvalidRequestError(`${name}.maxRetries must be a non-negative number`);
  }
}

/** Checks a resume option: `{ maxAttempts }`, a non-negative integer. */
export function checkResume(value: unknown, name: string): ResumeOptions | undefined {
  const attempts = (value as ResumeOptions | undefined)?.maxAttempts;
  if (value !== undefined && !(Number.isInteger(attempts) && (attempts as number) >= 0)) {
    throw new InvalidRequestError(`${name}.maxAttempts must be a non-negative integer`);
  }
  return value as ResumeOptions | undefined;
}

/** Checks a list of retry status matchers. */
export function checkRetryCodes(value: unknown, name: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((c) => typeof c === "string" && /^[1-5](\d\d|XX)$/i.test(c))
  ) {
    throw new InvalidRequestError(`${name} must be a list like ["429", "5XX"]`);
  }
  return value;
}
