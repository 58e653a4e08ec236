/**
 * A stream's resources and their release, kept apart from the stream object.
 * Nothing long-lived (the transport's signal listener, the idle timer, the
 * call's deadlines) may reach the stream itself, so a stream its caller
 * dropped without reading it to the end or closing it can be
 * garbage-collected, and its connection released then.
 *
 * @module
 */

import type { CallScope } from "../http/call-scope.js";
import type { BodyReader } from "../http/transport.js";
import { noop } from "../util.js";

/** After `[DONE]`, how long to wait for the body's end before cutting the connection. */
const drainGraceMs = 1000;

/** What a stream must release when it ends. */
export interface Lifeline {
  readonly reader: BodyReader;
  readonly scope: CallScope;
  /** Cancels the body when the call's signal aborts (a deadline, the caller's signal). */
  readonly onAbort: () => void;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The lifeline of a stream reading `reader` within `scope`. Built outside the
 * stream's constructor: a closure created there would share its context, and
 * so `this`, with every other closure created there.
 */
export function createLifeline(reader: BodyReader, scope: CallScope): Lifeline {
  const onAbort = (): void => {
    reader.cancel(scope.reason).catch(noop);
  };
  scope.signal.addEventListener("abort", onAbort, { once: true });
  if (scope.signal.aborted) onAbort();
  return { reader, scope, onAbort, idleTimer: undefined };
}

/** Clears the idle timer, the abort listener and the call's deadlines; cancels the body unless told not to. */
export function releaseLifeline(lifeline: Lifeline, cancelBody = true): void {
  if (lifeline.idleTimer !== undefined) clearTimeout(lifeline.idleTimer);
  lifeline.idleTimer = undefined;
  lifeline.scope.signal.removeEventListener("abort", lifeline.onAbort);
  lifeline.scope.dispose();
  if (cancelBody) lifeline.reader.cancel().catch(noop);
}

/**
 * After `[DONE]` the body normally ends at once; reading that end lets the
 * runtime reuse the connection. If it does not end promptly, cut it.
 */
export function drainAfterDone(reader: BodyReader): void {
  const timer = setTimeout(() => reader.cancel().catch(noop), drainGraceMs);
  reader.read().then(
    (result) => {
      clearTimeout(timer);
      if (!result.done) reader.cancel().catch(noop);
    },
    () => clearTimeout(timer),
  );
}

/** Releases the connection of a stream that was dropped without being read to its end or closed. */
export const abandoned =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<Lifeline>((lifeline) => releaseLifeline(lifeline))
    : undefined;
