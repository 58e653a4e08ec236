/**
 * `client.agents`: completions run by a configured agent, streamed or whole.
 * Streams and answers have the chat shapes.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { encodeAgentsCompletionRequest } from "../codec/index.js";
import type {
  AgentsCompletionRequest,
  AgentsCompletionStreamRequest,
  ChatCompletionResponse,
  CompletionEvent,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type CompletionEndpoint, completeCompletion, streamCompletion } from "./completions.js";

const endpoint: CompletionEndpoint<AgentsCompletionRequest> = {
  name: "agents",
  path: "/v1/agents/completions",
  required: { strings: ["agentId"], arrays: ["messages"] },
  encode: encodeAgentsCompletionRequest,
};

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
    return streamCompletion(this.#core, endpoint, request, options);
  }

  /** Returns the agent's whole answer. */
  async complete(
    request: AgentsCompletionRequest,
    options?: RequestOptions,
  ): Promise<ChatCompletionResponse> {
    return completeCompletion(this.#core, endpoint, request, options);
  }
}
