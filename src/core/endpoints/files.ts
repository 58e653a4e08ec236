/**
 * The files calls, loaded with the first one: uploads are multipart (a
 * `Blob` is sent as it is read, never copied whole), downloads a byte
 * stream bounded by the call's deadlines.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeDeleted, decodeFile, decodeFileList } from "../codec/files.js";
import { InvalidRequestError } from "../errors/index.js";
import { expectObject, requestObject } from "../resources/check-request.js";
import { pageQuery, pathId } from "../resources/query.js";
import { downloadStream } from "./download.js";
import { multipartBody } from "./multipart.js";
import { read } from "./post.js";

const fileFields = new Set(["file"]);
const listFilters = [
  "page",
  "pageSize",
  "includeTotal",
  "sampleType",
  "source",
  "search",
  "purpose",
  "mimetypes",
];

/** The path of one file (`suffix`: `/content`, `/url` or none). */
function filePath(request: unknown, method: string, suffix = ""): string {
  const id = pathId(requestObject(request, method).fileId, method, "fileId");
  return `/v1/files/${id}${suffix}`;
}

/** The files calls. */
export const fileCalls = {
  async upload(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "files.upload";
    const fields = requestObject(request, method);
    if (fields.file == null) throw new InvalidRequestError(`${method}: request.file is required`);
    const form = [
      ["purpose", fields.purpose],
      ["expiry", fields.expiry],
      ["visibility", fields.visibility],
      ["file", fields.file],
    ] as const;
    const upload = multipartBody(
      form.filter(([, value]) => value != null),
      fileFields,
    );
    const wire = await core.requestJson({ method: "POST", path: "/v1/files", upload }, options);
    return decodeFile(expectObject(wire, method));
  },
  list(core: ApiCore, request: unknown, options?: RequestOptions) {
    const path = `/v1/files${pageQuery(request, listFilters)}`;
    return read(core, "GET", path, "files.list", decodeFileList, options);
  },
  retrieve(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "files.retrieve";
    return read(core, "GET", filePath(request, method), method, decodeFile, options);
  },
  delete(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "files.delete";
    return read(core, "DELETE", filePath(request, method), method, decodeDeleted, options);
  },
  async download(core: ApiCore, request: unknown, options?: RequestOptions) {
    const call = { method: "GET" as const, path: filePath(request, "files.download", "/content") };
    return downloadStream(await core.openBody(call, "application/octet-stream", options));
  },
  getSignedUrl(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "files.getSignedUrl";
    const path = filePath(request, method, "/url") + pageQuery(request, ["expiry"]);
    return read(
      core,
      "GET",
      path,
      method,
      (wire) => ({ url: String((wire as { url?: unknown }).url ?? "") }),
      options,
    );
  },
};
