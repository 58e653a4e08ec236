/**
 * A stream's resources, kept apart from the stream object. Nothing long-lived
 * (the transport's signal listener, the idle timer) may reach the stream
 * itself, so a stream its caller dropped without reading it to the end or
 * closing it can be garbage-collected, and its connection released then.
 *
 * @module
 */

import type { CallScope } from "../http/call-scope.js";
import type { BodyReader } from "../http/transport.js";

const noop = (): void => {};

/** What a stream must release when it ends. */
export interface Lifeline {
  readonly reader: BodyReader;
  readonly scope: CallScope;
  readonly onAbort: () => void;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/** Clears the idle timer, the abort listener and the call's deadlines; cancels the body unless told not to. */
export function releaseLifeline(lifeline: Lifeline, cancelBody = true): void {
  if (lifeline.idleTimer !== undefined) clearTimeout(lifeline.idleTimer);
  lifeline.idleTimer = undefined;
  lifeline.scope.signal.removeEventListener("abort", lifeline.onAbort);
  lifeline.scope.dispose();
  if (cancelBody) lifeline.reader.cancel().catch(noop);
}

/** Releases the connection of a stream that was dropped without being read to its end or closed. */
export const abandoned =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<Lifeline>((lifeline) => releaseLifeline(lifeline))
    : undefined;
