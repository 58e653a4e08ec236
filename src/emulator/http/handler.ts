/**
 * The request pipeline: request id and CORS, preflight, routing, early faults
 * (delay, injected status), authentication, then the endpoint.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultTicket } from "../faults/book.js";
import { FaultSpecError } from "../faults/spec.js";
import { createResponseId } from "../prng.js";
import { findModel, listModels, toModelCard } from "../requests/models.js";
import { handleAgents } from "./agents.js";
import { handleAudio } from "./audio.js";
import { handleBatch } from "./batch.js";
import { handleCompletion } from "./completions.js";
import { handleConversations } from "./conversations.js";
import { embeddingPaths, handleEmbeddings } from "./embeddings.js";
import {
  errorEnvelope,
  faultStatusError,
  routingError,
  unauthorizedError,
} from "./error-bodies.js";
import { handleFiles, isSignedDownload } from "./files.js";
import { handleOcr } from "./ocr.js";
import { type EmulatorContext, markFaults, type RequestScope } from "./scope.js";
import { sleepUntil } from "./stream-writer.js";
import { answerPreflight, sendError, sendJson, setCorsHeaders } from "./util.js";

type Route =
  | "chat"
  | "fim"
  | "agents"
  | "models"
  | "model"
  | "conversations"
  | "agent-entities"
  | "embeddings"
  | "ocr"
  | "audio"
  | "files"
  | "batch";

const postRoutes: Record<string, Route> = {
  "/v1/chat/completions": "chat",
  "/v1/fim/completions": "fim",
  "/v1/agents/completions": "agents",
  "/v1/ocr": "ocr",
  "/v1/audio/transcriptions": "audio",
  "/v1/audio/speech": "audio",
  ...Object.fromEntries(embeddingPaths.map((path) => [path, "embeddings" as const])),
};

/** Routes that own every path under a prefix. */
const prefixRoutes: readonly [string, Route][] = [
  ["/v1/conversations", "conversations"],
  ["/v1/files", "files"],
  ["/v1/batch/jobs", "batch"],
];

function matchRoute(method: string, path: string): Route | 404 | 405 {
  for (const [prefix, route] of prefixRoutes) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return route;
  }
  if (
    path !== "/v1/agents/completions" &&
    (path === "/v1/agents" || path.startsWith("/v1/agents/"))
  ) {
    return "agent-entities";
  }
  const post = postRoutes[path];
  const get =
    path === "/v1/models" ? "models" : /^\/v1\/models\/[^/]+$/.test(path) ? "model" : undefined;
  if (post) return method === "POST" ? post : 405;
  if (get) return method === "GET" ? get : 405;
  return 404;
}

/** Handles one HTTP request. */
export async function handleRequest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  res.setHeader("mistral-correlation-id", createResponseId());
  setCorsHeaders(req, res);
  if (req.method === "OPTIONS") return answerPreflight(req, res);
  const url = new URL(req.url ?? "/", "http://emulator");
  const path = url.pathname.replace(/\/+$/, "");
  const route = matchRoute(req.method ?? "GET", path);
  if (typeof route === "number") return sendError(res, routingError(route));
  let ticket: FaultTicket;
  try {
    ticket = ctx.faults.open(req.headers["x-emulator-fault"]?.toString());
  } catch (error) {
    if (!(error instanceof FaultSpecError)) throw error;
    return sendError(
      res,
      errorEnvelope(
        400,
        `Invalid x-emulator-fault: ${error.message}`,
        "invalid_request_error",
        null,
        false,
      ),
    );
  }
  const scope: RequestScope = {
    ctx,
    req,
    res,
    ticket,
    signal: controller.signal,
    applied: [],
  };
  if (await applyEarlyFaults(scope)) return;
  const key = ctx.options.apiKey;
  const signed = route === "files" && isSignedDownload(scope, path, url);
  if (key !== undefined && !signed && req.headers.authorization !== `Bearer ${key}`) {
    return sendError(res, unauthorizedError(req.headers.authorization !== undefined));
  }
  if (route === "models") return sendJson(res, 200, listModels());
  if (route === "model")
    return answerModel(res, decodeURIComponent(path.slice("/v1/models/".length)));
  const method = req.method ?? "GET";
  const rest = path.split("/").slice(3).map(decodeURIComponent);
  if (route === "conversations") return handleConversations(scope, method, rest, url);
  if (route === "agent-entities") return handleAgents(scope, method, rest, url);
  if (route === "files") return handleFiles(scope, method, rest, url);
  if (route === "batch") return handleBatch(scope, method, path.split("/").slice(4), url);
  if (route === "embeddings") return handleEmbeddings(scope, path);
  if (route === "ocr") return handleOcr(scope);
  if (route === "audio") return handleAudio(scope, path);
  await handleCompletion(scope, route);
}

/** Applies `delay-ms` and `status=` faults; returns true when the request has been answered. */
async function applyEarlyFaults(scope: RequestScope): Promise<boolean> {
  const early = scope.ticket.takeEarly();
  markFaults(scope, early);
  for (const f of early)
    if (f.kind === "delay") await sleepUntil(Date.now() + (f.ms ?? 0), scope.signal);
  const status = early.find((f) => f.kind === "status");
  if (!status || scope.signal.aborted) return scope.signal.aborted;
  const code = status.status ?? 500;
  const retryAfter =
    status.retryAfter === undefined
      ? code === 429 || code === 503
        ? "1"
        : null
      : status.retryAfter;
  const headers: Record<string, string> = retryAfter === null ? {} : { "retry-after": retryAfter };
  sendError(scope.res, faultStatusError(code, status.message), headers);
  return true;
}

function answerModel(res: ServerResponse, id: string): void {
  const model = findModel(id);
  if (model) sendJson(res, 200, toModelCard(model, id));
  else sendError(res, errorEnvelope(404, `Model not found: ${id}`, "invalid_model", "1500"));
}
