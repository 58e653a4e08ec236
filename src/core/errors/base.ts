/**
 * The root of the hierarchy, and what every error may know about the response.
 *
 * @module
 */

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

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
