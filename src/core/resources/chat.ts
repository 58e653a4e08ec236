/**
 * `client.chat`: chat completions, streamed or whole.
 *
 * @module
 */

import type { ParsedEventStream } from "../app/parse-stream.js";
import type {
  ParsedChatCompletionRequest,
  ParsedChatCompletionResponse,
} from "../app/parse-types.js";
import type { InferSchema, SchemaLike } from "../app/schema-types.js";
import type { ToolRunner } from "../app/tool-runner.js";
import type { RunToolsOptions, RunToolsRequest } from "../app/tool-types.js";
import type { ApiCore } from "../call/api-core.js";
import { checkResume, type RequestOptions } from "../call/options.js";
import { encodeChatCompletionRequest } from "../codec/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionStreamRequest,
  CompletionEvent,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type CompletionEndpoint, completeCompletion, streamCompletion } from "./completions.js";

/** The app layer (structured output, the tool loop, resuming), loaded on first use. */
const app = () => import("../app/index.js");

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
   * With `resume` (per call or on the client), a stream cut mid-answer is
   * resumed from where its text stopped.
   */
  async stream(
    request: ChatCompletionStreamRequest,
    options?: RequestOptions,
  ): Promise<EventStream<CompletionEvent>> {
    const core = this.#core;
    const attempts = this.#resumeAttempts(options);
    if (!attempts) return streamCompletion(core, endpoint, request, options);
    const open = (r: ChatCompletionStreamRequest, o: RequestOptions | undefined) =>
      streamCompletion(core, endpoint, r, o);
    const limits = { maxAttempts: attempts, totalMs: core.totalTimeoutMs(options) };
    return (await app()).streamResuming(open, request, options, limits);
  }

  /** How many resumes a stream may make: the call's `resume`, else the client's. */
  #resumeAttempts(options: RequestOptions | undefined): number {
    return (checkResume(options?.resume, "options.resume") ?? this.#core.resume)?.maxAttempts ?? 0;
  }

  /** Sends a chat completion and returns the whole answer. */
  async complete(
    request: ChatCompletionRequest,
    options?: RequestOptions,
  ): Promise<ChatCompletionResponse> {
    return completeCompletion(this.#core, endpoint, request, options);
  }

  /**
   * Structured output: sends `responseFormat` (a zod 4 schema, any Standard
   * Schema that gives a JSON Schema, or a plain JSON Schema) as a strict
   * `json_schema` format and returns the response with each choice's reply
   * validated in `message.parsed`, typed from the schema. A reply that is not
   * JSON or does not fit rejects with `StructuredOutputError`.
   */
  async parse<S extends SchemaLike>(
    request: ParsedChatCompletionRequest<S>,
    options?: RequestOptions,
  ): Promise<ParsedChatCompletionResponse<InferSchema<S>>> {
    const complete = (r: ChatCompletionRequest, o: RequestOptions | undefined) =>
      this.complete(r, o);
    return (await app()).parseChat(complete, request, options);
  }

  /**
   * Structured output, streamed: the events of `chat.stream()`, each with
   * `partial` (what the reply so far parses to), `partialObjectStream()`, and
   * a `finalResponse()` validated as `parse()`'s is. Resumed after a drop
   * with `resume`, as `stream()` is.
   */
  async parseStream<S extends SchemaLike>(
    request: ParsedChatCompletionRequest<S>,
    options?: RequestOptions,
  ): Promise<ParsedEventStream<InferSchema<S>>> {
    const attempts = this.#resumeAttempts(options);
    return (await app()).parseChatStream(this.#core, endpoint, request, options, attempts);
  }

  /**
   * A streaming tool loop: streams each round's answer, runs the tools it
   * calls (`run` of each tool, with validated arguments), sends the results
   * back and goes on until an answer without tool calls, or `maxRounds`
   * (default 10, then `ToolLoopLimitError`). Resolves once the first round's
   * headers are in; iterate the runner for every round's events, or await
   * `runner.finalResponse()`.
   */
  async runTools<const S extends readonly SchemaLike[]>(
    request: RunToolsRequest<S>,
    options?: RunToolsOptions,
  ): Promise<ToolRunner> {
    const stream = (r: ChatCompletionRequest, o: RequestOptions) => this.stream(r, o);
    return (await app()).runTools(stream, request, options);
  }
}
