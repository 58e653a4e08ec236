/**
 * Agents as entities: create, list (also by page), get (at a version or an
 * alias), update (a new version), delete, switch version, list and get
 * versions, and version aliases, over the emulator's store.
 *
 * @module
 */
import { type AgentRecord, newId, now, type Wire } from "../conversations/store.js";
import { createAgentRequest, updateAgentRequest } from "../requests/conversation-schemas.js";
import { findModel } from "../requests/models.js";
import { matches, parseMetadata } from "./conversations.js";
import {
  type ErrorReply,
  invalidModelError,
  notFoundError,
  validationError,
} from "./error-bodies.js";
import { isReply, readChecked } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError, sendJson } from "./util.js";

/** Completion arguments as the API shows them when none were set: every key, null but `tool_choice`. */
export const completionDefaults: Wire = {
  stop: null,
  presence_penalty: null,
  frequency_penalty: null,
  temperature: null,
  top_p: null,
  max_tokens: null,
  random_seed: null,
  prediction: null,
  response_format: null,
  tool_choice: "auto",
};

/** An integer query parameter, or its 422 (`required`: it must be there). */
function queryInt(url: URL, name: string, required: boolean): number | undefined | ErrorReply {
  const raw = url.searchParams.get(name);
  if (raw === null) {
    if (!required) return undefined;
    return validationError([
      { type: "missing", loc: ["query", name], msg: "Field required", input: null },
    ]);
  }
  if (/^-?\d+$/.test(raw.trim())) return Number(raw);
  const msg = "Input should be a valid integer, unable to parse string as an integer";
  return validationError([{ type: "int_parsing", loc: ["query", name], msg, input: raw }]);
}

/** An agent version's wire form from a create or update body. */
function agentVersion(body: Wire, base: Wire | undefined, version: number): Wire {
  const pick = (key: string, fallback: unknown) =>
    body[key] !== undefined ? body[key] : (base?.[key] ?? fallback);
  return {
    instructions: pick("instructions", null),
    tools: pick("tools", []),
    completion_args: {
      ...completionDefaults,
      ...((base?.completion_args as Wire) ?? {}),
      ...((body.completion_args as Wire) ?? {}),
    },
    guardrails: pick("guardrails", null),
    model: pick("model", null),
    name: pick("name", null),
    description: pick("description", null),
    handoffs: pick("handoffs", null),
    metadata: pick("metadata", null),
    object: "agent",
    id: base?.id ?? newId("ag"),
    version,
    versions: [],
    created_at: base?.created_at ?? now(),
    updated_at: now(),
    deployment_chat: pick("deployment_chat", false),
    source: "api",
    version_message: body.version_message ?? null,
  };
}

/** The agent as shown: `versions` lists every version. */
function shown(record: AgentRecord, version: Wire): Wire {
  return { ...version, versions: record.versions.map((_, i) => i) };
}

async function create(scope: RequestScope): Promise<void> {
  const body = await readChecked(scope, createAgentRequest);
  if (isReply(body)) return sendError(scope.res, body);
  if (!findModel(String(body.model))?.capabilities.completion_chat) {
    return sendError(scope.res, invalidModelError(String(body.model)));
  }
  const first = agentVersion(body, undefined, 0);
  const record: AgentRecord = {
    id: String(first.id),
    versions: [first],
    current: 0,
    aliases: new Map(),
  };
  scope.ctx.store.agents.set(record.id, record);
  sendJson(scope.res, 200, shown(record, first));
}

async function update(scope: RequestScope, record: AgentRecord): Promise<void> {
  const body = await readChecked(scope, updateAgentRequest);
  if (isReply(body)) return sendError(scope.res, body);
  if (typeof body.model === "string" && !findModel(body.model)?.capabilities.completion_chat) {
    return sendError(scope.res, invalidModelError(body.model));
  }
  const next = agentVersion(body, record.versions[record.current], record.versions.length);
  record.versions.push(next);
  record.current = next.version as number;
  sendJson(scope.res, 200, shown(record, next));
}

