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

import type { Span, Tracer } from "@opentelemetry/api";
import { trace } from "@opentelemetry/api";
import { type ChatCompletionResponse, type Mistral, version } from "../core/index.js";
import { inputMessages, outputMessages, requestAttributes } from "./attributes.js";
import { instrumentConversations } from "./conversations.js";
import { traced } from "./span.js";

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
 * `complete()` of `chat`, `fim` and `agents`, and every turn of
 * `beta.conversations` (`start`, `append`, `restart` and their streams),
 * records a span. A stream's span ends when the stream ends, however it ends
 * (done, failed, closed early).
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
      resource[kind] = (request, callOptions) => {
        const attributes = requestAttributes(request);
        if (record) attributes["gen_ai.input.messages"] = inputMessages(request);
        const plan = {
          operation,
          streaming: kind === "stream",
          attributes,
          finish: (span: Span, response: unknown) =>
            finish(span, response as ChatCompletionResponse, record),
        };
        return traced(tracer, plan, () => original.call(resource, request, callOptions));
      };
    }
  }
  instrumentConversations(client, tracer, record);
  return client;
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
