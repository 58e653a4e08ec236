/**
 * Plays a stream script onto an HTTP response with pacing: the first event
 * after the time-to-first-token, then one event per token interval, computed
 * from the start so timer jitter does not accumulate. Stops quietly when the
 * client goes away (the signal aborts).
 *
 * @module
 */
import type { ServerResponse } from "node:http";
import type { StreamScript } from "../faults/stream-script.js";

/** How fast to stream. */
export interface Pacing {
  /** Events per second after the first; 0 or Infinity sends as fast as possible. */
  tokensPerSecond: number;
  /** Wait before the first event. */
  timeToFirstTokenMs: number;
}

/** Sleeps until `Date.now() >= due`, or until the signal aborts. */
export function sleepUntil(due: number, signal: AbortSignal): Promise<void> {
  const ms = due - Date.now();
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Writes text, waiting for the socket to drain when its buffer is full. */
function write(res: ServerResponse, text: string | Uint8Array, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || res.destroyed) return resolve();
    const flushed = res.write(text);
    if (flushed) return resolve();
    const done = () => {
      res.off("drain", done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    res.on("drain", done);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Cuts the connection once everything written so far has left the process. */
function drop(res: ServerResponse, last: Uint8Array | undefined): void {
  const cut = () => res.socket?.destroy();
  if (last && last.length > 0) res.write(last, cut);
  else res.write("", cut);
}

/** Plays `script` onto `res` (headers must already be sent). */
export async function playStream(
  res: ServerResponse,
  script: StreamScript,
  pacing: Pacing,
  signal: AbortSignal,
): Promise<void> {
  const tps = pacing.tokensPerSecond;
  const interval = tps > 0 && Number.isFinite(tps) ? 1000 / tps : 0;
  let due = Date.now() + pacing.timeToFirstTokenMs;
  let sent = 0;
  let first = true;
  await sleepUntil(due, signal);
  for (const step of script.steps) {
    if (signal.aborted) return;
    if (step.type === "drop") return drop(res, undefined);
    if (step.type === "stall") {
      await stall(res, step.ms, step.keepAliveMs, signal);
      due = Date.now();
      continue;
    }
    if (!first && interval > 0 && step.data !== "[DONE]")
      await sleepUntil((due += interval), signal);
    first = false;
    const name = step.event === undefined ? "" : `event: ${step.event}\n`;
    const bytes = Buffer.from(`${name}data: ${step.data}\n\n`);
    if (script.dropAfterBytes !== undefined && sent + bytes.length > script.dropAfterBytes) {
      return drop(res, bytes.subarray(0, script.dropAfterBytes - sent));
    }
    sent += bytes.length;
    await write(res, bytes, signal);
  }
  if (!signal.aborted) res.end();
}

async function stall(
  res: ServerResponse,
  ms: number,
  keepAliveMs: number | undefined,
  signal: AbortSignal,
): Promise<void> {
  const end = Date.now() + ms;
  while (!signal.aborted && Date.now() < end) {
    const next = keepAliveMs === undefined ? end : Math.min(end, Date.now() + keepAliveMs);
    await sleepUntil(next, signal);
    if (keepAliveMs !== undefined && next < end && !signal.aborted)
      await write(res, ": keep-alive\n\n", signal);
  }
}
