/**
 * The Conversations API's requests and responses (`client.beta.conversations`),
 * with the official client's names: a request sends `inputs` to a model or an
 * agent; the answer is entries (`outputs`) and usage.
 *
 * @module
 */

import type { CompletionArgs } from "./completion-args.js";
import type {
  ConversationEntry,
  ConversationInputs,
  ConversationResponseOutput,
  MessageInputEntry,
  MessageOutputEntry,
} from "./conversation-entries.js";
import type { FreeFormObject } from "./free-form.js";
import type { GuardrailConfig } from "./guardrails.js";
import type {
  CodeInterpreterTool,
  CustomConnector,
  DocumentLibraryTool,
  FunctionTool,
  ImageGenerationTool,
  WebSearchPremiumTool,
  WebSearchTool,
} from "./tools.js";

/** A tool a conversation or an agent may use: a function, or a built-in connector. */
export type ConversationTool =
  | (FunctionTool & { type: "function" })
  | WebSearchTool
  | WebSearchPremiumTool
  | CodeInterpreterTool
  | ImageGenerationTool
  | DocumentLibraryTool
  | CustomConnector;

/** Who runs handoffs: the server (default), or the client (a handoff then ends the answer). */
export type HandoffExecution = "client" | "server";

/** The official enum-like values of {@link HandoffExecution}, under each name the official client gives them. */
export const ConversationRequestHandoffExecution = { Client: "client", Server: "server" } as const;
/** See {@link ConversationRequestHandoffExecution}. */
export const ConversationStreamRequestHandoffExecution = ConversationRequestHandoffExecution;
/** See {@link ConversationRequestHandoffExecution}. */
export const ConversationAppendRequestHandoffExecution = ConversationRequestHandoffExecution;
/** See {@link ConversationRequestHandoffExecution}. */
export const ConversationAppendStreamRequestHandoffExecution = ConversationRequestHandoffExecution;
/** See {@link ConversationRequestHandoffExecution}. */
export const ConversationRestartRequestHandoffExecution = ConversationRequestHandoffExecution;
/** See {@link ConversationRequestHandoffExecution}. */
export const ConversationRestartStreamRequestHandoffExecution = ConversationRequestHandoffExecution;
/** The official enum-like values of a {@link ToolCallConfirmation}'s `confirmation`. */
export const Confirmation = { Allow: "allow", Deny: "deny" } as const;
/** A {@link ToolCallConfirmation}'s `confirmation`. */
export type Confirmation = "allow" | "deny";
/** {@link HandoffExecution} under an official name. */
export type ConversationRequestHandoffExecution = HandoffExecution;
/** {@link HandoffExecution} under an official name. */
export type ConversationStreamRequestHandoffExecution = HandoffExecution;
/** {@link HandoffExecution} under an official name. */
export type ConversationAppendRequestHandoffExecution = HandoffExecution;
/** {@link HandoffExecution} under an official name. */
export type ConversationAppendStreamRequestHandoffExecution = HandoffExecution;
/** {@link HandoffExecution} under an official name. */
export type ConversationRestartRequestHandoffExecution = HandoffExecution;
/** {@link HandoffExecution} under an official name. */
export type ConversationRestartStreamRequestHandoffExecution = HandoffExecution;

/** A confirmation of a call that waits for one (wire `{tool_call_id, confirmation}`). */
export interface ToolCallConfirmation {
  /** Wire `tool_call_id`. */
  toolCallId: string;
  /** Run it, or not. */
  confirmation: Confirmation;
}

/** `beta.conversations.start()`: a new conversation with a model or an agent. */
export interface ConversationRequest {
  /** The user's message, or entries. */
  inputs: ConversationInputs;
  /** Set by the method (`false` here, `true` for `startStream`). */
  stream?: boolean | undefined;
  /** Keep the conversation on the server (default true), so it can be appended to. */
  store?: boolean | null | undefined;
  /** Wire `handoff_execution`. */
  handoffExecution?: HandoffExecution | null | undefined;
  /** System instructions (model conversations). */
  instructions?: string | null | undefined;
  /** Tools (model conversations). */
  tools?: Array<ConversationTool> | null | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | null | undefined;
  /** Moderation guardrails. */
  guardrails?: Array<GuardrailConfig> | null | undefined;
  /** A name for the conversation. */
  name?: string | null | undefined;
  /** A description of it. */
  description?: string | null | undefined;
  /** Your own key-value data, sent untouched. */
  metadata?: FreeFormObject | null | undefined;
  /** The agent to talk to (wire `agent_id`); or `model`. */
  agentId?: string | null | undefined;
  /** Which of its versions: a number or an alias (wire `agent_version`). */
  agentVersion?: string | number | null | undefined;
  /** The model to talk to; or `agentId`. */
  model?: string | null | undefined;
}

/** `beta.conversations.startStream()`'s request. */
export type ConversationStreamRequest = ConversationRequest;

/** The body of `beta.conversations.append()`. */
export interface ConversationAppendRequest {
  /** The new user message, or entries (a `function.result` …). */
  inputs?: ConversationInputs | undefined;
  /** Set by the method. */
  stream?: boolean | undefined;
  /** Keep the new entries (default true). */
  store?: boolean | undefined;
  /** Wire `handoff_execution`. */
  handoffExecution?: HandoffExecution | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  /** Answers to calls waiting for a confirmation (wire `tool_confirmations`). */
  toolConfirmations?: Array<ToolCallConfirmation> | null | undefined;
}

