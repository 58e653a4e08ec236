/**
 * Conversation stream events: wire data → public, by `type`. This runs once
 * per event, so it is one switch building one object. An event of a type
 * this client does not know keeps its data untouched in `raw`.
 *
 * @module
 */

import type { ConversationEventsData } from "../models/index.js";
import { decodeContentChunk } from "./content.js";
import { decodeConversationUsage } from "./conversations.js";
import { dateOf, numberOr, setDefined, stringOr, type WireObject } from "./wire.js";

/** One event's data → public. */
export function decodeConversationEvent(wire: WireObject): ConversationEventsData {
  const type = wire.type;
  const out: WireObject = { type };
  setDefined(out, "createdAt", dateOf(wire.created_at));
  switch (type) {
    case "message.output.delta":
      outputFields(out, wire);
      out.contentIndex = numberOr(wire.content_index, 0);
      modelFields(out, wire);
      out.role = "assistant";
      out.content =
        typeof wire.content === "string" ? wire.content : decodeContentChunk(wire.content);
      break;
    case "function.call.delta":
      outputFields(out, wire);
      modelFields(out, wire);
      Object.assign(out, {
        name: wire.name,
        toolCallId: wire.tool_call_id,
        arguments: wire.arguments,
      });
      setDefined(out, "confirmationStatus", wire.confirmation_status);
      break;
    case "tool.execution.started":
    case "tool.execution.delta":
      outputFields(out, wire);
      if (type === "tool.execution.started") modelFields(out, wire);
      // Recorded `tool.execution.started` events have no `arguments`, which the spec requires.
      Object.assign(out, { name: wire.name, arguments: stringOr(wire.arguments, "") });
      break;
    case "tool.execution.done":
      outputFields(out, wire);
      out.name = wire.name;
      setDefined(out, "info", wire.info);
      break;
    case "agent.handoff.started":
      outputFields(out, wire);
      out.previousAgentId = wire.previous_agent_id;
      out.previousAgentName = wire.previous_agent_name;
      break;
    case "agent.handoff.done":
      outputFields(out, wire);
      out.nextAgentId = wire.next_agent_id;
      out.nextAgentName = wire.next_agent_name;
      break;
    case "conversation.response.started":
      out.conversationId = wire.conversation_id;
      break;
    case "conversation.response.done":
      out.usage = decodeConversationUsage(wire.usage);
      break;
    case "conversation.response.error":
      Object.assign(out, { message: wire.message, code: wire.code });
      break;
    default:
      return { type: "UNKNOWN", raw: wire, isUnknown: true };
  }
  return out as unknown as ConversationEventsData;
}

function outputFields(out: WireObject, wire: WireObject): void {
  out.outputIndex = numberOr(wire.output_index, 0);
  out.id = wire.id;
}

function modelFields(out: WireObject, wire: WireObject): void {
  setDefined(out, "model", wire.model);
  setDefined(out, "agentId", wire.agent_id);
}
