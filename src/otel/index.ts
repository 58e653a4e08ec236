/**
 * `mistral-stream/otel`: one OpenTelemetry span per call, following the GenAI
 * semantic conventions. Opt-in: nothing here is loaded unless this entry is
 * imported, and `@opentelemetry/api` is an optional peer dependency.
 *
 * ```ts
 * import { instrument } from "mistral-stream/otel";
 * const client = instrument(new Mistral());
 * ```
 *
 * Prompt and answer text are recorded only with `recordContent: true`.
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
import {
  type ChatCompletionResponse,
  type CompletionEvent,
  type EventStream,
  type Mistral,
  MistralError,
  version,
} from "../core/index.js";
import { inputMessages, outputMessages, requestAttributes } from "./attributes.js";

/** Options of {@link instrument}. */
export interface TelemetryOptions {
  /** The tracer to record with. Default: the global provider's `mistral-stream` tracer. */
  tracer?: Tracer | undefined;
  /** Record prompt and answer text (`gen_ai.input.messages`, `gen_ai.output.messages`). Default `false`. */
  recordContent?: boolean | undefined;
}

/** The resources and the GenAI operation each one performs. */
const resources = { chat: "chat", fim: "text_completion", agents: "invoke_agent" } as const;
const instrumented = Symbol.for("mistral-stream.otel");

type Method = (request: Record<string, unknown>, options?: unknown) => Promise<unknown>;

/**
 * Instruments `client` in place (and returns it): every `stream()` and
 * `complete()` of `chat`, `fim` and `agents` records a span. A stream's span
 * ends when the stream ends, however it ends (done, failed, closed early).
 */
export function instrument<C extends Mistral>(client: C, options: TelemetryOptions = {}): C {
  const marked = client as C & { [instrumented]?: true };
  if (marked[instrumented]) return client;
  marked[instrumented] = true;
  const tracer = options.tracer ?? trace.getTracer("mistral-stream", version);
  const record = options.recordContent === true;
  for (const [name, operation] of Object.entries(resources)) {
    const resource: Record<string, Method> | undefined = Reflect.get(client as object, name);
    if (!resource) continue;
    for (const kind of ["stream", "complete"] as const) {
      const original = resource[kind];
      if (typeof original !== "function") continue;
      resource[kind] = (request, callOptions) =>
        traced(tracer, operation, kind === "stream", record, request, () =>
          original.call(resource, request, callOptions),
        );
    }
  }
  return client;
}

/** Runs one call inside its span. */
async function traced(
  tracer: Tracer,
  operation: string,
  streaming: boolean,
  record: boolean,
  request: Record<string, unknown>,
  call: () => Promise<unknown>,
): Promise<unknown> {
  const model = typeof request?.model === "string" ? request.model : undefined;
  const attributes: Attributes = {
    "gen_ai.operation.name": operation,
    "gen_ai.provider.name": "mistral_ai",
    "gen_ai.system": "mistral_ai",
    "gen_ai.request.stream": streaming,
    ...requestAttributes(request),
  };
  if (record) attributes["gen_ai.input.messages"] = inputMessages(request);
  const name = model ? `${operation} ${model}` : operation;
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  let result: unknown;
  try {
    result = await context.with(trace.setSpan(context.active(), span), call);
  } catch (error) {
    fail(span, error);
    span.end();
    throw error;
  }
  if (!streaming) {
    finish(span, result as ChatCompletionResponse, record);
    span.end();
    return result;
  }
  const stream = result as EventStream<CompletionEvent>;
  stream.onEnd((end) => {
    const { timeToFirstEventMs } = stream.stats;
    if (timeToFirstEventMs !== undefined) {
      span.setAttribute("gen_ai.response.time_to_first_chunk", timeToFirstEventMs / 1000);
    }
    const snapshot = stream.snapshot;
    if (snapshot) finish(span, snapshot, record);
    if (end.reason === "failed") fail(span, end.error);
    if (end.reason === "closed") span.setAttribute("mistral_stream.stream.closed_early", true);
    span.end();
  });
  return stream;
}

/** Sets what the response tells. */
function finish(span: Span, response: ChatCompletionResponse, record: boolean): void {
  if (response.id) span.setAttribute("gen_ai.response.id", response.id);
  if (response.model) span.setAttribute("gen_ai.response.model", response.model);
  const reasons = response.choices.map((c) => c.finishReason).filter((r) => r !== "");
  if (reasons.length) span.setAttribute("gen_ai.response.finish_reasons", reasons);
  const { usage } = response;
  if (usage.promptTokens || usage.completionTokens) {
    span.setAttribute("gen_ai.usage.input_tokens", usage.promptTokens);
    span.setAttribute("gen_ai.usage.output_tokens", usage.completionTokens);
  }
  if (record) span.setAttribute("gen_ai.output.messages", outputMessages(response));
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
