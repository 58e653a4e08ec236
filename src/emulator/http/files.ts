/**
 * The Files API over the emulator's store: upload (multipart), list,
 * retrieve, delete, download, and signed download URLs (which work without
 * the API key until they expire).
 *
 * @module
 */
import type { FileRecord } from "../services/files.js";
import { mimeTypeOf } from "../services/files.js";
import { type ErrorReply, errorEnvelope, validationError } from "./error-bodies.js";
import { missingFields, readForm } from "./multipart.js";
import { isReply } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError, sendJson } from "./util.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const purposes = ["fine-tune", "batch", "ocr"];

/** The stored file `id`, or the API's 422 (not a UUID) / 404. */
function findFile(scope: RequestScope, id: string): FileRecord | ErrorReply {
  if (!uuid.test(id)) {
    return validationError([
      {
        type: "uuid_parsing",
        loc: ["path", "file_id"],
        msg: "Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]",
        input: id,
      },
    ]);
  }
  const file = scope.ctx.files.get(id);
  return file ?? errorEnvelope(404, "File not found", "invalid_request_error", null);
}

async function upload(scope: RequestScope): Promise<void> {
  const form = await readForm(scope);
  if (isReply(form)) return sendError(scope.res, form);
  const missing = missingFields(form, ["file"]);
  if (missing) return sendError(scope.res, missing);
  const file = form.files.get("file")!;
  const purpose = form.texts.get("purpose")?.[0] ?? "fine-tune";
  if (!purposes.includes(purpose)) {
    return sendError(
      scope.res,
      validationError([
        {
          type: "enum",
          loc: ["body", "purpose"],
          msg: "Input should be 'fine-tune', 'batch' or 'ocr'",
          input: purpose,
          ctx: { expected: "'fine-tune', 'batch' or 'ocr'" },
        },
      ]),
    );
  }
  const expiry = Number(form.texts.get("expiry")?.[0] ?? "") || null;
  const record = scope.ctx.files.add(file.bytes, {
    filename: file.name || "upload",
    purpose,
    mimetype: mimeTypeOf(file.name, file.type),
    expiry,
    visibility: form.texts.get("visibility")?.[0] ?? "workspace",
  });
  sendJson(scope.res, 200, record.wire);
}

function list(scope: RequestScope, url: URL): void {
  const q = url.searchParams;
  const page = Number(q.get("page") ?? 0);
  const size = Number(q.get("page_size") ?? 100);
  const purpose = q.get("purpose");
  const search = q.get("search");
  const sources = q.getAll("source");
  const files = scope.ctx.files
    .list()
    .map((f) => f.wire)
    .filter((w) => !purpose || w.purpose === purpose)
    .filter((w) => !search || String(w.filename).includes(search))
    .filter((w) => sources.length === 0 || sources.includes(String(w.source)));
  const body: Record<string, unknown> = {
    data: files.slice(page * size, page * size + size),
    object: "list",
  };
  body.total = q.get("include_total") === "false" ? null : files.length;
  sendJson(scope.res, 200, body);
}

function download(scope: RequestScope, file: FileRecord): void {
  scope.res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(file.bytes.length),
    "content-disposition": `attachment; filename="${String(file.wire.filename).replace(/"/g, "")}"`,
  });
  scope.res.end(file.bytes);
}

function signedUrl(scope: RequestScope, file: FileRecord, url: URL): void {
  const hours = Number(url.searchParams.get("expiry") ?? 24);
  if (!Number.isInteger(hours) || hours < 1 || hours > 168) {
    const issue = {
      type: "less_than_equal",
      loc: ["query", "expiry"],
      msg: "Input should be between 1 and 168",
      input: url.searchParams.get("expiry"),
    };
    sendError(scope.res, validationError([issue]));
    return;
  }
  const until = Math.floor(Date.now() / 1000) + hours * 3600;
  const host = scope.req.headers.host ?? "127.0.0.1";
  const signature = scope.ctx.files.sign(file.id, until);
  const signed = `http://${host}/v1/files/${file.id}/content?expires=${until}&signature=${signature}`;
  sendJson(scope.res, 200, { url: signed });
}

/** Whether the request is a download through a valid signed URL (no API key needed). */
export function isSignedDownload(
  scope: Pick<RequestScope, "ctx">,
  path: string,
  url: URL,
): boolean {
  const match = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
  const signature = url.searchParams.get("signature");
  if (!match || !signature) return false;
  return scope.ctx.files.verify(match[1]!, Number(url.searchParams.get("expires")), signature);
}

/** Handles `/v1/files` and below (`rest`: the path after `/v1/files`). */
export async function handleFiles(
  scope: RequestScope,
  method: string,
  rest: string[],
  url: URL,
): Promise<void> {
  const [id, action] = rest;
  if (id === undefined) {
    if (method === "POST") return upload(scope);
    if (method === "GET") return list(scope, url);
    return sendError(
      scope.res,
      errorEnvelope(405, "Method Not Allowed", "invalid_request_error", null),
    );
  }
  const file = findFile(scope, id);
  if (isReply(file)) return sendError(scope.res, file);
  if (action === undefined && method === "GET")
    return sendJson(scope.res, 200, { ...file.wire, deleted: false });
  if (action === undefined && method === "DELETE") {
    scope.ctx.files.delete(file.id);
    return sendJson(scope.res, 200, { id: file.id, object: "file", deleted: true });
  }
  if (action === "content" && method === "GET") return download(scope, file);
  if (action === "url" && method === "GET") return signedUrl(scope, file, url);
  sendError(scope.res, errorEnvelope(404, "Not Found", "invalid_request_error", null));
}
