/**
 * Plans one turn of a conversation before any byte is sent: which agent
 * speaks (after a handoff), whether a connector runs (or waits for a
 * confirmation), which function tools are called, and the answer's text.
 * The stream and the non-stream answer are both rendered from this plan, so
 * they always agree. The words come from the chat planner, fed with the
 * conversation as chat messages.
 *
 * @module
 */
import { type ConversationBody, planConversation } from "../answers/plan.js";
import { createRng, createToolCallId, hashString, type Rng } from "../prng.js";
import { chatMessages, lastIsUser, lastPrompt } from "./as-chat.js";
import {
  connectorArguments,
  needsConfirmation,
  pickConnector,
  runConnector,
} from "./connectors.js";
import { newId, now, type Store, type Wire } from "./store.js";

/** One part of a message's content: text tokens, or a whole chunk. */
export type Part = { readonly tokens: string[] } | { readonly chunk: Wire };

/** One output entry, with what streaming it needs (a message's parts). */
export interface OutputPlan {
  readonly entry: Wire;
  readonly parts?: Part[];
}

/** A planned turn: the outputs in order and the usage. */
export interface TurnPlan {
  readonly outputs: OutputPlan[];
  readonly usage: Wire;
}

/** Who answers and with what: an agent (at a version) or the conversation's own settings. */
export interface Speaker {
  readonly agent: Wire | undefined;
  readonly model: string;
  readonly instructions: unknown;
  readonly tools: Wire[];
  readonly completionArgs: Wire;
}

/** What a turn is planned from. */
export interface TurnInput {
  readonly store: Store;
  readonly speaker: Speaker;
  /** Every entry so far, the new inputs included. */
  readonly entries: readonly Wire[];
  readonly handoffExecution: "client" | "server";
  /** Confirmations sent with this turn (`tool_confirmations`). */
  readonly confirmations: readonly Wire[];
}

/** The speaker of a conversation or agent settings. */
export function speakerOf(settings: Wire, agent: Wire | undefined, fallbackModel: string): Speaker {
  const source = agent ?? settings;
  return {
    agent,
    model: String(source.model ?? fallbackModel),
    instructions: source.instructions,
    tools: Array.isArray(source.tools) ? (source.tools as Wire[]) : [],
    completionArgs: (source.completion_args as Wire | null | undefined) ?? {},
  };
}

/** Plans the answer to the last inputs of `input.entries`. */
export function planTurn(input: TurnInput, extraArgs: Wire | undefined): TurnPlan {
  const rng = createRng(hashString(JSON.stringify(input.entries.map(stripIds))));
  const outputs: OutputPlan[] = [];
  let speaker = input.speaker;
  const args = { ...speaker.completionArgs, ...(extraArgs ?? {}) };
  const prompt = lastPrompt(input.entries);
  const confirmed = answerConfirmations(input, speaker, prompt, rng, outputs);
  if (!confirmed) {
    const next = handoffTarget(input.store, speaker, prompt);
    if (next) {
      outputs.push({ entry: handoffEntry(speaker, next) });
      if (input.handoffExecution === "client") return finish(outputs, input, speaker, args, true);
      speaker = speakerOf({}, next, speaker.model);
    }
    const forced = args.tool_choice === "any" || args.tool_choice === "required";
    const connector = lastIsUser(input.entries)
      ? pickConnector(speaker.tools, prompt, forced)
      : undefined;
    if (connector && needsConfirmation(connector)) {
      outputs.push({ entry: pendingCall(speaker, String(connector.type), prompt) });
      return finish(outputs, input, speaker, args, true);
    }
    if (connector) outputs.push(...runTool(speaker, String(connector.type), prompt, rng));
  }
  return finish(outputs, input, speaker, args, false);
}

/** Adds the model's own part (function calls or text) unless `stop`, and counts the usage. */
function finish(
  outputs: OutputPlan[],
  input: TurnInput,
  speaker: Speaker,
  args: Wire,
  stop: boolean,
): TurnPlan {
  const messages = chatMessages(speaker.instructions, input.entries, outputs);
  const body: ConversationBody = {
    messages,
    tools: speaker.tools.filter((t) => t.type === "function"),
    tool_choice: args.tool_choice,
  };
  if (typeof args.max_tokens === "number") body.max_tokens = args.max_tokens;
  if (args.stop !== undefined && args.stop !== null) body.stop = args.stop as string | string[];
  if (args.response_format)
    body.response_format = args.response_format as ConversationBody["response_format"] & {};
  const plan = planConversation(body, speaker.model, false);
  const choice = plan.choices[0];
  let completion = outputs.length * 4;
  if (!stop && choice) {
    completion += choice.completionTokens;
    for (const call of choice.toolCalls) {
      outputs.push({ entry: functionCall(speaker, call.name, call.arguments) });
    }
    if (choice.toolCalls.length === 0)
      outputs.push(message(speaker, citedParts(outputs, choice.text)));
  }
  const connectors = countConnectors(outputs);
  const prompt = plan.usage.prompt_tokens;
  const connectorTokens = connectors
    ? 90 * Object.values(connectors).reduce((a, b) => a + b, 0)
    : null;
  const usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion + (connectorTokens ?? 0),
    connector_tokens: connectorTokens,
    connectors,
  };
  return { outputs, usage };
}

