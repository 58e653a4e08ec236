/**
 * Plans a completion before any byte is sent: for each choice, the thinking
 * tokens, the answer tokens or tool calls, the finish reason, and the usage.
 * Stream and non-stream responses are both rendered from the same plan, so
 * they always agree.
 *
 * @module
 */

import { readPromptHints } from "../json-schema/prompt-hints.js";
import {
  canonicalJson,
  createResponseId,
  createRng,
  createToolCallId,
  hashString,
  type Rng,
} from "../prng.js";
import { countPromptTokens, viewConversation, type WireMessage } from "./conversation.js";
import { writeCompletion } from "./generate-code.js";
import { writeAnswer, writeThinking, writeToolFollowUp } from "./generate-text.js";
import { writeJsonForSchema, writeJsonObject } from "./json-answer.js";
import { countTokens, tokenize } from "./tokenize.js";
import { chooseTools, type PlannedCall, planCalls } from "./tools.js";

/** Why a choice ended. */
export type FinishReason = "stop" | "length" | "tool_calls";

/** One choice, ready to render. */
export interface ChoicePlan {
  index: number;
  thinking: string[];
  text: string[];
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: FinishReason;
  completionTokens: number;
}

/** The API's usage object. */
export interface Usage {
  prompt_tokens: number;
  total_tokens: number;
  completion_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
}

/** A whole completion, ready to render. */
export interface CompletionPlan {
  id: string;
  created: number;
  model: string;
  /** Reasoning models stream thinking chunks and a separate final chunk, without `p` padding. */
  reasoning: boolean;
  choices: ChoicePlan[];
  usage: Usage;
  /** Random source for rendering details (padding lengths). */
  rng: Rng;
}

/** A chat or agents request body (validated). */
export interface ConversationBody {
  messages: WireMessage[];
  max_tokens?: number | null;
  stop?: string | string[] | null;
  n?: number | null;
  tools?: unknown;
  tool_choice?: unknown;
  parallel_tool_calls?: boolean;
  response_format?: { type?: string; json_schema?: { schema?: unknown } | null };
  [key: string]: unknown;
}

/** A FIM request body (validated). */
export interface FimBody {
  prompt: string;
  suffix?: string | null;
  max_tokens?: number | null;
  stop?: string | string[] | null;
  [key: string]: unknown;
}

/** The seed of a request: a hash of its content, whatever `stream` says and however keys are ordered. */
export function seedOf(body: Record<string, unknown>): number {
  const { stream: _stream, ...rest } = body;
  return hashString(canonicalJson(rest));
}

/** Plans a chat (or agents) completion. */
export function planConversation(
  body: ConversationBody,
  model: string,
  reasoning: boolean,
): CompletionPlan {
  const view = viewConversation(body.messages);
  // A prefix continues the answer the same request without it gets: the
  // seed leaves the prefix out, so a resumed stream goes on where it was cut.
  const rng = createRng(seedOf(view.prefix === undefined ? body : withoutPrefix(body)));
  const choices: ChoicePlan[] = [];
  for (let index = 0; index < (body.n ?? 1); index++) {
    const choiceRng = rng.fork(`choice-${index}`);
    const hints = readPromptHints(view.prompt);
    const tools = chooseTools(body, view.prompt, view.lastRole);
    if (tools.length > 0) {
      choices.push(
        budgetCalls(index, planCalls(tools, choiceRng.fork("tools"), hints), body.max_tokens),
      );
      continue;
    }
    const thinking = reasoning
      ? tokenize(writeThinking(view.prompt, choiceRng.fork("thinking")))
      : [];
    const format = body.response_format;
    const textRng = choiceRng.fork("text");
    let text: string;
    if (format?.type === "json_schema" && format.json_schema?.schema) {
      text = writeJsonForSchema(format.json_schema.schema, textRng, hints);
    } else if (format?.type === "json_object" || format?.type === "json_schema") {
      text = writeJsonObject(view.prompt, textRng);
    } else if (view.toolResults.length > 0) {
      text = writeToolFollowUp(view.toolResults, textRng);
    } else {
      const answer = writeAnswer(view.prompt, textRng);
      text = view.prefix === undefined ? answer : continuePrefix(view.prefix, answer);
    }
    choices.push(budgetText(index, thinking, text, body.stop, body.max_tokens));
  }
  const prompt = countPromptTokens(body.messages, body.tools);
  return assemble(model, reasoning, choices, prompt, rng);
}

