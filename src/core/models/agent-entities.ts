/**
 * Agents as entities (`client.beta.agents`): created, versioned, updated and
 * deleted, then talked to in a conversation (`agentId`). The older
 * `client.agents.complete()` runs one of them as a chat completion.
 *
 * @module
 */

import type { CompletionArgs } from "./completion-args.js";
import type { ConversationTool } from "./conversations.js";
import type { FreeFormObject } from "./free-form.js";
import type { GuardrailConfig } from "./guardrails.js";

/** Where an agent was made. */
export type RequestSource = "api" | "playground" | "agent_builder_v1" | (string & {});

/** What `beta.agents.create()` sends. */
export interface CreateAgentRequest {
  /** System instructions. */
  instructions?: string | null | undefined;
  /** Its tools. */
  tools?: Array<ConversationTool> | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  /** Moderation guardrails. */
  guardrails?: Array<GuardrailConfig> | null | undefined;
  /** The model it runs on. */
  model: string;
  /** Its name. */
  name: string;
  /** What it is for. */
  description?: string | null | undefined;
  /** Ids of the agents it may hand the conversation to. */
  handoffs?: Array<string> | null | undefined;
  /** Your data, sent untouched. */
  metadata?: FreeFormObject | null | undefined;
  /** A note on this version (wire `version_message`). */
  versionMessage?: string | null | undefined;
}

/** What `beta.agents.update()` changes (a new version). */
export interface UpdateAgentRequest {
  instructions?: string | null | undefined;
  tools?: Array<ConversationTool> | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  guardrails?: Array<GuardrailConfig> | null | undefined;
  model?: string | null | undefined;
  name?: string | null | undefined;
  description?: string | null | undefined;
  handoffs?: Array<string> | null | undefined;
  /** Wire `deployment_chat`. */
  deploymentChat?: boolean | null | undefined;
  metadata?: FreeFormObject | null | undefined;
  /** Wire `version_message`. */
  versionMessage?: string | null | undefined;
}

/** An agent, at one of its versions. */
export interface Agent {
  instructions?: string | null | undefined;
  tools?: Array<ConversationTool> | undefined;
  /** Wire `completion_args`. */
  completionArgs?: CompletionArgs | undefined;
  guardrails?: Array<GuardrailConfig> | null | undefined;
  model: string;
  name: string;
  description?: string | null | undefined;
  handoffs?: Array<string> | null | undefined;
  metadata?: FreeFormObject | null | undefined;
  /** Always `"agent"`. */
  object: "agent";
  /** `ag_…`. */
  id: string;
  /** The version shown. */
  version: number;
  /** Every version it has. */
  versions: Array<number>;
  /** Wire `owner_id`. */
  ownerId?: string | null | undefined;
  /** Wire `created_at`. */
  createdAt: Date;
  /** Wire `updated_at`. */
  updatedAt: Date;
  /** Wire `deployment_chat`. */
  deploymentChat: boolean;
  /** Where it was made. */
  source: string;
  /** Wire `version_message`. */
  versionMessage?: string | null | undefined;
}

/** A name for one of an agent's versions. */
export interface AgentAliasResponse {
  alias: string;
  version: number;
  /** Wire `created_at`. */
  createdAt: Date;
  /** Wire `updated_at`. */
  updatedAt: Date;
}

/** A page of agents (`listPages()`'s pages). */
export interface AgentListPage {
  /** Always `"list"`. */
  object?: "list" | undefined;
  data: Array<Agent>;
  /** Wire `next_page_token`: pass it as `pageToken` for the next page. */
  nextPageToken?: string | null | undefined;
}

/** `get()`: which agent, at which version (a number or an alias). */
export interface AgentsApiV1AgentsGetRequest {
  agentId: string;
  agentVersion?: number | string | null | undefined;
}

/** `delete()`: which agent. */
export interface AgentsApiV1AgentsDeleteRequest {
  agentId: string;
}

/** `update()`: which agent, and what changes. */
export interface AgentsApiV1AgentsUpdateRequest {
  agentId: string;
  updateAgentRequest: UpdateAgentRequest;
}

/** `updateVersion()`: switch the agent to one of its versions. */
export interface AgentsApiV1AgentsUpdateVersionRequest {
  agentId: string;
  version: number;
}

/** `listVersions()`. */
export interface AgentsApiV1AgentsListVersionsRequest {
  agentId: string;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** `getVersion()`. */
export interface AgentsApiV1AgentsGetVersionRequest {
  agentId: string;
  version: string;
}

/** `createVersionAlias()`. */
export interface AgentsApiV1AgentsCreateOrUpdateAliasRequest {
  agentId: string;
  alias: string;
  version: number;
}

/** `listVersionAliases()`. */
export interface AgentsApiV1AgentsListVersionAliasesRequest {
  agentId: string;
}

/** `deleteVersionAlias()`. */
export interface AgentsApiV1AgentsDeleteAliasRequest {
  agentId: string;
  alias: string;
}

/** `list()`'s filters. */
export interface AgentsApiV1AgentsListRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
  deploymentChat?: boolean | null | undefined;
  sources?: Array<RequestSource> | null | undefined;
  name?: string | null | undefined;
  search?: string | null | undefined;
  id?: string | null | undefined;
  metadata?: FreeFormObject | null | undefined;
}

/** `listPages()`'s filters. */
export interface AgentsApiV1AgentsListPagesRequest
  extends Omit<AgentsApiV1AgentsListRequest, "page"> {
  /** Wire `page_token`. */
  pageToken?: string | null | undefined;
}
