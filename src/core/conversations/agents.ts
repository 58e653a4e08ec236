/**
 * The agents calls (`beta.agents`), loaded with the first one: create,
 * read, update (a new version), delete, versions and their aliases.
 *
 * @module
 */

import type { ApiCall, ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeAgent, decodeAgentAlias, encodeAgentRequest } from "../codec/agent-entities.js";
import type { Agent, AgentAliasResponse, AgentListPage } from "../models/index.js";
import { expectObject, requestObject } from "../resources/check-request.js";
import { pageQuery, pathId } from "../resources/query.js";

const listFilters = ["pageSize", "deploymentChat", "sources", "name", "search", "id", "metadata"];

/** An agents call, made from the request by `build`, and how its answer is read. */
async function send<T>(
  core: ApiCore,
  method: string,
  call: ApiCall,
  options: RequestOptions | undefined,
  read: (wire: unknown, method: string) => T,
): Promise<T> {
  return read(await core.requestJson(call, options), method);
}

const oneAgent = (wire: unknown, method: string) => decodeAgent(expectObject(wire, method));
const manyOf =
  <T>(decode: (wire: unknown) => T) =>
  (wire: unknown, method: string): T[] => {
    if (!Array.isArray(wire)) expectObject(wire, method);
    return (wire as unknown[]).map(decode);
  };
const nothing = (): void => undefined;

/** The path of the agent a request names: `/v1/agents/{agentId}` plus `suffix`. */
function agentPath(request: unknown, method: string, suffix = ""): string {
  const id = pathId(requestObject(request, method).agentId, method, "agentId");
  return `/v1/agents/${id}${suffix}`;
}

/** Every agents call, by method name. */
export const agentCalls = {
  create(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent> {
    const method = "beta.agents.create";
    const body = encodeAgentRequest(requestObject(request, method));
    return send(core, method, { method: "POST", path: "/v1/agents", body }, options, oneAgent);
  },
  list(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent[]> {
    const path = `/v1/agents${pageQuery(request, ["page", ...listFilters])}`;
    return send(core, "beta.agents.list", { method: "GET", path }, options, manyOf(decodeAgent));
  },
  listPage(core: ApiCore, request: unknown, options?: RequestOptions): Promise<AgentListPage> {
    const method = "beta.agents.listPages";
    const path = `/v1/agents/pages${pageQuery(request, [...listFilters, "pageToken"])}`;
    return send(core, method, { method: "GET", path }, options, (wire) => {
      const page = expectObject(wire, method);
      const data = Array.isArray(page.data) ? page.data.map(decodeAgent) : [];
      const token = page.next_page_token;
      return { object: "list", data, nextPageToken: typeof token === "string" ? token : null };
    });
  },
  get(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent> {
    const method = "beta.agents.get";
    const path = agentPath(request, method) + pageQuery(request, ["agentVersion"]);
    return send(core, method, { method: "GET", path }, options, oneAgent);
  },
  update(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent> {
    const method = "beta.agents.update";
    const changes = requestObject(
      requestObject(request, method).updateAgentRequest,
      `${method}: request.updateAgentRequest`,
    );
    const call: ApiCall = {
      method: "PATCH",
      path: agentPath(request, method),
      body: encodeAgentRequest(changes),
    };
    return send(core, method, call, options, oneAgent);
  },
  delete(core: ApiCore, request: unknown, options?: RequestOptions): Promise<void> {
    const method = "beta.agents.delete";
    return send(
      core,
      method,
      { method: "DELETE", path: agentPath(request, method) },
      options,
      nothing,
    );
  },
  updateVersion(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent> {
    const method = "beta.agents.updateVersion";
    const path = agentPath(request, method, "/version") + pageQuery(request, ["version"]);
    return send(core, method, { method: "PATCH", path }, options, oneAgent);
  },
  listVersions(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent[]> {
    const method = "beta.agents.listVersions";
    const path = agentPath(request, method, "/versions") + pageQuery(request, ["page", "pageSize"]);
    return send(core, method, { method: "GET", path }, options, manyOf(decodeAgent));
  },
  getVersion(core: ApiCore, request: unknown, options?: RequestOptions): Promise<Agent> {
    const method = "beta.agents.getVersion";
    const version = pathId(requestObject(request, method).version, method, "version");
    const path = agentPath(request, method, `/versions/${version}`);
    return send(core, method, { method: "GET", path }, options, oneAgent);
  },
  createVersionAlias(
    core: ApiCore,
    request: unknown,
    options?: RequestOptions,
  ): Promise<AgentAliasResponse> {
    const method = "beta.agents.createVersionAlias";
    const path = agentPath(request, method, "/aliases") + pageQuery(request, ["alias", "version"]);
    return send(core, method, { method: "PUT", path }, options, (wire) =>
      decodeAgentAlias(expectObject(wire, method)),
    );
  },
  listVersionAliases(
    core: ApiCore,
    request: unknown,
    options?: RequestOptions,
  ): Promise<AgentAliasResponse[]> {
    const method = "beta.agents.listVersionAliases";
    const path = agentPath(request, method, "/aliases");
    return send(core, method, { method: "GET", path }, options, manyOf(decodeAgentAlias));
  },
  deleteVersionAlias(core: ApiCore, request: unknown, options?: RequestOptions): Promise<void> {
    const method = "beta.agents.deleteVersionAlias";
    const path = agentPath(request, method, "/aliases") + pageQuery(request, ["alias"]);
    return send(core, method, { method: "DELETE", path }, options, nothing);
  },
  listPages: (core: ApiCore, request: unknown, options?: RequestOptions): Promise<AgentPages> =>
    listPages(core, request as Record<string, unknown> | undefined, options),
};

/** A page of `listPages()`, with the way to the next (`null` after the last), as in the official client. */
export type AgentPages = { result: AgentListPage } & {
  /** The next page, or `null` after the last. */
  next: () => Promise<AgentPages> | null;
  /** Every page from this one on. */
  [Symbol.asyncIterator]: () => AsyncIterableIterator<{ result: AgentListPage }>;
};

/** `listPages`: the first page, iterable over all of them. */
export async function listPages(
  core: ApiCore,
  request: Record<string, unknown> | undefined,
  options?: RequestOptions,
): Promise<AgentPages> {
  const result = await agentCalls.listPage(core, request, options);
  const token = result.nextPageToken;
  const next = () =>
    token && result.data.length > 0
      ? listPages(core, { ...request, pageToken: token }, options)
      : null;
  const page: AgentPages = {
    result,
    next,
    async *[Symbol.asyncIterator]() {
      let current: AgentPages | null = page;
      while (current) {
        yield { result: current.result };
        current = await current.next();
      }
    },
  };
  return page;
}
