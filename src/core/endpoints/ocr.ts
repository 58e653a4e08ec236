/**
 * The OCR call, loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeOcrResponse, encodeOcrRequest } from "../codec/ocr.js";
import { InvalidRequestError } from "../errors/index.js";
import { requestObject } from "../resources/check-request.js";
import { post } from "./post.js";

/** The OCR calls. */
export const ocrCalls = {
  process(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "ocr.process";
    const document = requestObject(request, method).document;
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
      throw new InvalidRequestError(
        `${method}: request.document must be { documentUrl }, { imageUrl } or { fileId }`,
      );
    }
    return post(core, "/v1/ocr", encodeOcrRequest(request), method, decodeOcrResponse, options);
  },
};
