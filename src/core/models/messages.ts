/**
 * Chat messages, discriminated by `role`.
 *
 * As in the official SDK, `role` is required on system, user and tool messages
 * and optional on {@link AssistantMessage} itself, but required on the assistant
 * member of a request's message list ({@link ChatCompletionRequestMessage}).
 *
 * @module
 */

import type { ContentChunk, SystemMessageContentChunks } from "./content.js";
import type { ToolCall } from "./tools.js";

/** Content of a system message. */
export type SystemMessageContent = string | Array<SystemMessageContentChunks>;

/** Instructions for the model. */
export interface SystemMessage {
  /** Discriminator. */
  role: "system";
  /** Text, or text and thinking chunks. */
  content: string | Array<SystemMessageContentChunks>;
}

/** Content of a user message. */
export type UserMessageContent = string | Array<ContentChunk>;

/** What the user says: text, images, documents, audio… */
export interface UserMessage {
  /** Discriminator. */
  role: "user";
  /** Text or chunks. */
  content: string | Array<ContentChunk> | null;
}

/** Content of an assistant message. */
export type AssistantMessageContent = string | Array<ContentChunk>;

/**
 * What the model said, or what it should continue from. Decoded responses always
 * carry `role: "assistant"`, so a response's message can be put straight back
 * into the next request's `messages`.
 */
export interface AssistantMessage {
  /** Discriminator. */
  role?: "assistant" | undefined;
  /** Text or chunks (reasoning models answer with thinking and text chunks). */
  content?: string | Array<ContentChunk> | null | undefined;
  /** Tools the model called; wire `tool_calls`. */
  toolCalls?: Array<ToolCall> | null | undefined;
  /** When `true`, the model continues this message instead of answering it. */
  prefix?: boolean | undefined;
}

/** Content of a tool message. */
export type ToolMessageContent = string | Array<ContentChunk>;

/** The result of a tool call, sent back to the model. */
export interface ToolMessage {
  /** Discriminator. */
  role: "tool";
  /** The result. */
  content: string | Array<ContentChunk> | null;
  /** Id of the {@link ToolCall} this answers; wire `tool_call_id`. */
  toolCallId?: string | null | undefined;
  /** Name of the function that was called. */
  name?: string | null | undefined;
}

/** One entry of a request's `messages`. */
export type ChatCompletionRequestMessage =
  | (AssistantMessage & { role: "assistant" })
  | SystemMessage
  | ToolMessage
  | UserMessage;
