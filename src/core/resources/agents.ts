/**
 * `client.agents`: completions run by a configured agent, streamed or whole.
 * Streams and answers have the chat shapes.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeChatCompletionResponse, encodeAgentsCompletionRequest } from "../codec/index.js";
import type {
  AgentsCompletionRequest,
  AgentsCompletionStreamRequest,
  ChatCompletionResponse,
  CompletionEvent,
} from "../models/index.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import type { EventStream } from "../stream/event-stream.js";
import { checkRequest, expectObject } from "./check-request.js";

const path = "/v1/agents/completions";
const required = { strings: ["agentId"], arrays: ["messages"] } as const;

/** Agents completions (`POST /v1/agents/completions`). */
export class Agents {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Streams the agent's answer, as `chat.stream()` does. */
  async stream(
    request: AgentsCompletionStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<CompletionEvent>> {
    checkRequest(request, "agents.stream", required);
    const body = encodeAgentsCompletionRequest(request, true);
    return this.#core.openStream({ method: "POST", path, body }, new ChatChunkDecoder(), options);
  }

  /** Returns the agent's whole answer. */
  async complete(
    request: AgentsCompletionRequest,
    options?: RequestOptions,
  ): Promise<ChatCompletionResponse> {
    checkRequest(request, "agents.complete", required);
    const body = encodeAgentsCompletionRequest(request, false);
    const wire = await this.#core.requestJson({ method: "POST", path, body }, options);
    return decodeChatCompletionResponse(expectObject(wire, "agents.complete"));
  }
}
