/**
 * `chat.runTools()`: the streaming tool loop. Each round streams the model's
 * answer (its chunks handed over as they come, marked with the round), and
 * when the answer calls tools, runs them (together when `parallelToolCalls`
 * allows, else in order), sends the results back as `tool` messages and
 * streams the next round, until an answer without calls or `maxRounds`.
 *
 * One `AbortController` covers the loop: `abort()` (or the caller's signal)
 * stops the round's stream, tells the running tools, and rejects the pending
 * `next()` at once; every way out closes the round's stream.
 *
 * @module
 */

import type { RequestOptions } from "../call/options.js";
import {
  InvalidRequestError,
  MistralError,
  RequestAbortedError,
  ToolLoopLimitError,
  UnexpectedClientError,
} from "../errors/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionRequestMessage,
  ChatCompletionResponse,
  CompletionEvent,
  ToolCall,
  UsageInfo,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type PreparedTool, prepareTools, runCall } from "./tool-calls.js";
import type { RunToolsOptions, ToolRunnerEvent, ToolRunnerResultEvent } from "./tool-types.js";

/** What the loop needs of the chat resource. */
export type StreamChat = (
  request: ChatCompletionRequest,
  options: RequestOptions,
) => Promise<EventStream<CompletionEvent>>;

const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

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
export class ToolRunner implements AsyncIterableIterator<ToolRunnerEvent> {
  /** The transcript: the request's messages, then each round's answer and tool results. */
  readonly messages: ChatCompletionRequestMessage[];
  /** Token usage of every round so far, added up. */
  readonly usage: UsageInfo = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  /** Rounds started so far (1-based: the round now streaming). */
  round = 0;
  readonly #stream: StreamChat;
  readonly #request: ChatCompletionRequest;
  readonly #tools: Map<string, PreparedTool>;
  readonly #options: RequestOptions;
  readonly #maxRounds: number;
  readonly #throwToolErrors: boolean;
  readonly #controller = new AbortController();
  #current: EventStream<CompletionEvent> | undefined;
  #queue: ToolRunnerResultEvent[] = [];
  #final: ChatCompletionResponse | undefined;
  #failure: MistralError | undefined;
  #closed = false;
  #iterating = false;

  /** @internal Made by `chat.runTools()`. */
  constructor(stream: StreamChat, request: unknown, options: RunToolsOptions) {
    const { maxRounds = 10, toolErrors = "return", ...rest } = options ?? {};
    if (!Number.isInteger(maxRounds) || maxRounds < 1) {
      throw new InvalidRequestError("chat.runTools: maxRounds must be a positive integer");
    }
    if (toolErrors !== "return" && toolErrors !== "throw") {
      throw new InvalidRequestError('chat.runTools: toolErrors must be "return" or "throw"');
    }
    const { tools, ...wire } = (request ?? {}) as ChatCompletionRequest & { tools?: unknown };
    if ((wire.n ?? 1) > 1) throw new InvalidRequestError("chat.runTools: n must be 1");
    if (!Array.isArray(wire.messages)) {
      throw new InvalidRequestError("chat.runTools: request.messages must be an array");
    }
    this.#tools = prepareTools(tools);
    this.#request = { ...wire, tools: [...this.#tools.values()].map((t) => t.wire) };
    this.messages = [...wire.messages];
    this.#stream = stream;
    this.#maxRounds = maxRounds;
    this.#throwToolErrors = toolErrors === "throw";
    const signal = rest.signal ?? rest.fetchOptions?.signal ?? undefined;
    if (signal) {
      if (signal.aborted) this.#controller.abort(signal.reason);
      else signal.addEventListener("abort", () => this.abort(signal.reason), { once: true });
    }
    this.#options = { ...rest, signal: this.#controller.signal };
  }

  /** @internal Opens the first round. */
  async start(): Promise<void> {
    await this.#openRound();
  }

  /** Starts the one iteration the loop allows. */
  [Symbol.asyncIterator](): this {
    if (this.#iterating)
      throw new InvalidRequestError("Iterating: this tool loop was already read");
    this.#iterating = true;
    return this;
  }

  /** The next event; rejects with the loop's typed error. */
  async next(): Promise<IteratorResult<ToolRunnerEvent, undefined>> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      const queued = this.#queue.shift();
      if (queued) return { done: false, value: queued };
      const current = this.#current;
      if (!current || this.#closed) return { done: true, value: undefined };
      try {
        const result = await current.next();
        if (!result.done)
          return {
            done: false,
            value: { type: "chunk", round: this.round, data: result.value.data },
          };
        await this.#endRound(current);
      } catch (error) {
        this.#fail(error);
      }
    }
  }

