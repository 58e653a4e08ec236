/**
 * The entries of a conversation (Conversations API): what the user sends
 * (`message.input`, `function.result`) and what the model or its tools
 * produce (`message.output`, `function.call`, `tool.execution`,
 * `agent.handoff`). Wire: snake_case, `created_at` as ISO text; public:
 * camelCase with `Date`s, as in `@mistralai/mistralai`.
 *
 * @module
 */

import type {
  BuiltInConnectors,
  ContentChunk,
  DocumentURLChunk,
  ImageURLChunk,
  TextChunk,
  ThinkChunk,
  ToolFileChunk,
} from "./content.js";
import type { FreeFormObject } from "./free-form.js";

/** What every entry may carry. */
interface EntryBase {
  /** Always `"entry"`. */
  object?: "entry" | undefined;
  /** When the entry was created (wire `created_at`). */
  createdAt?: Date | undefined;
  /** When it was finished (wire `completed_at`). */
  completedAt?: Date | null | undefined;
  /** The entry's id (`msg_…`, `fc_…`, `tool_exec_…`), set by the server. */
  id?: string | undefined;
}

/** The chunks of a {@link MessageInputEntry}'s content. */
export type MessageInputContentChunks =
  | (TextChunk & { type: "text" })
  | (ImageURLChunk & { type: "image_url" })
  | (ToolFileChunk & { type: "tool_file" })
  | (DocumentURLChunk & { type: "document_url" })
  | (ThinkChunk & { type: "thinking" });

/** The chunks of a {@link MessageOutputEntry}'s content (any decoded chunk, unknown ones kept raw). */
export type MessageOutputContentChunks = ContentChunk;

/** One chunk of a streamed `message.output.delta`'s content. */
export type OutputContentChunks = MessageOutputContentChunks;

/** A message from the user (or an assistant message given as input). */
export interface MessageInputEntry extends EntryBase {
  /** Discriminator (the default when absent). */
  type?: "message.input" | undefined;
  /** Who speaks. */
  role: "assistant" | "user" | (string & {});
  /** The text, or chunks. */
  content: string | Array<MessageInputContentChunks>;
  /** An assistant message the answer must continue. */
  prefix?: boolean | undefined;
}

/** A message the model (or an agent) wrote. */
export interface MessageOutputEntry extends EntryBase {
  /** Discriminator. */
  type?: "message.output" | undefined;
  /** The agent that wrote it (wire `agent_id`). */
  agentId?: string | null | undefined;
  /** The model that wrote it. */
  model?: string | null | undefined;
  /** Always `"assistant"`. */
  role?: "assistant" | undefined;
  /** The text, or chunks (text, tool references, tool files …). */
  content: string | Array<MessageOutputContentChunks>;
}

/** The state of a function call that needs the user's confirmation. */
export type FunctionCallEntryConfirmationStatus = "pending" | "allowed" | "denied" | (string & {});

/** The official enum-like values of {@link FunctionCallEntryConfirmationStatus}. */
export const FunctionCallEntryConfirmationStatus = {
  Pending: "pending",
  Allowed: "allowed",
  Denied: "denied",
} as const;
/** The same values, under the name the official client gives those of a stream event. */
export const FunctionCallEventConfirmationStatus = FunctionCallEntryConfirmationStatus;
/** The same type, under the name the official client gives that of a stream event. */
export type FunctionCallEventConfirmationStatus = FunctionCallEntryConfirmationStatus;

/** A call of one of the conversation's function tools, to be answered with a {@link FunctionResultEntry}. */
export interface FunctionCallEntry extends EntryBase {
  /** Discriminator. */
  type?: "function.call" | undefined;
  /** The agent that made the call (wire `agent_id`). */
  agentId?: string | null | undefined;
  /** The model that made it. */
  model?: string | null | undefined;
  /** The id the result must quote (wire `tool_call_id`). */
  toolCallId: string;
  /** The function's name. */
  name: string;
  /** The arguments: JSON text (as streamed) or an object, passed through untouched. */
  arguments: FreeFormObject | string;
  /** Set when the call waits for, or got, a confirmation (wire `confirmation_status`). */
  confirmationStatus?: FunctionCallEntryConfirmationStatus | null | undefined;
}

/** The result of a function call, sent by the user. */
export interface FunctionResultEntry extends EntryBase {
  /** Discriminator. */
  type?: "function.result" | undefined;
  /** The call answered (wire `tool_call_id`). */
  toolCallId: string;
  /** The result, as text (usually JSON). */
  result: string;
}

/** A built-in tool's run (web search, code interpreter …), done by the server. */
export interface ToolExecutionEntry extends EntryBase {
  /** Discriminator. */
  type?: "tool.execution" | undefined;
  /** The agent that ran it (wire `agent_id`). */
  agentId?: string | null | undefined;
  /** The model that asked for it. */
  model?: string | null | undefined;
  /** The tool. */
  name: BuiltInConnectors | string;
  /** Its arguments, as JSON text. */
  arguments: string;
  /** What the tool reported (code and its output, sources …), passed through untouched. */
  info?: FreeFormObject | undefined;
}

/** A handoff from one agent to another. */
export interface AgentHandoffEntry extends EntryBase {
  /** Discriminator. */
  type?: "agent.handoff" | undefined;
  /** Wire `previous_agent_id`. */
  previousAgentId: string;
  /** Wire `previous_agent_name`. */
  previousAgentName: string;
  /** Wire `next_agent_id`. */
  nextAgentId: string;
  /** Wire `next_agent_name`. */
  nextAgentName: string;
}

/** Any entry a request may send as `inputs`. */
export type InputEntries =
  | AgentHandoffEntry
  | FunctionCallEntry
  | MessageInputEntry
  | FunctionResultEntry
  | ToolExecutionEntry
  | MessageOutputEntry;

/** A request's `inputs`: a user message as text, or entries. */
export type ConversationInputs = string | Array<InputEntries>;

/**
 * An entry of a type this client does not know, as decoded from a response:
 * its wire object untouched in `raw` (sent back as is if put into `inputs`).
 */
export interface UnknownConversationEntry {
  /** Always `"UNKNOWN"`; the real type is `raw.type`. */
  type: "UNKNOWN";
  /** The entry exactly as it came off the wire. */
  raw: unknown;
  /** Marks the fallback. */
  isUnknown: true;
}

/** An entry the server answers with (`outputs` of a response). */
export type ConversationResponseOutput =
  | AgentHandoffEntry
  | FunctionCallEntry
  | ToolExecutionEntry
  | MessageOutputEntry
  | UnknownConversationEntry;

/** Any entry of a conversation's history. */
export type ConversationEntry = InputEntries | UnknownConversationEntry;
