/**
 * The public types of the tool loop (`chat.runTools`). Types only.
 *
 * @module
 */

import type { RequestOptions } from "../call/options.js";
import type { ToolCallError } from "../errors/index.js";
import type {
  ChatCompletionRequest,
  ChatCompletionRequestMessage,
  CompletionChunk,
  ConversationEntry,
  ConversationEvents,
  ConversationRequest,
  ConversationTool,
  FunctionCallEntry,
} from "../models/index.js";
import type { InferSchema, SchemaLike } from "./schema-types.js";

/** What a tool's `run` is told besides its arguments. */
export interface ToolContext {
  /** The call being answered: its id, the tool's name and the arguments as sent. */
  readonly toolCall: { readonly id: string; readonly name: string; readonly arguments: string };
  /** The round (1-based) whose answer made the call. */
  readonly round: number;
  /** Aborted when the loop is aborted: pass it on to what the tool waits for. */
  readonly signal: AbortSignal;
  /** The transcript so far (chat; empty in a conversation, whose entries are in `entries`). */
  readonly messages: readonly ChatCompletionRequestMessage[];
  /** In a conversation's loop: its id. */
  readonly conversationId?: string | undefined;
  /** In a conversation's loop: the entries so far (inputs and outputs, in order). */
  readonly entries?: readonly ConversationEntry[] | undefined;
}

/**
 * A function tool with its code: the API's `{ type: "function", function }`
 * plus `run`, which is stripped before sending. `parameters` is a JSON Schema
 * or a Standard Schema (zod, valibot, arktype …); `run` gets the validated
 * arguments (a Standard Schema's output, transforms applied) and returns the
 * result, a string or anything JSON.
 */
export interface RunnableTool<S extends SchemaLike = SchemaLike> {
  /** Discriminator. */
  type: "function";
  /** The function as the model sees it. */
  function: {
    /** The name the model calls it by. */
    name: string;
    /** What it does, for the model. */
    description?: string | undefined;
    /** The arguments' schema. */
    parameters: S;
    /** Whether the model must follow the schema exactly. */
    strict?: boolean | undefined;
  };
  /** Runs the tool; a thrown error becomes an error result (or ends the loop, with `toolErrors: "throw"`). */
  run: (args: InferSchema<S>, context: ToolContext) => unknown;
}

/** What `chat.runTools()` takes: a chat request whose tools carry their code. */
export type RunToolsRequest<S extends readonly SchemaLike[] = readonly SchemaLike[]> = Omit<
  ChatCompletionRequest,
  "tools"
> & {
  /** The tools, each with `run`. */
  tools: { [K in keyof S]: RunnableTool<S[K]> };
};

/** Options of `chat.runTools()`: those of every round's request, and the loop's own. */
export interface RunToolsOptions extends RequestOptions {
  /** Most model requests in the loop (default 10); a model still calling tools after it is a `ToolLoopLimitError`. */
  maxRounds?: number | undefined;
  /**
   * What a failed call (unknown tool, invalid arguments, a tool that threw)
   * does: `"return"` (default) sends the error to the model as the call's
   * result; `"throw"` ends the loop with the `ToolCallError`.
   */
  toolErrors?: "return" | "throw" | undefined;
}

/** One streamed chunk of a round's answer. */
export interface ToolRunnerChunkEvent {
  /** Discriminator. */
  readonly type: "chunk";
  /** The round (1-based). */
  readonly round: number;
  /** The chunk, as `chat.stream()` gives it. */
  readonly data: CompletionChunk;
}

/** One tool call answered, after its round's answer ended. */
export interface ToolRunnerResultEvent {
  /** Discriminator. */
  readonly type: "tool.result";
  /** The round whose answer made the call. */
  readonly round: number;
  /** The call. */
  readonly toolCall: ToolContext["toolCall"];
  /** The result sent back to the model (for a failed call, the error as JSON). */
  readonly content: string;
  /** Why the call failed, if it did. */
  readonly error: ToolCallError | undefined;
}

/** An event of the tool loop. */
export type ToolRunnerEvent = ToolRunnerChunkEvent | ToolRunnerResultEvent;

/** A tool of `beta.conversations.runTools()`: a function with its code, or a built-in tool the server runs. */
export type ConversationRunTool<S extends SchemaLike = SchemaLike> =
  | RunnableTool<S>
  | Exclude<ConversationTool, { type: "function" }>;

/** What `beta.conversations.runTools()` takes: a `start` request whose function tools carry their code. */
export type ConversationRunToolsRequest<S extends readonly SchemaLike[] = readonly SchemaLike[]> =
  Omit<ConversationRequest, "tools" | "stream"> & {
    /** The tools: functions each with `run`, and built-in tools. */
    tools: { [K in keyof S]: ConversationRunTool<S[K]> };
  };

/** Options of `beta.conversations.runTools()`. */
export interface ConversationRunToolsOptions extends RunToolsOptions {
  /**
   * Asked for each call that waits for a confirmation (`confirmationStatus:
   * "pending"`): `true` allows it, `false` denies it. Without it, such a call
   * ends the loop (its `finalResponse()` holds the pending call).
   */
  confirm?: ((call: FunctionCallEntry) => boolean | Promise<boolean>) | undefined;
}

/** One event of a round's conversation stream. */
export interface ConversationRunnerEvent {
  /** Discriminator. */
  readonly type: "event";
  /** The round (1-based). */
  readonly round: number;
  /** The SSE event name. */
  readonly event: ConversationEvents["event"];
  /** Its data, as `startStream()` gives it. */
  readonly data: ConversationEvents["data"];
}
