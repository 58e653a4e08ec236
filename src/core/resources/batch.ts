/**
 * `client.batch.jobs`: batch jobs (many requests to one endpoint, run
 * asynchronously). The calls are loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  BatchJob,
  CreateBatchJobRequest,
  DeleteBatchJobResponse,
  JobsApiRoutesBatchCancelBatchJobRequest,
  JobsApiRoutesBatchDeleteBatchJobRequest,
  JobsApiRoutesBatchGetBatchJobRequest,
  JobsApiRoutesBatchGetBatchJobsRequest,
  ListBatchJobsResponse,
} from "../models/index.js";

const calls = async () => (await import("../endpoints/index.js")).batchCalls;

/** Batch jobs (`/v1/batch/jobs`). */
export class Jobs {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Lists batch jobs. */
  async list(
    request?: JobsApiRoutesBatchGetBatchJobsRequest,
    options?: RequestOptions,
  ): Promise<ListBatchJobsResponse> {
    return (await calls()).list(this.#core, request, options);
  }

  /** Creates a job from input files (JSONL) or inline `requests`. */
  async create(request: CreateBatchJobRequest, options?: RequestOptions): Promise<BatchJob> {
    return (await calls()).create(this.#core, request, options);
  }

  /** One job (with `inline: true`, its results too). */
  async get(
    request: JobsApiRoutesBatchGetBatchJobRequest,
    options?: RequestOptions,
  ): Promise<BatchJob> {
    return (await calls()).get(this.#core, request, options);
  }

  /** Deletes a job. */
  async delete(
    request: JobsApiRoutesBatchDeleteBatchJobRequest,
    options?: RequestOptions,
  ): Promise<DeleteBatchJobResponse> {
    return (await calls()).delete(this.#core, request, options);
  }

  /** Asks for a job to stop; it moves to `CANCELLATION_REQUESTED`, then `CANCELLED`. */
  async cancel(
    request: JobsApiRoutesBatchCancelBatchJobRequest,
    options?: RequestOptions,
  ): Promise<BatchJob> {
    return (await calls()).cancel(this.#core, request, options);
  }
}

/** Batch: `jobs`. */
export class Batch {
  /** Batch jobs. */
  readonly jobs: Jobs;

  /** @internal */
  constructor(core: ApiCore) {
    this.jobs = new Jobs(core);
  }
}
