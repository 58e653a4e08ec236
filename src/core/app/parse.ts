/**
 * `chat.parse()` and `chat.parseStream()`, loaded on first use.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  CompletionEvent,
} from "../models/index.js";
import { checkRequest } from "../resources/check-request.js";
import { type CompletionEndpoint, streamCompletion } from "../resources/completions.js";
import type { EventStreamInit } from "../stream/types.js";
import { ParsedEventStream } from "./parse-stream.js";
import type { ParsedChatCompletionResponse } from "./parse-types.js";
import { streamResuming } from "./resume.js";
import { parseResponse, structuredRequest } from "./structured.js";

/** What `chat.parse()` needs of the resource. */
export type CompleteChat = (
  request: ChatCompletionRequest,
  options: RequestOptions | undefined,
) => Promise<ChatCompletionResponse>;

/** `chat.parse()`: the completion, each choice's reply validated into `message.parsed`. */
export async function parseChat<T>(
  complete: CompleteChat,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<ParsedChatCompletionResponse<T>> {
  const structured = structuredRequest(request, "chat.parse");
  return parseResponse<T>(await complete(structured.request, options), structured.schema);
}

/**
 * `chat.parseStream()`: a chat stream with partial values and a validated
 * final response; resumed after a drop up to `resumeAttempts` times.
 */
export async function parseChatStream<T>(
  core: ApiCore,
  endpoint: CompletionEndpoint<ChatCompletionRequest>,
  request: unknown,
  options: RequestOptions | undefined,
  resumeAttempts = 0,
): Promise<ParsedEventStream<T>> {
  const { request: wire, schema } = structuredRequest(request, "chat.parseStream");
  // Checked here too, so a refusal names the method called.
  checkRequest(wire, "chat.parseStream", endpoint.required);
  const make = (init: EventStreamInit<CompletionEvent>) => new ParsedEventStream<T>(init, schema);
  if (resumeAttempts === 0) return streamCompletion(core, endpoint, wire, options, make);
  const open = (r: ChatCompletionRequest, o: RequestOptions | undefined) =>
    streamCompletion(core, endpoint, r, o);
  const limits = { maxAttempts: resumeAttempts, totalMs: core.totalTimeoutMs(options) };
  return streamResuming(open, wire, options, limits, make);
}
