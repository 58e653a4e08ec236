/**
 * OCR: the request public → wire (the document chunk, annotation formats),
 * the response wire → public. Layout blocks and confidence scores pass through
 * as sent.
 *
 * @module
 */

import type { OCRResponse } from "../models/index.js";
import { encodeResponseFormat } from "./chat-request.js";
import { encodeContentChunk } from "./content.js";
import { decodeFields, each, encodeFields, fieldTable } from "./field-table.js";

const request = fieldTable(
  "model document pages include_image_base64 image_limit image_min_size bbox_annotation_format document_annotation_format document_annotation_prompt table_format extract_header extract_footer include_blocks confidence_scores_granularity",
);
const response = fieldTable("pages model document_annotation usage_info");
const page = fieldTable(
  "index markdown images tables hyperlinks header footer dimensions confidence_scores blocks",
);
const image = fieldTable(
  "id top_left_x top_left_y bottom_right_x bottom_right_y image_base64 image_annotation",
);
const table = fieldTable("id content format");
const dimensions = fieldTable("dpi height width");
const usage = fieldTable("pages_processed doc_size_bytes");

/** `ocr.process()`'s request → wire. */
export function encodeOcrRequest(value: unknown): unknown {
  return encodeFields(value, request, {
    document: encodeContentChunk,
    bboxAnnotationFormat: encodeResponseFormat,
    documentAnnotationFormat: encodeResponseFormat,
  });
}

/** An OCR response → public. */
export function decodeOcrResponse(wire: unknown): OCRResponse {
  return decodeFields(wire, response, {
    pages: each((p) =>
      decodeFields(p, page, {
        images: each((i) => decodeFields(i, image)),
        tables: each((t) => decodeFields(t, table)),
        dimensions: (d: unknown) => decodeFields(d, dimensions),
      }),
    ),
    usageInfo: (u: unknown) => decodeFields(u, usage),
  });
}
