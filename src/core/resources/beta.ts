/**
 * `client.beta`: the Conversations API and agents as entities, as in
 * `@mistralai/mistralai`. The resources are thin: their calls
 * (`core/conversations/`) are loaded with the first one, so an app that only
 * chats does not carry them.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import { BetaAgents } from "./beta-agents.js";
import { Conversations } from "./conversations.js";

/** Beta resources: `conversations` and `agents`. */
export class Beta {
  readonly #core: ApiCore;
  #conversations: Conversations | undefined;
  #agents: BetaAgents | undefined;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Conversations with models and agents (`/v1/conversations`). */
  get conversations(): Conversations {
    this.#conversations ??= new Conversations(this.#core);
    return this.#conversations;
  }

  /** Agents: create, version, update, delete (`/v1/agents`). */
  get agents(): BetaAgents {
    this.#agents ??= new BetaAgents(this.#core);
    return this.#agents;
  }
}
