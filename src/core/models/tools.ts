/**
 * Tools the model may call, how to choose among them, and the calls it makes.
 *
 * @module
 */

import type { FreeFormObject } from "./free-form.js";

/** Kinds of callable tool. Open: unknown values pass through. */
export type ToolTypes = "function" | (string & {});

/** The official enum-like values of {@link ToolTypes}. */
export const ToolTypes = { Function: "function" } as const;

/**
 * A function the model may call. Named `FunctionT` (as in the official SDK)
 * because `Function` is a global.
 */
export interface FunctionT {
  /** Name the model uses to call it. */
  name: string;
  /** What it does; helps the model decide when to call it. */
  description?: string | undefined;
  /** Whether the model must follow `parameters` exactly. */
  strict?: boolean | undefined;
  /** JSON Schema of the arguments. Sent exactly as given: its keys are never renamed. */
  parameters: FreeFormObject;
}

/** A function tool; `type` defaults to `"function"` on the server. */
export interface Tool {
  /** Discriminator, `"function"`. */
  type?: ToolTypes | undefined;
  /** The function. */
  function: FunctionT;
}

/** A function tool with its discriminator spelled out. */
export interface FunctionTool {
  /** Discriminator. */
  type: "function";
  /** The function. */
  function: FunctionT;
}

/** Names one function. */
export interface FunctionName {
  /** The function's name. */
  name: string;
}

/** Forces a call to one named function. */
export interface ToolChoice {
  /** Kind of tool, `"function"`. */
  type?: ToolTypes | undefined;
  /** The function to call. */
  function: FunctionName;
}

/**
 * Whether and how the model calls tools: `none` never, `auto` when it wants,
 * `any`/`required` always. Open: unknown values pass through.
 */
export type ToolChoiceEnum = "auto" | "none" | "any" | "required" | (string & {});
/** The values of {@link ToolChoiceEnum}, as in `@mistralai/mistralai`. */
export const ToolChoiceEnum = {
  Auto: "auto",
  None: "none",
  Any: "any",
  Required: "required",
} as const;

/** Arguments of a function call: a JSON string (as models send them) or an object. */
export type Arguments = FreeFormObject | string;

/** The function part of a {@link ToolCall}. */
export interface FunctionCall {
  /** Function name. In streamed fragments after the first this may be `""`. */
  name: string;
  /**
   * Arguments: usually a JSON string, possibly only a fragment of one while
   * streaming. An object is passed through untouched in both directions.
   */
  arguments: FreeFormObject | string;
}

/**
 * A call of a tool by the model, or one streamed fragment of it.
 *
 * Decoding keeps what the wire said: `id`, `type` and `index` are `undefined`
 * when the server left them out (older models send whole calls without `index`
 * or `type`; relayed models send `id` only on the first fragment). The server's
 * own default id is the literal string `"null"`, which is kept as is.
 */
export interface ToolCall {
  /** Call id, to quote in the {@link ToolMessage} that answers it. */
  id?: string | undefined;
  /** Kind of tool, `"function"`. */
  type?: ToolTypes | undefined;
  /** The function and its arguments. */
  function: FunctionCall;
  /** Position of this call among the message's calls; fragments of one call share it. */
  index?: number | undefined;
}

/** Which of a built-in tool's actions to allow or confirm. */
export interface ToolConfiguration {
  /** Actions to exclude. */
  exclude?: Array<string> | null | undefined;
  /** Actions to include. */
  include?: Array<string> | null | undefined;
  /** Actions that need a confirmation; wire `requires_confirmation`. */
  requiresConfirmation?: Array<string> | null | undefined;
}

/** Built-in web search. */
export interface WebSearchTool {
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
  /** Discriminator. */
  type: "web_search";
}

/** Built-in premium web search. */
export interface WebSearchPremiumTool {
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
  /** Discriminator. */
  type: "web_search_premium";
}

/** Built-in code interpreter. */
export interface CodeInterpreterTool {
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
  /** Discriminator. */
  type: "code_interpreter";
}

/** Built-in image generation. */
export interface ImageGenerationTool {
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
  /** Discriminator. */
  type: "image_generation";
}

/** Built-in search over document libraries. */
export interface DocumentLibraryTool {
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
  /** Discriminator. */
  type: "document_library";
  /** Libraries to search; wire `library_ids`. */
  libraryIds: Array<string>;
}

/** An API key for a {@link CustomConnector}. */
export interface APIKeyAuth {
  /** Discriminator. */
  type: "api-key";
  /** The key. */
  value: string;
}

/** An OAuth2 token for a {@link CustomConnector}. */
export interface OAuth2TokenAuth {
  /** Discriminator. */
  type: "oauth2-token";
  /** The token. */
  value: string;
}

/** Credentials of a {@link CustomConnector}. */
export type Authorization = APIKeyAuth | OAuth2TokenAuth;

/** A connector registered with Mistral, used as a tool. */
export interface CustomConnector {
  /** Discriminator. */
  type: "connector";
  /** Id of the connector; wire `connector_id`. */
  connectorId: string;
  /** Credentials, sent as is. */
  authorization?: APIKeyAuth | OAuth2TokenAuth | null | undefined;
  /** Action configuration; wire `tool_configuration`. */
  toolConfiguration?: ToolConfiguration | null | undefined;
}

/** Any tool a chat, agents or FIM request may list. */
export type ChatCompletionRequestTool =
  | (Tool & { type: "function" })
  | WebSearchTool
  | WebSearchPremiumTool
  | CodeInterpreterTool
  | ImageGenerationTool
  | DocumentLibraryTool
  | CustomConnector;

/** The `toolChoice` of a request: a mode or one forced function. */
export type ChatCompletionRequestToolChoice = ToolChoice | ToolChoiceEnum;
