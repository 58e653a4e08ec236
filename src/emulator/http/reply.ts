/**
 * How the answering endpoints reply: the request body read as JSON (with the
 * API's errors when it is not), a whole answer sent after the time it would
 * take to generate, and a stream played at a pace and shaped by the
 * request's stream faults.
 *
 * @module
 */
import type { Dialect, Payload } from "../faults/stream-script.js";
import { scriptStream } from "../faults/stream-script.js";
import type { Check, ValidationIssue } from "../requests/validate.js";
import {
  type ErrorReply,
  jsonDecodeError,
  missingBodyError,
  validationError,
} from "./error-bodies.js";
import { markFaults, type RequestScope } from "./scope.js";
import { type Pacing, playStream, sleepUntil } from "./stream-writer.js";
import { BodyTooLargeError, numericHeader, readBody, sendJson } from "./util.js";

/** Reads the body as JSON, answering like the API's validation layer when it is empty or not JSON. */
export async function readJson(scope: RequestScope): Promise<{ value: unknown } | ErrorReply> {
  let text: string;
  try {
    text = await readBody(scope.req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, body: { detail: "Request Entity Too Large" } };
    throw error;
  }
  if (text.trim() === "") return missingBodyError();
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return jsonDecodeError(position, "Expecting value");
  }
}

/** Reads the body as JSON and validates it against `check` (the API's 422 for what it refuses). */
export async function readChecked(
  scope: RequestScope,
  check: Check,
): Promise<Record<string, unknown> | ErrorReply> {
  const parsed = await readJson(scope);
  if ("status" in parsed) return parsed;
  const issues: ValidationIssue[] = [];
  check(parsed.value, ["body"], issues);
  return issues.length > 0 ? validationError(issues) : (parsed.value as Record<string, unknown>);
}

/** Whether a handler's step answered with an error instead of a value. */
export const isReply = (value: unknown): value is ErrorReply =>
  typeof value === "object" && value !== null && "status" in value && "body" in value;

/** Pacing from the options, overridden per request by `x-emulator-tokens-per-second` / `x-emulator-ttft-ms`. */
export function pacingFor(scope: RequestScope): Pacing {
  const { options } = scope.ctx;
  return {
    tokensPerSecond:
      numericHeader(scope.req, "x-emulator-tokens-per-second") ?? options.tokensPerSecond,
    timeToFirstTokenMs:
      numericHeader(scope.req, "x-emulator-ttft-ms") ?? options.timeToFirstTokenMs,
  };
}

/** Sends a whole answer of `tokens` generated tokens once they would have been generated. */
export async function sendAnswer(
  scope: RequestScope,
  tokens: number,
  body: unknown,
): Promise<void> {
  const pacing = pacingFor(scope);
  const tps = pacing.tokensPerSecond;
  const interval = tps > 0 && Number.isFinite(tps) ? 1000 / tps : 0;
  await sleepUntil(Date.now() + pacing.timeToFirstTokenMs + interval * tokens, scope.signal);
  if (!scope.signal.aborted) sendJson(scope.res, 200, body);
}

/** Streams `payloads`, shaped by the request's stream faults in the stream's `dialect`. */
export async function sendStream(
  scope: RequestScope,
  payloads: readonly Payload[],
  dialect: Dialect,
): Promise<void> {
  const faults = scope.ticket.takeStream();
  markFaults(scope, faults);
  const res = scope.res;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  });
  res.flushHeaders();
  await playStream(res, scriptStream(payloads, faults, dialect), pacingFor(scope), scope.signal);
}
