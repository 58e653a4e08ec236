/**
 * mistral-stream: a small, fast, correct client for the Mistral AI API.
 *
 * @module
 */

export { Mistral } from "./client.js";
export * from "./errors.js";
export {
  EventStream,
  type StreamDecoder,
  type StreamResponseInfo,
  streamDone,
} from "./event-stream.js";
export type { BackoffStrategy, RetryConfig } from "./http/retry-policy.js";
export type {
  BodyReader,
  FetchFunction,
  Transport,
  TransportRequest,
  TransportResponse,
} from "./http/transport.js";
export * from "./models/index.js";
export { type RequestOptions, type SDKOptions, ServerList } from "./options.js";
export type { ServerSentEvent } from "./sse/index.js";
