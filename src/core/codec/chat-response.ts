/**
 * Non-stream chat (and FIM / agents) response: wire → public.
 *
 * @module
 */

import type { ChatCompletionChoice, ChatCompletionResponse, UsageInfo } from "../models/index.js";
import { decodeDeltaMessage } from "./chat-chunk.js";
import { decodeAssistantMessage } from "./messages.js";
import { decodeUsage } from "./usage.js";
import { isObject, numberOr, stringOr } from "./wire.js";

/**
 * Non-stream response body (wire) → public. Never throws on an object: missing
 * fields take defaults (`""`, `0`, `choices: []`, zero usage, `finishReason: ""`).
 */
export function decodeChatCompletionResponse(
  wire: Record<string, unknown>,
): ChatCompletionResponse {
  const choices = wire.choices;
  return {
    id: stringOr(wire.id, ""),
    object: stringOr(wire.object, ""),
    model: stringOr(wire.model, ""),
    usage: decodeUsage(wire.usage) ?? zeroUsage(),
    created: numberOr(wire.created, 0),
    choices: Array.isArray(choices) ? choices.map(decodeChoice) : [],
  };
}

function zeroUsage(): UsageInfo {
  return { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
}

function decodeChoice(wire: unknown): ChatCompletionChoice {
  if (!isObject(wire)) return { index: 0, message: undefined, finishReason: "" };
  const choice: ChatCompletionChoice = {
    index: numberOr(wire.index, 0),
    message: isObject(wire.message) ? decodeAssistantMessage(wire.message) : undefined,
    finishReason: stringOr(wire.finish_reason, ""),
  };
  if (Array.isArray(wire.messages)) choice.messages = wire.messages.map(decodeDeltaMessage);
  return choice;
}
