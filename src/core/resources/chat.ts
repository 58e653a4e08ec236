/**
 * `client.chat`: chat completions, streamed or whole.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { encodeChatCompletionRequest } from "../codec/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionStreamRequest,
  CompletionEvent,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type CompletionEndpoint, completeCompletion, streamCompletion } from "./completions.js";

const endpoint: CompletionEndpoint<ChatCompletionRequest> = {
  name: "chat",
  path: "/v1/chat/completions",
  required: { strings: ["model"], arrays: ["messages"] },
  encode: encodeChatCompletionRequest,
};

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
    return streamCompletion(this.#core, endpoint, request, options);
  }

  /** Sends a chat completion and returns the whole answer. */
  async complete(
    request: ChatCompletionRequest,
    options?: RequestOptions,
  ): Promise<ChatCompletionResponse> {
    return completeCompletion(this.#core, endpoint, request, options);
  }
}
