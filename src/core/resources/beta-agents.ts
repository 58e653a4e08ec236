/**
 * `client.beta.agents`: agents as entities, with the official client's
 * method names. The calls live in `core/conversations/agents.ts`, loaded on
 * first use.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type { AgentPages } from "../conversations/index.js";
import type {
  Agent,
  AgentAliasResponse,
  AgentsApiV1AgentsCreateOrUpdateAliasRequest,
  AgentsApiV1AgentsDeleteAliasRequest,
  AgentsApiV1AgentsDeleteRequest,
  AgentsApiV1AgentsGetRequest,
  AgentsApiV1AgentsGetVersionRequest,
  AgentsApiV1AgentsListPagesRequest,
  AgentsApiV1AgentsListRequest,
  AgentsApiV1AgentsListVersionAliasesRequest,
  AgentsApiV1AgentsListVersionsRequest,
  AgentsApiV1AgentsUpdateRequest,
  AgentsApiV1AgentsUpdateVersionRequest,
  CreateAgentRequest,
} from "../models/index.js";
import { forward } from "./lazy-calls.js";

/** Agents (`/v1/agents`). */
export class BetaAgents {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Creates an agent (version 0). */
  async create(request: CreateAgentRequest, options?: RequestOptions): Promise<Agent> {
    return forward("agentCalls", "create", this.#core, request, options);
  }

  /** Lists agents, newest first (the API marks this endpoint deprecated; see {@link BetaAgents.listPages}). */
  async list(request?: AgentsApiV1AgentsListRequest, options?: RequestOptions): Promise<Agent[]> {
    return forward("agentCalls", "list", this.#core, request, options);
  }

  /** The first page of agents; `for await` over it (or `next()`) reads the following pages. */
  async listPages(
    request?: AgentsApiV1AgentsListPagesRequest,
    options?: RequestOptions,
  ): Promise<AgentPages> {
    return forward("agentCalls", "listPages", this.#core, request, options);
  }

  /** One agent, at its current version or at `agentVersion` (a number or an alias). */
  async get(request: AgentsApiV1AgentsGetRequest, options?: RequestOptions): Promise<Agent> {
    return forward("agentCalls", "get", this.#core, request, options);
  }

  /** Changes an agent: a new version, which becomes its current one. */
  async update(request: AgentsApiV1AgentsUpdateRequest, options?: RequestOptions): Promise<Agent> {
    return forward("agentCalls", "update", this.#core, request, options);
  }

  /** Deletes an agent. */
  async delete(request: AgentsApiV1AgentsDeleteRequest, options?: RequestOptions): Promise<void> {
    return forward("agentCalls", "delete", this.#core, request, options);
  }

  /** Makes one of its versions the agent's current one. */
  async updateVersion(
    request: AgentsApiV1AgentsUpdateVersionRequest,
    options?: RequestOptions,
  ): Promise<Agent> {
    return forward("agentCalls", "updateVersion", this.#core, request, options);
  }

  /** Every version of an agent. */
  async listVersions(
    request: AgentsApiV1AgentsListVersionsRequest,
    options?: RequestOptions,
  ): Promise<Agent[]> {
    return forward("agentCalls", "listVersions", this.#core, request, options);
  }

  /** One version of an agent. */
  async getVersion(
    request: AgentsApiV1AgentsGetVersionRequest,
    options?: RequestOptions,
  ): Promise<Agent> {
    return forward("agentCalls", "getVersion", this.#core, request, options);
  }

  /** Names a version (or moves the name to another one). */
  async createVersionAlias(
    request: AgentsApiV1AgentsCreateOrUpdateAliasRequest,
    options?: RequestOptions,
  ): Promise<AgentAliasResponse> {
    return forward("agentCalls", "createVersionAlias", this.#core, request, options);
  }

  /** The names of an agent's versions. */
  async listVersionAliases(
    request: AgentsApiV1AgentsListVersionAliasesRequest,
    options?: RequestOptions,
  ): Promise<AgentAliasResponse[]> {
    return forward("agentCalls", "listVersionAliases", this.#core, request, options);
  }

  /** Removes a version's name. */
  async deleteVersionAlias(
    request: AgentsApiV1AgentsDeleteAliasRequest,
    options?: RequestOptions,
  ): Promise<void> {
    return forward("agentCalls", "deleteVersionAlias", this.#core, request, options);
  }
}
