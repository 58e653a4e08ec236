/**
 * The batch job calls, loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeBatchJob, decodeBatchJobList, encodeBatchJobRequest } from "../codec/batch.js";
import { decodeDeleted } from "../codec/files.js";
import { checkRequest, requestObject } from "../resources/check-request.js";
import { pageQuery, pathId } from "../resources/query.js";
import { post, read } from "./post.js";

const listFilters = [
  "page",
  "pageSize",
  "model",
  "agentId",
  "metadata",
  "createdAfter",
  "createdByMe",
  "status",
  "orderBy",
];

/** The path of one job (`suffix`: `/cancel` or none). */
function jobPath(request: unknown, method: string, suffix = ""): string {
  const id = pathId(requestObject(request, method).jobId, method, "jobId");
  return `/v1/batch/jobs/${id}${suffix}`;
}

/** The list filters with a `Date` as the API's ISO text. */
function listQuery(request: unknown): string {
  const fields = { ...((request ?? {}) as Record<string, unknown>) };
  if (fields.createdAfter instanceof Date) fields.createdAfter = fields.createdAfter.toISOString();
  return pageQuery(fields, listFilters);
}

/** The batch job calls. */
export const batchCalls = {
  create(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "batch.jobs.create";
    checkRequest(request, method, { strings: ["endpoint"] });
    const body = encodeBatchJobRequest(request);
    return post(core, "/v1/batch/jobs", body, method, decodeBatchJob, options);
  },
  list(core: ApiCore, request: unknown, options?: RequestOptions) {
    const path = `/v1/batch/jobs${listQuery(request)}`;
    return read(core, "GET", path, "batch.jobs.list", decodeBatchJobList, options);
  },
  get(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "batch.jobs.get";
    const path = jobPath(request, method) + pageQuery(request, ["inline"]);
    return read(core, "GET", path, method, decodeBatchJob, options);
  },
  delete(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "batch.jobs.delete";
    return read(core, "DELETE", jobPath(request, method), method, decodeDeleted, options);
  },
  cancel(core: ApiCore, request: unknown, options?: RequestOptions) {
    const method = "batch.jobs.cancel";
    return post(
      core,
      jobPath(request, method, "/cancel"),
      undefined,
      method,
      decodeBatchJob,
      options,
    );
  },
};
