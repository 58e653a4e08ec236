/**
 * Conversation entries both ways. Requests send entries as `inputs` (often
 * the outputs of an earlier answer, sent back); responses and histories
 * hold them. An entry's `type` is inferred from its fields when the caller
 * left it out, as the official client's defaults do. `arguments` objects and
 * `info` pass untouched.
 *
 * @module
 */

import type {
  AgentHandoffEntry,
  ConversationEntry,
  FunctionCallEntry,
  FunctionResultEntry,
  MessageInputEntry,
  MessageOutputEntry,
  ToolExecutionEntry,
} from "../models/index.js";
import { decodeContent, encodeContent } from "./content.js";
import {
  dateOf,
  type Fields,
  fieldsOf,
  isObject,
  isoOf,
  mapArray,
  setDefined,
  stringOr,
  type WireObject,
} from "./wire.js";

/** Public `inputs` (text or entries) → wire. */
export function encodeInputs(inputs: unknown): unknown {
  return typeof inputs === "string" ? inputs : mapArray(inputs, encodeEntry);
}

/** The type of a public entry: its own, or the one its fields say. */
function entryType(entry: WireObject): unknown {
  if (entry.type !== undefined) return entry.type;
  if ("result" in entry) return "function.result";
  if ("toolCallId" in entry) return "function.call";
  if ("nextAgentId" in entry) return "agent.handoff";
  if ("info" in entry || ("name" in entry && "arguments" in entry)) return "tool.execution";
  return entry.role === "assistant" && ("model" in entry || "agentId" in entry)
    ? "message.output"
    : "message.input";
}

/** One public entry → wire. */
export function encodeEntry(entry: unknown): unknown {
  if (!isObject(entry)) return entry;
  const type = entryType(entry);
  const out: WireObject = { object: entry.object ?? "entry", type };
  setDefined(out, "created_at", isoOf(entry.createdAt));
  setDefined(out, "completed_at", isoOf(entry.completedAt));
  setDefined(out, "id", entry.id);
  switch (type) {
    case "message.input":
    case "message.output": {
      const e = fieldsOf<MessageInputEntry & MessageOutputEntry>(entry);
      setDefined(out, "agent_id", e.agentId);
      setDefined(out, "model", e.model);
      out.role = e.role ?? (type === "message.output" ? "assistant" : undefined);
      out.content = encodeContent(e.content);
      setDefined(out, "prefix", e.prefix);
      return out;
    }
    case "function.result": {
      const e = fieldsOf<FunctionResultEntry>(entry);
      return { ...out, tool_call_id: e.toolCallId, result: e.result };
    }
    case "function.call":
      return encodeFunctionCall(out, fieldsOf<FunctionCallEntry>(entry));
    case "tool.execution": {
      const e = fieldsOf<ToolExecutionEntry>(entry);
      setDefined(out, "agent_id", e.agentId);
      setDefined(out, "model", e.model);
      Object.assign(out, { name: e.name, arguments: e.arguments });
      setDefined(out, "info", e.info);
      return out;
    }
    case "agent.handoff": {
      const e = fieldsOf<AgentHandoffEntry>(entry);
      return {
        ...out,
        previous_agent_id: e.previousAgentId,
        previous_agent_name: e.previousAgentName,
        next_agent_id: e.nextAgentId,
        next_agent_name: e.nextAgentName,
      };
    }
    default:
      return entry;
  }
}

function encodeFunctionCall(out: WireObject, e: Fields<FunctionCallEntry>): WireObject {
  setDefined(out, "agent_id", e.agentId);
  setDefined(out, "model", e.model);
  Object.assign(out, { tool_call_id: e.toolCallId, name: e.name, arguments: e.arguments });
  setDefined(out, "confirmation_status", e.confirmationStatus);
  return out;
}

/** Wire entries → public. */
export function decodeEntries(wire: unknown): ConversationEntry[] {
  return Array.isArray(wire) ? wire.map(decodeEntry) : [];
}

/** One wire entry → public, by its `type`; an entry of a type this client does not know as sent. */
export function decodeEntry(wire: unknown): ConversationEntry {
  if (!isObject(wire)) return wire as ConversationEntry;
  const out: WireObject = { object: wire.object ?? "entry", type: wire.type };
  setDefined(out, "createdAt", dateOf(wire.created_at));
  if (wire.completed_at !== undefined) out.completedAt = dateOf(wire.completed_at) ?? null;
  setDefined(out, "agentId", wire.agent_id);
  setDefined(out, "model", wire.model);
  setDefined(out, "id", wire.id);
  switch (wire.type) {
    case "message.input":
    case "message.output":
      out.role = wire.role;
      out.content = decodeContent(wire.content) ?? "";
      setDefined(out, "prefix", wire.prefix);
      break;
    case "function.result":
      Object.assign(out, { toolCallId: wire.tool_call_id, result: wire.result });
      break;
    case "function.call":
      Object.assign(out, { toolCallId: wire.tool_call_id, name: wire.name });
      out.arguments = wire.arguments;
      setDefined(out, "confirmationStatus", wire.confirmation_status);
      break;
    case "tool.execution":
      // Recorded entries may have no `arguments`, which the spec requires.
      Object.assign(out, { name: wire.name, arguments: stringOr(wire.arguments, "") });
      setDefined(out, "info", wire.info);
      break;
    case "agent.handoff":
      Object.assign(out, {
        previousAgentId: wire.previous_agent_id,
        previousAgentName: wire.previous_agent_name,
        nextAgentId: wire.next_agent_id,
        nextAgentName: wire.next_agent_name,
      });
      break;
    default:
      return wire as unknown as ConversationEntry;
  }
  return out as unknown as ConversationEntry;
}
