/**
 * `client.fim`: fill-in-the-middle code completions (Codestral), streamed or
 * whole. Streams and answers have the chat shapes.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeFimCompletionResponse, encodeFimCompletionRequest } from "../codec/index.js";
import type {
  CompletionEvent,
  FIMCompletionRequest,
  FIMCompletionResponse,
  FIMCompletionStreamRequest,
} from "../models/index.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import type { EventStream } from "../stream/event-stream.js";
import { checkRequest, expectObject } from "./check-request.js";

const path = "/v1/fim/completions";
const required = { strings: ["model", "prompt"] } as const;

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
    checkRequest(request, "fim.stream", required);
    const body = encodeFimCompletionRequest(request, true);
    return this.#core.openStream({ method: "POST", path, body }, new ChatChunkDecoder(), options);
  }

  /** Returns the whole completion. */
  async complete(
    request: FIMCompletionRequest,
    options?: RequestOptions,
  ): Promise<FIMCompletionResponse> {
    checkRequest(request, "fim.complete", required);
    const body = encodeFimCompletionRequest(request, false);
    const wire = await this.#core.requestJson({ method: "POST", path, body }, options);
    return decodeFimCompletionResponse(expectObject(wire, "fim.complete"));
  }
}
