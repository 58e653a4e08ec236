/**
 * Agents completion requests: a chat completion run by a configured agent.
 * Streams and responses have the same shapes as chat ones.
 *
 * @module
 */

import type { ChatCompletionRequest } from "./chat-request.js";
import type { ChatCompletionRequestMessage } from "./messages.js";
import type { ChatCompletionRequestTool, ChatCompletionRequestToolChoice } from "./tools.js";

/**
 * An agents completion request: a chat request whose model, temperature, top-p
 * and safe prompt come from the agent, plus the agent's id.
 */
export type AgentsCompletionRequest = Omit<
  ChatCompletionRequest,
  "model" | "temperature" | "topP" | "safePrompt"
> & {
  /** The agent to run; wire `agent_id`. */
  agentId: string;
};

/** What `agents.stream()` takes: the same fields as {@link AgentsCompletionRequest}. */
export type AgentsCompletionStreamRequest = AgentsCompletionRequest;

/** Stop sequence(s) of an agents request. */
export type AgentsCompletionRequestStop = string | Array<string>;

/** One entry of an agents request's `messages`. */
export type AgentsCompletionRequestMessage = ChatCompletionRequestMessage;

/** Any tool an agents request may list. */
export type AgentsCompletionRequestTool = ChatCompletionRequestTool;

/** The `toolChoice` of an agents request. */
export type AgentsCompletionRequestToolChoice = ChatCompletionRequestToolChoice;
