/**
 * Batch jobs (`/v1/batch/jobs`): many requests to one endpoint, run
 * asynchronously, their answers written to an output file.
 *
 * @module
 */

/** The endpoint a batch job's requests go to, e.g. `"/v1/chat/completions"`. */
export type ApiEndpoint =
  | "/v1/chat/completions"
  | "/v1/embeddings"
  | "/v1/fim/completions"
  | "/v1/moderations"
  | "/v1/chat/moderations"
  | "/v1/ocr"
  | "/v1/classifications"
  | "/v1/chat/classifications"
  | "/v1/conversations"
  | "/v1/audio/transcriptions"
  | (string & {});

/** Where a batch job is. */
export type BatchJobStatus =
  | "QUEUED"
  | "RUNNING"
  | "SUCCESS"
  | "FAILED"
  | "TIMEOUT_EXCEEDED"
  | "CANCELLATION_REQUESTED"
  | "CANCELLED"
  | (string & {});

/** The official enum-like values of {@link BatchJobStatus}. */
export const BatchJobStatus = {
  Queued: "QUEUED",
  Running: "RUNNING",
  Success: "SUCCESS",
  Failed: "FAILED",
  TimeoutExceeded: "TIMEOUT_EXCEEDED",
  CancellationRequested: "CANCELLATION_REQUESTED",
  Cancelled: "CANCELLED",
} as const;

/** One request of an inline batch. */
export interface BatchRequest {
  /** Your id for it, found again in the output; wire `custom_id`. */
  customId?: string | null | undefined;
  /** The request body, in the endpoint's wire shape (snake_case), sent as is. */
  body: { [k: string]: unknown };
}

/** What `batch.jobs.create()` sends: input files (JSONL) or inline requests. */
export interface CreateBatchJobRequest {
  /** Wire `input_files`. */
  inputFiles?: Array<string> | null | undefined;
  requests?: Array<BatchRequest> | null | undefined;
  endpoint: ApiEndpoint;
  model?: string | null | undefined;
  /** Wire `agent_id`. */
  agentId?: string | null | undefined;
  metadata?: { [k: string]: string } | null | undefined;
  /** Wire `timeout_hours`. */
  timeoutHours?: number | undefined;
}

/** A kind of failure, and how many requests had it. */
export interface BatchError {
  message: string;
  count: number;
}

/** A batch job. Times are Unix seconds. */
export interface BatchJob {
  id: string;
  object: "batch";
  /** Wire `input_files`. */
  inputFiles: Array<string>;
  metadata?: { [k: string]: unknown } | null | undefined;
  endpoint: string;
  model?: string | null | undefined;
  /** Wire `agent_id`. */
  agentId?: string | null | undefined;
  /** The results' file id, once there are some; wire `output_file`. */
  outputFile?: string | null | undefined;
  /** The failures' file id; wire `error_file`. */
  errorFile?: string | null | undefined;
  errors: Array<BatchError>;
  /** The results inline (with `inline: true` on `get`), each in the output file's wire shape. */
  outputs?: Array<{ [k: string]: unknown }> | null | undefined;
  status: BatchJobStatus;
  /** Wire `created_at`. */
  createdAt: number;
  /** Wire `total_requests`. */
  totalRequests: number;
  /** Wire `completed_requests`. */
  completedRequests: number;
  /** Wire `succeeded_requests`. */
  succeededRequests: number;
  /** Wire `failed_requests`. */
  failedRequests: number;
  /** Wire `started_at`. */
  startedAt?: number | null | undefined;
  /** Wire `completed_at`. */
  completedAt?: number | null | undefined;
}

/** What `batch.jobs.list()` returns. */
export interface ListBatchJobsResponse {
  data?: Array<BatchJob> | undefined;
  object: "list";
  total: number;
}

/** What `batch.jobs.delete()` returns. */
export interface DeleteBatchJobResponse {
  id: string;
  object: "batch";
  deleted: boolean;
}

/** What `batch.jobs.list()` may filter on. */
export interface JobsApiRoutesBatchGetBatchJobsRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
  model?: string | null | undefined;
  agentId?: string | null | undefined;
  metadata?: { [k: string]: unknown } | null | undefined;
  createdAfter?: Date | null | undefined;
  createdByMe?: boolean | undefined;
  status?: Array<BatchJobStatus> | null | undefined;
  orderBy?: "created" | "-created" | undefined;
}

/** Which job `batch.jobs.get()` returns; `inline` adds its results. */
export interface JobsApiRoutesBatchGetBatchJobRequest {
  jobId: string;
  inline?: boolean | null | undefined;
}

/** Which job `batch.jobs.cancel()` cancels. */
export interface JobsApiRoutesBatchCancelBatchJobRequest {
  jobId: string;
}

/** Which job `batch.jobs.delete()` deletes. */
export interface JobsApiRoutesBatchDeleteBatchJobRequest {
  jobId: string;
}
