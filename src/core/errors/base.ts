/**
 * The root of the hierarchy, and what every error may know about the call:
 * the response it belongs to and, for a stream, what had arrived.
 *
 * @module
 */

import type { ChatCompletionResponse } from "../models/chat-response.js";
import type { ConversationResponse } from "../models/conversations.js";

/** The parts of an HTTP response an error keeps. */
export interface ResponseMeta {
  /** HTTP status of the response. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** One header's value without making `headers`, where the transport can. */
  readonly header?: ((name: string) => string | null) | undefined;
  /** The `fetch` `Response`, when the transport is fetch-based. */
  readonly raw?: Response | undefined;
}

/** What a stream had delivered when it failed. */
export interface PartialResult {
  /** Answer text of choice 0 received so far (thinking excluded). */
  readonly text: string;
  /** Number of events decoded so far. */
  readonly events: number;
  /** The last usage block seen, if any (public camelCase shape). */
  readonly usage: unknown;
  /**
   * The response so far, in the shape `chat.complete()` returns (every choice,
   * tool calls, thinking), for chat, FIM and agents streams.
   */
  readonly response?: ChatCompletionResponse | undefined;
  /** The answer so far, in the shape the non-stream call returns, for conversation streams. */
  readonly conversation?: ConversationResponse | undefined;
}

/** Common constructor options of every {@link MistralError}. */
export interface MistralErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** The response the error belongs to, if its headers had arrived. */
  response?: ResponseMeta | undefined;
  /** Whether repeating the same request is safe and may succeed. */
  retryable?: boolean | undefined;
}

/**
 * One response header's value, or `null`, read through the transport's
 * `header(name)` where it has one, so that no `Headers` is made (on Node the
 * first costs ~20 ms of CPU), else through `headers.get(name)`.
 */
export function headerOf(response: ResponseMeta, name: string): string | null {
  return response.header ? response.header(name) : response.headers.get(name);
}

/** Reads the request id the API returns in its response headers. */
export function readRequestId(response: ResponseMeta | undefined): string | undefined {
  if (!response) return undefined;
  return (
    headerOf(response, "mistral-correlation-id") ??
    headerOf(response, "x-request-id") ??
    headerOf(response, "request-id") ??
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

  /** Builds an error; `options.response` fills in `statusCode`, `headers` and `requestId`. */
  constructor(message: string, options: MistralErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = options.response?.status;
    this.headers = options.response?.headers;
    this.requestId = readRequestId(options.response);
    this.retryable = options.retryable ?? false;
  }
}
