/**
 * `client.classifiers`: moderation and custom classifiers, for texts and for
 * conversations. The calls are loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  ChatClassificationRequest,
  ChatModerationRequest,
  ClassificationRequest,
  ClassificationResponse,
  ModerationResponse,
} from "../models/index.js";

const calls = async () => (await import("../endpoints/index.js")).classifierCalls;

/** Classifiers (`/v1/moderations`, `/v1/chat/moderations`, `/v1/classifications`, `/v1/chat/classifications`). */
export class Classifiers {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Moderates texts: categories and scores per input. */
  async moderate(
    request: ClassificationRequest,
    options?: RequestOptions,
  ): Promise<ModerationResponse> {
    return (await calls()).moderate(this.#core, request, options);
  }

  /** Moderates a conversation (its last turn), or several. */
  async moderateChat(
    request: ChatModerationRequest,
    options?: RequestOptions,
  ): Promise<ModerationResponse> {
    return (await calls()).moderateChat(this.#core, request, options);
  }

  /** Classifies texts with a classifier model (a fine-tuned one). */
  async classify(
    request: ClassificationRequest,
    options?: RequestOptions,
  ): Promise<ClassificationResponse> {
    return (await calls()).classify(this.#core, request, options);
  }

  /** Classifies conversations. */
  async classifyChat(
    request: ChatClassificationRequest,
    options?: RequestOptions,
  ): Promise<ClassificationResponse> {
    return (await calls()).classifyChat(this.#core, request, options);
  }
}
