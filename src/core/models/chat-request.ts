/**
 * Chat completion requests, as the caller writes them (camelCase). The codec
 * turns them into the snake_case wire body; see `encodeChatCompletionRequest`.
 *
 * @module
 */

import type { FreeFormObject } from "./free-form.js";
import type { GuardrailConfig } from "./guardrails.js";
import type { ChatCompletionRequestMessage } from "./messages.js";
import type {
  ChatCompletionRequestTool,
  ChatCompletionRequestToolChoice,
  ToolChoice,
  ToolChoiceEnum,
} from "./tools.js";

/** Output formats. Open: unknown values pass through. */
export type ResponseFormats = "text" | "json_object" | "json_schema" | (string & {});
/** The values of {@link ResponseFormats}, as in `@mistralai/mistralai`. */
export const ResponseFormats = {
  Text: "text",
  JsonObject: "json_object",
  JsonSchema: "json_schema",
} as const;

/** A named JSON Schema the answer must follow. */
export interface JsonSchema {
  /** Name of the schema. */
  name: string;
  /** What the schema describes. */
  description?: string | null | undefined;
  /**
   * The JSON Schema itself. Sent as wire `schema` (the official SDK's rename),
   * exactly as given: its keys are never renamed.
   */
  schemaDefinition: FreeFormObject;
  /** Whether the model must follow the schema exactly. */
  strict?: boolean | undefined;
}

/** How the answer is formatted: free text, any JSON object, or JSON following a schema. */
export interface ResponseFormat {
  /** The format; the server defaults to `"text"`. */
  type?: ResponseFormats | undefined;
  /** The schema, for `type: "json_schema"`; wire `json_schema`. */
  jsonSchema?: JsonSchema | null | undefined;
}

/** Expected output, which lets the server answer faster when it is close to right. */
export interface Prediction {
  /** Discriminator, `"content"`. */
  type?: "content" | undefined;
  /** The predicted text. */
  content?: string | undefined;
}

/** How hard a reasoning model thinks. Open: unknown values pass through. */
export type ReasoningEffort =
  | "none"
  | "minimal"
  | "low"
  | "medium"
  | "high"
  | "xhigh"
  | (string & {});
/** The values of {@link ReasoningEffort}, as in `@mistralai/mistralai`. */
export const ReasoningEffort = {
  None: "none",
  Minimal: "minimal",
  Low: "low",
  Medium: "medium",
  High: "high",
  Xhigh: "xhigh",
} as const;

/** Which system prompt the server injects; `"reasoning"` selects the reasoning one. Open. */
export type MistralPromptMode = "reasoning" | (string & {});
/** The values of {@link MistralPromptMode}, as in `@mistralai/mistralai`. */
export const MistralPromptMode = { Reasoning: "reasoning" } as const;

/** Capacity to serve the request from. Closed, as in the official SDK. */
export type RequestedServiceTier = "auto" | "standard_only";
/** The values of {@link RequestedServiceTier}, as in `@mistralai/mistralai`. */
export const RequestedServiceTier = { Auto: "auto", StandardOnly: "standard_only" } as const;

/** Stop sequence(s). */
export type ChatCompletionRequestStop = string | Array<string>;

/**
 * The fields every completion request shares (chat and FIM): the model, how
 * it samples, and when it stops.
 */
export interface CompletionRequestBase {
  /** Model id, e.g. `"mistral-small-latest"`. */
  model: string;
  /** Sampling temperature (0–1.5). */
  temperature?: number | null | undefined;
  /** Nucleus sampling mass; wire `top_p`. */
  topP?: number | null | undefined;
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
}

/**
 * A chat completion request. Every field of the API's `ChatCompletionRequest`,
 * camelCase; the wire name is given where it is not a plain case change.
 * `stream` is set by the method called (`complete` or `stream`), whatever is
 * given here.
 */
export interface ChatCompletionRequest extends CompletionRequestBase {
  /** The conversation so far. */
  messages: Array<ChatCompletionRequestMessage>;
  /** Output format; wire `response_format`. */
  responseFormat?: ResponseFormat | undefined;
  /** Tools the model may call. */
  tools?: Array<ChatCompletionRequestTool> | null | undefined;
  /** Whether and which tool to call; wire `tool_choice`. */
  toolChoice?: ToolChoice | ToolChoiceEnum | undefined;
  /** Penalty for repeating any seen token (−2–2); wire `presence_penalty`. */
  presencePenalty?: number | null | undefined;
  /** Penalty growing with a token's count (−2–2); wire `frequency_penalty`. */
  frequencyPenalty?: number | null | undefined;
  /** Number of completions (choices) to generate. */
  n?: number | null | undefined;
  /** Expected output. */
  prediction?: Prediction | undefined;
  /** Allow several tool calls in one turn; wire `parallel_tool_calls`. */
  parallelToolCalls?: boolean | undefined;
  /** Reasoning effort; wire `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort | null | undefined;
  /** System prompt mode; wire `prompt_mode`. */
  promptMode?: MistralPromptMode | null | undefined;
  /** Moderation guardrails. */
  guardrails?: Array<GuardrailConfig> | null | undefined;
  /** Key grouping requests that share a prompt prefix for caching; wire `prompt_cache_key`. */
  promptCacheKey?: string | null | undefined;
  /** Capacity tier; wire `service_tier`. */
  serviceTier?: RequestedServiceTier | null | undefined;
  /** Prepend Mistral's safety prompt; wire `safe_prompt`. */
  safePrompt?: boolean | undefined;
}

/** What `chat.stream()` takes: the same fields as {@link ChatCompletionRequest}. */
export type ChatCompletionStreamRequest = ChatCompletionRequest;

/** Stop sequence(s) of a stream request. */
export type ChatCompletionStreamRequestStop = ChatCompletionRequestStop;

/** One entry of a stream request's `messages`. */
export type ChatCompletionStreamRequestMessage = ChatCompletionRequestMessage;

/** Any tool a stream request may list. */
export type ChatCompletionStreamRequestTool = ChatCompletionRequestTool;

/** The `toolChoice` of a stream request. */
export type ChatCompletionStreamRequestToolChoice = ChatCompletionRequestToolChoice;
