/**
 * The Conversations API: start, append, restart (each streamed or not),
 * list, get, delete, history and messages, over the emulator's store.
 * Answers are planned by `conversations/turn.ts` and rendered by
 * `conversations/render.ts`; streams take the same faults as chat streams.
 *
 * @module
 */
import {
  conversationDialect,
  renderConversationEvents,
  renderConversationResponse,
} from "../conversations/render.js";
import { type ConversationRecord, newId, now, Store, type Wire } from "../conversations/store.js";
import { planTurn, speakerOf } from "../conversations/turn.js";
import {
  appendRequest,
  conversationRequest,
  restartRequest,
} from "../requests/conversation-schemas.js";
import { findModel } from "../requests/models.js";
import { completionDefaults } from "./agents.js";
import {
  badRequestError,
  type ErrorReply,
  invalidModelError,
  notFoundError,
} from "./error-bodies.js";
import { isReply, readChecked, sendAnswer, sendStream } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError, sendJson } from "./util.js";

/** New input entries as stored: each with its object, type, time and id. */
function inputEntries(inputs: unknown): Wire[] {
  const list =
    typeof inputs === "string" ? [{ role: "user", content: inputs }] : ((inputs ?? []) as Wire[]);
  return list.map((input) => {
    const type = input.type ?? "message.input";
    const prefix = type === "message.input" ? "msg" : type === "function.result" ? "fr" : "entry";
    const entry: Wire = {
      object: "entry",
      type,
      created_at: now(),
      completed_at: now(),
      id: newId(prefix),
    };
    for (const [key, value] of Object.entries(input))
      if (!(key in entry) || key === "id") entry[key] = value;
    if (type === "message.input") entry.prefix ??= false;
    return entry;
  });
}

/** Answers a turn of `record` (or of a conversation not stored) with `entries`, as asked. */
async function answer(
  scope: RequestScope,
  conversation: { id: string; settings: Wire; entries: Wire[] },
  body: Wire,
  inputs: Wire[],
  keep: ConversationRecord | undefined,
): Promise<void> {
  const agent = agentOf(scope, conversation.settings);
  if (isReply(agent)) return sendError(scope.res, agent);
  const speaker = speakerOf(conversation.settings, agent, scope.ctx.options.agentModel);
  const handoffExecution = body.handoff_execution === "client" ? "client" : "server";
  const confirmations = (body.tool_confirmations ?? []) as Wire[];
  const entries = [...conversation.entries, ...inputs];
  const args = (body.completion_args ?? undefined) as Wire | undefined;
  const plan = planTurn(
    { store: scope.ctx.store, speaker, entries, handoffExecution, confirmations },
    args,
  );
  if (keep && body.store !== false) {
    keep.entries.push(...inputs, ...plan.outputs.map((o) => o.entry));
    keep.updatedAt = now();
  }
  if (body.stream === true) {
    return sendStream(scope, renderConversationEvents(conversation.id, plan), conversationDialect);
  }
  const tokens = Number(plan.usage.completion_tokens);
  await sendAnswer(scope, tokens, renderConversationResponse(conversation.id, plan));
}

/** The agent a conversation talks to (`undefined` for a model conversation), or its 404. */
function agentOf(scope: RequestScope, settings: Wire): Wire | undefined | ErrorReply {
  if (typeof settings.agent_id !== "string") return undefined;
  const agent = scope.ctx.store.agentAt(settings.agent_id, settings.agent_version);
  return agent ?? notFoundError("Agent", settings.agent_id);
}

/** `POST /v1/conversations`. */
async function start(scope: RequestScope): Promise<void> {
  const body = await readChecked(scope, conversationRequest);
  if (isReply(body)) return sendError(scope.res, body);
  const hasAgent = typeof body.agent_id === "string";
  if (hasAgent === (typeof body.model === "string")) {
    return sendError(scope.res, badRequestError("Exactly one of model or agent_id must be set"));
  }
  if (!hasAgent && !findModel(String(body.model))?.capabilities.completion_chat) {
    return sendError(scope.res, invalidModelError(String(body.model)));
  }
  const keys = hasAgent
    ? ["name", "description", "metadata", "agent_id", "agent_version"]
    : [
        "instructions",
        "tools",
        "completion_args",
        "guardrails",
        "name",
        "description",
        "metadata",
        "model",
      ];
  const settings: Wire = {};
  for (const key of keys) settings[key] = body[key] ?? (key === "tools" ? [] : null);
  // Shown in full, as for agents: the official client requires the object.
  if (!hasAgent)
    settings.completion_args = { ...completionDefaults, ...(body.completion_args ?? {}) };
  const inputs = inputEntries(body.inputs);
  const stored = body.store === false ? undefined : scope.ctx.store.addConversation(settings, []);
  const conversation = stored ?? { id: newId("conv"), settings, entries: [] };
  await answer(scope, conversation, { ...body, completion_args: undefined }, inputs, stored);
}