/** The body of `beta.conversations.appendStream()`. */
export type ConversationAppendStreamRequest = ConversationAppendRequest;

/** The body of `beta.conversations.restart()`: the conversation again from one entry. */
export interface ConversationRestartRequest {
  /** The new input. */
  inputs?: ConversationInputs | undefined;
  /** Set by the method. */
  stream?: boolean | undefined;
  /** Keep the new conversation (default true). */
  store?: boolean | undefined;
  /** Wire `handoff_execution`. */
  handoffExecution?: HandoffExecution | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  /** Moderation guardrails. */
  guardrails?: Array<GuardrailConfig> | null | undefined;
  /** Your own key-value data, sent untouched. */
  metadata?: FreeFormObject | null | undefined;
  /** The entry to restart from: it and what came before are kept (wire `from_entry_id`). */
  fromEntryId: string;
  /** Wire `agent_version`. */
  agentVersion?: string | number | null | undefined;
}

/** The body of `beta.conversations.restartStream()`. */
export type ConversationRestartStreamRequest = ConversationRestartRequest;

/** `append()`'s request: the conversation and the body. */
export interface AgentsApiV1ConversationsAppendRequest {
  conversationId: string;
  conversationAppendRequest: ConversationAppendRequest;
}

/** `appendStream()`'s request. */
export interface AgentsApiV1ConversationsAppendStreamRequest {
  conversationId: string;
  conversationAppendStreamRequest: ConversationAppendStreamRequest;
}

/** `restart()`'s request. */
export interface AgentsApiV1ConversationsRestartRequest {
  conversationId: string;
  conversationRestartRequest: ConversationRestartRequest;
}

/** `restartStream()`'s request. */
export interface AgentsApiV1ConversationsRestartStreamRequest {
  conversationId: string;
  conversationRestartStreamRequest: ConversationRestartStreamRequest;
}

/** `get()`, `delete()`, `getHistory()` and `getMessages()`: which conversation. */
export interface AgentsApiV1ConversationsGetRequest {
  conversationId: string;
}

/** `list()`'s filters. */
export interface AgentsApiV1ConversationsListRequest {
  /** Page number, from 0. */
  page?: number | undefined;
  /** Conversations per page (default 100). */
  pageSize?: number | undefined;
  /** Only conversations with this metadata. */
  metadata?: FreeFormObject | null | undefined;
}

/** What a conversation cost. */
export interface ConversationUsageInfo {
  /** Wire `prompt_tokens`. */
  promptTokens: number;
  /** Wire `completion_tokens`. */
  completionTokens: number;
  /** Wire `total_tokens`. */
  totalTokens: number;
  /** Tokens the connectors used (wire `connector_tokens`). */
  connectorTokens?: number | null | undefined;
  /** Calls per connector. */
  connectors?: { [k: string]: number } | null | undefined;
}

/** The answer of `start()`, `append()` and `restart()` (and of a stream's `finalResponse()`). */
export interface ConversationResponse {
  /** Always `"conversation.response"`. */
  object: "conversation.response";
  /** Wire `conversation_id`. */
  conversationId: string;
  /** The new entries, in order. */
  outputs: Array<ConversationResponseOutput>;
  /** What it cost. */
  usage: ConversationUsageInfo;
  /** Guardrail results, untouched. */
  guardrails?: Array<FreeFormObject> | null | undefined;
}

/** What a conversation is, whether with a model or an agent. */
interface ConversationBase {
  /** Its name. */
  name?: string | null | undefined;
  /** Its description. */
  description?: string | null | undefined;
  /** Your data. */
  metadata?: FreeFormObject | null | undefined;
  /** Always `"conversation"`. */
  object: "conversation";
  /** `conv_…`. */
  id: string;
  /** Wire `created_at`. */
  createdAt: Date;
  /** Wire `updated_at`. */
  updatedAt: Date;
}

/** A conversation with a model. */
export interface ModelConversation extends ConversationBase {
  instructions?: string | null | undefined;
  tools?: Array<ConversationTool> | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  guardrails?: Array<GuardrailConfig> | null | undefined;
  model: string;
}

/** A conversation with an agent. */
export interface AgentConversation extends ConversationBase {
  /** Wire `agent_id`. */
  agentId: string;
  /** Wire `agent_version`. */
  agentVersion?: string | number | null | undefined;
}

/** `get()`'s answer (and `list()`'s elements). */
export type ResponseV1ConversationsGet = ModelConversation | AgentConversation;

/** An element of `list()`'s answer. */
export type AgentsApiV1ConversationsListResponse = ModelConversation | AgentConversation;

/** Every entry of a conversation, in order (`getHistory()`). */
export interface ConversationHistory {
  /** Always `"conversation.history"`. */
  object: "conversation.history";
  /** Wire `conversation_id`. */
  conversationId: string;
  /** The entries. */
  entries: Array<ConversationEntry>;
}

/** The messages of a conversation, in order (`getMessages()`). */
export interface ConversationMessages {
  /** Always `"conversation.messages"`. */
  object: "conversation.messages";
  /** Wire `conversation_id`. */
  conversationId: string;
  /** The input and output messages. */
  messages: Array<MessageInputEntry | MessageOutputEntry>;
}
