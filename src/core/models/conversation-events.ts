/**
 * The named events of a conversation stream (`event: <type>` with the same
 * `type` in the data). The stream has no `[DONE]`: it ends at
 * `conversation.response.done`, and `conversation.response.error` fails it.
 *
 * @module
 */

import type { BuiltInConnectors } from "./content.js";
import type {
  FunctionCallEntryConfirmationStatus,
  OutputContentChunks,
} from "./conversation-entries.js";
import type { ConversationUsageInfo } from "./conversations.js";
import type { FreeFormObject } from "./free-form.js";

/** The event names the API documents (open: new ones pass through). */
export type SSETypes =
  | "conversation.response.started"
  | "conversation.response.done"
  | "conversation.response.error"
  | "message.output.delta"
  | "tool.execution.started"
  | "tool.execution.delta"
  | "tool.execution.done"
  | "agent.handoff.started"
  | "agent.handoff.done"
  | "function.call.delta"
  | (string & {});

/** The official enum-like values of {@link SSETypes}. */
export const SSETypes = {
  ConversationResponseStarted: "conversation.response.started",
  ConversationResponseDone: "conversation.response.done",
  ConversationResponseError: "conversation.response.error",
  MessageOutputDelta: "message.output.delta",
  ToolExecutionStarted: "tool.execution.started",
  ToolExecutionDelta: "tool.execution.delta",
  ToolExecutionDone: "tool.execution.done",
  AgentHandoffStarted: "agent.handoff.started",
  AgentHandoffDone: "agent.handoff.done",
  FunctionCallDelta: "function.call.delta",
} as const;

/** The first event: the conversation's id. */
export interface ResponseStartedEvent {
  type: "conversation.response.started";
  /** Wire `created_at`. */
  createdAt?: Date | undefined;
  /** The conversation answered (wire `conversation_id`). */
  conversationId: string;
}

/** The last event of a complete answer, with its usage. */
export interface ResponseDoneEvent {
  type: "conversation.response.done";
  createdAt?: Date | undefined;
  /** What the answer cost. */
  usage: ConversationUsageInfo;
}

/** The server failed mid-answer (the stream raises it as a `StreamServerError`). */
export interface ResponseErrorEvent {
  type: "conversation.response.error";
  createdAt?: Date | undefined;
  /** What went wrong. */
  message: string;
  /** The API's error code. */
  code: number;
}

/** What the events of one output entry share. */
interface OutputEventBase {
  createdAt?: Date | undefined;
  /** Which entry of the response's `outputs` this belongs to (wire `output_index`). */
  outputIndex: number;
  /** The entry's id. */
  id: string;
}

/** A built-in tool starts running. */
export interface ToolExecutionStartedEvent extends OutputEventBase {
  type: "tool.execution.started";
  model?: string | null | undefined;
  /** Wire `agent_id`. */
  agentId?: string | null | undefined;
  /** The tool. */
  name: BuiltInConnectors | string;
  /** Its arguments, as JSON text. */
  arguments: string;
}

/** More of a built-in tool's arguments. */
export interface ToolExecutionDeltaEvent extends OutputEventBase {
  type: "tool.execution.delta";
  name: BuiltInConnectors | string;
  /** The next piece of its arguments. */
  arguments: string;
}

/** A built-in tool finished. */
export interface ToolExecutionDoneEvent extends OutputEventBase {
  type: "tool.execution.done";
  name: BuiltInConnectors | string;
  /** What it reported, passed through untouched. */
  info?: FreeFormObject | undefined;
}

/** A piece of a message: text, or a chunk (a tool reference …). */
export interface MessageOutputEvent extends OutputEventBase {
  type: "message.output.delta";
  /** Which part of the entry's content this extends (wire `content_index`). */
  contentIndex: number;
  model?: string | null | undefined;
  /** Wire `agent_id`. */
  agentId?: string | null | undefined;
  role: "assistant";
  /** A piece of text, or a whole chunk. */
  content: string | OutputContentChunks;
}

/** A piece of a function call: the name and id, then its arguments, in order. */
export interface FunctionCallEvent extends OutputEventBase {
  type: "function.call.delta";
  model?: string | null | undefined;
  /** Wire `agent_id`. */
  agentId?: string | null | undefined;
  /** The function. */
  name: string;
  /** Wire `tool_call_id`. */
  toolCallId: string;
  /** The next piece of its arguments (JSON text). */
  arguments: string;
  /** Wire `confirmation_status`. */
  confirmationStatus?: FunctionCallEntryConfirmationStatus | null | undefined;
}

/** One agent hands the conversation to another: who had it. */
export interface AgentHandoffStartedEvent extends OutputEventBase {
  type: "agent.handoff.started";
  /** Wire `previous_agent_id`. */
  previousAgentId: string;
  /** Wire `previous_agent_name`. */
  previousAgentName: string;
}

/** The handoff is done: who has it now. */
export interface AgentHandoffDoneEvent extends OutputEventBase {
  type: "agent.handoff.done";
  /** Wire `next_agent_id`. */
  nextAgentId: string;
  /** Wire `next_agent_name`. */
  nextAgentName: string;
}

/**
 * An event of a type this client does not know, as the official client
 * shapes it: the wire data untouched in `raw` (its own `type` there), so a
 * newer API never breaks an older client.
 */
export interface UnknownConversationEvent {
  /** Always `"UNKNOWN"`; the real type is `raw.type` (and the event's name). */
  type: "UNKNOWN";
  /** The event's data exactly as it came off the wire. */
  raw: unknown;
  /** Marks the fallback. */
  isUnknown: true;
}

/** The data of any conversation event. */
export type ConversationEventsData =
  | AgentHandoffDoneEvent
  | AgentHandoffStartedEvent
  | ResponseDoneEvent
  | ResponseErrorEvent
  | ResponseStartedEvent
  | FunctionCallEvent
  | MessageOutputEvent
  | ToolExecutionDeltaEvent
  | ToolExecutionDoneEvent
  | ToolExecutionStartedEvent
  | UnknownConversationEvent;

/** One event of a conversation stream, as in `@mistralai/mistralai`: its name and its data. */
export interface ConversationEvents {
  /** The SSE event name (the data's `type`). */
  event: SSETypes;
  /** The decoded data. */
  data: ConversationEventsData;
}
