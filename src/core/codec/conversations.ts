/**
 * Conversations API requests (public → wire) and answers (wire → public).
 * `metadata` and JSON Schemas pass untouched; unknown request keys are
 * dropped (the API rejects them).
 *
 * @module
 */

import type {
  AgentConversation,
  ConversationAppendRequest,
  ConversationHistory,
  ConversationMessages,
  ConversationRequest,
  ConversationResponse,
  ConversationResponseOutput,
  ConversationRestartRequest,
  MessageInputEntry,
  MessageOutputEntry,
  ModelConversation,
  ResponseV1ConversationsGet,
} from "../models/index.js";
import {
  decodeCompletionArgs,
  decodeConversationTools,
  encodeCompletionArgs,
} from "./completion-args.js";
import { decodeEntries, encodeInputs } from "./conversation-entries.js";
import { decodeConversationUsage } from "./conversation-events.js";
import { dateOf, decodeGuardrails } from "./entity-fields.js";
import { encodeGuardrails } from "./guardrails.js";
import { encodeTools } from "./tools.js";
import {
  type Fields,
  fieldsOf,
  isObject,
  nullableString,
  setDefined,
  stringOr,
  type WireObject,
} from "./wire.js";

/** `start()` / `startStream()` body → wire. */
export function encodeConversationRequest(request: WireObject, stream: boolean): WireObject {
  const r = fieldsOf<ConversationRequest>(request);
  const out: WireObject = { inputs: encodeInputs(r.inputs), stream };
  setDefined(out, "store", r.store);
  setDefined(out, "handoff_execution", r.handoffExecution);
  setDefined(out, "instructions", r.instructions);
  setDefined(out, "tools", encodeTools(r.tools));
  setDefined(out, "completion_args", encodeCompletionArgs(r.completionArgs));
  setDefined(out, "guardrails", encodeGuardrails(r.guardrails));
  setDefined(out, "name", r.name);
  setDefined(out, "description", r.description);
  setDefined(out, "metadata", r.metadata);
  setDefined(out, "agent_id", r.agentId);
  setDefined(out, "agent_version", r.agentVersion);
  setDefined(out, "model", r.model);
  return out;
}

/** The fields an append and a restart share → wire. */
function encodeTurn(
  r: Fields<
    Pick<ConversationAppendRequest, "inputs" | "store" | "handoffExecution" | "completionArgs">
  >,
  stream: boolean,
): WireObject {
  const out: WireObject = { stream };
  setDefined(out, "inputs", encodeInputs(r.inputs));
  setDefined(out, "store", r.store);
  setDefined(out, "handoff_execution", r.handoffExecution);
  setDefined(out, "completion_args", encodeCompletionArgs(r.completionArgs));
  return out;
}

/** `append()` / `appendStream()` body → wire. */
export function encodeAppendRequest(request: WireObject, stream: boolean): WireObject {
  const r = fieldsOf<ConversationAppendRequest>(request);
  const out = encodeTurn(r, stream);
  const confirmations = r.toolConfirmations;
  setDefined(
    out,
    "tool_confirmations",
    Array.isArray(confirmations)
      ? confirmations.map((c: unknown) =>
          isObject(c) ? { tool_call_id: c.toolCallId, confirmation: c.confirmation } : c,
        )
      : confirmations,
  );
  return out;
}

/** `restart()` / `restartStream()` body → wire. */
export function encodeRestartRequest(request: WireObject, stream: boolean): WireObject {
  const r = fieldsOf<ConversationRestartRequest>(request);
  const out = encodeTurn(r, stream);
  setDefined(out, "guardrails", encodeGuardrails(r.guardrails));
  setDefined(out, "metadata", r.metadata);
  setDefined(out, "from_entry_id", r.fromEntryId);
  setDefined(out, "agent_version", r.agentVersion);
  return out;
}

/** A `conversation.response` → public. */
export function decodeConversationResponse(wire: WireObject): ConversationResponse {
  const out: ConversationResponse = {
    object: "conversation.response",
    conversationId: String(wire.conversation_id ?? ""),
    outputs: decodeEntries(wire.outputs) as ConversationResponseOutput[],
    usage: decodeConversationUsage(wire.usage),
  };
  if (wire.guardrails !== undefined)
    out.guardrails = wire.guardrails as ConversationResponse["guardrails"];
  return out;
}

/** A conversation (with a model or an agent) → public. */
export function decodeConversation(wire: unknown): ResponseV1ConversationsGet {
  const w = isObject(wire) ? wire : {};
  const base = {
    object: "conversation" as const,
    id: stringOr(w.id, ""),
    createdAt: dateOf(w.created_at) ?? new Date(Number.NaN),
    updatedAt: dateOf(w.updated_at) ?? new Date(Number.NaN),
  };
  const named: Pick<ModelConversation, "name" | "description" | "metadata"> = {};
  if (w.name !== undefined) named.name = nullableString(w.name);
  if (w.description !== undefined) named.description = nullableString(w.description);
  if (w.metadata !== undefined) named.metadata = isObject(w.metadata) ? w.metadata : null;
  if (typeof w.agent_id === "string") {
    const out: AgentConversation = { ...named, ...base, agentId: w.agent_id };
    if (
      typeof w.agent_version === "string" ||
      typeof w.agent_version === "number" ||
      w.agent_version === null
    ) {
      out.agentVersion = w.agent_version;
    }
    return out;
  }
  const out: ModelConversation = { ...named, ...base, model: stringOr(w.model, "") };
  if (w.instructions !== undefined) out.instructions = nullableString(w.instructions);
  const tools = decodeConversationTools(w.tools);
  if (tools) out.tools = tools;
  const args = decodeCompletionArgs(w.completion_args);
  if (args) out.completionArgs = args;
  if (w.guardrails !== undefined) out.guardrails = decodeGuardrails(w.guardrails);
  return out;
}

/** `getHistory()`'s answer → public. */
export function decodeConversationHistory(wire: WireObject): ConversationHistory {
  return {
    object: "conversation.history",
    conversationId: String(wire.conversation_id ?? ""),
    entries: decodeEntries(wire.entries),
  };
}

/** `getMessages()`'s answer → public. */
export function decodeConversationMessages(wire: WireObject): ConversationMessages {
  return {
    object: "conversation.messages",
    conversationId: String(wire.conversation_id ?? ""),
    messages: decodeEntries(wire.messages) as Array<MessageInputEntry | MessageOutputEntry>,
  };
}
