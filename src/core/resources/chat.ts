/**
 * `client.chat`: chat completions, streamed or whole.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeChatCompletionResponse, encodeChatCompletionRequest } from "../codec/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionStreamRequest,
  CompletionEvent,
} from "../models/index.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import type { EventStream } from "../stream/event-stream.js";
import { checkRequest, expectObject } from "./check-request.js";

const path = "/v1/chat/completions";

/** Chat completions (`POST /v1/chat/completions`). */
export class Chat {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /**
   * Streams a chat completion. Resolves once the response headers are in (an
   * HTTP error rejects here, before any iteration); the stream then yields one
   * `{ data: CompletionChunk }` per server event and ends at `data: [DONE]`.
   * Use `await using` or iterate to the end so the connection is released.
   */
  async stream(
    request: ChatCompletionStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<CompletionEvent>> {
    checkRequest(request, "chat.stream");
    const body = encodeChatCompletionRequest(request, true);
    return this.#core.openStream({ method: "POST", path, body }, new ChatChunkDecoder(), options);
  }

  /** Sends a chat completion and returns the whole answer. */
  async complete(
    request: ChatCompletionRequest,
    options?: RequestOptions,
  ): Promise<ChatCompletionResponse> {
    checkRequest(request, "chat.complete");
    const body = encodeChatCompletionRequest(request, false);
    const wire = await this.#core.requestJson({ method: "POST", path, body }, options);
    return decodeChatCompletionResponse(expectObject(wire, "chat.complete"));
  }
}
