/**
 * Embeddings (`POST /v1/embeddings`) and classifiers (`/v1/moderations`,
 * `/v1/chat/moderations`, `/v1/classifications`, `/v1/chat/classifications`).
 *
 * @module
 */

import type { ChatCompletionRequestMessage } from "./messages.js";
import type { UsageInfo } from "./usage.js";

/** The number type of each vector component; wire `output_dtype`. */
export type EmbeddingDtype = "float" | "int8" | "uint8" | "binary" | "ubinary" | (string & {});

/** The official enum-like values of {@link EmbeddingDtype}. */
export const EmbeddingDtype = {
  Float: "float",
  Int8: "int8",
  Uint8: "uint8",
  Binary: "binary",
  Ubinary: "ubinary",
} as const;

/** How vectors are written in the response: numbers, or base64 text; wire `encoding_format`. */
export type EncodingFormat = "float" | "base64" | (string & {});

/** The official enum-like values of {@link EncodingFormat}. */
export const EncodingFormat = { Float: "float", Base64: "base64" } as const;

/** What `embeddings.create()` sends. */
export interface EmbeddingRequest {
  /** The embedding model, e.g. `"mistral-embed"` or `"codestral-embed"`. */
  model: string;
  /** Your own key-value data (sent as is). */
  metadata?: { [k: string]: unknown } | null | undefined;
  /** One text or several, embedded in order. */
  inputs: string | Array<string>;
  /** Vector size for models that can shorten it (codestral-embed); wire `output_dimension`. */
  outputDimension?: number | null | undefined;
  /** Component type; wire `output_dtype`. */
  outputDtype?: EmbeddingDtype | undefined;
  /** Vector encoding; wire `encoding_format`. */
  encodingFormat?: EncodingFormat | undefined;
}

/** One vector of the response. */
export interface EmbeddingResponseData {
  /** `"embedding"`. */
  object?: string | undefined;
  /** The vector: numbers (or, with `encodingFormat: "base64"`, the server's base64 text). */
  embedding?: Array<number> | undefined;
  /** Position of its input in `inputs`. */
  index?: number | undefined;
}

/** What `embeddings.create()` returns. */
export interface EmbeddingResponse {
  id: string;
  /** `"list"`. */
  object: string;
  model: string;
  usage: UsageInfo;
  /** One vector per input, in input order. */
  data: Array<EmbeddingResponseData>;
}

/** What `classifiers.moderate()` and `classifiers.classify()` send. */
export interface ClassificationRequest {
  /** The classifier, e.g. `"mistral-moderation-latest"`. */
  model: string;
  /** Your own key-value data (sent as is). */
  metadata?: { [k: string]: unknown } | null | undefined;
  /** One text or several, classified one by one. */
  inputs: string | Array<string>;
}

/** What `classifiers.moderateChat()` sends: a conversation, or several. */
export interface ChatModerationRequest {
  inputs: Array<ChatCompletionRequestMessage> | Array<Array<ChatCompletionRequestMessage>>;
  model: string;
}

/** What `classifiers.classifyChat()` sends: one conversation or several, as `{ messages }`. */
export interface ChatClassificationRequest {
  model: string;
  input:
    | { messages: Array<ChatCompletionRequestMessage> }
    | Array<{ messages: Array<ChatCompletionRequestMessage> }>;
}

/** The moderation verdict of one input. Category names are the API's (`hate_and_discrimination` …). */
export interface ModerationObject {
  /** Which categories the input falls in. */
  categories?: { [k: string]: boolean } | undefined;
  /** The score of each category, 0 to 1; wire `category_scores`. */
  categoryScores?: { [k: string]: number } | undefined;
}

/** What the moderation calls return: one result per input. */
export interface ModerationResponse {
  id: string;
  model: string;
  results: Array<ModerationObject>;
}

/** The scores of one target of a classifier. */
export interface ClassificationTargetResult {
  scores: { [k: string]: number };
}

/** What the classification calls return: per input, per target, the scores. */
export interface ClassificationResponse {
  id: string;
  model: string;
  results: Array<{ [k: string]: ClassificationTargetResult }>;
}
