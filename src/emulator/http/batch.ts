/**
 * Batch jobs: create (from input files of JSON lines, or inline requests),
 * list, get (`inline` for the results), cancel and delete. Each request is
 * answered by the same code as the endpoint it names, as its time comes
 * (`services/batch.ts`).
 *
 * @module
 */
import { batchJobRequest } from "../requests/platform-schemas.js";
import type { BatchAnswer, BatchItem } from "../services/batch.js";
import { answerCompletion } from "./completions.js";
import { classifierAnswer, embeddingsAnswer } from "./embeddings.js";
import { badRequestError, type ErrorReply, errorEnvelope } from "./error-bodies.js";
import { isReply, readChecked } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError, sendJson } from "./util.js";

type Wire = Record<string, unknown>;

/** How each endpoint a job may name answers one body. */
function runnerFor(
  scope: RequestScope,
  endpoint: string,
  model: unknown,
): ((body: Wire) => Wire | ErrorReply) | undefined {
  const withModel = (body: Wire) =>
    model != null && body.model === undefined ? { ...body, model } : body;
  const runners: Record<string, (body: Wire) => Wire | ErrorReply> = {
    "/v1/chat/completions": (b) => answerCompletion(scope.ctx, "chat", withModel(b)),
    "/v1/fim/completions": (b) => answerCompletion(scope.ctx, "fim", withModel(b)),
    "/v1/embeddings": (b) => embeddingsAnswer(withModel(b)),
    "/v1/moderations": (b) => classifierAnswer("moderate", withModel(b)),
    "/v1/chat/moderations": (b) => classifierAnswer("moderateChat", withModel(b)),
  };
  return runners[endpoint];
}

/** The requests of a job: inline, or the lines of its input files. */
function itemsOf(scope: RequestScope, body: Wire): BatchItem[] | ErrorReply {
  if (Array.isArray(body.requests)) {
    return (body.requests as Wire[]).map((r) => ({
      customId: (r.custom_id as string | null) ?? null,
      body: r.body as Wire,
    }));
  }
  const items: BatchItem[] = [];
  for (const id of (body.input_files as string[] | null) ?? []) {
    const file = scope.ctx.files.get(id);
    if (!file) return errorEnvelope(404, `File ${id} not found`, "invalid_request_error", null);
    for (const line of file.bytes.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      try {
        const parsed = JSON.parse(line) as Wire;
        items.push({
          customId: (parsed.custom_id as string | undefined) ?? null,
          body: (parsed.body ?? {}) as Wire,
        });
      } catch {
        return badRequestError(`Input file ${id} has a line that is not JSON`);
      }
    }
  }
  return items.length > 0 ? items : badRequestError("A batch job needs input_files or requests");
}

async function create(scope: RequestScope): Promise<void> {
  const body = await readChecked(scope, batchJobRequest);
  if (isReply(body)) return sendError(scope.res, body);
  const run = runnerFor(scope, String(body.endpoint), body.model);
  if (!run)
    return sendError(scope.res, badRequestError(`Unsupported endpoint: ${String(body.endpoint)}`));
  const items = itemsOf(scope, body);
  if (isReply(items)) return sendError(scope.res, items);
  const answer = (b: Wire): BatchAnswer => {
    const out = run(b);
    return isReply(out)
      ? { status_code: out.status, body: out.body }
      : { status_code: 200, body: out };
  };
  sendJson(scope.res, 200, scope.ctx.batches.create(body, items, answer));
}

/** Handles `/v1/batch/jobs` and below (`rest`: the path after `/v1/batch/jobs`). */
export async function handleBatch(
  scope: RequestScope,
  method: string,
  rest: string[],
  url: URL,
): Promise<void> {
  const [id, action] = rest;
  const store = scope.ctx.batches;
  if (id === undefined) {
    if (method === "POST") return create(scope);
    const status = url.searchParams.getAll("status");
    const jobs = store
      .list()
      .filter((j) => status.length === 0 || status.includes(String(j.status)));
    const page = Number(url.searchParams.get("page") ?? 0);
    const size = Number(url.searchParams.get("page_size") ?? 100);
    return sendJson(scope.res, 200, {
      data: jobs.slice(page * size, page * size + size),
      object: "list",
      total: jobs.length,
    });
  }
  const notFound = errorEnvelope(404, `Batch job ${id} not found`, "invalid_request_error", null);
  if (action === "cancel" && method === "POST") {
    const job = store.cancel(id);
    return job ? sendJson(scope.res, 200, job) : sendError(scope.res, notFound);
  }
  if (action === undefined && method === "DELETE") {
    return store.delete(id)
      ? sendJson(scope.res, 200, { id, object: "batch", deleted: true })
      : sendError(scope.res, notFound);
  }
  if (action !== undefined || method !== "GET") return sendError(scope.res, notFound);
  const job = store.get(id, url.searchParams.get("inline") === "true");
  return job ? sendJson(scope.res, 200, job) : sendError(scope.res, notFound);
}
