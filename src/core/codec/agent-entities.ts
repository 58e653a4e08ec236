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
import { decodeGuardrails, encodeGuardrails } from "./guardrails.js";
import { encodeTools } from "./tools.js";
import { dateOf, fieldsOf, isObject, setDefined, type WireObject } from "./wire.js";

/** `create()` / `update()` body → wire. */
export function encodeAgentRequest(request: CreateAgentRequest | UpdateAgentRequest): WireObject {
  const r = fieldsOf<CreateAgentRequest & UpdateAgentRequest>(request as unknown as WireObject);
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
  const out: WireObject = {};
  setDefined(out, "instructions", w.instructions);
  setDefined(out, "tools", decodeConversationTools(w.tools));
  setDefined(out, "completionArgs", decodeCompletionArgs(w.completion_args));
  setDefined(out, "guardrails", decodeGuardrails(w.guardrails));
  Object.assign(out, { model: w.model, name: w.name });
  setDefined(out, "description", w.description);
  setDefined(out, "handoffs", w.handoffs);
  setDefined(out, "metadata", w.metadata);
  Object.assign(out, { object: "agent", id: w.id, version: w.version, versions: w.versions ?? [] });
  setDefined(out, "ownerId", w.owner_id);
  out.createdAt = dateOf(w.created_at);
  out.updatedAt = dateOf(w.updated_at);
  out.deploymentChat = w.deployment_chat === true;
  out.source = w.source;
  setDefined(out, "versionMessage", w.version_message);
  return out as unknown as Agent;
}

/** A wire alias → public. */
export function decodeAgentAlias(wire: unknown): AgentAliasResponse {
  const w = isObject(wire) ? wire : {};
  return {
    alias: String(w.alias ?? ""),
    version: Number(w.version),
    createdAt: dateOf(w.created_at) as Date,
    updatedAt: dateOf(w.updated_at) as Date,
  };
}
