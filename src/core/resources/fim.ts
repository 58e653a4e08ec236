/**
 * `client.fim`: fill-in-the-middle code completions (Codestral), streamed or
 * whole. Streams and answers have the chat shapes.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { encodeFimCompletionRequest } from "../codec/index.js";
import type {
  CompletionEvent,
  FIMCompletionRequest,
  FIMCompletionResponse,
  FIMCompletionStreamRequest,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type CompletionEndpoint, completeCompletion, streamCompletion } from "./completions.js";

const endpoint: CompletionEndpoint<FIMCompletionRequest> = {
  name: "fim",
  path: "/v1/fim/completions",
  required: { strings: ["model", "prompt"] },
  encode: encodeFimCompletionRequest,
};

/** Fill-in-the-middle completions (`POST /v1/fim/completions`). */
export class Fim {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Streams a completion of `prompt` (before the cursor) up to `suffix` (after it). */
  async stream(
    request: FIMCompletionStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<CompletionEvent>> {
    return streamCompletion(this.#core, endpoint, request, options);
  }

  /** Returns the whole completion. */
  async complete(
    request: FIMCompletionRequest,
    options?: RequestOptions,
  ): Promise<FIMCompletionResponse> {
    return completeCompletion(this.#core, endpoint, request, options);
  }
}