  /** Leaves the loop early (`break` calls it): closes the round's stream. */
  async return(): Promise<IteratorResult<ToolRunnerEvent, undefined>> {
    await this.close();
    return { done: true, value: undefined };
  }

  /** Stops the loop: the round's stream, the running tools (their `signal`) and a pending `next()`. */
  abort(reason?: unknown): void {
    if (this.#closed || this.#final) return;
    const error =
      reason instanceof MistralError
        ? reason
        : new RequestAbortedError("The tool loop was aborted", { cause: reason });
    this.#controller.abort(error);
    this.#current?.abort(error);
    this.#fail(error);
  }

  /** Ends the loop without error and closes the round's stream. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#current?.close();
    this.#current = undefined;
  }

  /** `await using runner = …` closes the loop when the block exits. */
  async [asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Runs the loop to its end and returns the last round's response (the
   * final answer). Its `usage` is that round's; `runner.usage` has the total.
   */
  async finalResponse(): Promise<ChatCompletionResponse> {
    this.#iterating = true;
    while (!(await this.next()).done) {
      // Draining: every round is recorded as it ends.
    }
    if (!this.#final)
      throw new InvalidRequestError("finalResponse(): the tool loop was closed before its end");
    return this.#final;
  }

  /** The text of every round's answer as it streams (choice 0). */
  async *textStream(): AsyncGenerator<string, void, undefined> {
    for await (const event of this) {
      const content = event.type === "chunk" ? event.data.choices[0]?.delta.content : undefined;
      if (typeof content === "string" && content !== "") yield content;
    }
  }

  async #openRound(): Promise<void> {
    this.round++;
    const request = { ...this.#request, messages: [...this.messages] };
    this.#current = await this.#stream(request, this.#options);
    if (this.#controller.signal.aborted) this.#current.abort(this.#controller.signal.reason);
  }

  /** A round's answer ended: record it, and either finish or answer its calls and go on. */
  async #endRound(stream: EventStream<CompletionEvent>): Promise<void> {
    const response = stream.snapshot as ChatCompletionResponse;
    this.#current = undefined;
    addUsage(this.usage, response.usage);
    const message = response.choices[0]?.message ?? { role: "assistant" as const, content: "" };
    const calls = message.toolCalls ?? [];
    this.messages.push({ ...message, role: "assistant", content: message.content ?? "" });
    if (calls.length === 0) {
      this.#final = response;
      return;
    }
    if (this.round >= this.#maxRounds)
      throw new ToolLoopLimitError(this.#maxRounds, [...this.messages]);
    const events = await this.#abortable(this.#runCalls(calls));
    for (const event of events) {
      this.messages.push({
        role: "tool",
        toolCallId: event.toolCall.id,
        name: event.toolCall.name,
        content: event.content,
      });
    }
    this.#queue.push(...events);
    await this.#openRound();
  }

  async #runCalls(calls: ToolCall[]): Promise<ToolRunnerResultEvent[]> {
    const round = this.round;
    const one = async (call: ToolCall): Promise<ToolRunnerResultEvent> => {
      const args = call.function.arguments;
      const toolCall = {
        id: call.id ?? "",
        name: call.function.name,
        arguments: typeof args === "string" ? args : JSON.stringify(args),
      };
      const context = { toolCall, round, signal: this.#controller.signal, messages: this.messages };
      const outcome = await runCall(this.#tools, call, context);
      if (outcome.error && this.#throwToolErrors) throw outcome.error;
      return { type: "tool.result", round, toolCall, ...outcome };
    };
    if (this.#request.parallelToolCalls !== false) return Promise.all(calls.map(one));
    const results: ToolRunnerResultEvent[] = [];
    for (const call of calls) results.push(await one(call));
    return results;
  }

  /** `work`, or the loop's abort, whichever comes first: a tool that ignores its signal does not hold the loop. */
  #abortable<T>(work: Promise<T>): Promise<T> {
    const signal = this.#controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  #fail(error: unknown): void {
    if (this.#failure) return;
    this.#failure =
      error instanceof MistralError
        ? error
        : new UnexpectedClientError(`The tool loop failed: ${String(error)}`, { cause: error });
    const current = this.#current;
    this.#current = undefined;
    void current?.close();
  }
}

function addUsage(total: UsageInfo, usage: UsageInfo | undefined): void {
  if (!usage) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
  total.totalTokens += usage.totalTokens;
}