/** Plans a fill-in-the-middle completion. */
export function planFim(body: FimBody, model: string): CompletionPlan {
  const rng = createRng(seedOf(body));
  const text = writeCompletion(body.prompt, body.suffix ?? "", rng.fork("code"));
  const choice = budgetText(0, [], text, body.stop, body.max_tokens);
  const prompt = 3 + countTokens(body.prompt) + countTokens(body.suffix ?? "");
  return assemble(model, false, [choice], prompt, rng);
}

function assemble(
  model: string,
  reasoning: boolean,
  choices: ChoicePlan[],
  prompt: number,
  rng: Rng,
): CompletionPlan {
  const completion = choices.reduce((sum, c) => sum + c.completionTokens, 0);
  return {
    id: createResponseId(),
    created: Math.floor(Date.now() / 1000),
    model,
    reasoning,
    choices,
    usage: {
      prompt_tokens: prompt,
      total_tokens: prompt + completion,
      completion_tokens: completion,
      prompt_tokens_details: { cached_tokens: 0 },
    },
    rng: rng.fork("render"),
  };
}

/**
 * The reply to a request ending with a prefix: like the API's, it starts with
 * the prefix. When the prefix is the start of the answer the request without
 * it gets (a resumed stream), it goes on with the rest of that answer.
 */
function continuePrefix(prefix: string, answer: string): string {
  if (answer.startsWith(prefix)) return answer;
  return prefix === "" || /\s$/.test(prefix) ? prefix + answer : `${prefix} ${answer}`;
}

function withoutPrefix(body: ConversationBody): ConversationBody {
  return { ...body, messages: body.messages.slice(0, -1) };
}

/** Applies `stop` then `max_tokens` (which counts thinking first) to a text answer. */
function budgetText(
  index: number,
  thinkingTokens: string[],
  text: string,
  stop: string | string[] | null | undefined,
  maxTokens: number | null | undefined,
): ChoicePlan {
  const stops = (typeof stop === "string" ? [stop] : (stop ?? [])).filter((s) => s.length > 0);
  const cut = Math.min(...stops.map((s) => text.indexOf(s)).filter((i) => i >= 0), text.length);
  const tokens = tokenize(text.slice(0, cut));
  const budget = maxTokens ?? Number.POSITIVE_INFINITY;
  const thinking = thinkingTokens.slice(0, budget);
  const answer = tokens.slice(0, Math.max(0, budget - thinking.length));
  const truncated = thinking.length < thinkingTokens.length || answer.length < tokens.length;
  return {
    index,
    thinking,
    text: answer,
    toolCalls: [],
    finishReason: truncated ? "length" : "stop",
    completionTokens: thinking.length + answer.length,
  };
}

/** Tokens a call costs beyond its arguments (name, markers), chosen to match recorded usage. */
const callOverhead = 5;

/** Applies `max_tokens` to tool calls: a call that does not fit is cut mid-arguments, or dropped. */
function budgetCalls(
  index: number,
  calls: PlannedCall[],
  maxTokens: number | null | undefined,
): ChoicePlan {
  const budget = maxTokens ?? Number.POSITIVE_INFINITY;
  const out: ChoicePlan["toolCalls"] = [];
  let used = 0;
  let finishReason: FinishReason = "tool_calls";
  for (const call of calls) {
    const head = callOverhead + countTokens(call.name);
    const args = tokenize(call.arguments);
    if (used + head + args.length <= budget) {
      out.push({ id: createToolCallId(), ...call });
      used += head + args.length;
      continue;
    }
    const room = budget - used - head;
    if (room > 0)
      out.push({
        id: createToolCallId(),
        name: call.name,
        arguments: args.slice(0, room).join(""),
      });
    used = budget;
    finishReason = "length";
    break;
  }
  return { index, thinking: [], text: [], toolCalls: out, finishReason, completionTokens: used };
}
