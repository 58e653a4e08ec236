/**
 * `client.beta.conversations`: the Conversations API, with the official
 * client's method names. A stream is an `EventStream` of named events
 * (`{ event, data }`) that ends at `conversation.response.done`; its
 * `finalResponse()` is what the non-stream call returns. The calls live in
 * `core/conversations/`, loaded with the first one.
 *
 * @module
 */

import type { ConversationToolRunner } from "../app/conversation-runner.js";
import type { SchemaLike } from "../app/schema-types.js";
import type {
  ConversationRunToolsOptions,
  ConversationRunToolsRequest,
} from "../app/tool-types.js";
import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  AgentsApiV1ConversationsAppendRequest,
  AgentsApiV1ConversationsAppendStreamRequest,
  AgentsApiV1ConversationsGetRequest,
  AgentsApiV1ConversationsListRequest,
  AgentsApiV1ConversationsListResponse,
  AgentsApiV1ConversationsRestartRequest,
  AgentsApiV1ConversationsRestartStreamRequest,
  ConversationAppendStreamRequest,
  ConversationEvents,
  ConversationHistory,
  ConversationMessages,
  ConversationRequest,
  ConversationResponse,
  ConversationStreamRequest,
  ResponseV1ConversationsGet,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { forward } from "./lazy-calls.js";

const app = () => import("../app/index.js");

/** Conversations (`/v1/conversations`). */
export class Conversations {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Starts a conversation with a model (`model`) or an agent (`agentId`) and returns the answer. */
  async start(
    request: ConversationRequest,
    options?: RequestOptions,
  ): Promise<ConversationResponse> {
    return forward("conversationCalls", "start", this.#core, request, options);
  }

  /**
   * Starts a conversation and streams the answer: `conversation.response.started`,
   * the outputs' events, then `conversation.response.done` (the stream's end).
   */
  async startStream(
    request: ConversationStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<ConversationEvents>> {
    return forward("conversationCalls", "startStream", this.#core, request, options);
  }

  /** Appends entries (a message, function results, confirmations) and returns the answer. */
  async append(
    request: AgentsApiV1ConversationsAppendRequest,
    options?: RequestOptions,
  ): Promise<ConversationResponse> {
    return forward("conversationCalls", "append", this.#core, request, options);
  }

  /** Appends entries and streams the answer. */
  async appendStream(
    request: AgentsApiV1ConversationsAppendStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<ConversationEvents>> {
    return forward("conversationCalls", "appendStream", this.#core, request, options);
  }

  /** Starts a new conversation from one entry of this one (`fromEntryId`) and returns the answer. */
  async restart(
    request: AgentsApiV1ConversationsRestartRequest,
    options?: RequestOptions,
  ): Promise<ConversationResponse> {
    return forward("conversationCalls", "restart", this.#core, request, options);
  }

  /** Restarts from one entry and streams the answer. */
  async restartStream(
    request: AgentsApiV1ConversationsRestartStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<ConversationEvents>> {
    return forward("conversationCalls", "restartStream", this.#core, request, options);
  }

  /** Lists conversations, newest first. */
  async list(
    request?: AgentsApiV1ConversationsListRequest,
    options?: RequestOptions,
  ): Promise<AgentsApiV1ConversationsListResponse[]> {
    return forward("conversationCalls", "list", this.#core, request, options);
  }

  /** One conversation's settings. */
  async get(
    request: AgentsApiV1ConversationsGetRequest,
    options?: RequestOptions,
  ): Promise<ResponseV1ConversationsGet> {
    return forward("conversationCalls", "get", this.#core, request, options);
  }

  /** Deletes a conversation. */
  async delete(
    request: AgentsApiV1ConversationsGetRequest,
    options?: RequestOptions,
  ): Promise<void> {
    return forward("conversationCalls", "delete", this.#core, request, options);
  }

  /** Every entry of a conversation, in order. */
  async getHistory(
    request: AgentsApiV1ConversationsGetRequest,
    options?: RequestOptions,
  ): Promise<ConversationHistory> {
    return forward("conversationCalls", "getHistory", this.#core, request, options);
  }

  /** The messages of a conversation, in order. */
  async getMessages(
    request: AgentsApiV1ConversationsGetRequest,
    options?: RequestOptions,
  ): Promise<ConversationMessages> {
    return forward("conversationCalls", "getMessages", this.#core, request, options);
  }

  /**
   * A streaming tool loop over a conversation: starts it, runs the function
   * tools it calls (`run` of each, with validated arguments), appends the
   * results and streams the next answer, until an answer without calls or
   * `maxRounds`. Calls waiting for a confirmation go to `options.confirm`.
   * With `agentId`, the agent's own tools are used and only their code is
   * given here.
   */
  async runTools<const S extends readonly SchemaLike[]>(
    request: ConversationRunToolsRequest<S>,
    options?: ConversationRunToolsOptions,
  ): Promise<ConversationToolRunner> {
    const streams = {
      start: (r: ConversationRequest, o: RequestOptions) => this.startStream(r, o),
      append: (conversationId: string, body: ConversationAppendStreamRequest, o: RequestOptions) =>
        this.appendStream({ conversationId, conversationAppendStreamRequest: body }, o),
    };
    return (await app()).runConversationTools(streams, request, options);
  }
}
