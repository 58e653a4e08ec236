/**
 * `client.models`: the models the key may use.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeModelCard, decodeModelList } from "../codec/index.js";
import { SDKValidationError } from "../errors/index.js";
import type { ModelCard, ModelList } from "../models/index.js";
import { expectObject } from "./check-request.js";

/** What `models.list()` may filter on, as in `@mistralai/mistralai`. */
export interface ListModelsRequest {
  provider?: string | null | undefined;
  model?: string | null | undefined;
}

/** Which model `models.retrieve()` returns. */
export interface RetrieveModelRequest {
  /** The model id, e.g. `"mistral-small-latest"`. */
  modelId: string;
}

/** Models (`GET /v1/models`, `GET /v1/models/{model_id}`). */
export class Models {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Lists the available models. */
  async list(request?: ListModelsRequest, options?: RequestOptions): Promise<ModelList> {
    const query = new URLSearchParams();
    if (request?.provider) query.set("provider", request.provider);
    if (request?.model) query.set("model", request.model);
    const path = query.size > 0 ? `/v1/models?${query}` : "/v1/models";
    const wire = await this.#core.requestJson({ method: "GET", path }, options);
    return decodeModelList(expectObject(wire, "models.list"));
  }

  /** One model's card. */
  async retrieve(request: RetrieveModelRequest, options?: RequestOptions): Promise<ModelCard> {
    const id = request?.modelId;
    if (typeof id !== "string" || id === "") {
      throw new SDKValidationError(
        "models.retrieve: request.modelId must be a non-empty string",
        undefined,
        request,
      );
    }
    const path = `/v1/models/${encodeURIComponent(id)}`;
    const wire = await this.#core.requestJson({ method: "GET", path }, options);
    return decodeModelCard(expectObject(wire, "models.retrieve"));
  }
}
