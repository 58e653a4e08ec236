/**
 * Stream chunk: wire → public. THE HOT PATH: called once per token. Only
 * property reads, `typeof` checks and a few object literals of fixed shape; no
 * closures, regexes, key loops or try/catch. Keys that are not part of the
 * public type (the `p` padding, `logprobs`) are never read, hence dropped.
 *
 * @module
 */

import type {
  CompletionChunk,
  CompletionResponseStreamChoice,
  DeltaMessage,
} from "../models/index.js";
import { decodeContent } from "./content.js";
import { decodeToolCalls } from "./tools.js";
import { decodeUsage } from "./usage.js";
import { isObject, nullableNumber, nullableString, numberOr, stringOr } from "./wire.js";

/**
 * One parsed SSE chunk (wire) → public {@link CompletionChunk}. Never throws on
 * an object: missing or mistyped fields take defaults (`id`/`model` `""`,
 * `choices` `[]`, `index` `0`, `finishReason` `null`).
 */
export function decodeCompletionChunk(wire: Record<string, unknown>): CompletionChunk {
  const choices = wire.choices;
  const usage = wire.usage;
  return {
    id: stringOr(wire.id, ""),
    object: stringOr(wire.object, undefined),
    created: numberOr(wire.created, undefined),
    model: stringOr(wire.model, ""),
    usage: usage === undefined ? undefined : decodeUsage(usage),
    choices: Array.isArray(choices) ? decodeStreamChoices(choices) : [],
  };
}

function decodeStreamChoices(wire: unknown[]): CompletionResponseStreamChoice[] {
  const out: CompletionResponseStreamChoice[] = [];
  for (let i = 0; i < wire.length; i++) out.push(decodeStreamChoice(wire[i]));
  return out;
}

function decodeStreamChoice(wire: unknown): CompletionResponseStreamChoice {
  if (!isObject(wire)) {
    return { index: 0, delta: decodeDeltaMessage(undefined), finishReason: null };
  }
  return {
    index: numberOr(wire.index, 0),
    delta: decodeDeltaMessage(wire.delta),
    finishReason: stringOr(wire.finish_reason, null),
  };
}

/**
 * Wire delta → public {@link DeltaMessage}: `role`, `content` and `toolCalls`
 * always present (possibly `undefined`), the rare keys only when sent.
 */
export function decodeDeltaMessage(wire: unknown): DeltaMessage {
  if (!isObject(wire)) return { role: undefined, content: undefined, toolCalls: undefined };
  const delta: DeltaMessage = {
    role: nullableString(wire.role),
    content: decodeContent(wire.content),
    toolCalls: decodeToolCalls(wire.tool_calls),
  };
  if (wire.tool_call_id !== undefined) delta.toolCallId = nullableString(wire.tool_call_id);
  if (wire.index !== undefined) delta.index = nullableNumber(wire.index);
  if (wire.metadata !== undefined) {
    const metadata = wire.metadata;
    delta.metadata = isObject(metadata) || metadata === null ? metadata : undefined;
  }
  return delta;
}
