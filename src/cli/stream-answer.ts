/**
 * One turn of a chat: send the conversation, show the answer as it streams,
 * report `--stats`.
 *
 * @module
 */

import type {
  ChatCompletionRequestMessage,
  ChatCompletionStreamRequest,
  CompletionEvent,
  EventStream,
  Mistral,
} from "../core/index.js";
import type { ChatArgs } from "./args.js";
import { type AnswerRecord, type AnswerRenderer, formatStats, type TextSink } from "./render.js";

/** How one turn runs. */
export interface TurnOptions {
  /** Aborts the turn (Ctrl-C). */
  readonly signal: AbortSignal;
  /** Where the `--stats` line goes, if wanted. */
  readonly statsTo: TextSink | undefined;
  /** Where notes about the answer go (stderr): an answer cut by `--max-tokens`. */
  readonly notesTo: TextSink;
  /** Resumes a stream cut mid-answer up to this many times (`--resume`). */
  readonly resume?: number | undefined;
}

/** Builds the request of one turn from the command line and the conversation. */
export function buildRequest(
  args: ChatArgs,
  messages: ChatCompletionRequestMessage[],
): ChatCompletionStreamRequest {
  const request: ChatCompletionStreamRequest = { model: args.model, messages };
  if (args.temperature !== undefined) request.temperature = args.temperature;
  if (args.maxTokens !== undefined) request.maxTokens = args.maxTokens;
  return request;
}

/** The conversation's opening: the system prompt, if any. */
export function startConversation(args: ChatArgs): ChatCompletionRequestMessage[] {
  return args.system === undefined ? [] : [{ role: "system", content: args.system }];
}

/**
 * Streams one answer through `renderer`. Rejects with the client's typed error
 * when the call fails; the renderer then still holds what had arrived, and its
 * output has been ended with a newline.
 */
export async function streamAnswer(
  client: Mistral,
  request: ChatCompletionStreamRequest,
  renderer: AnswerRenderer,
  options: TurnOptions,
): Promise<AnswerRecord> {
  let ok = false;
  let stream: EventStream<CompletionEvent> | undefined;
  try {
    const resume = options.resume === undefined ? {} : { resume: { maxAttempts: options.resume } };
    stream = await client.chat.stream(request, { signal: options.signal, ...resume });
    for await (const event of stream) renderer.write(event);
    ok = true;
    return renderer.record();
  } finally {
    const record = renderer.finish();
    if (ok && (record.finishReason === "length" || record.finishReason === "model_length")) {
      options.notesTo.write(`${cutNote(record.finishReason, request.maxTokens)}\n`);
    }
    // After a failure, stats are only worth a line when something had arrived.
    const stats = stream?.stats;
    if (options.statsTo && stats && (ok || stats.timeToFirstTokenMs !== undefined)) {
      options.statsTo.write(`${formatStats(stats)}\n`);
    }
  }
}

/** Says why an answer stopped short (`finish_reason` `length` or `model_length`). */
function cutNote(reason: string, maxTokens: number | null | undefined): string {
  if (reason === "model_length") {
    return "mistral-stream: the answer was cut short: the model's context is full (finish_reason: model_length)";
  }
  const limit = typeof maxTokens === "number" ? `--max-tokens ${maxTokens}` : "the token limit";
  return `mistral-stream: the answer was cut short by ${limit} (finish_reason: length)`;
}
