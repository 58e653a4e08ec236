/**
 * The public types: requests as callers write them, responses and stream
 * chunks as callers read them. camelCase, with the names of the official
 * `@mistralai/mistralai` SDK. Types, plus the official enum-like value objects (`ToolChoiceEnum.Any` …).
 *
 * @module
 */

export * from "./agent-entities.js";
export * from "./agents.js";
export * from "./audio.js";
export * from "./batch.js";
export * from "./chat-chunk.js";
export * from "./chat-request.js";
export * from "./chat-response.js";
export * from "./completion-args.js";
export * from "./content.js";
export * from "./conversation-entries.js";
export * from "./conversation-events.js";
export * from "./conversations.js";
export * from "./embeddings.js";
export * from "./files.js";
export * from "./fim.js";
export * from "./free-form.js";
export * from "./guardrails.js";
export * from "./messages.js";
export * from "./model-cards.js";
export * from "./ocr.js";
export * from "./tools.js";
export * from "./usage.js";
