/**
 * One call inside its span: started with the request's attributes, ended when
 * the call ends, or, for a stream, when the stream ends, however it ends.
 *
 * @module
 */

import {
  type Attributes,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { type EventStream, MistralError } from "../core/index.js";

/** What one call records. */
export interface SpanPlan {
  /** `gen_ai.operation.name`: `chat`, `text_completion`, `invoke_agent`. */
  readonly operation: string;
  /** Whether the call returns a stream. */
  readonly streaming: boolean;
  /** The request's attributes (never its text unless asked for). */
  readonly attributes: Attributes;
  /** What the response (or the stream's snapshot) tells. */
  finish(span: Span, response: unknown): void;
}

/** Runs `call` inside the span `plan` describes. */
export async function traced(
  tracer: Tracer,
  plan: SpanPlan,
  call: () => Promise<unknown>,
): Promise<unknown> {
  const attributes: Attributes = {
    "gen_ai.operation.name": plan.operation,
    "gen_ai.provider.name": "mistral_ai",
    "gen_ai.system": "mistral_ai",
    "gen_ai.request.stream": plan.streaming,
    ...plan.attributes,
  };
  const model = attributes["gen_ai.request.model"];
  const name = typeof model === "string" ? `${plan.operation} ${model}` : plan.operation;
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  let result: unknown;
  try {
    result = await context.with(trace.setSpan(context.active(), span), call);
  } catch (error) {
    fail(span, error);
    span.end();
    throw error;
  }
  if (!plan.streaming) {
    plan.finish(span, result);
    span.end();
    return result;
  }
  const stream = result as EventStream<unknown>;
  stream.onEnd((end) => {
    const { timeToFirstEventMs } = stream.stats;
    if (timeToFirstEventMs !== undefined) {
      span.setAttribute("gen_ai.response.time_to_first_chunk", timeToFirstEventMs / 1000);
    }
    const snapshot = stream.snapshot;
    if (snapshot) plan.finish(span, snapshot);
    if (end.reason === "failed") fail(span, end.error);
    if (end.reason === "closed") span.setAttribute("mistral_stream.stream.closed_early", true);
    span.end();
  });
  return stream;
}

/** Records a failure: the error class as `error.type`, the exception, an error status. */
function fail(span: Span, error: unknown): void {
  const typed = error instanceof Error ? error : new Error(String(error));
  span.setAttribute("error.type", typed.name);
  if (error instanceof MistralError && error.statusCode !== undefined) {
    span.setAttribute("http.response.status_code", error.statusCode);
  }
  span.recordException(typed);
  span.setStatus({ code: SpanStatusCode.ERROR, message: typed.message });
}
