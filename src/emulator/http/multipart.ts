/**
 * Multipart request bodies (uploads, transcriptions), parsed by the
 * runtime's own form-data reader, and their fields checked as the API's
 * validation layer does (422 `missing` for a required field).
 *
 * @module
 */
import type { ValidationIssue } from "../requests/validate.js";
import { type ErrorReply, errorEnvelope, validationError } from "./error-bodies.js";
import type { RequestScope } from "./scope.js";
import { BodyTooLargeError, readBodyBytes } from "./util.js";

/** The largest upload the emulator keeps (the API's is 512 MB). */
const maxUploadBytes = 256 * 1024 * 1024;

/** A file field of a form: its name, type and bytes. */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** The fields of a multipart body: texts, and files. */
export interface Form {
  readonly texts: Map<string, string[]>;
  readonly files: Map<string, UploadedFile>;
}

/** Reads the body as `multipart/form-data`, or the API's error. */
export async function readForm(scope: RequestScope): Promise<Form | ErrorReply> {
  const type = String(scope.req.headers["content-type"] ?? "");
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(scope.req, maxUploadBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, body: { detail: "Request Entity Too Large" } };
    throw error;
  }
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return errorEnvelope(400, "Expected a multipart/form-data body", "invalid_request_error", null);
  }
  let data: FormData;
  try {
    data = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": type },
    }).formData();
  } catch {
    return errorEnvelope(400, "There was an error parsing the body", "invalid_request_error", null);
  }
  const form: Form = { texts: new Map(), files: new Map() };
  for (const [name, value] of data) {
    if (typeof value === "string") form.texts.set(name, [...(form.texts.get(name) ?? []), value]);
    else
      form.files.set(name, {
        name: value.name,
        type: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
  }
  return form;
}

/** The 422 for form fields that are required and absent. */
export function missingFields(form: Form, required: readonly string[]): ErrorReply | undefined {
  const issues: ValidationIssue[] = required
    .filter((name) => !form.texts.has(name) && !form.files.has(name))
    .map((name) => ({ type: "missing", loc: ["body", name], msg: "Field required", input: null }));
  return issues.length > 0 ? validationError(issues) : undefined;
}
