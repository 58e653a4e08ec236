/**
 * `chat.runTools()`: the streaming tool loop over chat completions (the
 * engine is `tool-loop.ts`). Each round sends the transcript so far; an
 * answer's tool calls are answered with `tool` messages.
 *
 * @module
 */

import type { RequestOptions } from "../call/options.js";
import { InvalidRequestError, type MistralError, ToolLoopLimitError } from "../errors/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionRequestMessage,
  ChatCompletionResponse,
  CompletionEvent,
  UsageInfo,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { prepareTools } from "./tool-calls.js";
import { type AnsweredCall, loopSettings, type RoundEnd, ToolLoop } from "./tool-loop.js";
import type { RunToolsOptions, ToolRunnerChunkEvent } from "./tool-types.js";

/** What the loop needs of the chat resource. */
export type StreamChat = (
  request: ChatCompletionRequest,
  options: RequestOptions,
) => Promise<EventStream<CompletionEvent>>;

/** Starts the loop; resolves once the first round's response headers are in. */
export async function runTools(
  stream: StreamChat,
  request: unknown,
  options: RunToolsOptions = {},
): Promise<ToolRunner> {
  const runner = new ToolRunner(stream, request, options);
  await runner.start();
  return runner;
}

/**
 * The tool loop, iterated once: `for await` gives every round's chunks
 * (`type: "chunk"`) and each answered call (`type: "tool.result"`). At the
 * end: `finalResponse()`, `messages` (the whole transcript) and `usage` (every
 * round's, added up).
 */
export class ToolRunner extends ToolLoop<
  CompletionEvent,
  ChatCompletionResponse,
  ToolRunnerChunkEvent
> {
  /** The transcript: the request's messages, then each round's answer and tool results. */
  readonly messages: ChatCompletionRequestMessage[];
  /** Token usage of every round so far, added up. */
  readonly usage: UsageInfo = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  readonly #stream: StreamChat;
  readonly #request: ChatCompletionRequest;

  /** @internal Made by `chat.runTools()`. */
  constructor(stream: StreamChat, request: unknown, options: RunToolsOptions) {
    const { tools, ...wire } = (request ?? {}) as ChatCompletionRequest & { tools?: unknown };
    const settings = loopSettings("chat.runTools", options, wire.parallelToolCalls !== false);
    if ((wire.n ?? 1) > 1) throw new InvalidRequestError("chat.runTools: n must be 1");
    if (!Array.isArray(wire.messages)) {
      throw new InvalidRequestError("chat.runTools: request.messages must be an array");
    }
    const prepared = prepareTools(tools, "chat.runTools");
    super(prepared, settings);
    this.#request = { ...wire, tools: [...prepared.values()].map((t) => t.wire) };
    this.messages = [...wire.messages];
    this.#stream = stream;
  }

  /** The text of every round's answer as it streams (choice 0). */
  async *textStream(): AsyncGenerator<string, void, undefined> {
    for await (const event of this) {
      const content = event.type === "chunk" ? event.data.choices[0]?.delta.content : undefined;
      if (typeof content === "string" && content !== "") yield content;
    }
  }

  protected open(): Promise<EventStream<CompletionEvent>> {
    return this.#stream({ ...this.#request, messages: [...this.messages] }, this.options);
  }

  protected wrap(event: CompletionEvent): ToolRunnerChunkEvent {
    return { type: "chunk", round: this.round, data: event.data };
  }

  protected settle(stream: EventStream<CompletionEvent>): RoundEnd<ChatCompletionResponse> {
    const response = stream.snapshot as ChatCompletionResponse;
    addUsage(this.usage, response.usage);
    const message = response.choices[0]?.message ?? { role: "assistant" as const, content: "" };
    this.messages.push({ ...message, role: "assistant", content: message.content ?? "" });
    return { response, calls: message.toolCalls ?? [] };
  }

  protected answered(results: readonly AnsweredCall[]): void {
    for (const { toolCall, content } of results) {
      this.messages.push({ role: "tool", toolCallId: toolCall.id, name: toolCall.name, content });
    }
  }

  protected limitError(): MistralError {
    return new ToolLoopLimitError(this.settings.maxRounds, [...this.messages]);
  }

  protected context(): Record<string, unknown> {
    return { messages: this.messages };
  }
}

/** Adds `usage` to `total`. */
export function addUsage(total: UsageInfo, usage: UsageInfo | undefined): void {
  if (!usage) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
  total.totalTokens += usage.totalTokens;
}
