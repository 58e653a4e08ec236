/**
 * `beta.conversations.runTools()`: the tool loop over a conversation (the
 * engine is `tool-loop.ts`). The first round starts the conversation; an
 * answer's `function.call` entries are run and answered with
 * `function.result` entries appended to it (with the confirmations of calls
 * that wait for one), until an answer without calls.
 *
 * @module
 */

import type { RequestOptions } from "../call/options.js";
import { type MistralError, ToolLoopLimitError } from "../errors/index.js";
import type {
  ConversationAppendStreamRequest,
  ConversationEntry,
  ConversationEvents,
  ConversationRequest,
  ConversationResponse,
  ConversationUsageInfo,
  FunctionCallEntry,
  InputEntries,
  ToolCall,
  ToolCallConfirmation,
} from "../models/index.js";
import type { EventStream } from "../stream/event-stream.js";
import { type PreparedTool, prepareTools } from "./tool-calls.js";
import { type AnsweredCall, loopSettings, type RoundEnd, ToolLoop } from "./tool-loop.js";
import type { ConversationRunnerEvent, ConversationRunToolsOptions } from "./tool-types.js";

const method = "beta.conversations.runTools";

/** What the loop needs of the conversations resource. */
export interface ConversationStreams {
  start(
    request: ConversationRequest,
    options: RequestOptions,
  ): Promise<EventStream<ConversationEvents>>;
  append(
    conversationId: string,
    request: ConversationAppendStreamRequest,
    options: RequestOptions,
  ): Promise<EventStream<ConversationEvents>>;
}

/** Starts the loop; resolves once the first round's response headers are in. */
export async function runConversationTools(
  streams: ConversationStreams,
  request: unknown,
  options: ConversationRunToolsOptions = {},
): Promise<ConversationToolRunner> {
  const runner = new ConversationToolRunner(streams, request, options);
  await runner.start();
  return runner;
}

/**
 * A conversation's tool loop, iterated once: `for await` gives every round's
 * events (`type: "event"`) and each answered call (`type: "tool.result"`). At
 * the end: `finalResponse()` (the last round's), `conversationId`, `entries`
 * and `usage` (every round's, added up).
 */
export class ConversationToolRunner extends ToolLoop<
  ConversationEvents,
  ConversationResponse,
  ConversationRunnerEvent
> {
  /** The conversation's id, once the first round started it. */
  conversationId = "";
  /** The entries of the loop so far: each round's outputs and the results sent back. */
  readonly entries: ConversationEntry[] = [];
  /** Usage of every round so far, added up. */
  readonly usage: ConversationUsageInfo = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  readonly #streams: ConversationStreams;
  readonly #request: ConversationRequest;
  readonly #confirm: ConversationRunToolsOptions["confirm"];
  #next: { inputs: InputEntries[]; confirmations: ToolCallConfirmation[] } | undefined;

  /** @internal Made by `beta.conversations.runTools()`. */
  constructor(
    streams: ConversationStreams,
    request: unknown,
    options: ConversationRunToolsOptions,
  ) {
    const { confirm, ...rest } = options ?? {};
    const { tools, ...wire } = (request ?? {}) as ConversationRequest & { tools?: unknown };
    const all = Array.isArray(tools) ? (tools as Array<{ run?: unknown }>) : [];
    const runnable = all.filter((tool) => typeof tool?.run === "function");
    // Functions are optional when there are built-in tools or an agent: the
    // loop then runs for their confirmations. Nothing at all is a mistake.
    const prepared =
      runnable.length > 0 || (all.length === 0 && !wire.agentId)
        ? prepareTools(runnable, method)
        : new Map<string, PreparedTool>();
    super(prepared, loopSettings(method, rest, true));
    const builtIn = all.filter((tool) => typeof tool?.run !== "function");
    const wired = [...prepared.values()].map((t) => t.wire);
    // An agent has its tools already: its functions' code runs here, nothing is sent.
    this.#request = wire.agentId ? wire : { ...wire, tools: [...wired, ...builtIn] as never };
    this.#streams = streams;
    this.#confirm = confirm;
  }

  /** The text of every round's messages as they stream. */
  async *textStream(): AsyncGenerator<string, void, undefined> {
    for await (const event of this) {
      if (event.type !== "event" || event.data.type !== "message.output.delta") continue;
      const content = event.data.content;
      const text =
        typeof content === "string" ? content : content.type === "text" ? content.text : "";
      if (text) yield text;
    }
  }

  protected open(): Promise<EventStream<ConversationEvents>> {
    const next = this.#next;
    if (!next) return this.#streams.start(this.#request, this.options);
    const body: ConversationAppendStreamRequest = { inputs: next.inputs };
    if (next.confirmations.length > 0) body.toolConfirmations = next.confirmations;
    if (this.#request.handoffExecution) body.handoffExecution = this.#request.handoffExecution;
    if (this.#request.completionArgs) body.completionArgs = this.#request.completionArgs;
    return this.#streams.append(this.conversationId, body, this.options);
  }

  protected wrap(event: ConversationEvents): ConversationRunnerEvent {
    return { type: "event", round: this.round, event: event.event, data: event.data };
  }

  protected async settle(
    stream: EventStream<ConversationEvents>,
  ): Promise<RoundEnd<ConversationResponse>> {
    const response = stream.snapshot as ConversationResponse;
    this.conversationId ||= response.conversationId;
    this.entries.push(...response.outputs);
    addUsage(this.usage, response.usage);
    const calls: ToolCall[] = [];
    const confirmations: ToolCallConfirmation[] = [];
    for (const entry of response.outputs) {
      if (entry.type !== "function.call") continue;
      const call = entry as FunctionCallEntry;
      if (call.confirmationStatus === "pending") {
        if (!this.#confirm) return { response, calls: [] };
        const allowed = await this.#confirm(call);
        confirmations.push({
          toolCallId: call.toolCallId,
          confirmation: allowed ? "allow" : "deny",
        });
        continue;
      }
      if (call.confirmationStatus === "denied") continue;
      const args = call.arguments;
      calls.push({
        id: call.toolCallId,
        type: "function",
        function: {
          name: call.name,
          arguments: typeof args === "string" ? args : JSON.stringify(args),
        },
      });
    }
    this.#next = { inputs: [], confirmations };
    return { response, calls, more: confirmations.length > 0 };
  }

  protected answered(results: readonly AnsweredCall[]): void {
    const inputs = results.map(
      (r): InputEntries => ({
        type: "function.result",
        toolCallId: r.toolCall.id,
        result: r.content,
      }),
    );
    this.entries.push(...inputs);
    if (this.#next) this.#next.inputs = inputs;
  }

  protected limitError(): MistralError {
    return new ToolLoopLimitError(this.settings.maxRounds, [...this.entries]);
  }

  protected context(): Record<string, unknown> {
    return { messages: [], conversationId: this.conversationId, entries: this.entries };
  }
}

function addUsage(total: ConversationUsageInfo, usage: ConversationUsageInfo | undefined): void {
  if (!usage) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
  total.totalTokens += usage.totalTokens;
}
