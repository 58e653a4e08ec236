/**
 * `chat.parse()` and `chat.parseStream()`, loaded on first use.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type { ResponseMeta } from "../errors/index.js";
import type { ChatCompletionRequest, ChatCompletionResponse } from "../models/index.js";
import { checkRequest } from "../resources/check-request.js";
import type { CompletionEndpoint } from "../resources/completions.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import type { StreamDecoder } from "../stream/types.js";
import { ParsedEventStream } from "./parse-stream.js";
import type { ParsedChatCompletionResponse, ParsedCompletionEvent } from "./parse-types.js";
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

/** `chat.parseStream()`: a chat stream with partial values and a validated final response. */
export async function parseChatStream<T>(
  core: ApiCore,
  endpoint: CompletionEndpoint<ChatCompletionRequest>,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<ParsedEventStream<T>> {
  const { request: wire, schema } = structuredRequest(request, "chat.parseStream");
  checkRequest(wire, "chat.parseStream", endpoint.required);
  return core.openStream(
    { method: "POST", path: endpoint.path, body: endpoint.encode(wire, true) },
    (response: ResponseMeta): StreamDecoder<ParsedCompletionEvent<T>> =>
      new ChatChunkDecoder(response),
    options,
    (init) => new ParsedEventStream<T>(init, schema),
  );
}
