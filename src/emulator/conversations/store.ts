/**
 * What the emulator remembers for its life: agents (with their versions and
 * aliases) and conversations (their settings and entries), with ids in the
 * API's format. Everything is kept as wire JSON, so what is read back is
 * exactly what was answered.
 *
 * @module
 */
import { createResponseId } from "../prng.js";

/** A wire object. */
export type Wire = Record<string, unknown>;

/** An id like the API's: a prefix and 32 hex characters (`conv_…`, `msg_…`, `ag_…`). */
export function newId(prefix: string): string {
  return `${prefix}_0${createResponseId().slice(1)}`;
}

/** The API's time stamps: ISO with microseconds. */
export function now(): string {
  return new Date().toISOString().replace("Z", "000Z");
}

/** An agent: every version's wire form (index = version), the current one, its aliases. */
export interface AgentRecord {
  readonly id: string;
  versions: Wire[];
  current: number;
  readonly aliases: Map<string, Wire>;
}

/** A conversation: its settings (model or agent, tools …) and its entries in order. */
export interface ConversationRecord {
  readonly id: string;
  readonly createdAt: string;
  updatedAt: string;
  /** The wire fields of the conversation object (`model` or `agent_id`, `instructions` …). */
  readonly settings: Wire;
  readonly entries: Wire[];
}

/** The emulator's memory. */
export class Store {
  readonly agents = new Map<string, AgentRecord>();
  readonly conversations = new Map<string, ConversationRecord>();

  /** The agent at `version` (a number, an alias, or its current one). */
  agentAt(id: string, version?: unknown): Wire | undefined {
    const agent = this.agents.get(id);
    if (!agent) return undefined;
    if (version === undefined || version === null || version === "")
      return agent.versions[agent.current];
    const alias = agent.aliases.get(String(version));
    const n = alias ? Number(alias.version) : Number(version);
    return Number.isInteger(n) ? agent.versions[n] : undefined;
  }

  /** Stores a new conversation. */
  addConversation(settings: Wire, entries: Wire[]): ConversationRecord {
    const at = now();
    const record = { id: newId("conv"), createdAt: at, updatedAt: at, settings, entries };
    this.conversations.set(record.id, record);
    return record;
  }

  /** The conversation object the API returns for `record`. */
  static conversationObject(record: ConversationRecord): Wire {
    return {
      ...record.settings,
      object: "conversation",
      id: record.id,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    };
  }
}
