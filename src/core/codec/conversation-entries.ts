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
import { dateOf, isoOf } from "./entity-fields.js";
import {
  type Fields,
  fieldsOf,
  isObject,
  mapArray,
  nullableString,
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
  if (entry.type === "UNKNOWN" && entry.isUnknown === true) return entry.raw;
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

/** What every entry has: object, times, id. */
function entryBase(wire: WireObject) {
  const out: {
    object: "entry";
    createdAt?: Date;
    completedAt?: Date | null;
    id?: string;
  } = { object: "entry" };
  const created = dateOf(wire.created_at);
  if (created) out.createdAt = created;
  if (wire.completed_at !== undefined) out.completedAt = dateOf(wire.completed_at) ?? null;
  if (typeof wire.id === "string") out.id = wire.id;
  return out;
}

/** Who made an output entry. */
function byAgent(wire: WireObject) {
  const out: { agentId?: string | null | undefined; model?: string | null | undefined } = {};
  if (wire.agent_id !== undefined) out.agentId = nullableString(wire.agent_id);
  if (wire.model !== undefined) out.model = nullableString(wire.model);
  return out;
}

/** One wire entry → public, by its `type`; an entry of a type this client does not know is kept in `raw`. */
export function decodeEntry(wire: unknown): ConversationEntry {
  if (!isObject(wire)) return { type: "UNKNOWN", raw: wire, isUnknown: true };
  const base = entryBase(wire);
  switch (wire.type) {
    case "message.input": {
      const e: MessageInputEntry = {
        ...base,
        type: "message.input",
        role: stringOr(wire.role, "user"),
        content: (decodeContent(wire.content) ?? "") as MessageInputEntry["content"],
      };
      if (typeof wire.prefix === "boolean") e.prefix = wire.prefix;
      return e;
    }
    case "message.output":
      return {
        ...base,
        type: "message.output",
        ...byAgent(wire),
        role: "assistant",
        content: decodeContent(wire.content) ?? "",
      };
    case "function.result":
      return {
        ...base,
        type: "function.result",
        toolCallId: stringOr(wire.tool_call_id, ""),
        result: stringOr(wire.result, ""),
      };
    case "function.call":
      return decodeFunctionCall(wire, base);
    case "tool.execution": {
      // Recorded entries may have no `arguments`, which the spec requires.
      const e: ToolExecutionEntry = {
        ...base,
        type: "tool.execution",
        ...byAgent(wire),
        name: stringOr(wire.name, ""),
        arguments: stringOr(wire.arguments, ""),
      };
      if (isObject(wire.info)) e.info = wire.info;
      return e;
    }
    case "agent.handoff":
      return {
        ...base,
        type: "agent.handoff",
        previousAgentId: stringOr(wire.previous_agent_id, ""),
        previousAgentName: stringOr(wire.previous_agent_name, ""),
        nextAgentId: stringOr(wire.next_agent_id, ""),
        nextAgentName: stringOr(wire.next_agent_name, ""),
      };
    default:
      return { type: "UNKNOWN", raw: wire, isUnknown: true };
  }
}

function decodeFunctionCall(
  wire: WireObject,
  base: ReturnType<typeof entryBase>,
): FunctionCallEntry {
  const args = wire.arguments;
  const e: FunctionCallEntry = {
    ...base,
    type: "function.call",
    ...byAgent(wire),
    toolCallId: stringOr(wire.tool_call_id, ""),
    name: stringOr(wire.name, ""),
    arguments: isObject(args) ? args : stringOr(args, ""),
  };
  if (wire.confirmation_status !== undefined)
    e.confirmationStatus = nullableString(wire.confirmation_status);
  return e;
}
