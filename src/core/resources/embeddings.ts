/**
 * `client.embeddings`: vectors for texts. The call is loaded with the first
 * one (`core/endpoints/`), so an app that only chats does not carry it.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type { EmbeddingRequest, EmbeddingResponse } from "../models/index.js";

/** Embeddings (`POST /v1/embeddings`). */
export class Embeddings {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Embeds one text or several (`inputs`), in order. */
  async create(request: EmbeddingRequest, options?: RequestOptions): Promise<EmbeddingResponse> {
    return (await import("../endpoints/index.js")).embeddingCalls.create(
      this.#core,
      request,
      options,
    );
  }
}
