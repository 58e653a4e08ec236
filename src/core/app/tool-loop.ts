/**
 * The engine of the tool loops (`chat.runTools`, `beta.conversations.runTools`):
 * stream a round, hand its events over as they come, and when the round's
 * answer calls tools, run them (together, or in order), hand the results
 * over, and stream the next round, until an answer without calls or
 * `maxRounds`. What a round is (a chat request, a conversation append) is the
 * subclass's.
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
  type ToolCallError,
  UnexpectedClientError,
} from "../errors/index.js";
import type { ToolCall } from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type PreparedTool, runCall } from "./tool-calls.js";
import type { RunToolsOptions, ToolContext } from "./tool-types.js";

const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/** One call answered: the call as the tool saw it, the result sent back, the failure. */
export interface AnsweredCall {
  readonly type: "tool.result";
  readonly round: number;
  readonly toolCall: ToolContext["toolCall"];
  readonly content: string;
  readonly error: ToolCallError | undefined;
}

/** What a round's answer asks of the loop: the calls to run (none, and not `more`: it is the final answer). */
export interface RoundEnd<R> {
  readonly response: R;
  readonly calls: readonly ToolCall[];
  /** Another round is needed even without calls to run (confirmations to send). */
  readonly more?: boolean | undefined;
}

/** The loop's settings, checked. */
export interface LoopSettings {
  readonly method: string;
  readonly maxRounds: number;
  readonly throwToolErrors: boolean;
  readonly parallel: boolean;
  readonly options: RequestOptions;
}

/** Checks the loop's own options; the rest are every round's request options. */
export function loopSettings(
  method: string,
  options: RunToolsOptions | undefined,
  parallel: boolean,
) {
  const { maxRounds = 10, toolErrors = "return", ...rest } = options ?? {};
  if (!Number.isInteger(maxRounds) || maxRounds < 1) {
    throw new InvalidRequestError(`${method}: maxRounds must be a positive integer`);
  }
  if (toolErrors !== "return" && toolErrors !== "throw") {
    throw new InvalidRequestError(`${method}: toolErrors must be "return" or "throw"`);
  }
  return { method, maxRounds, throwToolErrors: toolErrors === "throw", parallel, options: rest };
}

/** A tool loop over streams of `E`, whose rounds end with responses `R`, handing over events `V`. */
export abstract class ToolLoop<E, R, V> implements AsyncIterableIterator<V | AnsweredCall> {
  /** Rounds started so far (1-based: the round now streaming). */
  round = 0;
  protected readonly tools: Map<string, PreparedTool>;
  protected readonly settings: LoopSettings;
  /** Every round's request options: the caller's, with the loop's own signal. */
  protected readonly options: RequestOptions;
  protected readonly controller = new AbortController();
  #current: EventStream<E> | undefined;
  #queue: AnsweredCall[] = [];
  #final: R | undefined;
  #failure: MistralError | undefined;
  #closed = false;
  #iterating = false;

  protected constructor(tools: Map<string, PreparedTool>, settings: LoopSettings) {
    this.tools = tools;
    this.settings = settings;
    const signal = settings.options.signal ?? settings.options.fetchOptions?.signal ?? undefined;
    if (signal) {
      if (signal.aborted) this.controller.abort(signal.reason);
      else signal.addEventListener("abort", () => this.abort(signal.reason), { once: true });
    }
    this.options = { ...settings.options, signal: this.controller.signal };
  }

  /** Opens the stream of the next round. */
  protected abstract open(): Promise<EventStream<E>>;
  /** The event handed over for one of the round's stream events. */
  protected abstract wrap(event: E): V;
  /** Records the ended round's answer; says what it calls. */
  protected abstract settle(stream: EventStream<E>): RoundEnd<R> | Promise<RoundEnd<R>>;
  /** Records the answered calls, for the next round. */
  protected abstract answered(results: readonly AnsweredCall[]): void;
  /** The error of a loop past `maxRounds`. */
  protected abstract limitError(): MistralError;
  /** What a tool's context says of the conversation so far. */
  protected abstract context(): Record<string, unknown>;

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
  async next(): Promise<IteratorResult<V | AnsweredCall, undefined>> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      const queued = this.#queue.shift();
      if (queued) return { done: false, value: queued };
      const current = this.#current;
      if (!current || this.#closed) return { done: true, value: undefined };
      try {
        const result = await current.next();
        if (!result.done) return { done: false, value: this.wrap(result.value) };
        await this.#endRound(current);
      } catch (error) {
        this.#fail(error);
      }
    }
  }

  /** Leaves the loop early (`break` calls it): closes the round's stream. */
  async return(): Promise<IteratorResult<V | AnsweredCall, undefined>> {
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
    this.controller.abort(error);
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

  /** Runs the loop to its end and returns the last round's response (the final answer). */
  async finalResponse(): Promise<R> {
    this.#iterating = true;
    while (!(await this.next()).done) {
      // Draining: every round is recorded as it ends.
    }
    if (!this.#final)
      throw new InvalidRequestError("finalResponse(): the tool loop was closed before its end");
    return this.#final;
  }

  async #openRound(): Promise<void> {
    this.round++;
    this.#current = await this.open();
    if (this.controller.signal.aborted) this.#current.abort(this.controller.signal.reason);
  }

  /** A round's answer ended: record it, and either finish or answer its calls and go on. */
  async #endRound(stream: EventStream<E>): Promise<void> {
    this.#current = undefined;
    const { response, calls, more } = await this.#abortable(Promise.resolve(this.settle(stream)));
    if (calls.length === 0 && !more) {
      this.#final = response;
      return;
    }
    if (this.round >= this.settings.maxRounds) throw this.limitError();
    const results = await this.#abortable(this.#runCalls(calls));
    this.answered(results);
    this.#queue.push(...results);
    await this.#openRound();
  }

  async #runCalls(calls: readonly ToolCall[]): Promise<AnsweredCall[]> {
    const round = this.round;
    const one = async (call: ToolCall): Promise<AnsweredCall> => {
      const args = call.function.arguments;
      const toolCall = {
        id: call.id ?? "",
        name: call.function.name,
        arguments: typeof args === "string" ? args : JSON.stringify(args),
      };
      const context = { toolCall, round, signal: this.controller.signal, ...this.context() };
      const outcome = await runCall(this.tools, call, context as ToolContext);
      if (outcome.error && this.settings.throwToolErrors) throw outcome.error;
      return { type: "tool.result", round, toolCall, ...outcome };
    };
    if (this.settings.parallel) return Promise.all(calls.map(one));
    const results: AnsweredCall[] = [];
    for (const call of calls) results.push(await one(call));
    return results;
  }

  /** `work`, or the loop's abort, whichever comes first: a tool that ignores its signal does not hold the loop. */
  #abortable<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
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
