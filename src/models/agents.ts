/**
 * Agents completion requests: a chat completion run by a configured agent.
 * Streams and responses have the same shapes as chat ones.
 *
 * @module
 */

import type { FreeFormObject } from "./free-form.js";
import type { GuardrailConfig } from "./guardrails.js";
import type { ChatCompletionRequestMessage } from "./messages.js";
import type {
  MistralPromptMode,
  Prediction,
  ReasoningEffort,
  RequestedServiceTier,
  ResponseFormat,
} from "./requests.js";
import type {
  ChatCompletionRequestTool,
  ChatCompletionRequestToolChoice,
  ToolChoice,
  ToolChoiceEnum,
} from "./tools.js";

/**
 * An agents completion request. The model, temperature and top-p come from the
 * agent, so they are not fields here; `agentId` is.
 */
export interface AgentsCompletionRequest {
  /** Most tokens to generate; wire `max_tokens`. */
  maxTokens?: number | null | undefined;
  /** Ignored: the method called decides. */
  stream?: boolean | undefined;
  /** Stop sequence(s). */
  stop?: string | Array<string> | null | undefined;
  /** Seed for deterministic sampling; wire `random_seed`. */
  randomSeed?: number | null | undefined;
  /** Free-form metadata, sent as is (keys never renamed). */
  metadata?: FreeFormObject | null | undefined;
  /** The conversation so far. */
  messages: Array<ChatCompletionRequestMessage>;
  /** Output format; wire `response_format`. */
  responseFormat?: ResponseFormat | undefined;
  /** Tools the model may call. */
  tools?: Array<ChatCompletionRequestTool> | null | undefined;
  /** Whether and which tool to call; wire `tool_choice`. */
  toolChoice?: ToolChoice | ToolChoiceEnum | undefined;
  /** Wire `presence_penalty`. */
  presencePenalty?: number | null | undefined;
  /** Wire `frequency_penalty`. */
  frequencyPenalty?: number | null | undefined;
  /** Number of completions to generate. */
  n?: number | null | undefined;
  /** Expected output. */
  prediction?: Prediction | undefined;
  /** Wire `parallel_tool_calls`. */
  parallelToolCalls?: boolean | undefined;
  /** Wire `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort | null | undefined;
  /** Wire `prompt_mode`. */
  promptMode?: MistralPromptMode | null | undefined;
  /** Moderation guardrails. */
  guardrails?: Array<GuardrailConfig> | null | undefined;
  /** Wire `prompt_cache_key`. */
  promptCacheKey?: string | null | undefined;
  /** Wire `service_tier`. */
  serviceTier?: RequestedServiceTier | null | undefined;
  /** The agent to run; wire `agent_id`. */
  agentId: string;
}

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
