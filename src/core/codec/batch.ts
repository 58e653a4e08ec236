/**
 * Batch jobs: the request public → wire (each request's `body` as given),
 * jobs wire → public (times stay Unix seconds, `metadata` and outputs as
 * sent).
 *
 * @module
 */

import type { BatchJob, ListBatchJobsResponse } from "../models/index.js";
import { decodeFields, each, encodeFields, fieldTable } from "./field-table.js";

const jobRequest = fieldTable(
  "input_files requests endpoint model agent_id metadata timeout_hours",
);
const batchRequest = fieldTable("custom_id body");
const job = fieldTable(
  "id object input_files metadata endpoint model agent_id output_file error_file errors outputs status created_at total_requests completed_requests succeeded_requests failed_requests started_at completed_at",
);
const jobList = fieldTable("data object total");

/** `batch.jobs.create()`'s request → wire (each request's `body` as given). */
export function encodeBatchJobRequest(request: unknown): unknown {
  return encodeFields(request, jobRequest, {
    requests: each((r) => encodeFields(r, batchRequest)),
  });
}

/** A batch job → public. */
export function decodeBatchJob(wire: unknown): BatchJob {
  return decodeFields(wire, job);
}

/** A batch job listing → public. */
export function decodeBatchJobList(wire: unknown): ListBatchJobsResponse {
  return decodeFields(wire, jobList, { data: each(decodeBatchJob) });
}
