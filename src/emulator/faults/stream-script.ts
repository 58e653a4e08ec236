/**
 * Turns the payloads of a stream and the stream faults of a request into the
 * script the writer plays: events, stalls and a connection drop. "After K
 * events" counts `data:` messages written (role chunk, content chunks,
 * `[DONE]`; a conversation's named events), never comments. What a fault
 * sends (an error event, a broken event, a finish) is the stream's dialect's.
 *
 * @module
 */

import type { CompletionPlan } from "../answers/plan.js";
import { renderChunk } from "../answers/render.js";
import type { Fault } from "./spec.js";

/** One event to send: its data, and its name for a stream of named events. */
export interface Payload {
  readonly event?: string | undefined;
  readonly data: string;
}

/** How a kind of stream shows the faults that change its events. */
export interface Dialect {
  /** The events that end a stream with `reason` after the first `k` (chat: a finish chunk and `[DONE]`). */
  finish(events: readonly Payload[], k: number, reason: string): Payload[];
  /** An error reported mid-stream. */
  error(message: string): Payload;
  /** An event cut mid-JSON. */
  broken(): Payload;
  /** How many events make the stream complete but for its end marker. */
  complete(events: readonly Payload[]): number;
}

/** One named event: its name is its data's `type`. */
export const namedPayload = (data: Record<string, unknown>): Payload => ({
  event: String(data.type),
  data: JSON.stringify(data),
});

/**
 * The dialect of a stream of named events that ends with one done event
 * (audio streams): cut short, it still ends with the done event; an error is
 * an `error` event.
 */
export const namedDialect: Dialect = {
  finish: (events, k) => [...events.slice(0, Math.max(1, k)), events.at(-1) as Payload],
  error: (message) => ({
    event: "error",
    data: JSON.stringify({ type: "error", error: { message, code: 3000 } }),
  }),
  broken: () => ({
    event: "transcription.text.delta",
    data: '{"type":"transcription.text.delta","text":',
  }),
  complete: (events) => events.length - 1,
};

/** The dialect of chat (and FIM, agents) completion streams. */
export function chatDialect(plan: CompletionPlan): Dialect {
  return {
    finish(events, k, reason) {
      const spec = { index: 0, delta: { content: "" }, finishReason: reason, padded: true };
      return [...events.slice(0, k), { data: renderChunk(plan, spec, true) }, { data: "[DONE]" }];
    },
    error: (message) => ({
      data: JSON.stringify({
        object: "error",
        message,
        type: "internal_server_error",
        param: null,
        code: "1000",
      }),
    }),
    broken: () => ({
      data: `{"id":"${plan.id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":`,
    }),
    complete: (events) => (events.at(-1)?.data === "[DONE]" ? events.length - 1 : events.length),
  };
}

/** One step of a stream. */
export type Step =
  | { type: "event"; event?: string | undefined; data: string }
  | { type: "stall"; ms: number; keepAliveMs: number | undefined }
  | { type: "drop" };

/** What the writer plays. */
export interface StreamScript {
  steps: Step[];
  /** Cut the connection once this many body bytes have been sent. */
  dropAfterBytes: number | undefined;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** Applies stream faults to the payloads of a stream. */
export function scriptStream(
  payloads: readonly Payload[],
  faults: readonly Fault[],
  dialect: Dialect,
): StreamScript {
  let events = payloads.slice();
  for (const f of faults) events = reshapeEvents(events, f, dialect);
  const steps: Step[] = events.map((p) => ({ type: "event", event: p.event, data: p.data }));
  // Insert from the back so earlier positions stay valid; at the same position the drop goes in
  // first so that a stall placed there still happens before the cut.
  const timed = faults
    .filter((f) => f.kind === "stall" || f.kind === "drop-after-events")
    .map((f) => ({ f, at: clamp(f.afterEvents ?? 1, events.length) }))
    .sort((a, b) => b.at - a.at || (a.f.kind === "drop-after-events" ? -1 : 1));
  for (const { f, at } of timed) {
    const position = eventPosition(steps, at);
    if (f.kind === "stall") {
      steps.splice(position, 0, { type: "stall", ms: f.ms ?? 0, keepAliveMs: f.keepAliveMs });
    } else steps.splice(position, steps.length - position, { type: "drop" });
  }
  const bytes = faults.filter((f) => f.kind === "drop-after-bytes").map((f) => f.bytes ?? 0);
  return { steps, dropAfterBytes: bytes.length > 0 ? Math.min(...bytes) : undefined };
}

/** Applies one fault that changes which events are sent (finish, error event, no end, malformed). */
function reshapeEvents(events: Payload[], f: Fault, dialect: Dialect): Payload[] {
  switch (f.kind) {
    case "finish": {
      // By default the fault replaces the final chunk, so the stream ends with this finish reason.
      const k = clamp(f.afterEvents ?? events.length - 2, events.length - 1);
      return dialect.finish(events, k, f.finishReason ?? "error");
    }
    case "error-event": {
      const error = dialect.error(f.message ?? "Internal server error");
      return [...events.slice(0, clamp(f.afterEvents ?? 1, events.length)), error];
    }
    case "no-done": {
      const complete = dialect.complete(events);
      return events.slice(0, clamp(f.afterEvents ?? complete, complete));
    }
    case "malformed": {
      const at = clamp(f.afterEvents ?? 1, events.length);
      return [...events.slice(0, at), dialect.broken(), ...events.slice(at)];
    }
    default:
      return events;
  }
}

/** The index in `steps` just after the `count`-th event. */
function eventPosition(steps: readonly Step[], count: number): number {
  let seen = 0;
  for (let i = 0; i < steps.length; i++) {
    if (seen === count) return i;
    if (steps[i]?.type === "event") seen++;
  }
  return steps.length;
}
