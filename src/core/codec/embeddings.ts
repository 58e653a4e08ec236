/**
 * Embeddings and classifiers: requests public → wire, responses wire →
 * public. Category and score maps keep the API's own keys.
 *
 * @module
 */

import type {
  ClassificationResponse,
  EmbeddingResponse,
  ModerationResponse,
} from "../models/index.js";
import { decodeFields, each, encodeFields, fieldTable } from "./field-table.js";
import { encodeMessages } from "./messages.js";
import { decodeUsage } from "./usage.js";

const embeddingRequest = fieldTable(
  "model metadata input:inputs output_dimension output_dtype encoding_format",
);
const embeddingResponse = fieldTable("id object model usage data");
const embedding = fieldTable("object embedding index");

/** `embeddings.create()`'s request → wire (`inputs` is the wire's `input`). */
export function encodeEmbeddingRequest(request: unknown): unknown {
  return encodeFields(request, embeddingRequest);
}

/** An embeddings response → public. */
export function decodeEmbeddingResponse(wire: unknown): EmbeddingResponse {
  return decodeFields(wire, embeddingResponse, {
    usage: decodeUsage,
    data: each((v) => decodeFields(v, embedding)),
  });
}

const classificationRequest = fieldTable("model metadata input:inputs");
const chatModerationRequest = fieldTable("input:inputs model");
const chatClassificationRequest = fieldTable("model input");
const conversation = fieldTable("messages");
const moderationResponse = fieldTable("id model results");
const moderation = fieldTable("categories category_scores");
const classificationResponse = fieldTable("id model results");

/** `classifiers.moderate()` / `classify()`'s request → wire. */
export function encodeClassificationRequest(request: unknown): unknown {
  return encodeFields(request, classificationRequest);
}

/** A conversation, or a list of them: each message encoded. */
function encodeConversations(inputs: unknown): unknown {
  if (!Array.isArray(inputs)) return inputs;
  return Array.isArray(inputs[0]) ? inputs.map(encodeMessages) : encodeMessages(inputs);
}

/** `classifiers.moderateChat()`'s request → wire. */
export function encodeChatModerationRequest(request: unknown): unknown {
  return encodeFields(request, chatModerationRequest, { inputs: encodeConversations });
}

const encodeConversation = (value: unknown) =>
  encodeFields(value, conversation, { messages: encodeMessages });

/** `classifiers.classifyChat()`'s request → wire. */
export function encodeChatClassificationRequest(request: unknown): unknown {
  return encodeFields(request, chatClassificationRequest, {
    input: (input: unknown) =>
      Array.isArray(input) ? input.map(encodeConversation) : encodeConversation(input),
  });
}

/** A moderation response → public. */
export function decodeModerationResponse(wire: unknown): ModerationResponse {
  return decodeFields(wire, moderationResponse, {
    results: each((v) => decodeFields(v, moderation)),
  });
}

/** A classification response → public (targets and labels keep their names). */
export function decodeClassificationResponse(wire: unknown): ClassificationResponse {
  return decodeFields(wire, classificationResponse);
}
