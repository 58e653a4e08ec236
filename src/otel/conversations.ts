/**
 * Spans for the turns of `beta.conversations`: `invoke_agent` for an agent's
 * conversation, `chat` for a model's, with the conversation's id, the usage
 * and, only with `recordContent`, the inputs and the outputs' text.
 *
 * @module
 */

import type { Attributes, Span, Tracer } from "@opentelemetry/api";
import type { ConversationResponse, Mistral } from "../core/index.js";
import { requestAttributes } from "./attributes.js";
import { traced } from "./span.js";

type Method = (request: Record<string, unknown>, options?: unknown) => Promise<unknown>;

/** The turns, and the key of each one's body inside its request (none for `start`). */
const turns: ReadonlyArray<[name: string, body: string | undefined]> = [
  ["start", undefined],
  ["startStream", undefined],
  ["append", "conversationAppendRequest"],
  ["appendStream", "conversationAppendStreamRequest"],
  ["restart", "conversationRestartRequest"],
  ["restartStream", "conversationRestartStreamRequest"],
];

/** Wraps the turns of `client.beta.conversations`, if it has them. */
export function instrumentConversations(client: Mistral, tracer: Tracer, record: boolean): void {
  const beta: { conversations?: Record<string, Method> } | undefined = Reflect.get(
    client as object,
    "beta",
  );
  const resource = beta?.conversations;
  if (!resource) return;
  for (const [name, bodyKey] of turns) {
    const original = resource[name];
    if (typeof original !== "function") continue;
    resource[name] = (request, callOptions) => {
      const body = (bodyKey ? request?.[bodyKey] : request) as Record<string, unknown> | undefined;
      const plan = {
        operation: typeof body?.agentId === "string" ? "invoke_agent" : "chat",
        streaming: name.endsWith("Stream"),
        attributes: turnAttributes(request, body ?? {}, record),
        finish: (span: Span, response: unknown) =>
          finish(span, response as ConversationResponse, record),
      };
      return traced(tracer, plan, () => original.call(resource, request, callOptions));
    };
  }
}

/** The attributes of one turn: the model or agent, the completion arguments, the conversation. */
function turnAttributes(
  request: Record<string, unknown>,
  body: Record<string, unknown>,
  record: boolean,
): Attributes {
  const args = (body.completionArgs ?? {}) as Record<string, unknown>;
  const attributes = requestAttributes({ ...args, model: body.model, agentId: body.agentId });
  if (typeof request?.conversationId === "string")
    attributes["gen_ai.conversation.id"] = request.conversationId;
  if (record && body.inputs !== undefined)
    attributes["gen_ai.input.messages"] = JSON.stringify(body.inputs);
  return attributes;
}

/** What a conversation's answer tells. */
function finish(span: Span, response: ConversationResponse, record: boolean): void {
  if (response.conversationId) span.setAttribute("gen_ai.conversation.id", response.conversationId);
  const { usage } = response;
  if (usage && (usage.promptTokens || usage.completionTokens)) {
    span.setAttribute("gen_ai.usage.input_tokens", usage.promptTokens);
    span.setAttribute("gen_ai.usage.output_tokens", usage.completionTokens);
  }
  if (record) span.setAttribute("gen_ai.output.messages", JSON.stringify(response.outputs));
}