/** Answers the calls this turn confirms or denies: runs the allowed ones. Returns whether any was. */
function answerConfirmations(
  input: TurnInput,
  speaker: Speaker,
  prompt: string,
  rng: Rng,
  outputs: OutputPlan[],
): boolean {
  let any = false;
  for (const confirmation of input.confirmations) {
    const call = input.entries.find(
      (e) => e.type === "function.call" && e.tool_call_id === confirmation.tool_call_id,
    );
    if (!call) continue;
    any = true;
    const allowed = confirmation.confirmation === "allow";
    call.confirmation_status = allowed ? "allowed" : "denied";
    if (allowed) outputs.push(...runTool(speaker, String(call.name), prompt, rng));
  }
  return any;
}

/** A built-in tool's run and nothing else (the answer that cites it comes after). */
function runTool(speaker: Speaker, name: string, prompt: string, rng: Rng): OutputPlan[] {
  const { info, cite } = runConnector(name, prompt, rng.fork(name));
  const entry = {
    object: "entry",
    type: "tool.execution",
    created_at: now(),
    completed_at: now(),
    agent_id: speaker.agent?.id ?? null,
    model: speaker.model,
    id: newId("tool_exec"),
    name,
    arguments: connectorArguments(name, prompt),
    info,
  };
  return [{ entry, parts: cite.map((chunk) => ({ chunk })) }];
}

/** A message's parts: the answer's text, with the last tool run's citations woven in. */
function citedParts(outputs: readonly OutputPlan[], text: string[]): Part[] {
  const tool = [...outputs].reverse().find((o) => o.entry.type === "tool.execution");
  const cite = tool?.parts ?? [];
  if (cite.length === 0) return [{ tokens: text }];
  const cut = Math.max(1, Math.floor(text.length / 2));
  return [{ tokens: text.slice(0, cut) }, ...cite, { tokens: text.slice(cut) }].filter(
    (p) => !("tokens" in p) || p.tokens.length > 0,
  );
}

/** The agent of `speaker`'s handoffs that the prompt names (by name), if any. */
function handoffTarget(store: Store, speaker: Speaker, prompt: string): Wire | undefined {
  const ids = speaker.agent?.handoffs;
  if (!Array.isArray(ids)) return undefined;
  const text = prompt.toLowerCase();
  for (const id of ids) {
    const agent = store.agentAt(String(id));
    const name = String(agent?.name ?? "").toLowerCase();
    if (agent && name !== "" && text.includes(name)) return agent;
  }
  return /\b(hand ?off|transfer)\b/i.test(prompt) && ids[0]
    ? store.agentAt(String(ids[0]))
    : undefined;
}

function handoffEntry(from: Speaker, to: Wire): Wire {
  return {
    object: "entry",
    type: "agent.handoff",
    created_at: now(),
    completed_at: now(),
    id: newId("handoff"),
    previous_agent_id: from.agent?.id,
    previous_agent_name: from.agent?.name,
    next_agent_id: to.id,
    next_agent_name: to.name,
  };
}

function functionCall(speaker: Speaker, name: string, args: string, status?: string): Wire {
  const entry: Wire = {
    object: "entry",
    type: "function.call",
    created_at: now(),
    completed_at: now(),
    agent_id: speaker.agent?.id ?? null,
    model: speaker.model,
    id: newId("fc"),
    tool_call_id: createToolCallId(),
    name,
    arguments: args,
  };
  if (status) entry.confirmation_status = status;
  return entry;
}

function pendingCall(speaker: Speaker, name: string, prompt: string): Wire {
  return functionCall(speaker, name, connectorArguments(name, prompt), "pending");
}

function message(speaker: Speaker, parts: Part[]): OutputPlan {
  const entry: Wire = {
    object: "entry",
    type: "message.output",
    created_at: now(),
    completed_at: now(),
    agent_id: speaker.agent?.id ?? null,
    model: speaker.model,
    id: newId("msg"),
    role: "assistant",
    content: contentOf(parts),
  };
  return { entry, parts };
}

/** A message's wire content: one string for plain text, else chunks. */
export function contentOf(parts: readonly Part[]): unknown {
  if (parts.length === 1 && parts[0] && "tokens" in parts[0]) return parts[0].tokens.join("");
  return parts.map((p) => ("tokens" in p ? { type: "text", text: p.tokens.join("") } : p.chunk));
}

function countConnectors(outputs: readonly OutputPlan[]): Record<string, number> | null {
  const counts: Record<string, number> = {};
  for (const { entry } of outputs) {
    if (entry.type === "tool.execution")
      counts[String(entry.name)] = (counts[String(entry.name)] ?? 0) + 1;
  }
  return Object.keys(counts).length > 0 ? counts : null;
}

/** An entry without what changes between runs (ids, times), for the seed. */
function stripIds(entry: Wire): Wire {
  const {
    id: _id,
    created_at: _c,
    completed_at: _d,
    tool_call_id: _t,
    agent_id: _a,
    ...rest
  } = entry;
  return rest;
}
