/**
 * The GenAI semantic-convention attributes of a request, and the message
 * records written only with `recordContent`.
 *
 * @module
 */

import type { Attributes } from "@opentelemetry/api";
import type { ChatCompletionResponse, ContentChunk } from "../core/index.js";

/** Request field → attribute, for the numeric and list settings the conventions name. */
const requestKeys: ReadonlyArray<[string, string]> = [
  ["model", "gen_ai.request.model"],
  ["temperature", "gen_ai.request.temperature"],
  ["topP", "gen_ai.request.top_p"],
  ["maxTokens", "gen_ai.request.max_tokens"],
  ["randomSeed", "gen_ai.request.seed"],
  ["frequencyPenalty", "gen_ai.request.frequency_penalty"],
  ["presencePenalty", "gen_ai.request.presence_penalty"],
  ["n", "gen_ai.request.choice.count"],
  ["agentId", "gen_ai.agent.id"],
];

/** The attributes a request sets (never its text). */
export function requestAttributes(request: Record<string, unknown>): Attributes {
  const out: Attributes = {};
  for (const [key, attribute] of requestKeys) {
    const value = request?.[key];
    if (typeof value === "string" || typeof value === "number") out[attribute] = value;
  }
  const stop = request?.stop;
  if (typeof stop === "string") out["gen_ai.request.stop_sequences"] = [stop];
  else if (Array.isArray(stop)) out["gen_ai.request.stop_sequences"] = stop.map(String);
  return out;
}

/** `gen_ai.input.messages`: the prompt, as `[{role, parts: [{type: "text", content}]}]` JSON. */
export function inputMessages(request: Record<string, unknown>): string {
  const messages = Array.isArray(request?.messages) ? request.messages : [];
  const prompt =
    typeof request?.prompt === "string" ? [{ role: "user", content: request.prompt }] : [];
  return JSON.stringify(
    [...messages, ...prompt].map((m: { role?: unknown; content?: unknown }) => ({
      role: m?.role ?? "user",
      parts: [{ type: "text", content: textOf(m?.content) }],
    })),
  );
}

/** `gen_ai.output.messages`: each choice's answer, tool calls and finish reason, as JSON. */
export function outputMessages(response: ChatCompletionResponse): string {
  return JSON.stringify(
    response.choices.map((choice) => ({
      role: "assistant",
      parts: [
        { type: "text", content: textOf(choice.message?.content) },
        ...(choice.message?.toolCalls ?? []).map((call) => ({
          type: "tool_call",
          id: call.id,
          name: call.function.name,
          arguments: call.function.arguments,
        })),
      ],
      finish_reason: choice.finishReason,
    })),
  );
}

/** The text of a message's content: the string, or its text chunks joined. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return (content as ContentChunk[]).map((c) => (c.type === "text" ? c.text : "")).join("");
}
