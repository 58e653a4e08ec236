/**
 * `client.ocr`: documents and images read into markdown. The call is loaded
 * with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type { OCRRequest, OCRResponse } from "../models/index.js";

/** OCR (`POST /v1/ocr`). */
export class Ocr {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /**
   * Reads a document: `{ documentUrl }` (a URL, or a `data:application/pdf;base64,…`
   * URL), `{ imageUrl }` or `{ fileId }` of an uploaded file (`files.upload` with `purpose: "ocr"`).
   */
  async process(request: OCRRequest, options?: RequestOptions): Promise<OCRResponse> {
    return (await import("../endpoints/index.js")).ocrCalls.process(this.#core, request, options);
  }
}
