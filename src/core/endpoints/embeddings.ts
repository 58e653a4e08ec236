/**
 * The embeddings and classifier calls, loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import {
  decodeClassificationResponse,
  decodeEmbeddingResponse,
  decodeModerationResponse,
  encodeChatClassificationRequest,
  encodeChatModerationRequest,
  encodeClassificationRequest,
  encodeEmbeddingRequest,
} from "../codec/embeddings.js";
import { InvalidRequestError } from "../errors/index.js";
import { checkRequest } from "../resources/check-request.js";
import { post } from "./post.js";

/** Refuses `inputs` that are neither a text nor an array of texts. */
function checkTexts(request: unknown, method: string): void {
  checkRequest(request, method, { strings: ["model"] });
  const inputs = (request as { inputs?: unknown }).inputs;
  if (typeof inputs !== "string" && !Array.isArray(inputs)) {
    throw new InvalidRequestError(
      `${method}: request.inputs must be a string or an array of strings`,
    );
  }
}

/** The embeddings calls. */
export const embeddingCalls = {
  create(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "embeddings.create";
    checkTexts(request, method);
    const body = encodeEmbeddingRequest(request);
    return post(core, "/v1/embeddings", body, method, decodeEmbeddingResponse, options);
  },
};

/** The classifier calls. */
export const classifierCalls = {
  moderate(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "classifiers.moderate";
    checkTexts(request, method);
    const body = encodeClassificationRequest(request);
    return post(core, "/v1/moderations", body, method, decodeModerationResponse, options);
  },
  moderateChat(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "classifiers.moderateChat";
    checkRequest(request, method, { strings: ["model"], arrays: ["inputs"] });
    const body = encodeChatModerationRequest(request);
    return post(core, "/v1/chat/moderations", body, method, decodeModerationResponse, options);
  },
  classify(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "classifiers.classify";
    checkTexts(request, method);
    const body = encodeClassificationRequest(request);
    return post(core, "/v1/classifications", body, method, decodeClassificationResponse, options);
  },
  classifyChat(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "classifiers.classifyChat";
    checkRequest(request, method, { strings: ["model"] });
    const input = (request as { input?: unknown }).input;
    if (typeof input !== "object" || input === null) {
      throw new InvalidRequestError(
        `${method}: request.input must be { messages } or an array of them`,
      );
    }
    const body = encodeChatClassificationRequest(request);
    const path = "/v1/chat/classifications";
    return post(core, path, body, method, decodeClassificationResponse, options);
  },
};
