/**
 * `POST /v1/ocr`: the document (a URL, a base64 data URL, or an uploaded
 * file's id) read into markdown pages by `services/ocr.ts`.
 *
 * @module
 */
import { findModelOf } from "../requests/models.js";
import { ocrRequest } from "../requests/platform-schemas.js";
import { annotate, type OcrDocument, readPages, renderPage, selectPages } from "../services/ocr.js";
import { type ErrorReply, errorEnvelope, invalidModelError } from "./error-bodies.js";
import { isReply, readChecked, sendAnswer } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError } from "./util.js";

type Wire = Record<string, unknown>;

/** A `data:` URL's bytes and media type, or `undefined` for another URL. */
function dataUrl(url: string): { bytes: Buffer; type: string } | undefined {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (!m) return undefined;
  const bytes = m[2]
    ? Buffer.from(m[3] ?? "", "base64")
    : Buffer.from(decodeURIComponent(m[3] ?? ""));
  return { bytes, type: m[1] || "application/octet-stream" };
}

/** The document the request names, or the API's error. */
function documentOf(scope: RequestScope, chunk: Wire): OcrDocument | ErrorReply {
  if (chunk.type === "file" || chunk.file_id !== undefined) {
    const file = scope.ctx.files.get(String(chunk.file_id));
    if (!file) return errorEnvelope(404, "File not found", "invalid_request_error", null);
    return {
      name: String(file.wire.filename),
      bytes: file.bytes,
      type: String(file.wire.mimetype),
    };
  }
  const image = chunk.image_url;
  const url = String(
    chunk.document_url ?? (typeof image === "object" && image ? (image as Wire).url : image) ?? "",
  );
  const data = dataUrl(url);
  const name = String(chunk.document_name ?? (data ? "document" : url));
  if (data)
    return {
      name,
      bytes: data.bytes,
      type:
        chunk.image_url !== undefined && !data.type.startsWith("image/") ? "image/png" : data.type,
    };
  if (chunk.image_url !== undefined) return { name, bytes: Buffer.alloc(0), type: "image/png" };
  return { name, bytes: undefined, type: "" };
}

/** The body of an OCR answer, or the API's error. */
export function ocrAnswer(scope: RequestScope, body: Wire): Wire | ErrorReply {
  const model = findModelOf(body.model, "ocr");
  if (!model) return invalidModelError(String(body.model));
  const document = documentOf(scope, body.document as Wire);
  if (isReply(document)) return document;
  const pages = readPages(document);
  const chosen = selectPages(body.pages, pages.length);
  const rendered = chosen.map((i) => renderPage(pages[i]!, i));
  const text = rendered.map((p) => p.markdown).join("\n\n");
  return {
    pages: rendered,
    model: model.aliases.at(-1) ?? model.id,
    document_annotation: annotate(body.document_annotation_format, text),
    usage_info: {
      pages_processed: rendered.length,
      doc_size_bytes: document.bytes?.length ?? null,
    },
  };
}

/** Handles `POST /v1/ocr`. */
export async function handleOcr(scope: RequestScope): Promise<void> {
  const body = await readChecked(scope, ocrRequest);
  if (isReply(body)) return sendError(scope.res, body);
  const answer = ocrAnswer(scope, body);
  if (isReply(answer)) return sendError(scope.res, answer);
  await sendAnswer(scope, 0, answer);
}
