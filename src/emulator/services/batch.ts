/**
 * Batch jobs that move through their states over time, as the API's do:
 * `QUEUED`, then `RUNNING` one request every `requestMs`, then `SUCCESS`
 * with an output file (one JSON line per request, in the API's shape) and,
 * when requests failed, an error file. A cancelled job goes through
 * `CANCELLATION_REQUESTED` to `CANCELLED`, keeping the results it had. The
 * state is worked out whenever a job is read, so no timer runs.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import type { FileStore } from "./files.js";

/** What one request of a job answered: its status and body. */
export interface BatchAnswer {
  readonly status_code: number;
  readonly body: unknown;
}

/** One request of a job. */
export interface BatchItem {
  readonly customId: string | null;
  readonly body: Record<string, unknown>;
}

interface Job {
  readonly wire: Record<string, unknown>;
  readonly items: readonly BatchItem[];
  readonly run: (body: Record<string, unknown>) => BatchAnswer;
  readonly createdMs: number;
  readonly answers: BatchAnswer[];
  readonly lineIds: string[];
  cancelledMs: number | undefined;
  finished: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The batch jobs of one emulator. */
export class BatchStore {
  readonly #jobs = new Map<string, Job>();
  readonly #files: FileStore;
  /** How long a job waits, and each request takes. */
  requestMs = 100;

  constructor(files: FileStore) {
    this.#files = files;
  }

  /** Creates a job over `items`, each answered by `run`. */
  create(
    fields: Record<string, unknown>,
    items: BatchItem[],
    run: Job["run"],
  ): Record<string, unknown> {
    const now = Date.now();
    const wire: Record<string, unknown> = {
      id: randomUUID(),
      object: "batch",
      input_files: fields.input_files ?? [],
      metadata: fields.metadata ?? null,
      endpoint: fields.endpoint,
      model: fields.model ?? null,
      agent_id: fields.agent_id ?? null,
      output_file: null,
      error_file: null,
      errors: [],
      outputs: null,
      status: "QUEUED",
      created_at: seconds(now),
      total_requests: items.length,
      completed_requests: 0,
      succeeded_requests: 0,
      failed_requests: 0,
      started_at: null,
      completed_at: null,
    };
    this.#jobs.set(String(wire.id), {
      wire,
      items,
      run,
      createdMs: now,
      answers: [],
      lineIds: [],
      cancelledMs: undefined,
      finished: false,
    });
    return { ...wire };
  }

  /** A job as it is now (`inline`: with its results), or `undefined`. */
  get(id: string, inline = false): Record<string, unknown> | undefined {
    const job = this.#jobs.get(id);
    if (!job) return undefined;
    this.#advance(job);
    return inline ? { ...job.wire, outputs: this.#lines(job) } : { ...job.wire };
  }

  /** Every job as it is now, newest first. */
  list(): Record<string, unknown>[] {
    return [...this.#jobs.keys()].reverse().map((id) => this.get(id)!);
  }

  /** Asks a job to stop. */
  cancel(id: string): Record<string, unknown> | undefined {
    const job = this.#jobs.get(id);
    if (!job) return undefined;
    this.#advance(job);
    if (!job.finished && job.cancelledMs === undefined) {
      job.cancelledMs = Date.now();
      job.wire.status = "CANCELLATION_REQUESTED";
    }
    return { ...job.wire };
  }

  /** Deletes a job; whether it was there. */
  delete(id: string): boolean {
    return this.#jobs.delete(id);
  }

  /** Runs the requests due by now and moves the job's state on. */
  #advance(job: Job): void {
    if (job.finished) return;
    const now = Date.now();
    const step = this.requestMs;
    const stop = job.cancelledMs ?? Number.POSITIVE_INFINITY;
    const due = Math.floor((Math.min(now, stop) - job.createdMs - step) / step);
    if (due < 0 && job.cancelledMs === undefined) return;
    job.wire.started_at ??= seconds(job.createdMs + step);
    while (job.answers.length < Math.min(due, job.items.length)) {
      job.answers.push(job.run(job.items[job.answers.length]!.body));
      job.lineIds.push(`batch-${String(job.wire.id)}-${job.answers.length - 1}-${randomUUID()}`);
    }
    const failed = job.answers.filter((a) => a.status_code >= 400).length;
    Object.assign(job.wire, {
      status: job.cancelledMs === undefined ? "RUNNING" : "CANCELLATION_REQUESTED",
      completed_requests: job.answers.length,
      succeeded_requests: job.answers.length - failed,
      failed_requests: failed,
    });
    const cancelled = job.cancelledMs !== undefined && now >= job.cancelledMs + step;
    if (job.answers.length === job.items.length || cancelled)
      this.#finish(job, cancelled ? "CANCELLED" : "SUCCESS");
  }

  /** The output lines of the answers so far (the output file's, parsed). */
  #lines(job: Job): Record<string, unknown>[] {
    return job.answers.map((answer, n) => ({
      id: job.lineIds[n],
      custom_id: job.items[n]!.customId ?? String(n),
      response: answer.status_code < 400 ? answer : null,
      error:
        answer.status_code < 400
          ? null
          : { message: JSON.stringify(answer.body), code: answer.status_code },
    }));
  }

  #finish(job: Job, status: string): void {
    job.finished = true;
    const lines = this.#lines(job);
    const jsonl = (rows: unknown[]) =>
      Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const ok = lines.filter((l) => l.error === null);
    const bad = lines.filter((l) => l.error !== null);
    const name = `batch-${String(job.wire.id)}`;
    const output = this.#files.add(jsonl(ok), {
      filename: `${name}.jsonl`,
      purpose: "batch",
      mimetype: "application/jsonl",
      source: "mistral",
      sampleType: "batch_result",
    });
    job.wire.output_file = output.id;
    if (bad.length > 0) {
      const errors = this.#files.add(jsonl(bad), {
        filename: `${name}-errors.jsonl`,
        purpose: "batch",
        mimetype: "application/jsonl",
        source: "mistral",
        sampleType: "batch_error",
      });
      job.wire.error_file = errors.id;
      job.wire.errors = [{ message: "Some requests failed", count: bad.length }];
    }
    job.wire.status = status;
    job.wire.completed_at = seconds(Date.now());
  }
}
