/**
 * The completion endpoints (chat, FIM, agents): read and validate the body,
 * check the model, plan the answer, then send it as JSON or as a paced,
 * fault-shaped event stream.
 *
 * @module
 */
import {
  type CompletionPlan,
  type ConversationBody,
  type FimBody,
  planConversation,
  planFim,
} from "../answers/plan.js";
import { renderResponse, renderStream } from "../answers/render.js";
import { chatDialect } from "../faults/stream-script.js";
import { findModel, isReasoningModel } from "../requests/models.js";
import { agentsRequest, chatRequest, fimRequest } from "../requests/schemas.js";
import type { Check, ValidationIssue } from "../requests/validate.js";
import {
  type ErrorReply,
  emptyConversationError,
  invalidModelError,
  messageOrderError,
  validationError,
} from "./error-bodies.js";
import { readJson, sendAnswer, sendStream } from "./reply.js";
import type { EmulatorContext, RequestScope } from "./scope.js";
import { sendError } from "./util.js";

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
  const plan = planFor(scope.ctx, kind, body);
  if ("status" in plan) return sendError(scope.res, plan);
  if (body.stream === true) {
    const payloads = renderStream(plan).map((data) => ({ data }));
    return sendStream(scope, payloads, chatDialect(plan));
  }
  await sendAnswer(scope, plan.usage.completion_tokens, renderResponse(plan));
}

/** The whole (non-stream) answer to `body`, or the API's error: what a batch job's line holds. */
export function answerCompletion(
  ctx: EmulatorContext,
  kind: "chat" | "fim",
  body: Record<string, unknown>,
): Record<string, unknown> | ErrorReply {
  const plan = planFor(ctx, kind, { ...body, stream: false });
  return "status" in plan ? plan : (JSON.parse(renderResponse(plan)) as Record<string, unknown>);
}

/** Validates the body, checks the model and the conversation, and plans the answer. */
function planFor(
  ctx: EmulatorContext,
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
  const model = kind === "agents" ? ctx.options.agentModel : (body.model as string);
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
