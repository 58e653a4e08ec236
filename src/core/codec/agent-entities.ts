/**
 * Agents as entities (`beta.agents`): create and update bodies → wire, agents
 * and aliases → public.
 *
 * @module
 */

import type {
  Agent,
  AgentAliasResponse,
  CreateAgentRequest,
  UpdateAgentRequest,
} from "../models/index.js";
import {
  decodeCompletionArgs,
  decodeConversationTools,
  encodeCompletionArgs,
} from "./completion-args.js";
import { dateOf, decodeGuardrails } from "./entity-fields.js";
import { encodeGuardrails } from "./guardrails.js";
import { encodeTools } from "./tools.js";
import {
  fieldsOf,
  isObject,
  nullableString,
  numberOr,
  setDefined,
  stringOr,
  type WireObject,
} from "./wire.js";

/** `create()` / `update()` body → wire. */
export function encodeAgentRequest(request: WireObject): WireObject {
  const r = fieldsOf<CreateAgentRequest & UpdateAgentRequest>(request);
  const out: WireObject = {};
  setDefined(out, "instructions", r.instructions);
  setDefined(out, "tools", encodeTools(r.tools));
  setDefined(out, "completion_args", encodeCompletionArgs(r.completionArgs));
  setDefined(out, "guardrails", encodeGuardrails(r.guardrails));
  setDefined(out, "model", r.model);
  setDefined(out, "name", r.name);
  setDefined(out, "description", r.description);
  setDefined(out, "handoffs", r.handoffs);
  setDefined(out, "deployment_chat", r.deploymentChat);
  setDefined(out, "metadata", r.metadata);
  setDefined(out, "version_message", r.versionMessage);
  return out;
}

/** A wire agent → public. */
export function decodeAgent(wire: unknown): Agent {
  const w = isObject(wire) ? wire : {};
  const out: Agent = {
    model: stringOr(w.model, ""),
    name: stringOr(w.name, ""),
    object: "agent",
    id: stringOr(w.id, ""),
    version: numberOr(w.version, 0),
    versions: Array.isArray(w.versions) ? (w.versions as number[]) : [],
    createdAt: dateOf(w.created_at) ?? new Date(Number.NaN),
    updatedAt: dateOf(w.updated_at) ?? new Date(Number.NaN),
    deploymentChat: w.deployment_chat === true,
    source: stringOr(w.source, "api"),
  };
  if (w.instructions !== undefined) out.instructions = nullableString(w.instructions);
  const tools = decodeConversationTools(w.tools);
  if (tools) out.tools = tools;
  const args = decodeCompletionArgs(w.completion_args);
  if (args) out.completionArgs = args;
  if (w.guardrails !== undefined) out.guardrails = decodeGuardrails(w.guardrails);
  if (w.description !== undefined) out.description = nullableString(w.description);
  if (w.handoffs !== undefined)
    out.handoffs = Array.isArray(w.handoffs) ? (w.handoffs as string[]) : null;
  if (w.metadata !== undefined) out.metadata = isObject(w.metadata) ? w.metadata : null;
  if (w.owner_id !== undefined) out.ownerId = nullableString(w.owner_id);
  if (w.version_message !== undefined) out.versionMessage = nullableString(w.version_message);
  return out;
}

/** A wire alias → public. */
export function decodeAgentAlias(wire: unknown): AgentAliasResponse {
  const w = isObject(wire) ? wire : {};
  return {
    alias: String(w.alias ?? ""),
    version: Number(w.version),
    createdAt: dateOf(w.created_at) ?? new Date(Number.NaN),
    updatedAt: dateOf(w.updated_at) ?? new Date(Number.NaN),
  };
}
