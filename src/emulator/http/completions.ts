/**
 * The completion endpoints (chat, FIM, agents): read and validate the body,
 * check the model, plan the answer, then send it as JSON or as a paced,
 * fault-shaped event stream.
 *
 * @module
 */
import type { ServerResponse } from "node:http";
import {
  type CompletionPlan,
  type ConversationBody,
  type FimBody,
  planConversation,
  planFim,
} from "../answers/plan.js";
import { renderResponse, renderStream } from "../answers/render.js";
import { scriptStream } from "../faults/stream-script.js";
import { findModel, isReasoningModel } from "../requests/models.js";
import { agentsRequest, chatRequest, fimRequest } from "../requests/schemas.js";
import type { Check, ValidationIssue } from "../requests/validate.js";
import {
  type ErrorReply,
  emptyConversationError,
  invalidModelError,
  jsonDecodeError,
  messageOrderError,
  missingBodyError,
  validationError,
} from "./error-bodies.js";
import { markFaults, type RequestScope } from "./scope.js";
import { type Pacing, playStream, sleepUntil } from "./stream-writer.js";
import { BodyTooLargeError, numericHeader, readBody, sendError, sendJson } from "./util.js";

const schemas: Record<"chat" | "fim" | "agents", Check> = {
  chat: chatRequest,
  fim: fimRequest,
  agents: agentsRequest,
};

/** Handles `POST /v1/{chat,fim,agents}/completions`. */
export async function handleCompletion(
  scope: RequestScope,
  kind: "chat" | "fim" | "agents",
): Promise<void> {
  const parsed = await readJson(scope);
  if ("status" in parsed) return sendError(scope.res, parsed);
  const body = parsed.value as Record<string, unknown>;
  const plan = planFor(scope, kind, body);
  if ("status" in plan) return sendError(scope.res, plan);
  const pacing = pacingFor(scope);
  if (body.stream === true) return sendStream(scope, plan, pacing);
  const interval =
    pacing.tokensPerSecond > 0 && Number.isFinite(pacing.tokensPerSecond)
      ? 1000 / pacing.tokensPerSecond
      : 0;
  const wait = pacing.timeToFirstTokenMs + interval * plan.usage.completion_tokens;
  await sleepUntil(Date.now() + wait, scope.signal);
  if (!scope.signal.aborted) sendJson(scope.res, 200, renderResponse(plan));
}

/** Reads the body as JSON, answering like the API's validation layer when it is empty or not JSON. */
async function readJson(scope: RequestScope): Promise<{ value: unknown } | ErrorReply> {
  let text: string;
  try {
    text = await readBody(scope.req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, body: { detail: "Request Entity Too Large" } };
    throw error;
  }
  if (text.trim() === "") return missingBodyError();
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return jsonDecodeError(position, "Expecting value");
  }
}

/** Validates the body, checks the model and the conversation, and plans the answer. */
function planFor(
  scope: RequestScope,
  kind: "chat" | "fim" | "agents",
  body: Record<string, unknown>,
): CompletionPlan | ErrorReply {
  const issues: ValidationIssue[] = [];
  schemas[kind](body, ["body"], issues);
  if (issues.length > 0) return validationError(issues);
  if (kind === "fim") {
    const model = findModel(body.model as string);
    if (!model?.capabilities.completion_fim) return invalidModelError(body.model as string);
    return planFim(body as FimBody, body.model as string);
  }
  const model = kind === "agents" ? scope.ctx.options.agentModel : (body.model as string);
  if (kind === "chat" && !findModel(model)?.capabilities.completion_chat)
    return invalidModelError(model);
  const conversation = body as ConversationBody;
  const last = conversation.messages.at(-1);
  if (last === undefined) return emptyConversationError();
  if (last.role === "system" || (last.role === "assistant" && last.prefix !== true)) {
    return messageOrderError(last.role);
  }
  return planConversation(conversation, model, isReasoningModel(model));
}

/** Pacing from the options, overridden per request by `x-emulator-tokens-per-second` / `x-emulator-ttft-ms`. */
function pacingFor(scope: RequestScope): Pacing {
  const { options } = scope.ctx;
  return {
    tokensPerSecond:
      numericHeader(scope.req, "x-emulator-tokens-per-second") ?? options.tokensPerSecond,
    timeToFirstTokenMs:
      numericHeader(scope.req, "x-emulator-ttft-ms") ?? options.timeToFirstTokenMs,
  };
}

async function sendStream(
  scope: RequestScope,
  plan: CompletionPlan,
  pacing: Pacing,
): Promise<void> {
  const faults = scope.ticket.takeStream();
  markFaults(scope, faults);
  const res: ServerResponse = scope.res;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  });
  res.flushHeaders();
  await playStream(res, scriptStream(renderStream(plan), faults, plan), pacing, scope.signal);
}