/** `POST /v1/conversations/{id}` and `…/restart`. */
async function continueConversation(
  scope: RequestScope,
  record: ConversationRecord,
  restart: boolean,
): Promise<void> {
  const body = await readChecked(scope, restart ? restartRequest : appendRequest);
  if (isReply(body)) return sendError(scope.res, body);
  const inputs = inputEntries(body.inputs);
  if (!restart) return answer(scope, record, body, inputs, record);
  const at = record.entries.findIndex((e) => e.id === body.from_entry_id);
  if (at < 0) return sendError(scope.res, notFoundError("Entry", String(body.from_entry_id)));
  const settings = { ...record.settings };
  if (body.agent_version !== undefined && settings.agent_id)
    settings.agent_version = body.agent_version;
  if (body.metadata !== undefined) settings.metadata = body.metadata;
  const entries = structuredClone(record.entries.slice(0, at + 1));
  const stored =
    body.store === false ? undefined : scope.ctx.store.addConversation(settings, entries);
  const conversation = stored ?? { id: newId("conv"), settings, entries };
  await answer(scope, conversation, body, inputs, stored);
}

/** `GET /v1/conversations`: newest first, paged, filtered by metadata. */
function list(scope: RequestScope, url: URL) {
  const page = Math.max(0, Number(url.searchParams.get("page") ?? 0) || 0);
  const size = Math.max(1, Number(url.searchParams.get("page_size") ?? 100) || 100);
  const filter = parseMetadata(url.searchParams.get("metadata"));
  const all = [...scope.ctx.store.conversations.values()]
    .reverse()
    .filter((c) => matches(c.settings.metadata, filter));
  sendJson(scope.res, 200, all.slice(page * size, (page + 1) * size).map(Store.conversationObject));
}

/** The metadata filter of a list query (JSON), if any. */
export function parseMetadata(text: string | null): Wire | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Wire) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `metadata` has every key of `filter` with the same value. */
export function matches(metadata: unknown, filter: Wire | undefined): boolean {
  if (!filter) return true;
  const m = (metadata ?? {}) as Wire;
  return Object.entries(filter).every(([k, v]) => JSON.stringify(m[k]) === JSON.stringify(v));
}

/** Routes `/v1/conversations…` (`rest`: the path after it, split). */
export async function handleConversations(
  scope: RequestScope,
  method: string,
  rest: string[],
  url: URL,
): Promise<void> {
  const [id, sub] = rest;
  if (id === undefined) {
    if (method === "POST") return start(scope);
    if (method === "GET") return list(scope, url);
    return sendError(scope.res, { status: 405, body: { detail: "Method Not Allowed" } });
  }
  const record = scope.ctx.store.conversations.get(id);
  if (!record) return sendError(scope.res, notFoundError("Conversation", id));
  const conversationId = record.id;
  const route = `${method} ${sub ?? ""}`;
  switch (route) {
    case "GET ":
      return sendJson(scope.res, 200, Store.conversationObject(record));
    case "DELETE ":
      scope.ctx.store.conversations.delete(id);
      scope.res.writeHead(204).end();
      return;
    case "POST ":
      return continueConversation(scope, record, false);
    case "POST restart":
      return continueConversation(scope, record, true);
    case "GET history":
      return sendJson(scope.res, 200, {
        object: "conversation.history",
        conversation_id: conversationId,
        entries: record.entries,
      });
    case "GET messages": {
      const messages = record.entries.filter(
        (e) => e.type === "message.input" || e.type === "message.output",
      );
      return sendJson(scope.res, 200, {
        object: "conversation.messages",
        conversation_id: conversationId,
        messages,
      });
    }
    default:
      return sendError(scope.res, { status: 404, body: { detail: "Not Found" } });
  }
}
