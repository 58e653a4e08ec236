/**
 * mistral-stream: a small, fast, correct client for the Mistral AI API.
 *
 * @module
 */

export type { ConversationToolRunner } from "./app/conversation-runner.js";
export type { ParsedEventStream } from "./app/parse-stream.js";
export type {
  ParsedAssistantMessage,
  ParsedChatCompletionChoice,
  ParsedChatCompletionRequest,
  ParsedChatCompletionResponse,
  ParsedCompletionEvent,
} from "./app/parse-types.js";
export type {
  DeepPartial,
  FromJsonSchema,
  FromObject,
  FromTypeName,
  InferSchema,
  JsonSchemaObject,
  RequiredKeys,
  SchemaLike,
  Simplify,
  StandardResult,
  StandardSchema,
} from "./app/schema-types.js";
export type { AnsweredCall } from "./app/tool-loop.js";
export type { ToolRunner } from "./app/tool-runner.js";
export type {
  ConversationRunnerEvent,
  ConversationRunTool,
  ConversationRunToolsOptions,
  ConversationRunToolsRequest,
  RunnableTool,
  RunToolsOptions,
  RunToolsRequest,
  ToolContext,
  ToolRunnerChunkEvent,
  ToolRunnerEvent,
  ToolRunnerResultEvent,
} from "./app/tool-types.js";
export type { FetchInit } from "./call/fetch-init.js";
export type { HeadersLike } from "./call/headers.js";
export type {
  RequestOptions,
  ResumeOptions,
  SDKOptions,
} from "./call/options.js";
export { SDK_METADATA } from "./call/sdk-metadata.js";
export {
  ServerEu,
  ServerGlobal,
  ServerList,
  ServerUs,
  serverURLFromOptions,
} from "./call/servers.js";
export { Mistral } from "./client.js";
export type { AgentPages } from "./conversations/index.js";
export {
  BadRequestError,
  ConnectionError,
  EventTooLargeError,
  ForbiddenError,
  HTTPClientError,
  HTTPValidationError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  MistralError,
  type MistralErrorOptions,
  NotFoundError,
  type PartialResult,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  type RequestTimeoutErrorOptions,
  type ResponseMeta,
  ResponseValidationError,
  type SchemaIssue,
  SDKError,
  type SDKErrorOptions,
  SDKValidationError,
  ServerError,
  StreamBufferOverflowError,
  StreamError,
  type StreamErrorOptions,
  StreamServerError,
  StructuredOutputError,
  type StructuredOutputErrorOptions,
  type TimeoutPhase,
  ToolCallError,
  type ToolCallErrorOptions,
  type ToolCallFailure,
  ToolLoopLimitError,
  UnauthorizedError,
  UnexpectedClientError,
  type ValidationErrorDetail,
} from "./errors/index.js";
// The official client's upload helpers, under the same name.
export { files } from "./file-helpers.js";
// The function API's client and result (also at `mistral-stream/core.js`).
export { MistralCore } from "./fp/core.js";
// Also at `mistral-stream/types/fp.js`, as the official client has them.
export { ERR, OK, type Result, settle, unwrap, unwrapAsync } from "./fp/result.js";
export type { Logger } from "./http/debug-log.js";
// `HTTPClient` (also at `mistral-stream/lib/http.js`): hooks around each attempt.
export {
  type Awaitable,
  type BeforeRequestHook,
  type Fetcher,
  type HookName,
  HTTPClient,
  type HTTPClientLike,
  type HTTPClientOptions,
  type RequestErrorHook,
  type ResponseHook,
} from "./http/http-client.js";
// The predicates of the official `lib/http.js`, for hooks written against it.
export {
  isAbortError,
  isConnectionError,
  isTimeoutError,
  matchContentType,
  matchResponse,
  matchStatusCode,
  type StatusCodePattern,
} from "./http/http-matchers.js";
export type { BackoffStrategy, RetryConfig } from "./http/retry-policy.js";
export {
  type BodyReader,
  createFetchTransport,
  type FetchFunction,
  type RequestBody,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from "./http/transport.js";
export * from "./models/index.js";
export { Agents } from "./resources/agents.js";
export { type Audio, Speech, Transcriptions } from "./resources/audio.js";
export { type Batch, Jobs } from "./resources/batch.js";
export type { Beta } from "./resources/beta.js";
export { BetaAgents } from "./resources/beta-agents.js";
export { Chat } from "./resources/chat.js";
export { Classifiers } from "./resources/classifiers.js";
export { Conversations } from "./resources/conversations.js";
export { Embeddings } from "./resources/embeddings.js";
export { Files } from "./resources/files.js";
export { Fim } from "./resources/fim.js";
export { type ListModelsRequest, Models, type RetrieveModelRequest } from "./resources/models.js";
export { Ocr } from "./resources/ocr.js";
export type { ServerSentEvent } from "./sse/index.js";
export type { FinalResponseOf } from "./stream/event-stream.js";
export { EventStream } from "./stream/exported-stream.js";
export type { TeeOptions } from "./stream/on-demand.js";
export type { RelayReadOptions } from "./stream/relay-in.js";
export type { RelayedError } from "./stream/relay-receive.js";
export { speechAudio } from "./stream/speech-audio.js";
export type { StreamStats } from "./stream/stats.js";
export {
  type StreamDecoder,
  type StreamEnd,
  type StreamResponseInfo,
  type StreamSnapshot,
  streamDone,
} from "./stream/types.js";
export { version } from "./version.js";
