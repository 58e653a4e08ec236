/**
 * A planned turn as the API sends it: the `conversation.response` JSON, or
 * the named events of its stream (`conversation.response.started`, each
 * output's events, `conversation.response.done`; no `[DONE]`). Both come
 * from the same plan, so they agree. Also the conversation streams' dialect
 * for the fault injector.
 *
 * @module
 */
import type { Dialect, Payload } from "../faults/stream-script.js";
import { now, type Wire } from "./store.js";
import type { OutputPlan, TurnPlan } from "./turn.js";

/** The non-stream answer. */
export function renderConversationResponse(conversationId: string, plan: TurnPlan): Wire {
  return {
    object: "conversation.response",
    conversation_id: conversationId,
    outputs: plan.outputs.map((o) => o.entry),
    usage: plan.usage,
  };
}

const named = (data: Wire): Payload => ({ event: String(data.type), data: JSON.stringify(data) });

/** The stream's events. */
export function renderConversationEvents(conversationId: string, plan: TurnPlan): Payload[] {
  const events: Payload[] = [
    named({
      type: "conversation.response.started",
      created_at: now(),
      conversation_id: conversationId,
    }),
  ];
  plan.outputs.forEach((output, index) => {
    for (const data of outputEvents(output, index)) events.push(named(data));
  });
  events.push(named({ type: "conversation.response.done", created_at: now(), usage: plan.usage }));
  return events;
}

/** The events of one output entry. */
function outputEvents({ entry, parts }: OutputPlan, index: number): Wire[] {
  const base = { created_at: now(), output_index: index, id: entry.id };
  const by = { model: entry.model ?? null, agent_id: entry.agent_id ?? null };
  switch (entry.type) {
    case "message.output": {
      const events: Wire[] = [];
      (parts ?? []).forEach((part, contentIndex) => {
        const pieces = "tokens" in part ? part.tokens : [part.chunk];
        for (const content of pieces) {
          const type = "message.output.delta";
          events.push({
            type,
            ...base,
            content_index: contentIndex,
            ...by,
            role: "assistant",
            content,
          });
        }
      });
      return events;
    }
    case "function.call":
      return splitArguments(String(entry.arguments)).map((piece) => {
        const data: Wire = { type: "function.call.delta", ...base, ...by, name: entry.name };
        Object.assign(data, { tool_call_id: entry.tool_call_id, arguments: piece });
        if (entry.confirmation_status) data.confirmation_status = entry.confirmation_status;
        return data;
      });
    case "tool.execution":
      return [
        {
          type: "tool.execution.started",
          ...base,
          ...by,
          name: entry.name,
          arguments: entry.arguments,
        },
        { type: "tool.execution.done", ...base, name: entry.name, info: entry.info ?? {} },
      ];
    case "agent.handoff":
      return [
        {
          type: "agent.handoff.started",
          ...base,
          previous_agent_id: entry.previous_agent_id,
          previous_agent_name: entry.previous_agent_name,
        },
        {
          type: "agent.handoff.done",
          ...base,
          next_agent_id: entry.next_agent_id,
          next_agent_name: entry.next_agent_name,
        },
      ];
    default:
      return [];
  }
}

/** A call's arguments in up to three pieces, as a model streams them. */
function splitArguments(args: string): string[] {
  if (args.length < 12) return [args];
  const a = Math.floor(args.length / 3);
  return [args.slice(0, a), args.slice(a, 2 * a), args.slice(2 * a)];
}

/** How faults show on a conversation stream. */
export const conversationDialect: Dialect = {
  // A conversation has no finish reasons: the answer just ends early, and cleanly.
  finish: (events, k) => [...events.slice(0, Math.max(1, k)), events.at(-1) as Payload],
  error: (message) =>
    named({ type: "conversation.response.error", created_at: now(), message, code: 3000 }),
  broken: () => ({
    event: "message.output.delta",
    data: '{"type":"message.output.delta","content":',
  }),
  complete: (events) => events.length - 1,
};