/** `GET /v1/agents` and `/v1/agents/pages`. */
function list(scope: RequestScope, url: URL, paged: boolean) {
  const q = url.searchParams;
  const size = Math.max(1, Number(q.get("page_size") ?? 20) || 20);
  const offset = paged
    ? Number(q.get("page_token") ?? 0) || 0
    : Math.max(0, Number(q.get("page") ?? 0) || 0) * size;
  const filter = parseMetadata(q.get("metadata"));
  const search = q.get("search")?.toLowerCase();
  const all = [...scope.ctx.store.agents.values()]
    .reverse()
    .map((r) => shown(r, r.versions[r.current] as Wire))
    .filter((a) => (q.get("name") ? a.name === q.get("name") : true))
    .filter((a) => (q.get("id") ? a.id === q.get("id") : true))
    .filter((a) => !search || `${a.name} ${a.id}`.toLowerCase().includes(search))
    .filter((a) => matches(a.metadata, filter));
  const page = all.slice(offset, offset + size);
  if (!paged) return sendJson(scope.res, 200, page);
  const next = offset + size < all.length ? String(offset + size) : null;
  sendJson(scope.res, 200, { object: "list", data: page, next_page_token: next });
}

/** `…/aliases`: put, list, delete. */
function aliases(scope: RequestScope, method: string, record: AgentRecord, url: URL) {
  const alias = url.searchParams.get("alias");
  if (method === "GET") return sendJson(scope.res, 200, [...record.aliases.values()]);
  if (alias === null || !/^[a-z]([a-z0-9_-]*[a-z0-9])?$/.test(alias) || alias.length > 64) {
    const issue = {
      type: "string_pattern_mismatch",
      loc: ["query", "alias"],
      msg: "String should match pattern '^[a-z]([a-z0-9_-]*[a-z0-9])?$'",
      input: alias,
    };
    return sendError(scope.res, validationError([issue]));
  }
  if (method === "DELETE") {
    if (!record.aliases.delete(alias)) return sendError(scope.res, notFoundError("Alias", alias));
    scope.res.writeHead(204).end();
    return;
  }
  const version = queryInt(url, "version", true);
  if (isReply(version)) return sendError(scope.res, version);
  if (!record.versions[version as number])
    return sendError(scope.res, notFoundError("Agent version", String(version)));
  const at = now();
  const created = (record.aliases.get(alias)?.created_at as string | undefined) ?? at;
  const entry = { alias, version, created_at: created, updated_at: at };
  record.aliases.set(alias, entry);
  sendJson(scope.res, 200, entry);
}

/** Routes `/v1/agents…` (`rest`: the path after it, split). */
export async function handleAgents(
  scope: RequestScope,
  method: string,
  rest: string[],
  url: URL,
): Promise<void> {
  const [id, sub, version] = rest;
  if (id === undefined) return method === "POST" ? create(scope) : list(scope, url, false);
  if (id === "pages" && method === "GET") return list(scope, url, true);
  const record = scope.ctx.store.agents.get(id);
  if (!record) return sendError(scope.res, notFoundError("Agent", id));
  const route = `${method} ${sub ?? ""}`;
  if (route === "GET ") {
    const at = url.searchParams.get("agent_version");
    const agent = scope.ctx.store.agentAt(id, at ?? undefined);
    return agent
      ? sendJson(scope.res, 200, shown(record, agent))
      : sendError(scope.res, notFoundError("Agent version", String(at)));
  }
  if (route === "PATCH ") return update(scope, record);
  if (route === "DELETE ") {
    scope.ctx.store.agents.delete(id);
    scope.res.writeHead(204).end();
    return;
  }
  if (route === "PATCH version") {
    const n = queryInt(url, "version", true);
    if (isReply(n)) return sendError(scope.res, n);
    if (!record.versions[n as number])
      return sendError(scope.res, notFoundError("Agent version", String(n)));
    record.current = n as number;
    return sendJson(scope.res, 200, shown(record, record.versions[n as number] as Wire));
  }
  if (route === "GET versions") return versions(scope, record, url, version);
  if (sub === "aliases") return aliases(scope, method, record, url);
  sendError(scope.res, { status: 404, body: { detail: "Not Found" } });
}

/** `GET …/versions` (newest first, paged) and `GET …/versions/{version}`. */
function versions(scope: RequestScope, record: AgentRecord, url: URL, version: string | undefined) {
  if (version !== undefined) {
    const agent = scope.ctx.store.agentAt(record.id, version);
    if (!agent) return sendError(scope.res, notFoundError("Agent version", version));
    return sendJson(scope.res, 200, shown(record, agent));
  }
  const page = Math.max(0, Number(url.searchParams.get("page") ?? 0) || 0);
  const size = Math.max(1, Number(url.searchParams.get("page_size") ?? 20) || 20);
  const all = [...record.versions].reverse().map((v) => shown(record, v));
  sendJson(scope.res, 200, all.slice(page * size, (page + 1) * size));
}
