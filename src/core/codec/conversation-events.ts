/**
 * Conversation stream events: wire data → public, by `type`. This runs once
 * per event, so it is one switch building one object. An event of a type
 * this client does not know keeps its data untouched in `raw`.
 *
 * @module
 */

import type {
  ConversationEventsData,
  ConversationUsageInfo,
  OutputContentChunks,
} from "../models/index.js";
import { decodeContentChunk } from "./content.js";
import { dateOf } from "./entity-fields.js";
import { isObject, nullableString, numberOr, stringOr, type WireObject } from "./wire.js";

/** What the events of an output share: time, output index, entry id. */
function output(wire: WireObject) {
  const out: { createdAt?: Date; outputIndex: number; id: string } = {
    outputIndex: numberOr(wire.output_index, 0),
    id: stringOr(wire.id, ""),
  };
  const created = dateOf(wire.created_at);
  if (created) out.createdAt = created;
  return out;
}

/** Who made it, when sent. */
function by(wire: WireObject) {
  const out: { model?: string | null | undefined; agentId?: string | null | undefined } = {};
  if (wire.model !== undefined) out.model = nullableString(wire.model);
  if (wire.agent_id !== undefined) out.agentId = nullableString(wire.agent_id);
  return out;
}

/** The time of an event that belongs to no output. */
function at(wire: WireObject): { createdAt?: Date } {
  const created = dateOf(wire.created_at);
  return created ? { createdAt: created } : {};
}

/** One event's data → public. */
export function decodeConversationEvent(wire: WireObject): ConversationEventsData {
  switch (wire.type) {
    case "message.output.delta": {
      const content = wire.content;
      return {
        type: "message.output.delta",
        ...output(wire),
        contentIndex: numberOr(wire.content_index, 0),
        ...by(wire),
        role: "assistant",
        content:
          typeof content === "string"
            ? content
            : (decodeContentChunk(content) as OutputContentChunks),
      };
    }
    case "function.call.delta": {
      const e = {
        type: "function.call.delta" as const,
        ...output(wire),
        ...by(wire),
        name: stringOr(wire.name, ""),
        toolCallId: stringOr(wire.tool_call_id, ""),
        arguments: stringOr(wire.arguments, ""),
      };
      const status = wire.confirmation_status;
      return status === undefined ? e : { ...e, confirmationStatus: nullableString(status) };
    }
    case "tool.execution.started":
      // Recorded `tool.execution.started` events have no `arguments`, which the spec requires.
      return {
        type: "tool.execution.started",
        ...output(wire),
        ...by(wire),
        name: stringOr(wire.name, ""),
        arguments: stringOr(wire.arguments, ""),
      };
    case "tool.execution.delta":
      return {
        type: "tool.execution.delta",
        ...output(wire),
        name: stringOr(wire.name, ""),
        arguments: stringOr(wire.arguments, ""),
      };
    case "tool.execution.done": {
      const e = {
        type: "tool.execution.done" as const,
        ...output(wire),
        name: stringOr(wire.name, ""),
      };
      return isObject(wire.info) ? { ...e, info: wire.info } : e;
    }
    case "agent.handoff.started":
      return {
        type: "agent.handoff.started",
        ...output(wire),
        previousAgentId: stringOr(wire.previous_agent_id, ""),
        previousAgentName: stringOr(wire.previous_agent_name, ""),
      };
    case "agent.handoff.done":
      return {
        type: "agent.handoff.done",
        ...output(wire),
        nextAgentId: stringOr(wire.next_agent_id, ""),
        nextAgentName: stringOr(wire.next_agent_name, ""),
      };
    case "conversation.response.started":
      return {
        type: "conversation.response.started",
        ...at(wire),
        conversationId: stringOr(wire.conversation_id, ""),
      };
    case "conversation.response.done":
      return {
        type: "conversation.response.done",
        ...at(wire),
        usage: decodeConversationUsage(wire.usage),
      };
    case "conversation.response.error":
      return {
        type: "conversation.response.error",
        ...at(wire),
        message: stringOr(wire.message, ""),
        code: numberOr(wire.code, 0),
      };
    default:
      return { type: "UNKNOWN", raw: wire, isUnknown: true };
  }
}

/** Wire usage of a conversation → public (the counts default to 0). */
export function decodeConversationUsage(wire: unknown): ConversationUsageInfo {
  const w = isObject(wire) ? wire : {};
  const out: ConversationUsageInfo = {
    promptTokens: numberOr(w.prompt_tokens, 0),
    completionTokens: numberOr(w.completion_tokens, 0),
    totalTokens: numberOr(w.total_tokens, 0),
  };
  if (w.connector_tokens !== undefined) out.connectorTokens = w.connector_tokens as number | null;
  if (w.connectors !== undefined)
    out.connectors = w.connectors as ConversationUsageInfo["connectors"];
  return out;
}
