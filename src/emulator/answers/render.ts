/**
 * Renders a plan as wire JSON, key for key in the order the API sends:
 * chunks are `id, object, created, model, choices, usage, p`; full responses
 * are `id, created, model, usage, object, choices` (as recorded raw).
 *
 * @module
 */
import type { ChoicePlan, CompletionPlan } from "./plan.js";

const padding = "abcdefghijklmnopqrstuvwxyz0123456789";

/** One `data:` payload of a stream, before serialisation. */
export interface ChunkSpec {
  index: number;
  delta: Record<string, unknown>;
  finishReason: string | null;
  /** Content chunks carry the `p` padding; role chunks do not. */
  padded: boolean;
}

/** Serialises one stream chunk. */
export function renderChunk(plan: CompletionPlan, spec: ChunkSpec, withUsage: boolean): string {
  const chunk: Record<string, unknown> = {
    id: plan.id,
    object: "chat.completion.chunk",
    created: plan.created,
    model: plan.model,
    choices: [{ index: spec.index, delta: spec.delta, finish_reason: spec.finishReason }],
  };
  if (withUsage) chunk.usage = plan.usage;
  // The API pads content chunks with a random-length `p` so sizes do not leak token lengths.
  if (spec.padded && !plan.reasoning) chunk.p = padding.slice(0, plan.rng.int(1, padding.length));
  return JSON.stringify(chunk);
}

/** The wire form of tool calls. */
export function renderToolCalls(calls: ChoicePlan["toolCalls"]): Record<string, unknown>[] {
  return calls.map((c, i) => ({
    id: c.id,
    function: { name: c.name, arguments: c.arguments },
    index: i,
    type: "function",
  }));
}

/** Serialises the non-stream response. */
export function renderResponse(plan: CompletionPlan): string {
  return JSON.stringify({
    id: plan.id,
    created: plan.created,
    model: plan.model,
    usage: plan.usage,
    object: "chat.completion",
    choices: plan.choices.map((c) => ({
      index: c.index,
      finish_reason: c.finishReason,
      message: {
        role: "assistant",
        tool_calls: c.toolCalls.length > 0 ? renderToolCalls(c.toolCalls) : null,
        content: renderContent(plan, c),
      },
    })),
  });
}

function renderContent(plan: CompletionPlan, c: ChoicePlan): unknown {
  const text = c.text.join("");
  if (!plan.reasoning || c.toolCalls.length > 0) return text;
  return [
    { type: "thinking", thinking: [{ type: "text", text: c.thinking.join("") }] },
    { type: "text", text },
  ];
}

/** The chunks of one choice after its role chunk, in order. */
export function choiceChunks(plan: CompletionPlan, c: ChoicePlan): ChunkSpec[] {
  const out: ChunkSpec[] = [];
  const add = (delta: Record<string, unknown>, padded = true) =>
    out.push({ index: c.index, delta, finishReason: null, padded });
  if (plan.reasoning && c.toolCalls.length === 0) {
    // As recorded: an empty string, the thinking pieces, an empty thinking chunk, then plain strings.
    add({ content: "" }, false);
    for (const t of c.thinking)
      add({ content: [{ type: "thinking", thinking: [{ type: "text", text: t }] }] });
    if (c.thinking.length > 0) add({ content: [{ type: "thinking", thinking: [] }] });
  }
  for (const t of c.text) add({ content: t });
  if (c.toolCalls.length > 0) add({ tool_calls: renderToolCalls(c.toolCalls) });
  const last = out.at(-1);
  // Reasoning models end with a separate empty chunk; others put the finish on the last piece.
  if (last && !plan.reasoning && (c.text.length > 0 || c.toolCalls.length > 0))
    last.finishReason = c.finishReason;
  else
    out.push({
      index: c.index,
      delta: { content: "" },
      finishReason: c.finishReason,
      padded: true,
    });
  return out;
}

/** Every `data:` payload of the stream, `[DONE]` included: role chunks first, then choices interleaved. */
export function renderStream(plan: CompletionPlan): string[] {
  const specs: ChunkSpec[] = plan.choices.map((c) => ({
    index: c.index,
    delta: { role: "assistant", content: "" },
    finishReason: null,
    padded: false,
  }));
  const queues = plan.choices.map((c) => choiceChunks(plan, c));
  for (let round = 0; queues.some((q) => round < q.length); round++) {
    for (const q of queues) {
      const spec = q[round];
      if (spec) specs.push(spec);
    }
  }
  const payloads = specs.map((spec, i) => renderChunk(plan, spec, i === specs.length - 1));
  payloads.push("[DONE]");
  return payloads;
}
